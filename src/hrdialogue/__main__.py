"""`python -m hrdialogue …`: the same as the `hrdialogue` command."""

from __future__ import annotations

from hrdialogue.cli import main

__all__: list[str] = []

if __name__ == "__main__":
    main(prog_name="hrdialogue")
