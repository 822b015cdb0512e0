"""Who is in the conversation (docs/dialogue-algorithm.md §2)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["MIN_PARTICIPANTS", "MIN_VOTES", "select_participants"]

MIN_VOTES = 7
MIN_PARTICIPANTS = 15


def select_participants(
    vote_counts: npt.NDArray[np.integer],
    n_statements: int,
    previous: npt.NDArray[np.bool_] | None = None,
) -> npt.NDArray[np.bool_]:
    """A mask of the participants in the conversation.

    `vote_counts[i]` is the number of votes row `i` cast (rows in order of first vote);
    `previous` is the mask of the last update (shorter when participants joined since):
    once in, always in.
    """
    counts = np.asarray(vote_counts)
    threshold = min(MIN_VOTES, n_statements)
    inside = (counts >= threshold) & (counts > 0)
    if previous is not None:
        inside[: len(previous)] |= previous
    missing = MIN_PARTICIPANTS - int(inside.sum())
    if missing > 0:
        # The most active of the others (ties: earlier first vote), only those who voted.
        candidates = np.flatnonzero(~inside & (counts > 0))
        ranked = candidates[np.argsort(-counts[candidates], kind="stable")]
        inside[ranked[:missing]] = True
    return inside
