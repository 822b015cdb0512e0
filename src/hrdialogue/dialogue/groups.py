"""Opinion groups: k-means over 100 base clusters, k by weighted silhouette, k-smoothing (§4)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from scipy.spatial import cKDTree

__all__ = [
    "BASE_K",
    "K_BUFFER",
    "MAX_K",
    "GroupState",
    "Grouping",
    "KSmoother",
    "cluster_base",
    "find_opinion_groups",
    "score_silhouette",
    "smooth_k",
    "spread_base",
]

BASE_K = 100
MAX_K = 5
K_BUFFER = 4  # the same best k must win this many updates in a row before the shown k changes
_ITERATIONS = 100
_SUBSAMPLE = 2_000
_TOL = 1e-3

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class KSmoother:
    """The shown k, and the candidate k with how many updates in a row it has won."""

    shown: int | None = None
    candidate: int | None = None
    streak: int = 0


@dataclass(frozen=True)
class GroupState:
    """What one update leaves for the next: base centres, group centres per k, the smoother."""

    base_centres: FloatArray | None = None
    group_centres: dict[int, FloatArray] = field(default_factory=dict)
    smoother: KSmoother = KSmoother()


@dataclass(frozen=True)
class Grouping:
    """Groups of the in-conversation participants (labels 0..k−1, largest group first)."""

    labels: IntArray
    k: int
    silhouettes: dict[int, float]
    base_labels: IntArray
    base_centres: FloatArray
    state: GroupState


def smooth_k(smoother: KSmoother, best_k: int, *, buffer: int = K_BUFFER) -> KSmoother:
    """Advance the k-smoother by one update in which `best_k` had the best silhouette."""
    streak = smoother.streak + 1 if smoother.candidate == best_k else 1
    shown = smoother.shown
    if shown is None or streak >= buffer:
        shown = best_k
    return KSmoother(shown=shown, candidate=best_k, streak=streak)


def _distinct_rows(points: FloatArray) -> npt.NDArray[np.intp]:
    """Indices of the first occurrence of each distinct 2-D point, in order."""
    flat = np.ascontiguousarray(points[:, :2], dtype=np.float64).view(np.complex128).ravel()
    _, first = np.unique(flat, return_index=True)
    return np.sort(first)


def _first_distinct(points: FloatArray, k: int) -> FloatArray:
    """The first `k` distinct rows of `points`, in order."""
    return points[_distinct_rows(points)[:k]]


def _nearest(augmented: FloatArray, centres: FloatArray) -> IntArray:
    """Index of the nearest centre for each row of `augmented` = [points, 1]."""
    if len(centres) >= 16 and len(augmented) >= 1000:
        # Many centres (base clusters): a k-d tree over the centres, O(n log k).
        _, nearest = cKDTree(centres).query(augmented[:, :-1], workers=1)
        return np.asarray(nearest, dtype=np.int64)
    coef = np.vstack([-2.0 * centres.T, (centres**2).sum(axis=1)[None, :]])
    # einsum, not BLAS: a product this thin is faster on one thread than split across many.
    products: FloatArray = np.einsum("ij,jk->ik", augmented, coef)
    return np.asarray(np.argmin(products, axis=1), dtype=np.int64)


def _kmeans(
    points: FloatArray, init: FloatArray, weights: FloatArray | None = None
) -> tuple[IntArray, FloatArray]:
    """Weighted Lloyd's k-means from `init` until no label changes or the centres move less
    than 1e-4 of the points' variance (squared, summed; as scikit-learn's `tol`), at most 100
    rounds.

    A cluster left empty keeps its centre during the rounds and is dropped at the end; labels
    are renumbered in the order of the remaining centres.
    """
    w = np.ones(len(points)) if weights is None else np.asarray(weights, dtype=np.float64)
    centres = np.array(init, dtype=np.float64)
    k = len(centres)
    # argmin_c ‖x − c‖² = argmin_c (‖c‖² − 2 x·c): one product of [x, 1] with [−2c; ‖c‖²].
    augmented = np.hstack([points, np.ones((len(points), 1))])
    labels = np.full(len(points), -1, dtype=np.int64)
    tol = _TOL * float(points.var(axis=0).mean()) if len(points) else 0.0
    for _ in range(_ITERATIONS):
        new = _nearest(augmented, centres)
        if np.array_equal(new, labels):
            break
        labels = new
        mass = np.bincount(labels, weights=w, minlength=k)
        filled = mass > 0
        before = centres.copy()
        for dim in range(points.shape[1]):
            sums = np.bincount(labels, weights=w * points[:, dim], minlength=k)
            centres[filled, dim] = sums[filled] / mass[filled]
        if ((centres - before) ** 2).sum() <= tol:
            labels = _nearest(augmented, centres)
            break
    used = np.unique(labels)
    remap = np.full(k, -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    return remap[labels], centres[used]


def _farthest_first(points: FloatArray, weights: FloatArray, k: int) -> FloatArray:
    """Deterministic spread-out start: the heaviest point, then each time the point whose
    weighted distance to the chosen ones is largest (ties: first in order)."""
    chosen = [int(np.argmax(weights))]
    nearest = ((points - points[chosen[0]]) ** 2).sum(axis=1)
    while len(chosen) < k:
        nxt = int(np.argmax(weights * nearest))
        if nearest[nxt] == 0:
            break
        chosen.append(nxt)
        nearest = np.minimum(nearest, ((points - points[nxt]) ** 2).sum(axis=1))
    return points[chosen]


def _inertia(
    points: FloatArray, weights: FloatArray, labels: IntArray, centres: FloatArray
) -> float:
    return float((weights * ((points - centres[labels]) ** 2).sum(axis=1)).sum())


def _start(previous: FloatArray | None, points: FloatArray, k: int) -> FloatArray:
    """Previous centres (warm), topped up with the first distinct points not among them."""
    fresh = _first_distinct(points, max(k, 1))
    if previous is None or len(previous) == 0:
        return fresh[:k]
    start = previous[:k]
    if len(start) < k:
        extra = fresh[~(fresh[:, None, :] == start[None, :, :]).all(axis=2).any(axis=1)]
        start = np.vstack([start, extra[: k - len(start)]])
    return start


def cluster_base(
    points: FloatArray, previous: FloatArray | None = None, base_k: int = BASE_K
) -> tuple[IntArray, FloatArray]:
    """Base clusters of the projected participants: labels and centres.

    Warm: from the previous centres; cold: from the first distinct points (as Polis does).
    """
    distinct = _distinct_rows(points)
    k = min(base_k, len(distinct))
    if (previous is None or len(previous) == 0) and len(points) > _SUBSAMPLE:
        # Large conversation, cold: first settle the centres on an evenly spaced subsample
        # (from its first distinct points), then refine on everyone: far fewer full rounds.
        sample = points[np.linspace(0, len(points) - 1, _SUBSAMPLE).astype(np.int64)]
        _, previous = _kmeans(sample, _start(None, sample, min(k, len(_distinct_rows(sample)))))
    return _kmeans(points, _start(previous, points, k))


def spread_base(points: FloatArray, labels: IntArray, centres: FloatArray) -> FloatArray:
    """Mean distance of each base cluster's members to its centre."""
    dist = np.sqrt(((points - centres[labels]) ** 2).sum(axis=1))
    counts = np.bincount(labels, minlength=len(centres)).astype(np.float64)
    sums = np.bincount(labels, weights=dist, minlength=len(centres))
    return np.divide(sums, counts, out=np.zeros(len(centres)), where=counts > 0)


def score_silhouette(
    centres: FloatArray,
    weights: FloatArray,
    labels: IntArray,
    spread: FloatArray | None = None,
) -> float:
    """Silhouette of a grouping of weighted points (base centres weighted by members).

    Each point stands for `weights[i]` participants, `spread[i]` apart on average (0: at the
    same place), so the mean distance to its own group is
    `(Σ_{c≠b} w_c d(b, c) + (w_b − 1) · spread_b) / (W_G − 1)`.
    """
    groups = np.unique(labels)
    if len(groups) < 2:
        return 0.0
    dist = np.sqrt(((centres[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2))
    onehot = (labels[:, None] == groups[None, :]).astype(np.float64)
    group_weight = weights @ onehot  # per group
    summed = dist @ (onehot * weights[:, None])  # point × group: Σ w_c d(b, c)
    own = np.searchsorted(groups, labels)
    own_weight = group_weight[own]
    within = np.zeros(len(labels)) if spread is None else (weights - 1.0) * spread
    a = np.divide(
        summed[np.arange(len(labels)), own] + within,
        own_weight - 1.0,
        out=np.zeros(len(labels)),
        where=own_weight > 1.0,
    )
    mean_other = summed / group_weight[None, :]
    mean_other[np.arange(len(labels)), own] = np.inf
    b = mean_other.min(axis=1)
    denom = np.maximum(a, b)
    s = np.divide(b - a, denom, out=np.zeros(len(labels)), where=denom > 0)
    s[own_weight <= 1.0] = 0.0
    return float((weights * s).sum() / weights.sum())


def _number_by_size(labels: IntArray, centres: FloatArray) -> tuple[IntArray, FloatArray]:
    """Renumber groups: largest first, ties by first member's position."""
    k = len(centres)
    sizes = np.bincount(labels, minlength=k)
    first = np.array([np.flatnonzero(labels == g)[0] for g in range(k)])
    order = np.lexsort((first, -sizes))
    rank = np.empty(k, dtype=np.int64)
    rank[order] = np.arange(k)
    return rank[labels], centres[order]


def find_opinion_groups(
    points: FloatArray, state: GroupState | None = None, *, cold: bool = False
) -> Grouping:
    """Group the projected in-conversation participants.

    `state` is the last update's; `cold=True` (or no state) shows the silhouette-best k at once.
    """
    state = state if state is not None and not cold else GroupState()
    n = len(points)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Grouping(empty, 0, {}, empty, np.zeros((0, 2)), state)
    base_labels, base_centres = cluster_base(points, state.base_centres)
    weights = np.bincount(base_labels, minlength=len(base_centres)).astype(np.float64)
    spread = spread_base(points, base_labels, base_centres)
    n_base = len(base_centres)
    max_k = min(MAX_K, 2 + n_base // 12, n_base)
    fits: dict[int, tuple[IntArray, FloatArray]] = {}
    silhouettes: dict[int, float] = {}
    for k in range(2, max_k + 1):
        # Polis's start (the previous centres, else the first base centres), and a spread-out
        # one; the fit with the lower weighted inertia is kept (both are deterministic).
        starts = (
            _start(state.group_centres.get(k), base_centres, k),
            _farthest_first(base_centres, weights, k),
        )
        candidates = [_kmeans(base_centres, s, weights) for s in starts]
        labels, centres = min(candidates, key=lambda f: _inertia(base_centres, weights, f[0], f[1]))
        fits[k] = (labels, centres)
        silhouettes[k] = score_silhouette(base_centres, weights, labels, spread)
    if not fits:  # one distinct opinion: a single group
        fits[1] = (np.zeros(n_base, dtype=np.int64), base_centres.mean(axis=0, keepdims=True))
        silhouettes[1] = 0.0
    best = max(silhouettes, key=lambda k: (silhouettes[k], -k))
    smoother = smooth_k(state.smoother, best)
    shown = smoother.shown if smoother.shown in fits else best
    assert shown is not None
    group_of_base, centres = fits[shown]
    labels = group_of_base[base_labels]
    labels, centres = _number_by_size(labels, centres[: labels.max() + 1])
    new_state = GroupState(
        base_centres=base_centres,
        group_centres={k: f[1] for k, f in fits.items()},
        smoother=smoother,
    )
    return Grouping(
        labels, int(labels.max()) + 1, silhouettes, base_labels, base_centres, new_state
    )
