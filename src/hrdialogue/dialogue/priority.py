"""Which statement to show a participant next (docs §6)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from hrdialogue.dialogue.statements import VoteTally

__all__ = ["META_PRIORITY", "choose_statement", "score_priorities"]

META_PRIORITY = 7.0**2

FloatArray = npt.NDArray[np.float64]


def score_priorities(
    tally: VoteTally, extremity: FloatArray, meta: npt.NDArray[np.bool_] | None = None
) -> FloatArray:
    """Per statement: `(pa · (1 − pp) · (1 + E) · (1 + 8 · 2^(−S/5)))²`.

    `pa` is the smoothed agree rate, `pp` the smoothed pass rate, `E` the extremity and `S` the
    number of votes, all over the in-conversation participants. Meta statements get 7².
    """
    a = tally.agree.sum(axis=0)
    d = tally.disagree.sum(axis=0)
    s = tally.seen.sum(axis=0)
    passes = s - a - d
    pa = (a + 1.0) / (s + 2.0)
    pp = (passes + 1.0) / (s + 2.0)
    novelty = 1.0 + 8.0 * np.exp2(-s / 5.0)
    priority = (pa * (1.0 - pp) * (1.0 + extremity) * novelty) ** 2
    if meta is not None:
        priority = np.where(meta, META_PRIORITY, priority)
    return np.asarray(priority, dtype=np.float64)


def choose_statement(
    priorities: FloatArray, voted: npt.NDArray[np.bool_], rng: np.random.Generator
) -> int | None:
    """Index of the next statement for a participant who voted on `voted`; None when done.

    Drawn among the statements not yet voted on, with probability proportional to priority.
    """
    open_ = np.flatnonzero(~voted)
    if len(open_) == 0:
        return None
    weights = np.maximum(priorities[open_], 0.0)
    total = weights.sum()
    if not np.isfinite(total) or total <= 0:
        return int(open_[rng.integers(len(open_))])
    return int(open_[rng.choice(len(open_), p=weights / total)])
