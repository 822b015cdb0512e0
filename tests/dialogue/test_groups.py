"""Opinion groups: base clusters, weighted silhouette, k-smoothing."""

from __future__ import annotations

import numpy as np
import pytest

from hrdialogue.dialogue.groups import (
    KSmoother,
    cluster_base,
    find_opinion_groups,
    score_silhouette,
    smooth_k,
)


def test_weighted_silhouette_by_hand() -> None:
    # Points on a line: A at 0 (2 participants), B at 1 (1), C at 10 (1); groups {A, B}, {C}.
    # A: a = (2·0 + 1·1)/(3-1) = 0.5, b = 10 → s = 9.5/10 = 0.95
    # B: a = (2·1 + 1·0)/(3-1) = 1,   b = 9  → s = 8/9
    # C: alone in its group → 0.   Weighted mean: (2·0.95 + 8/9 + 0)/4 = 0.697222…
    centres = np.array([[0.0, 0.0], [1.0, 0.0], [10.0, 0.0]])
    weights = np.array([2.0, 1.0, 1.0])
    labels = np.array([0, 0, 1])
    assert score_silhouette(centres, weights, labels) == pytest.approx((1.9 + 8 / 9) / 4)


def test_k_changes_only_after_four_wins_in_a_row() -> None:
    s = smooth_k(KSmoother(), 2)
    assert s.shown == 2  # a cold start shows the best k at once
    for _ in range(3):
        s = smooth_k(s, 3)
        assert s.shown == 2
    s = smooth_k(s, 3)
    assert s.shown == 3
    # An interrupted streak starts again.
    s = smooth_k(smooth_k(smooth_k(s, 4), 4), 2)
    assert (s.shown, s.candidate, s.streak) == (3, 2, 1)


def _blobs(centres: list[tuple[float, float]], n: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.vstack([rng.normal(c, 0.3, size=(n, 2)) for c in centres])


def test_base_clusters_are_capped_at_one_hundred() -> None:
    points = _blobs([(0, 0), (5, 5)], 200)
    labels, centres = cluster_base(points)
    assert len(centres) == 100
    assert labels.min() == 0
    assert labels.max() == 99


def test_few_points_each_make_a_base_cluster() -> None:
    points = np.array([[0.0, 0.0], [0.0, 0.0], [1.0, 1.0]])
    labels, centres = cluster_base(points)
    assert len(centres) == 2
    assert labels[0] == labels[1] != labels[2]


@pytest.mark.parametrize("k", [2, 3, 4])
def test_planted_groups_are_found(k: int) -> None:
    corners = [(0, 0), (8, 0), (0, 8), (8, 8)][:k]
    points = _blobs(corners, 60)
    grouping = find_opinion_groups(points)
    assert grouping.k == k
    truth = np.repeat(np.arange(k), 60)
    # Same partition: every planted blob maps to exactly one group.
    pairs = {(int(t), int(g)) for t, g in zip(truth, grouping.labels, strict=True)}
    assert len(pairs) == k


def test_groups_are_numbered_by_size() -> None:
    points = np.vstack([_blobs([(0, 0)], 20), _blobs([(9, 9)], 70, seed=1)])
    grouping = find_opinion_groups(points)
    assert np.bincount(grouping.labels).tolist() == [70, 20]


def test_k_holds_until_the_new_best_k_wins_several_updates() -> None:
    two = _blobs([(0, 0), (8, 8)], 60)
    three = _blobs([(0, 0), (8, 8), (0, 8)], 60)
    first = find_opinion_groups(two)
    assert first.k == 2
    state = first.state
    shown = []
    for _ in range(4):
        g = find_opinion_groups(three, state)
        state = g.state
        shown.append(g.k)
    assert shown == [2, 2, 2, 3]


def test_one_distinct_opinion_is_one_group() -> None:
    grouping = find_opinion_groups(np.zeros((5, 2)))
    assert grouping.k == 1
    assert grouping.labels.tolist() == [0] * 5
