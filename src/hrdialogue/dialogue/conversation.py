"""A conversation's state, updated batch by batch with a warm start (docs §7)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from hrdialogue.dialogue.groups import GroupState, find_opinion_groups
from hrdialogue.dialogue.participation import select_participants
from hrdialogue.dialogue.priority import score_priorities
from hrdialogue.dialogue.projection import project_votes
from hrdialogue.dialogue.statements import (
    ConsensusStatement,
    RepresentativeStatement,
    find_consensus_statements,
    find_representative_statements,
    score_group_informed_consensus,
    tally_votes,
)
from hrdialogue.dialogue.votes import VoteEvents, VoteStore

__all__ = ["Conversation", "DialogueResult", "OpinionGroup", "analyse_votes"]

Id = Hashable
Progress = Callable[[str], None]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class OpinionGroup:
    """One opinion group: its number, size and the statements that set it apart."""

    id: int
    size: int
    representative: tuple[RepresentativeStatement, ...]


@dataclass(frozen=True)
class DialogueResult:
    """The opinion math of one update. Arrays are aligned with the id tuples and read-only.

    `group[i]` is −1 and `xy[i]` NaN for a participant who is not in the conversation.
    """

    participant_ids: tuple[Id, ...]
    group: npt.NDArray[np.int64]
    xy: FloatArray
    statement_ids: tuple[Id, ...]
    groups: tuple[OpinionGroup, ...]
    consensus: tuple[ConsensusStatement, ...]
    group_informed_consensus: FloatArray
    priority: FloatArray
    extremity: FloatArray
    silhouettes: dict[int, float]
    best_k: int

    def __post_init__(self) -> None:
        for name in ("group", "xy", "group_informed_consensus", "priority", "extremity"):
            getattr(self, name).setflags(write=False)

    @property
    def in_conversation(self) -> npt.NDArray[np.bool_]:
        return np.asarray(self.group >= 0)

    def group_of(self, participant: Id) -> int | None:
        """The group of `participant`, or None when not in the conversation (or unknown)."""
        try:
            g = int(self.group[self.participant_ids.index(participant)])
        except ValueError:
            return None
        return g if g >= 0 else None

    def as_json(self) -> dict[str, Any]:
        """The `hrdialogue dialogue analyse --json` object (see the CLI's help)."""
        participants: dict[str, dict[str, Any]] = {}
        for pid, g, (x, y) in zip(
            self.participant_ids, self.group.tolist(), self.xy.tolist(), strict=True
        ):
            inside = g >= 0
            participants[str(pid)] = {
                "group": g if inside else None,
                "x": x if inside else None,
                "y": y if inside else None,
            }
        return {
            "participants": participants,
            "groups": [
                {
                    "id": g.id,
                    "size": g.size,
                    "representative": [
                        {
                            "statement": r.statement,
                            "direction": r.direction,
                            "rate": r.rate,
                            "z": r.z,
                        }
                        for r in g.representative
                    ],
                }
                for g in self.groups
            ],
            "consensus": [
                {"statement": c.statement, "direction": c.direction, "rate": c.rate}
                for c in self.consensus
            ],
            "group_informed_consensus": {
                str(s): float(v)
                for s, v in zip(
                    self.statement_ids, self.group_informed_consensus.tolist(), strict=True
                )
            },
        }


def _noop(_: str) -> None:
    return None


class Conversation:
    """The state of one conversation: votes, who is in, the last map and groups.

    `update(events)` merges new votes (the last vote counts) and recomputes from the kept state:
    the power iteration starts from the last components, k-means from the last centres, and
    the shown number of groups changes only after the same k has won several updates in a row.
    """

    def __init__(
        self,
        statements: Iterable[Id] = (),
        *,
        moderated_out: Iterable[Id] = (),
        meta: Iterable[Id] = (),
    ) -> None:
        self._store = VoteStore()
        self._store.declare_statements(statements)
        self._moderated_out = set(moderated_out)
        self._meta = set(meta)
        self._in_conversation: npt.NDArray[np.bool_] | None = None
        self._components: dict[Id, FloatArray] = {}
        self._group_state: GroupState | None = None
        self.result: DialogueResult | None = None

    @property
    def store(self) -> VoteStore:
        return self._store

    def moderate(self, statement: Id, *, accepted: bool) -> None:
        """Accept a statement, or moderate it out (its votes are kept but not counted)."""
        if accepted:
            self._moderated_out.discard(statement)
        else:
            self._moderated_out.add(statement)

    def update(
        self, events: VoteEvents | None = None, progress: Progress = _noop
    ) -> DialogueResult:
        """Merge `events` and recompute the result from the last state."""
        if events is not None:
            progress("votes")
            self._store.add(events)
        store = self._store
        statement_ids = store.statement_ids
        active = np.array(
            [j for j, s in enumerate(statement_ids) if s not in self._moderated_out], dtype=np.int64
        )
        active_ids = tuple(statement_ids[j] for j in active)
        all_votes = store.votes()
        votes = all_votes[:, active] if len(active) < len(statement_ids) else all_votes
        # As in Polis, votes on moderated-out statements still count towards being in.
        counts = np.diff(all_votes.indptr)
        voted_columns = np.bincount(all_votes.indices, minlength=len(statement_ids)) > 0
        n_zeroed = int(voted_columns.sum() - voted_columns[active].sum())
        inside = select_participants(counts, len(active), self._in_conversation)
        self._in_conversation = inside
        rows = np.flatnonzero(inside)
        in_votes = votes if len(rows) == votes.shape[0] else votes[rows]
        progress("map")
        previous = self._previous_components(active_ids)
        projection = project_votes(in_votes, previous, n_zeroed=n_zeroed)
        self._components = {s: projection.components[j] for j, s in enumerate(active_ids)}
        progress("groups")
        grouping = find_opinion_groups(projection.participants, self._group_state)
        self._group_state = grouping.state
        progress("statements")
        tally = tally_votes(in_votes, grouping.labels, grouping.k)
        representative = find_representative_statements(tally, active_ids)
        sizes = np.bincount(grouping.labels, minlength=grouping.k)
        meta = np.array([s in self._meta for s in active_ids], dtype=bool)
        n = len(store.participant_ids)
        group = np.full(n, -1, dtype=np.int64)
        group[rows] = grouping.labels
        xy = np.full((n, 2), np.nan)
        xy[rows] = projection.participants[:, :2]
        self.result = DialogueResult(
            participant_ids=tuple(store.participant_ids),
            group=group,
            xy=xy,
            statement_ids=active_ids,
            groups=tuple(
                OpinionGroup(id=g, size=int(sizes[g]), representative=representative[g])
                for g in range(grouping.k)
            ),
            consensus=find_consensus_statements(tally, active_ids),
            group_informed_consensus=score_group_informed_consensus(tally),
            priority=score_priorities(tally, projection.extremity, meta),
            extremity=projection.extremity,
            silhouettes=grouping.silhouettes,
            best_k=max(grouping.silhouettes, key=lambda k: (grouping.silhouettes[k], -k))
            if grouping.silhouettes
            else 0,
        )
        return self.result

    def _previous_components(self, active_ids: tuple[Id, ...]) -> FloatArray | None:
        if not self._components:
            return None
        zero = np.zeros(2)
        return np.array([self._components.get(s, zero) for s in active_ids]).reshape(-1, 2)


def analyse_votes(
    events: VoteEvents,
    statements: Iterable[Id] = (),
    *,
    moderated_out: Iterable[Id] = (),
    meta: Iterable[Id] = (),
    progress: Progress = _noop,
) -> DialogueResult:
    """A cold start: the whole analysis of one set of vote events."""
    conversation = Conversation(statements, moderated_out=moderated_out, meta=meta)
    return conversation.update(events, progress)
