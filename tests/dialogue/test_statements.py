"""Representative statements, consensus and group-informed consensus on a hand example."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from hrdialogue.dialogue.statements import (
    find_consensus_statements,
    find_representative_statements,
    score_group_informed_consensus,
    score_one_proportion,
    score_two_proportions,
    tally_votes,
)


def test_one_proportion_by_hand() -> None:
    # 3 agrees of 4: 2·√5·(4/5 − 1/2) = 2 · 2.2360680 · 0.3 = 1.3416408
    assert score_one_proportion(np.array([3.0]), np.array([4.0]))[0] == pytest.approx(1.3416408)


def test_two_proportions_by_hand() -> None:
    # In: 3 of 4 → 4/5; out: 0 of 4 → 1/5; pooled 5/10; spread √(0.25 · (1/5 + 1/5)) = √0.1
    # z = 0.6 / 0.3162278 = 1.8973666
    z = score_two_proportions(np.array([3.0]), np.array([4.0]), np.array([0.0]), np.array([4.0]))
    assert z[0] == pytest.approx(1.8973666)


# Eight participants in two groups of four. s1 divides them (group 0 agrees, group 1
# disagrees), s2 everyone agrees with, s3 group 0 passes and group 1 does not vote.
VOTES = sparse.csr_matrix(
    (
        [1, 1, 0] * 4 + [-1, 1] * 4,
        (
            [i for i in range(4) for _ in range(3)] + [i for i in range(4, 8) for _ in range(2)],
            [0, 1, 2] * 4 + [0, 1] * 4,
        ),
    ),
    shape=(8, 3),
)
LABELS = np.array([0, 0, 0, 0, 1, 1, 1, 1])
IDS = ["s1", "s2", "s3"]


def test_tally_counts_passes_as_seen() -> None:
    t = tally_votes(VOTES, LABELS, 2)
    assert t.agree.tolist() == [[4, 4, 0], [0, 4, 0]]
    assert t.disagree.tolist() == [[0, 0, 0], [4, 0, 0]]
    assert t.seen.tolist() == [[4, 4, 4], [4, 4, 0]]


def test_representative_statements_by_hand() -> None:
    # Group 0 on s1: A=4, S=4 → rate 5/6, z = 2·√5·(5/5 − 1/2) = √5 = 2.2360680;
    # rest A'=0, S'=4 → two-proportion: 5/5 vs 1/5, pooled 6/10, spread √(0.24·0.4)
    # → z_vs_rest = 0.8 / 0.3098387 = 2.5819889. Representativeness (5/6)/(1/6) = 5.
    # s2 is the same in both groups (z_vs_rest 0): not representative. Group 1 mirrors on s1.
    reps = find_representative_statements(tally_votes(VOTES, LABELS, 2), IDS)
    assert [(r.statement, r.direction) for r in reps[0]] == [("s1", "agree")]
    assert [(r.statement, r.direction) for r in reps[1]] == [("s1", "disagree")]
    r = reps[0][0]
    assert r.rate == pytest.approx(5 / 6)
    assert r.z == pytest.approx(2.2360680)
    assert r.z_vs_rest == pytest.approx(2.5819889)
    assert r.representativeness == pytest.approx(5.0)


def test_consensus_by_hand() -> None:
    # s2: 8 agrees of 8 → rate 9/10, z = 2·√9·(9/9 − 1/2) = 3 > 1.2816: consensus agree.
    # s1: 4 of 8 → rate 5/10, not above one half. s3: 4 passes → agree rate 1/6.
    cons = find_consensus_statements(tally_votes(VOTES, LABELS, 2), IDS)
    assert [(c.statement, c.direction) for c in cons] == [("s2", "agree")]
    assert cons[0].rate == pytest.approx(0.9)
    assert cons[0].z == pytest.approx(3.0)


def test_group_informed_consensus_by_hand() -> None:
    # s1: (5/6)·(1/6) = 5/36; s2: (5/6)·(5/6) = 25/36; s3: (1/6)·(1/2) = 1/12
    gic = score_group_informed_consensus(tally_votes(VOTES, LABELS, 2))
    assert gic.tolist() == pytest.approx([5 / 36, 25 / 36, 1 / 12])
