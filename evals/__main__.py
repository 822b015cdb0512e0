"""`python -m evals [NAME…]`: run every `evals/eval_*.py` (or the named ones).

Each module exposes `run() -> None` and prints its scores with the sample size and, where it
matters, a confidence interval.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys


def main(argv: list[str]) -> int:
    names = sorted(m.name for m in pkgutil.iter_modules(["evals"]) if m.name.startswith("eval_"))
    wanted = [n if n.startswith("eval_") else f"eval_{n}" for n in argv] or names
    for name in wanted:
        importlib.import_module(f"evals.{name}").run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
