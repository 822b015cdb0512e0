"""Representative statements of each group, consensus, group-informed consensus (docs §5)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
from scipy import sparse

__all__ = [
    "Z_90",
    "ConsensusStatement",
    "RepresentativeStatement",
    "VoteTally",
    "find_consensus_statements",
    "find_representative_statements",
    "score_group_informed_consensus",
    "score_one_proportion",
    "score_two_proportions",
    "tally_votes",
]

Z_90 = 1.2815515655446004  # one-sided 90 % significance
PICK = 5

Direction = Literal["agree", "disagree"]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class VoteTally:
    """Agree, disagree and all-vote counts: one row per group, one column per statement."""

    agree: FloatArray
    disagree: FloatArray
    seen: FloatArray


@dataclass(frozen=True)
class RepresentativeStatement:
    """A statement that sets a group apart: its smoothed rate and statistics in `direction`."""

    statement: Hashable
    direction: Direction
    rate: float  # (A + 1) / (S + 2) in the group, in this direction
    z: float  # one-proportion statistic: is the rate above one half?
    representativeness: float  # rate in the group ÷ rate in the rest
    z_vs_rest: float  # two-proportion statistic, group against the rest


@dataclass(frozen=True)
class ConsensusStatement:
    """A statement most participants agree (or disagree) with, whatever their group."""

    statement: Hashable
    direction: Direction
    rate: float
    z: float


def tally_votes(votes: sparse.csr_matrix, labels: npt.NDArray[np.int64], k: int) -> VoteTally:
    """Count each group's agrees, disagrees and votes of any kind on every statement.

    `votes` holds +1/−1 and passes as explicit zeros; `labels[i]` is row `i`'s group.
    """
    m = votes.shape[1]
    # One pass over the cast votes: the cell (group of the voter, statement) of each.
    cell = np.repeat(labels.astype(np.int64) * m, np.diff(votes.indptr)) + votes.indices
    size = k * m

    def count(weights: npt.NDArray[np.float64] | None) -> FloatArray:
        return np.bincount(cell, weights=weights, minlength=size).astype(np.float64).reshape(k, m)

    return VoteTally(
        agree=count((votes.data > 0).astype(np.float64)),
        disagree=count((votes.data < 0).astype(np.float64)),
        seen=count(None),
    )


def score_one_proportion(successes: FloatArray, trials: FloatArray) -> FloatArray:
    """Is the (smoothed) rate above one half? `2·√(n+1)·((s+1)/(n+1) − ½)`."""
    return np.asarray(2.0 * np.sqrt(trials + 1.0) * ((successes + 1.0) / (trials + 1.0) - 0.5))


def score_two_proportions(
    successes_in: FloatArray,
    trials_in: FloatArray,
    successes_out: FloatArray,
    trials_out: FloatArray,
) -> FloatArray:
    """Two-proportion z of a group against the rest, each count and total plus one."""
    s1, n1 = successes_in + 1.0, trials_in + 1.0
    s2, n2 = successes_out + 1.0, trials_out + 1.0
    pooled = (s1 + s2) / (n1 + n2)
    spread = np.sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2))
    return np.divide(s1 / n1 - s2 / n2, spread, out=np.zeros_like(spread), where=spread > 0)


def _smoothed(successes: FloatArray, trials: FloatArray) -> FloatArray:
    return np.asarray((successes + 1.0) / (trials + 2.0))


def find_representative_statements(
    tally: VoteTally, statement_ids: Sequence[Hashable], *, pick: int = PICK
) -> list[tuple[RepresentativeStatement, ...]]:
    """For each group, the statements that set it apart (90 % significance), agree first."""
    out: list[tuple[RepresentativeStatement, ...]] = []
    total_a, total_d, total_s = (x.sum(axis=0) for x in (tally.agree, tally.disagree, tally.seen))
    for g in range(tally.seen.shape[0]):
        a, d, s = tally.agree[g], tally.disagree[g], tally.seen[g]
        a_out, d_out, s_out = total_a - a, total_d - d, total_s - s
        pa, pd = _smoothed(a, s), _smoothed(d, s)
        pat, pdt = score_one_proportion(a, s), score_one_proportion(d, s)
        ra, rd = pa / _smoothed(a_out, s_out), pd / _smoothed(d_out, s_out)
        rat, rdt = (
            score_two_proportions(a, s, a_out, s_out),
            score_two_proportions(d, s, d_out, s_out),
        )
        agree = rat > rdt
        rate = np.where(agree, pa, pd)
        z = np.where(agree, pat, pdt)
        rep = np.where(agree, ra, rd)
        rep_z = np.where(agree, rat, rdt)
        passes = ((pat > Z_90) & (rat > Z_90)) | ((pdt > Z_90) & (rdt > Z_90))
        passes &= s > 0
        metric = rep * rep_z * rate * z
        chosen = np.flatnonzero(passes)
        chosen = chosen[np.argsort(-metric[chosen], kind="stable")][:pick]
        if len(chosen) == 0:
            voted = np.flatnonzero(s > 0)
            if len(voted):
                chosen = voted[[int(np.argmax(rep_z[voted]))]]
        picked = [
            RepresentativeStatement(
                statement=statement_ids[int(j)],
                direction="agree" if agree[j] else "disagree",
                rate=float(rate[j]),
                z=float(z[j]),
                representativeness=float(rep[j]),
                z_vs_rest=float(rep_z[j]),
            )
            for j in chosen
        ]
        picked.sort(key=lambda r: r.direction != "agree")  # stable: agree first, order kept
        out.append(tuple(picked))
    return out


def find_consensus_statements(
    tally: VoteTally, statement_ids: Sequence[Hashable], *, pick: int = PICK
) -> tuple[ConsensusStatement, ...]:
    """Statements that most in-conversation participants agree (or disagree) with."""
    a, d, s = (x.sum(axis=0) for x in (tally.agree, tally.disagree, tally.seen))
    out: list[ConsensusStatement] = []
    for direction, successes in (("agree", a), ("disagree", d)):
        rate, z = _smoothed(successes, s), score_one_proportion(successes, s)
        ok = np.flatnonzero((rate > 0.5) & (z > Z_90) & (s > 0))
        best = ok[np.argsort(-(rate[ok] * z[ok]), kind="stable")][:pick]
        out.extend(
            ConsensusStatement(statement_ids[j], direction, float(rate[j]), float(z[j]))  # type: ignore[arg-type]
            for j in best
        )
    return tuple(out)


def score_group_informed_consensus(tally: VoteTally) -> FloatArray:
    """Per statement, the product over groups of (A + 1) / (S + 2)."""
    return np.asarray(np.prod(_smoothed(tally.agree, tally.seen), axis=0), dtype=np.float64)
