"""Any vote sequence gives a valid result, whatever the participants are called."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.dialogue import VoteEvents, analyse_votes

votes = st.lists(
    st.tuples(st.integers(0, 24), st.integers(0, 7), st.sampled_from([-1, 0, 1])),
    min_size=0,
    max_size=160,
)


def _events(records: list[tuple[int, int, int]], name: dict[int, str] | None = None) -> VoteEvents:
    rename = name or {}
    return VoteEvents.from_records(
        [(rename.get(p, f"p{p}"), f"s{s}", v, float(t)) for t, (p, s, v) in enumerate(records)]
    )


@settings(max_examples=40, deadline=None)
@given(votes)
def test_any_votes_give_a_valid_result(records: list[tuple[int, int, int]]) -> None:
    result = analyse_votes(_events(records))
    inside = result.in_conversation
    k = len(result.groups)
    assert not np.isnan(result.xy[inside]).any()
    assert np.isnan(result.xy[~inside]).all()
    # Every in-conversation participant is in exactly one group, and sizes add up.
    assert ((result.group[inside] >= 0) & (result.group[inside] < k)).all()
    assert sum(g.size for g in result.groups) == int(inside.sum())
    for g in result.groups:
        assert g.size == int((result.group == g.id).sum())
        for r in g.representative:
            assert np.isfinite([r.rate, r.z, r.representativeness, r.z_vs_rest]).all()
    assert np.isfinite(result.group_informed_consensus).all()
    assert np.isfinite(result.priority).all()
    assert (result.priority >= 0).all()


@settings(max_examples=30, deadline=None)
@given(votes, st.randoms(use_true_random=False))
def test_results_do_not_depend_on_participant_labels(records, rnd) -> None:  # type: ignore[no-untyped-def]
    ids = sorted({p for p, _, _ in records})
    shuffled = ids[:]
    rnd.shuffle(shuffled)
    rename = {p: f"x{q}" for p, q in zip(ids, shuffled, strict=True)}
    a = analyse_votes(_events(records))
    b = analyse_votes(_events(records, rename))
    for p in ids:
        ia = a.participant_ids.index(f"p{p}")
        ib = b.participant_ids.index(rename[p])
        assert a.group[ia] == b.group[ib]
        np.testing.assert_allclose(a.xy[ia], b.xy[ib], atol=1e-9)
    assert [(g.size, g.representative) for g in a.groups] == [
        (g.size, g.representative) for g in b.groups
    ]
