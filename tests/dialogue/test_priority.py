"""Which statement comes next: priority by hand, never one already voted on."""

from __future__ import annotations

import numpy as np
import pytest

from hrdialogue.dialogue.priority import META_PRIORITY, choose_statement, score_priorities
from hrdialogue.dialogue.statements import VoteTally


def test_priority_by_hand() -> None:
    # Statement 0: no votes, extremity 0 → pa = 1/2, pass rate 1/2, novelty 1 + 8 = 9
    #   (0.5 · 0.5 · 1 · 9)² = 2.25² = 5.0625
    # Statement 1: 5 agrees of 5, extremity 1 → pa = 6/7, pass rate 1/7, novelty 1 + 8/2 = 5
    #   (6/7 · 6/7 · 2 · 5)² = (360/49)² = 53.977509…
    tally = VoteTally(
        agree=np.array([[0.0, 5.0]]), disagree=np.array([[0.0, 0.0]]), seen=np.array([[0.0, 5.0]])
    )
    p = score_priorities(tally, np.array([0.0, 1.0]))
    assert p.tolist() == pytest.approx([5.0625, (360 / 49) ** 2])
    meta = score_priorities(tally, np.array([0.0, 1.0]), np.array([True, False]))
    assert meta[0] == META_PRIORITY


def test_choice_skips_voted_statements_and_ends() -> None:
    rng = np.random.default_rng(0)
    priorities = np.array([100.0, 1.0, 5.0])
    voted = np.array([True, False, True])
    assert {choose_statement(priorities, voted, rng) for _ in range(20)} == {1}
    assert choose_statement(priorities, np.ones(3, dtype=bool), rng) is None


def test_choice_follows_priority() -> None:
    rng = np.random.default_rng(1)
    picks = [
        choose_statement(np.array([9.0, 1.0]), np.zeros(2, dtype=bool), rng) for _ in range(2000)
    ]
    assert 0.85 < picks.count(0) / 2000 < 0.95
