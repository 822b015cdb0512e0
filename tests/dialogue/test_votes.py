"""The vote matrix: the last vote counts, passes are votes, rows in order of first vote."""

from __future__ import annotations

import numpy as np

from hrdialogue.dialogue.votes import VoteEvents, build_vote_store


def _cell(store, participant, statement):  # type: ignore[no-untyped-def]
    i = store.participant_ids.index(participant)
    j = store.statement_ids.index(statement)
    m = store.votes().tocsr()
    start, end = m.indptr[i], m.indptr[i + 1]
    row = dict(zip(m.indices[start:end].tolist(), m.data[start:end].tolist(), strict=True))
    return row.get(j)


def test_the_latest_vote_counts_not_the_last_row() -> None:
    # Rows out of time order: the agree at t=5 is later than the disagree at t=3.
    events = VoteEvents.from_records([("p1", "s1", 1, 5.0), ("p1", "s1", -1, 3.0)])
    store = build_vote_store(events)
    assert _cell(store, "p1", "s1") == 1


def test_equal_times_keep_input_order() -> None:
    events = VoteEvents.from_records([("p1", "s1", 1, 1.0), ("p1", "s1", 0, 1.0)])
    assert _cell(build_vote_store(events), "p1", "s1") == 0


def test_a_pass_is_a_cast_vote_not_a_missing_one() -> None:
    events = VoteEvents.from_records([("a", "s1", 0), ("a", "s2", 1), ("b", "s1", -1)])
    store = build_vote_store(events)
    votes = store.votes()
    # a voted on two statements (one pass), b on one: 3 cells in all.
    assert votes.nnz == 3
    assert np.diff(votes.indptr).tolist() == [2, 1]
    assert _cell(store, "a", "s1") == 0
    assert _cell(store, "b", "s2") is None


def test_rows_follow_first_vote_and_declared_statements_come_first() -> None:
    events = VoteEvents.from_records(
        [("z", "s2", 1, 1.0), ("a", "s1", 1, 2.0), ("z", "s1", 1, 3.0)]
    )
    store = build_vote_store(events, statements=["s0", "s1"])
    assert store.participant_ids == ["z", "a"]
    assert store.statement_ids == ["s0", "s1", "s2"]
    assert store.shape == (2, 3)


def test_merging_a_batch_overwrites_inserts_and_ignores_older_events() -> None:
    store = build_vote_store(
        VoteEvents.from_records([("p1", "s1", 1, 10.0), ("p2", "s2", -1, 10.0)])
    )
    store.add(
        VoteEvents.from_records(
            [
                ("p1", "s1", -1, 11.0),  # newer: overwrites agree with disagree
                ("p2", "s2", 1, 9.0),  # older than the stored vote: ignored
                ("p1", "s2", 0, 12.0),  # new pair: inserted in the middle of the matrix
                ("p3", "s3", 1, 12.0),  # new participant and statement
            ]
        )
    )
    assert _cell(store, "p1", "s1") == -1
    assert _cell(store, "p2", "s2") == -1
    assert _cell(store, "p1", "s2") == 0
    assert _cell(store, "p3", "s3") == 1
    assert store.votes().nnz == 4


def test_merging_in_batches_equals_building_at_once() -> None:
    rng = np.random.default_rng(3)
    n = 400
    records = [
        (
            int(rng.integers(30)),
            int(rng.integers(12)),
            int(rng.integers(-1, 2)),
            float(rng.integers(1000)),
        )
        for _ in range(n)
    ]
    whole = build_vote_store(VoteEvents.from_records(records))
    parts = build_vote_store(VoteEvents.from_records(records[:150]))
    parts.add(VoteEvents.from_records(records[150:300]))
    parts.add(VoteEvents.from_records(records[300:]))

    # Same cells whatever the row order: compare as {(participant, statement): vote}.
    def cells(store):  # type: ignore[no-untyped-def]
        m = store.votes().tocoo()
        return {
            (store.participant_ids[i], store.statement_ids[j]): v
            for i, j, v in zip(m.row.tolist(), m.col.tolist(), m.data.tolist(), strict=True)
        }

    assert cells(parts) == cells(whole)


def test_bad_votes_are_refused() -> None:
    import pytest

    with pytest.raises(ValueError, match="not 1"):
        VoteEvents.from_records([("p", "s", 2)])
