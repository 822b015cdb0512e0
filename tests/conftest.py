"""Shared fixtures: where the shared data lives, and how a test that needs it skips."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    return Path(os.environ.get("HRDIALOGUE_SHARED", ROOT.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    """`$HRDIALOGUE_SHARED` (default ../shared). Skips when absent, fails CI when required."""
    path = shared_dir()
    if not path.is_dir():
        reason = f"shared data not found at {path} (set HRDIALOGUE_SHARED)"
        if os.environ.get("HRDIALOGUE_REQUIRE_SHARED") == "1":
            pytest.fail(reason + "; HRDIALOGUE_REQUIRE_SHARED=1 forbids skipping")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    """The seed resolution A/RES/63/180 (Russian), as extracted from the PDF."""
    return (shared / "seeds" / "000_8dba0c578e5ca190.txt").read_text(encoding="utf-8")
