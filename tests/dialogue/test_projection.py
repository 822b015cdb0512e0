"""The opinion map: mean imputation, PCA, √(statements ÷ own votes) scaling."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from hrdialogue.dialogue.projection import centre_votes, project_votes


def _votes(rows: list[list[float | None]]) -> sparse.csr_matrix:
    """A vote matrix from a dense table where None = not voted (0 stays a cast pass)."""
    r, c, v = [], [], []
    for i, row in enumerate(rows):
        for j, x in enumerate(row):
            if x is not None:
                r.append(i)
                c.append(j)
                v.append(float(x))
    return sparse.csr_matrix((v, (r, c)), shape=(len(rows), len(rows[0])))


# Hand-computed case. Statement s1 splits the room, s2 everyone agrees with:
#   p1: +1 +1    p2: -1 +1    p3: +1  .    p4: -1 +1
# Means: s1 = (1-1+1-1)/4 = 0, s2 = (1+1+1)/3 = 1. Centred (imputed cells 0):
#   p1: (1, 0)  p2: (-1, 0)  p3: (1, 0)  p4: (-1, 0)
# The first component is therefore ±(1, 0); oriented so its largest entry is positive: (1, 0).
# x = √(2 / own votes) · 1 or -1: p1 = 1, p2 = -1, p3 = √2 (one vote), p4 = -1.
# Statement s1 projects at √2 · (1 - 0) · (1, 0): extremity √2; s2 at √2 · (1 - 1) = 0.
HAND = [[1, 1], [-1, 1], [1, None], [-1, 1]]


def test_means_ignore_missing_votes_and_centring_keeps_sparsity() -> None:
    votes = _votes(HAND)
    centred, means = centre_votes(votes)
    assert means.tolist() == pytest.approx([0.0, 1.0])
    assert centred.nnz == votes.nnz
    assert centred.toarray().ravel().tolist() == pytest.approx([1, 0, -1, 0, 1, 0, -1, 0])


def test_hand_computed_projection() -> None:
    p = project_votes(_votes(HAND))
    assert p.components[:, 0] == pytest.approx([1.0, 0.0], abs=1e-9)
    assert p.participants[:, 0] == pytest.approx([1.0, -1.0, np.sqrt(2), -1.0], abs=1e-9)
    assert p.participants[:, 1] == pytest.approx([0.0, 0.0, 0.0, 0.0], abs=1e-9)
    assert p.extremity == pytest.approx([np.sqrt(2), 0.0], abs=1e-9)


def test_moderated_out_statements_count_in_the_scaling_only() -> None:
    # 2 zeroed statements: p3 scales by √((2+2)/(1+2)) instead of √(2/1).
    p = project_votes(_votes(HAND), n_zeroed=2)
    assert p.participants[2, 0] == pytest.approx(np.sqrt(4 / 3))
    assert p.participants[0, 0] == pytest.approx(1.0)  # √((2+2)/(2+2))


def test_components_match_a_dense_svd_of_the_imputed_matrix() -> None:
    rng = np.random.default_rng(7)
    dense = rng.choice([-1.0, 0.0, 1.0, np.nan], size=(60, 25), p=[0.3, 0.1, 0.3, 0.3])
    rows = [[None if np.isnan(x) else x for x in row] for row in dense]
    p = project_votes(_votes(rows))
    # Reference: impute column means of cast votes, centre, full SVD.
    means = np.nanmean(dense, axis=0)
    imputed = np.where(np.isnan(dense), means, dense) - means
    _, _, vt = np.linalg.svd(imputed, full_matrices=False)
    for k in range(2):
        assert abs(vt[k] @ p.components[:, k]) == pytest.approx(1.0, abs=1e-6)


def test_warm_start_keeps_the_orientation_of_the_last_map() -> None:
    first = project_votes(_votes(HAND))
    flipped = -first.components
    again = project_votes(_votes(HAND), flipped)
    assert again.components[:, 0] == pytest.approx(flipped[:, 0], abs=1e-9)


def test_empty_matrix_gives_zeros_not_nan() -> None:
    p = project_votes(sparse.csr_matrix((3, 2)))
    assert not np.isnan(p.participants).any()
