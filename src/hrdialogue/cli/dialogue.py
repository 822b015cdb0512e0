"""`hrdialogue dialogue …`: opinion groups from Polis-format vote files."""

from __future__ import annotations

import click

__all__ = ["register"]


def register(main: click.Group) -> None:
    """Add the `dialogue` command group to the `hrdialogue` group."""
    del main
