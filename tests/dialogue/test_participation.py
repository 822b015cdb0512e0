"""Who is in the conversation: 7 votes (or all statements when fewer), 15 at least, sticky."""

from __future__ import annotations

import numpy as np

from hrdialogue.dialogue.participation import select_participants


def test_seven_votes_are_enough_when_fifteen_are_in() -> None:
    counts = np.array([7] * 15 + [6, 0])
    inside = select_participants(counts, n_statements=40)
    assert inside.tolist() == [True] * 15 + [False, False]


def test_fewer_statements_than_seven_lower_the_threshold() -> None:
    # 5 statements: having voted on all 5 is enough.
    counts = np.array([5] * 15 + [4])
    assert select_participants(counts, n_statements=5).sum() == 15


def test_the_most_active_are_added_until_fifteen() -> None:
    # Only 2 reach 7 votes; 13 more are taken by activity: the 6-vote ones first, then 5s in
    # order of first vote (rows 5..), never the one who did not vote.
    counts = np.array([7, 7, 6, 6, 6] + [5] * 12 + [0])
    inside = select_participants(counts, n_statements=40)
    assert inside.sum() == 15
    assert inside[:5].all()
    assert inside[5:15].all()  # first ten of the twelve 5-vote rows
    assert not inside[15:].any()


def test_once_in_always_in() -> None:
    counts = np.array([7] * 15 + [3])
    previous = np.array([False] * 15 + [True])  # row 15 was in at the last update
    assert select_participants(counts, 40, previous)[15]


def test_nobody_without_a_vote_is_in() -> None:
    assert not select_participants(np.array([0, 0]), 10).any()
