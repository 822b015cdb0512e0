"""`hrdialogue`: every domain capability from the command line, without the web platform."""

from __future__ import annotations

import click

from hrdialogue import __version__

__all__ = ["main"]


@click.group()
@click.version_option(__version__, prog_name="hrdialogue")
def main() -> None:
    """hrdialogue: UN human-rights consultations, dialogue and reports."""
