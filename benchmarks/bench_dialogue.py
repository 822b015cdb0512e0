"""Opinion math on synthetic conversations with planted groups, against red-dwarf.

Each participant belongs to one of 3 planted groups and votes on 20–200 statements drawn at
random; a group agrees or disagrees with each statement (or is split), with 15 % noise and
10 % passes. Measured, in this process: a full update (cold start from the vote events) and an
incremental update after 1,000 new votes. Measured in subprocesses: peak RSS of our full update,
and red-dwarf 0.4.0 on the same data under an address-space limit (RLIMIT_AS, 6 GiB by
default), with the ARI between its groups and ours.

Sizes: 10,000 × 1,000 always; 100,000 × 10,000 when HRDIALOGUE_BENCH_BIG=1 (a few minutes:
the data alone is about 11 million votes). `python -m benchmarks.bench_dialogue worker WHICH
EVENTS.npz OUT.json` is the subprocess entry point; the parent writes the events it generated.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path
from tempfile import TemporaryDirectory

import numpy as np
from sklearn.metrics import adjusted_rand_score

from benchmarks.harness import Measurement, Report
from hrdialogue.dialogue import Conversation, VoteEvents, analyse_votes

__all__ = ["make_conversation", "run"]

GROUPS = 3
LIMIT_BYTES = int(os.environ.get("HRDIALOGUE_BENCH_RLIMIT_GB", "6")) * 2**30
GROUP = "dialogue"


def make_conversation(
    n_participants: int, n_statements: int, seed: int = 0, extra_votes: int = 0
) -> tuple[VoteEvents, np.ndarray, VoteEvents]:
    """Vote events with planted groups, the planted labels, and `extra_votes` later events."""
    rng = np.random.default_rng(seed)
    planted = rng.integers(GROUPS, size=n_participants)
    stance = rng.choice([-1, 1, 0], size=(GROUPS, n_statements), p=[0.4, 0.4, 0.2])
    per = rng.integers(20, 201, size=n_participants)
    per = np.minimum(per, n_statements)
    participant = np.repeat(np.arange(n_participants, dtype=np.int64), per)
    # Statements drawn at random; a repeated (participant, statement) pair is dropped, so a
    # participant keeps 20–200 distinct statements less the rare repeats.
    statement = rng.integers(n_statements, size=len(participant))
    _, keep = np.unique(participant * n_statements + statement, return_index=True)
    participant, statement = participant[keep], statement[keep]
    vote = _votes(rng, stance[planted[participant], statement])
    # Interleaved arrivals, listed in time order (as a live platform hands them over).
    arrival = rng.permutation(len(participant))
    participant, statement, vote = participant[arrival], statement[arrival], vote[arrival]
    events = VoteEvents(participant, statement, vote, np.arange(len(participant), dtype=np.float64))
    more_p = rng.integers(n_participants, size=extra_votes)
    more_s = rng.integers(n_statements, size=extra_votes)
    more = VoteEvents(
        more_p,
        more_s,
        _votes(rng, stance[planted[more_p], more_s]),
        len(participant) + np.arange(extra_votes, dtype=np.float64),
    )
    return events, planted, more


def _votes(rng: np.random.Generator, stance: np.ndarray) -> np.ndarray:
    noise = rng.random(len(stance))
    split = rng.choice([-1, 1], size=len(stance))
    vote = np.where(stance == 0, split, stance)
    vote = np.where(noise < 0.15, rng.choice([-1, 1], size=len(stance)), vote)
    vote = np.where(noise > 0.90, 0, vote)
    return vote.astype(np.int8)


def _ours_labels(events: VoteEvents) -> dict[int, int]:
    result = analyse_votes(events)
    return {
        int(p): int(g)
        for p, g in zip(result.participant_ids, result.group.tolist(), strict=True)
        if g >= 0
    }


def _red_dwarf_labels(events: VoteEvents) -> dict[int, int]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from reddwarf.implementations.polis import run_pipeline  # noqa: PLC0415

        votes = [
            {"participant_id": p, "statement_id": s, "vote": v, "modified": t}
            for p, s, v, t in zip(
                events.participant.tolist(),
                events.statement.tolist(),
                events.vote.tolist(),
                events.time.tolist(),
                strict=True,
            )
        ]
        t0 = time.perf_counter()
        result = run_pipeline(votes=votes, random_state=0)
        _worker_timing["seconds"] = time.perf_counter() - t0
    labels = result.participants_df["cluster_id"].dropna()
    return {int(p): int(g) for p, g in labels.items()}


_worker_timing: dict[str, float] = {}


def _peak_rss_kib() -> int:
    """This process's peak RSS (VmHWM). Unlike getrusage's ru_maxrss, which Linux carries over
    exec from the parent that forked us, VmHWM belongs to this process's own memory."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _worker(which: str, data: str, out: str) -> None:
    """Subprocess: load the events, run one implementation, write labels, time and peak RSS."""
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))
    with np.load(data) as arrays:
        events = VoteEvents(
            arrays["participant"], arrays["statement"], arrays["vote"], arrays["time"]
        )
    base_rss = _peak_rss_kib()
    status = "ok"
    labels: dict[int, int] = {}
    try:
        if which == "ours":
            t0 = time.perf_counter()
            labels = _ours_labels(events)
            _worker_timing["seconds"] = time.perf_counter() - t0
        else:
            labels = _red_dwarf_labels(events)
    except MemoryError:
        status = f"MemoryError under RLIMIT_AS {LIMIT_BYTES / 2**30:.0f} GiB"
    Path(out).write_text(
        json.dumps(
            {
                "status": status,
                "seconds": _worker_timing.get("seconds"),
                "peak_rss_kib": _peak_rss_kib(),
                "data_rss_kib": base_rss,
                "labels": labels,
            }
        ),
        encoding="utf-8",
    )


def _in_subprocess(which: str, events: VoteEvents, timeout_s: float) -> dict[str, object]:
    with TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        data = Path(tmp) / "events.npz"
        np.savez(
            data,
            participant=events.participant,
            statement=events.statement,
            vote=events.vote,
            time=events.time,
        )
        cmd = [
            sys.executable,
            "-m",
            "benchmarks.bench_dialogue",
            "worker",
            which,
            str(data),
            str(out),
        ]
        root = Path(__file__).resolve().parents[1]
        try:
            proc = subprocess.run(
                cmd, cwd=root, timeout=timeout_s, capture_output=True, text=True, check=False
            )
        except subprocess.TimeoutExpired:
            return {"status": f"did not finish in {timeout_s:.0f} s"}
        if not out.exists():
            tail = (proc.stderr or "").strip().splitlines()[-1:] or ["no output"]
            return {"status": f"failed (exit {proc.returncode}): {tail[0][:80]}"}
        result: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
        return result


def _ari(a: dict[str, int] | dict[int, int], b: dict[str, int] | dict[int, int]) -> float:
    both = sorted(set(map(str, a)) & set(map(str, b)))
    sa = {str(k): v for k, v in a.items()}
    sb = {str(k): v for k, v in b.items()}
    return float(adjusted_rand_score([sa[k] for k in both], [sb[k] for k in both]))


def _case(report: Report, n: int, m: int, runs: int) -> None:
    name = f"{n:,} × {m:,}"
    events, planted, more = make_conversation(n, m, extra_votes=1000 * (runs + 2))
    ours = analyse_votes(events)
    ours_labels = {
        int(p): int(g)
        for p, g in zip(ours.participant_ids, ours.group.tolist(), strict=True)
        if g >= 0
    }
    planted_ari = _ari(ours_labels, {i: int(g) for i, g in enumerate(planted)})
    full = report.measure(
        GROUP,
        f"ours full update {name}",
        lambda: analyse_votes(events),
        runs=runs,
        trace_memory=n <= 10_000,
        extra={
            "votes": f"{len(events):,}",
            "k": str(len(ours.groups)),
            "ARI vs planted": f"{planted_ari:.3f}",
        },
    )
    conversation = Conversation()
    conversation.update(events)
    batches = iter(range(runs + 2))

    def incremental() -> None:
        b = next(batches) * 1000
        sl = slice(b, b + 1000)
        conversation.update(
            VoteEvents(more.participant[sl], more.statement[sl], more.vote[sl], more.time[sl])
        )

    report.measure(
        GROUP,
        f"ours incremental (+1,000 votes) {name}",
        incremental,
        runs=runs,
        warmup=1,
        trace_memory=False,
    )
    sub = _in_subprocess("ours", events, timeout_s=900)
    if "peak_rss_kib" in sub:
        report.add(
            Measurement(
                GROUP,
                f"ours full update {name} (subprocess)",
                float(sub["seconds"]),  # type: ignore[arg-type]
                float(sub["seconds"]),  # type: ignore[arg-type]
                1,
                int(sub["peak_rss_kib"]) * 1024,  # type: ignore[call-overload]
                {
                    "peak": "RSS of the whole process",
                    "after loading the events": f"{int(sub['data_rss_kib']) / 2**10:.0f} MiB",
                },  # type: ignore[call-overload]
            )
        )
    rd = _in_subprocess("reddwarf", events, timeout_s=1200)
    if rd.get("status") == "ok":
        seconds = float(rd["seconds"])  # type: ignore[arg-type]
        report.add(
            Measurement(
                GROUP,
                f"red-dwarf 0.4.0 {name} (subprocess)",
                seconds,
                seconds,
                1,
                int(rd["peak_rss_kib"]) * 1024,  # type: ignore[call-overload]
                {
                    "ARI vs ours": f"{_ari(ours_labels, rd['labels']):.3f}",  # type: ignore[arg-type]
                    "ours faster": f"{seconds / full.median_s:.1f}×",
                },
            )
        )
    else:
        report.add(
            Measurement(
                GROUP,
                f"red-dwarf 0.4.0 {name}",
                float("nan"),
                float("nan"),
                0,
                None,
                {"status": str(rd.get("status"))},
            )
        )


def run(report: Report) -> None:
    _case(report, 10_000, 1_000, runs=5)
    if os.environ.get("HRDIALOGUE_BENCH_BIG") == "1":
        _case(report, 100_000, 10_000, runs=3)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "worker":
        _worker(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        standalone = Report()
        run(standalone)
        standalone.print()
