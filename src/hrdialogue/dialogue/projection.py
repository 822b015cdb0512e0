"""The opinion map: PCA of the mean-imputed vote matrix, sparsity-aware (docs §3).

The centred, mean-imputed matrix has the sparsity of the votes (an imputed cell becomes exactly
zero after centring), so it is built as a sparse matrix and never densified; its two leading
right singular vectors come from block power iteration, warm-started from the last components.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

__all__ = ["Projection", "centre_votes", "project_votes"]

_BLOCK = 8  # 2 components + 6 oversampling vectors
_MAX_ITER = 100
_TOL = 1e-7

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Projection:
    """Components (m × 2), column means (m), participant and statement coordinates."""

    components: FloatArray
    means: FloatArray
    participants: FloatArray
    statements: FloatArray
    extremity: FloatArray
    iterations: int


def centre_votes(votes: sparse.csr_matrix) -> tuple[sparse.csr_matrix, FloatArray]:
    """The centred mean-imputed matrix (same sparsity as `votes`) and the column means.

    `votes` holds +1/−1/0 with passes as explicit zeros; the pattern is "has voted".
    """
    counts = np.bincount(votes.indices, minlength=votes.shape[1]).astype(np.float64)
    sums = np.bincount(votes.indices, weights=votes.data, minlength=votes.shape[1])
    sums = sums.astype(np.float64)  # bincount of nothing is int
    means = np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
    centred = sparse.csr_matrix(
        (votes.data - means[votes.indices], votes.indices, votes.indptr), shape=votes.shape
    )
    return centred, means


def _orient(components: FloatArray, previous: FloatArray | None) -> FloatArray:
    """Fix each component's sign: like the previous one, else largest entry positive."""
    out = components.copy()
    for k in range(out.shape[1]):
        if previous is not None and previous.shape[0] == out.shape[0]:
            sign = np.sign(out[:, k] @ previous[:, k])
        else:
            sign = np.sign(out[np.argmax(np.abs(out[:, k])), k])
        out[:, k] *= sign if sign != 0 else 1.0
    return out


def _leading_components(
    centred: sparse.csr_matrix, start: FloatArray | None, n_components: int
) -> tuple[FloatArray, int]:
    """Top right singular vectors by subspace iteration with Rayleigh–Ritz."""
    m = centred.shape[1]
    block = min(m, _BLOCK)
    rng = np.random.default_rng(0)
    q = rng.standard_normal((m, block))
    if start is not None and start.shape[0] == m:
        q[:, : start.shape[1]] = start
    q, _ = np.linalg.qr(q)
    transposed = centred.T  # CSC view: no copy
    previous: FloatArray | None = None
    ritz = q
    iterations = 0
    for iterations in range(1, _MAX_ITER + 1):  # noqa: B007 (used after the loop)
        y = centred @ q
        _, vectors = np.linalg.eigh(y.T @ y)
        ritz = q @ vectors[:, ::-1]  # Ritz vectors, best first
        top = ritz[:, :n_components]
        if previous is not None:
            overlap = np.abs(np.sum(top * previous, axis=0))
            if np.all(1.0 - overlap < _TOL):
                break
        previous = top
        # C·ritz = y·W: no second product with C.
        q, _ = np.linalg.qr(transposed @ (y @ vectors[:, ::-1]))
    return ritz[:, :n_components], iterations


def project_votes(
    votes: sparse.csr_matrix,
    previous_components: FloatArray | None = None,
    n_components: int = 2,
    *,
    n_zeroed: int = 0,
) -> Projection:
    """Project the participants (rows of `votes`) and the statements onto the opinion map.

    Each participant is scaled by √(statements ÷ own votes); a statement is projected as a
    participant who agreed with it alone, and its extremity is the length of that projection.
    `n_zeroed` moderated-out statements count, as Polis counts them, as statements on which
    everyone cast a neutral vote: in the scaling only (docs §1).
    """
    n, m = votes.shape
    centred, means = centre_votes(votes)
    if m == 0 or n == 0 or centred.nnz == 0:
        comps = np.zeros((m, n_components))
        iterations = 0
    else:
        comps, iterations = _leading_components(centred, previous_components, n_components)
        if comps.shape[1] < n_components:
            comps = np.hstack([comps, np.zeros((m, n_components - comps.shape[1]))])
        comps = _orient(comps, previous_components)
    own_votes = np.diff(votes.indptr).astype(np.float64)
    scale = np.sqrt((m + n_zeroed) / np.maximum(own_votes + n_zeroed, 1.0))
    participants = (centred @ comps) * scale[:, None]
    statements = np.sqrt(max(m, 1)) * (1.0 - means)[:, None] * comps
    return Projection(
        components=comps,
        means=means,
        participants=np.asarray(participants, dtype=np.float64),
        statements=statements,
        extremity=np.linalg.norm(statements, axis=1),
        iterations=iterations,
    )
