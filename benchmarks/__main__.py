"""`python -m benchmarks [NAME…]`: run every `benchmarks/bench_*.py` (or the named ones)."""

from __future__ import annotations

import importlib
import pkgutil
import sys

from benchmarks.harness import Report


def main(argv: list[str]) -> int:
    names = sorted(
        m.name for m in pkgutil.iter_modules(["benchmarks"]) if m.name.startswith("bench_")
    )
    wanted = [n if n.startswith("bench_") else f"bench_{n}" for n in argv] or names
    report = Report()
    for name in wanted:
        module = importlib.import_module(f"benchmarks.{name}")
        module.run(report)
    report.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
