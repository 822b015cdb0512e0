"""The reliability tests' figure lines (battery format, `FIGURE E3: …`): printed where the
test runs (seen with `pytest -s`) and again in pytest's closing summary, so that a CI log
always holds them (no warning is raised for them: warnings are errors here)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

__all__ = ["figure", "pytest_terminal_summary"]

_FIGURES: list[str] = []


@pytest.fixture
def figure() -> Callable[[str], None]:
    """Record one figure line."""

    def record(line: str) -> None:
        print(line)
        _FIGURES.append(line)

    return record


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _FIGURES:
        terminalreporter.section("figures")
        for line in _FIGURES:
            terminalreporter.write_line(line)
