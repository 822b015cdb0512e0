"""Our opinion groups against Polis's own `group-id`, with red-dwarf measured in the same run.

For every conversation under `$HRDIALOGUE_SHARED/data/polis` (real Polis exports from
compdemocracy/openData, CC BY 4.0 — attribution in docs/dialogue-algorithm.md): the adjusted
Rand index between our groups and Polis's on the participants both group, the number of groups
and the overlap (Jaccard) of the grouped sets.

Ours is scored twice:
* `cold`: one analysis of all the votes (what `hrdialogue dialogue analyse` does);
* `replay`: the votes fed in time order, one update per `REPLAY_MINUTES` of conversation time,
  with warm starts and k-smoothing — the way Polis itself produced its groups (it recomputes as
  votes arrive), so this is the like-for-like comparison.
red-dwarf 0.4.0 (a Python port of Polis's math, one-shot) runs with its defaults and five seeds.
"""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table
from sklearn.metrics import adjusted_rand_score

from hrdialogue.dialogue import Conversation, VoteEvents, analyse_votes, build_vote_store
from hrdialogue.dialogue.polis_csv import (
    read_polis_comments,
    read_polis_participants_votes,
    read_polis_votes,
)

__all__ = ["REPLAY_MINUTES", "Score", "run", "score_conversation"]

REPLAY_MINUTES = 60.0
RED_DWARF_SEEDS = (0, 1, 2, 3, 4)


@dataclass(frozen=True)
class Score:
    conversation: str
    method: str
    ari: float
    k: int
    polis_k: int
    n_both: int
    jaccard: float
    seconds: float


def _score(
    name: str,
    method: str,
    polis: Mapping[Hashable, int],
    ours: Mapping[Hashable, int],
    seconds: float,
) -> Score:
    both = sorted(set(polis) & set(ours), key=str)
    union = set(polis) | set(ours)
    ari = (
        adjusted_rand_score([polis[p] for p in both], [ours[p] for p in both])
        if both
        else float("nan")
    )
    return Score(
        conversation=name,
        method=method,
        ari=float(ari),
        k=len(set(ours.values())),
        polis_k=len(set(polis.values())),
        n_both=len(both),
        jaccard=len(both) / len(union) if union else float("nan"),
        seconds=seconds,
    )


def _groups(participant_ids: tuple[Hashable, ...], group: np.ndarray) -> dict[Hashable, int]:
    return {p: int(g) for p, g in zip(participant_ids, group.tolist(), strict=True) if g >= 0}


def _replay(
    events: VoteEvents, statements: list[int], moderated_out: list[int]
) -> dict[Hashable, int]:
    conversation = Conversation(statements, moderated_out=moderated_out)
    order = np.argsort(events.time, kind="stable")
    t = events.time[order]
    window = np.floor((t - t[0]) / (REPLAY_MINUTES * 60_000)).astype(np.int64)
    result = None
    for idx in np.split(order, np.flatnonzero(np.diff(window)) + 1):
        result = conversation.update(
            VoteEvents(
                events.participant[idx], events.statement[idx], events.vote[idx], events.time[idx]
            )
        )
    assert result is not None
    return _groups(result.participant_ids, result.group)


def _red_dwarf(events: VoteEvents, moderated_out: list[int], seed: int) -> dict[Hashable, int]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pydantic and pandas warnings inside red-dwarf
        from reddwarf.implementations.polis import run_pipeline  # noqa: PLC0415

        store = build_vote_store(events)  # red-dwarf wants one (last) vote per pair
        cells = store.votes().tocoo()
        votes = [
            {
                "participant_id": store.participant_ids[i],
                "statement_id": store.statement_ids[j],
                "vote": int(v),
                "modified": 0.0,
            }
            for i, j, v in zip(
                cells.row.tolist(), cells.col.tolist(), cells.data.tolist(), strict=True
            )
        ]
        result = run_pipeline(votes=votes, mod_out_statement_ids=moderated_out, random_state=seed)
    labels = result.participants_df["cluster_id"].dropna()
    return {p: int(g) for p, g in labels.items()}


def score_conversation(folder: Path) -> list[Score]:
    """Cold, replay and red-dwarf scores for one Polis export folder."""
    name = folder.name
    events = read_polis_votes(folder / "votes.csv")
    comments = read_polis_comments(folder / "comments.csv")
    polis = {
        r.participant: r.group_id
        for r in read_polis_participants_votes(folder / "participants-votes.csv")
        if r.group_id is not None
    }
    statements = [c.comment_id for c in comments]
    moderated_out = [c.comment_id for c in comments if c.moderated == -1]
    scores = []
    t0 = time.perf_counter()
    cold = analyse_votes(events, statements, moderated_out=moderated_out)
    scores.append(
        _score(
            name,
            "ours (cold)",
            polis,
            _groups(cold.participant_ids, cold.group),
            time.perf_counter() - t0,
        )
    )
    t0 = time.perf_counter()
    replay = _replay(events, statements, moderated_out)
    scores.append(
        _score(
            name, f"ours (replay, {REPLAY_MINUTES:g} min)", polis, replay, time.perf_counter() - t0
        )
    )
    rd = []
    for seed in RED_DWARF_SEEDS:
        t0 = time.perf_counter()
        rd.append(
            _score(
                name,
                "red-dwarf",
                polis,
                _red_dwarf(events, moderated_out, seed),
                time.perf_counter() - t0,
            )
        )
    scores.append(
        Score(
            conversation=name,
            method=f"red-dwarf 0.4.0 (mean of {len(rd)} seeds)",
            ari=float(np.mean([s.ari for s in rd])),
            k=round(float(np.median([s.k for s in rd]))),
            polis_k=rd[0].polis_k,
            n_both=rd[0].n_both,
            jaccard=rd[0].jaccard,
            seconds=float(np.median([s.seconds for s in rd])),
        )
    )
    return scores


def run() -> list[Score]:
    """Score every conversation in $HRDIALOGUE_SHARED/data/polis and print the table."""
    shared = Path(
        os.environ.get("HRDIALOGUE_SHARED", Path(__file__).resolve().parents[2] / "shared")
    )
    folders = sorted(
        p for p in (shared / "data" / "polis").glob("*") if (p / "participants-votes.csv").is_file()
    )
    console = Console()
    if not folders:
        console.print(
            f"eval_dialogue: no Polis conversations under {shared}/data/polis; nothing scored"
        )
        return []
    scores = [s for folder in folders for s in score_conversation(folder)]
    table = Table(title="Opinion groups vs Polis's own group-id (ARI on participants both group)")
    for col in ("conversation", "method", "ARI", "k", "Polis k", "n both", "Jaccard", "time"):
        table.add_column(col)
    for s in scores:
        table.add_row(
            s.conversation,
            s.method,
            f"{s.ari:.3f}",
            str(s.k),
            str(s.polis_k),
            str(s.n_both),
            f"{s.jaccard:.3f}",
            f"{s.seconds:.2f} s",
        )
    console.print(table)
    cold = {s.conversation: s.ari for s in scores if s.method == "ours (cold)"}
    rd = {s.conversation: s.ari for s in scores if s.method.startswith("red-dwarf")}
    worse = [c for c in cold if cold[c] < rd[c]]
    console.print(
        "ours (cold) at least as close to Polis as red-dwarf on every conversation: "
        + ("yes" if not worse else f"NO ({', '.join(worse)})")
    )
    return scores


if __name__ == "__main__":
    run()
