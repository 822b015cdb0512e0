"""`hrdialogue`: every domain capability from the command line, without the web platform.

One module per domain: `cli.documents` (parse, compare, schema, demo), `cli.dialogue`
(`hrdialogue dialogue …`) and `cli.receipts` (`hrdialogue receipt verify | keygen`). Errors a
user can cause are printed as one line on stderr with a non-zero exit, never as a traceback.
"""

from __future__ import annotations

import click

from hrdialogue import __version__
from hrdialogue.cli import dialogue, documents, receipts

__all__ = ["main"]


@click.group()
@click.version_option(__version__, prog_name="hrdialogue")
def main() -> None:
    """hrdialogue: UN human-rights consultations, dialogue and reports."""


documents.register(main)
dialogue.register(main)
receipts.register(main)
