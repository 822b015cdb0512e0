"""`python -m hrdialogue.web …`: Django's management commands (the project's `manage.py`)."""

from __future__ import annotations

import os
import sys

__all__ = ["main"]


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hrdialogue.web.config.settings.dev")
    # Imported after the settings module is chosen.
    from django.core.management import execute_from_command_line  # noqa: PLC0415

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
