"""Vote events → the sparse participant × statement matrix in which the last vote counts.

Rows are participants in the order of their first vote, columns statements in the order they
were declared or first voted on. A pass is a cast vote with value 0, distinct from "not voted":
the matrix stores the code `vote + 2` (1 disagree, 2 pass, 3 agree), never zero, so that no
sparse operation can drop a pass. See docs/dialogue-algorithm.md §1.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

__all__ = [
    "AGREE",
    "DISAGREE",
    "PASS",
    "VoteEvents",
    "VoteStore",
    "build_vote_store",
]

AGREE = 1
DISAGREE = -1
PASS = 0
_CODE_OFFSET = 2  # stored code = vote + 2, so a pass (0) is stored as 2, never as zero

Id = Hashable


@dataclass(frozen=True)
class VoteEvents:
    """A batch of vote events in columns: who, on what, which vote, when.

    `time` orders the events (last vote counts); events with equal times keep their order in the
    batch. `vote` is +1 agree, −1 disagree, 0 pass.
    """

    participant: npt.NDArray[np.generic]
    statement: npt.NDArray[np.generic]
    vote: npt.NDArray[np.int8]
    time: npt.NDArray[np.float64]

    def __post_init__(self) -> None:
        sizes = {len(self.participant), len(self.statement), len(self.vote), len(self.time)}
        if len(sizes) != 1:
            raise ValueError("vote events: participant, statement, vote and time differ in length")
        if self.vote.size and (self.vote.min() < DISAGREE or self.vote.max() > AGREE):
            raise ValueError("vote events: a vote is not 1 (agree), -1 (disagree) or 0 (pass)")
        if np.isnan(self.time).any():
            raise ValueError("vote events: a time is missing (NaN)")

    def __len__(self) -> int:
        return len(self.vote)

    @classmethod
    def from_records(
        cls, records: Iterable[tuple[Id, Id, int] | tuple[Id, Id, int, float]]
    ) -> VoteEvents:
        """Events from `(participant, statement, vote[, time])` tuples; no time = input order."""
        rows = list(records)
        times = [float(r[3]) if len(r) > 3 else float(i) for i, r in enumerate(rows)]
        return cls(
            participant=_id_array([r[0] for r in rows]),
            statement=_id_array([r[1] for r in rows]),
            vote=np.array([r[2] for r in rows], dtype=np.int8),
            time=np.array(times, dtype=np.float64),
        )


def _id_array(ids: Sequence[Id]) -> npt.NDArray[np.generic]:
    """Integer ids as int64 (fast to sort), anything else as an object array."""
    if all(isinstance(i, int | np.integer) and not isinstance(i, bool) for i in ids):
        return np.array(ids, dtype=np.int64)
    out = np.empty(len(ids), dtype=object)
    out[:] = list(ids)
    return out


class _IdIndex:
    """Ids ↔ consecutive indices in order of first appearance."""

    def __init__(self) -> None:
        self.ids: list[Id] = []
        self.index: dict[Id, int] = {}

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, ids: Iterable[Id]) -> None:
        for i in ids:
            if i not in self.index:
                self.index[i] = len(self.ids)
                self.ids.append(i)

    def map(self, values: npt.NDArray[np.generic]) -> npt.NDArray[np.int64]:
        """Indices of `values`, adding new ids in order of first appearance in `values`."""
        if values.size == 0:
            return np.zeros(0, dtype=np.int64)
        n = len(values)
        if values.dtype.kind == "i" and int(values.max()) - int(values.min()) < 4 * n + 1_000_000:
            # Compact integer ids (the usual case): a table instead of a sort.
            low = int(values.min())
            offset = np.asarray(values, dtype=np.int64) - low
            first = np.full(int(offset.max()) + 1, n, dtype=np.int64)
            np.minimum.at(first, offset, np.arange(n, dtype=np.int64))
            present = np.flatnonzero(first < n)
            self.add((present[np.argsort(first[present], kind="stable")] + low).tolist())
            table = np.zeros(len(first), dtype=np.int64)
            table[present] = [self.index[int(u) + low] for u in present.tolist()]
            return np.asarray(table[offset], dtype=np.int64)
        uniq, inverse = np.unique(values, return_inverse=True)
        inverse = inverse.reshape(-1)
        first_seen = np.full(len(uniq), n, dtype=np.int64)
        np.minimum.at(first_seen, inverse, np.arange(n, dtype=np.int64))
        self.add(uniq[np.argsort(first_seen, kind="stable")].tolist())
        lookup = np.array([self.index[u] for u in uniq.tolist()], dtype=np.int64)
        return np.asarray(lookup[inverse], dtype=np.int64)


class VoteStore:
    """The last vote of every participant on every statement, as a CSR matrix of codes.

    Mutable on purpose: `Conversation` merges new batches into it. `codes` and `times` share
    the CSR structure; `codes.data` holds `vote + 2`.
    """

    def __init__(self) -> None:
        self.participants = _IdIndex()
        self.statements = _IdIndex()
        self.codes: sparse.csr_matrix = sparse.csr_matrix((0, 0), dtype=np.int8)
        self.times: npt.NDArray[np.float64] = np.zeros(0, dtype=np.float64)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.participants), len(self.statements)

    @property
    def participant_ids(self) -> list[Id]:
        return self.participants.ids

    @property
    def statement_ids(self) -> list[Id]:
        return self.statements.ids

    def declare_statements(self, ids: Iterable[Id]) -> None:
        """Make statements known before anyone votes on them (they become columns)."""
        self.statements.add(ids)
        self._resize()

    def votes(self) -> sparse.csr_matrix:
        """The matrix of votes (+1, −1; passes are explicit zeros)."""
        out = self.codes.astype(np.float64)
        out.data -= _CODE_OFFSET
        return out

    def add(self, events: VoteEvents) -> None:
        """Merge a batch of events; for each pair the event with the latest time counts."""
        if len(events) == 0:
            return
        rows = self.participants.map(events.participant)
        cols = self.statements.map(events.statement)
        self._resize()
        n_cols = self.shape[1]
        pick = _last_per_pair(rows * n_cols + cols, events.time)  # event index, (row, col) order
        uniq = rows[pick] * n_cols + cols[pick]
        new_rows, new_cols = uniq // n_cols, uniq % n_cols
        new_codes = (events.vote[pick].astype(np.int16) + _CODE_OFFSET).astype(np.int8)
        new_times = events.time[pick]
        if self.codes.nnz == 0:
            self._set(new_rows, new_cols, new_codes, new_times)
        else:
            self._merge(new_rows, new_cols, new_codes, new_times)

    def _resize(self) -> None:
        n, m = self.shape
        if self.codes.shape != (n, m):
            indptr = np.concatenate(
                [self.codes.indptr, np.full(n - self.codes.shape[0], self.codes.indptr[-1])]
            )
            self.codes = sparse.csr_matrix(
                (self.codes.data, self.codes.indices, indptr), shape=(n, m)
            )

    def _set(
        self,
        rows: npt.NDArray[np.int64],
        cols: npt.NDArray[np.int64],
        codes: npt.NDArray[np.int8],
        times: npt.NDArray[np.float64],
    ) -> None:
        n, m = self.shape
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
        self.codes = sparse.csr_matrix(
            (codes, cols.astype(np.int32), indptr), shape=(n, m), dtype=np.int8
        )
        self.times = times.astype(np.float64)

    def _merge(
        self,
        rows: npt.NDArray[np.int64],
        cols: npt.NDArray[np.int64],
        codes: npt.NDArray[np.int8],
        times: npt.NDArray[np.float64],
    ) -> None:
        """Overwrite pairs already voted on (when newer), insert the others (O(nnz) copy)."""
        old = self.codes
        indptr, indices = old.indptr, old.indices
        n_cols = self.shape[1]
        old_rows = np.repeat(np.arange(self.shape[0], dtype=np.int64), np.diff(indptr))
        old_keys = old_rows * n_cols + indices  # sorted: the CSR is canonical
        new_keys = rows * n_cols + cols
        pos = np.searchsorted(old_keys, new_keys)
        found = np.zeros(len(rows), dtype=bool)
        inside = pos < len(old_keys)
        found[inside] = old_keys[pos[inside]] == new_keys[inside]
        hit = found & (times >= self.times[np.where(found, pos, 0)])
        old.data[pos[hit]] = codes[hit]
        self.times[pos[hit]] = times[hit]
        ins = ~found
        if ins.any():
            at = pos[ins]  # insertion points are in (row, col) order already
            data = np.insert(old.data, at, codes[ins])
            new_indices = np.insert(indices, at, cols[ins].astype(indices.dtype))
            self.times = np.insert(self.times, at, times[ins])
            added = np.bincount(rows[ins], minlength=self.shape[0])
            new_indptr = indptr.astype(np.int64).copy()
            new_indptr[1:] += np.cumsum(added)
            self.codes = sparse.csr_matrix(
                (data, new_indices, new_indptr), shape=self.shape, dtype=np.int8
            )


def _last_per_pair(
    keys: npt.NDArray[np.int64], times: npt.NDArray[np.float64]
) -> npt.NDArray[np.int64]:
    """For each distinct key, the index of its latest event (equal times: the later in input),
    in increasing key order."""
    n = len(keys)
    if n > 1 and bool(np.all(times[1:] >= times[:-1])):
        order = np.arange(n, dtype=np.int64)  # already in time order (the usual case)
    else:
        order = np.argsort(times, kind="stable").astype(np.int64)
    rank_bits = max(1, int(n).bit_length())
    key_bits = max(1, int(keys.max()).bit_length()) if n else 1
    if rank_bits + key_bits <= 62:
        # One plain sort of (key, time rank) packed into an int64: the last of each key run
        # is its latest event.
        packed = np.sort((keys[order] << rank_bits) | np.arange(n, dtype=np.int64))
        sorted_keys = packed >> rank_bits
        last = np.flatnonzero(np.append(sorted_keys[1:] != sorted_keys[:-1], True))
        return np.asarray(order[packed[last] & ((1 << rank_bits) - 1)], dtype=np.int64)
    by_key = np.lexsort((np.arange(n), keys[order]))
    sorted_keys = keys[order][by_key]
    last = np.flatnonzero(np.append(sorted_keys[1:] != sorted_keys[:-1], True))
    return np.asarray(order[by_key[last]], dtype=np.int64)


def build_vote_store(events: VoteEvents, statements: Iterable[Id] = ()) -> VoteStore:
    """A vote store holding `events` (last vote counts), with `statements` declared first."""
    store = VoteStore()
    store.declare_statements(statements)
    store.add(events)
    return store
