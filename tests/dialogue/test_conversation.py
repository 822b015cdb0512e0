"""A conversation over several updates: warm start, stickiness, moderation, the JSON."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from hrdialogue.dialogue import Conversation, VoteEvents, analyse_votes


def _planted(n_per_group: int, n_statements: int, seed: int = 0) -> VoteEvents:
    """Two planted groups (hand-written synthetic data): group A agrees with the first half of
    the statements and disagrees with the second, group B the reverse; 10 % noise."""
    rng = np.random.default_rng(seed)
    records = []
    t = 0.0
    for p in range(2 * n_per_group):
        side = 1 if p < n_per_group else -1
        for s in rng.choice(n_statements, size=n_statements * 2 // 3, replace=False):
            vote = side if s < n_statements // 2 else -side
            if rng.random() < 0.1:
                vote = int(rng.integers(-1, 2))
            records.append((f"p{p}", f"s{s}", vote, t))
            t += 1.0
    order = rng.permutation(len(records))
    return VoteEvents.from_records([records[i] for i in order])


def test_planted_groups_are_recovered_with_their_statements() -> None:
    result = analyse_votes(_planted(30, 12))
    assert len(result.groups) == 2
    a = {result.group_of(f"p{p}") for p in range(30)}
    b = {result.group_of(f"p{p}") for p in range(30, 60)}
    assert len(a) == 1
    assert len(b) == 1
    assert a != b
    for g in result.groups:
        assert g.representative
        assert g.size == 30
    # No statement is agreed by both groups: no consensus.
    assert result.consensus == ()


def test_incremental_updates_reach_the_same_groups_as_a_cold_start() -> None:
    events = _planted(25, 12, seed=1)  # 8 votes each: everyone is in
    conversation = Conversation()
    cuts = np.linspace(0, len(events), 5).astype(int)
    for lo, hi in itertools.pairwise(cuts):
        sl = slice(lo, hi)
        result = conversation.update(
            VoteEvents(
                events.participant[sl], events.statement[sl], events.vote[sl], events.time[sl]
            )
        )
    cold = analyse_votes(events)
    # Early updates saw part of the votes and may have shown another k; it holds until the
    # same best k has won 4 updates in a row, so four more updates with no new votes settle it.
    for _ in range(4):
        result = conversation.update()
    assert len(result.groups) == len(cold.groups) == 2
    # Same partition (labels may differ in number, not in who is with whom).
    pairs = {
        (result.group_of(p), cold.group_of(p))
        for p in cold.participant_ids
        if cold.group_of(p) is not None
    }
    assert len(pairs) == len(cold.groups)


def test_moderated_out_statement_is_not_reported() -> None:
    events = _planted(20, 8)
    result = analyse_votes(events, moderated_out=["s0"])
    assert "s0" not in result.statement_ids
    reported = {r.statement for g in result.groups for r in g.representative}
    assert "s0" not in reported
    conversation = Conversation(moderated_out=["s0"])
    conversation.update(events)
    conversation.moderate("s0", accepted=True)
    assert "s0" in conversation.update().statement_ids


def test_once_in_the_conversation_always_in() -> None:
    records = [
        (f"p{p}", f"s{s}", 1 if (p + s) % 2 else -1, float(p * 10 + s))
        for p in range(20)
        for s in range(8)
    ]
    conversation = Conversation()
    conversation.update(VoteEvents.from_records(records))
    assert conversation.result is not None
    assert conversation.result.group_of("p0") is not None
    # Many new statements: p0's 8 votes are still ≥ 7, but the rule is sticky anyway.
    more = [(f"q{p}", f"t{s}", 1, 1000.0 + p) for p in range(20) for s in range(30)]
    result = conversation.update(VoteEvents.from_records(more))
    assert result.group_of("p0") is not None


def test_json_has_the_documented_shape() -> None:
    result = analyse_votes(_planted(15, 10))
    data = result.as_json()
    assert set(data) == {"participants", "groups", "consensus", "group_informed_consensus"}
    first = data["participants"]["p0"]
    assert set(first) == {"group", "x", "y"}
    assert isinstance(first["group"], int)
    for g in data["groups"]:
        assert set(g) == {"id", "size", "representative"}
        for r in g["representative"]:
            assert set(r) == {"statement", "direction", "rate", "z"}
            assert r["direction"] in {"agree", "disagree"}
            assert 0 < r["rate"] < 1
    assert set(data["group_informed_consensus"]) == {f"s{s}" for s in range(10)}


def test_group_informed_consensus_is_a_product_of_group_rates() -> None:
    result = analyse_votes(_planted(15, 10))
    assert all(0 < v < 1 for v in result.group_informed_consensus.tolist())
    with pytest.raises(ValueError, match="read-only"):
        result.group[0] = 3
