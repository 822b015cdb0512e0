"""Polis export CSVs: comments.csv, votes.csv, participants-votes.csv (docs §8).

Readers check the header and every line; a bad line raises `PolisCsvError`, whose message
names the file and the line.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from hrdialogue.dialogue.votes import VoteEvents, VoteStore

__all__ = [
    "PolisComment",
    "PolisCsvError",
    "PolisParticipantRow",
    "read_polis_comments",
    "read_polis_participants_votes",
    "read_polis_votes",
    "write_polis_comments",
    "write_polis_participants_votes",
    "write_polis_votes",
]

VOTES_HEADER = ("timestamp", "datetime", "comment-id", "voter-id", "vote")
COMMENTS_HEADER = (
    "timestamp",
    "datetime",
    "comment-id",
    "author-id",
    "agrees",
    "disagrees",
    "moderated",
    "comment-body",
)
_PV_FIXED = ("participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree")


class PolisCsvError(ValueError):
    """A Polis CSV that cannot be read; the message names the file and line."""

    def __init__(self, path: Path | str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")
        self.path = str(path)
        self.line = line
        self.problem = problem


@dataclass(frozen=True)
class PolisComment:
    """One row of comments.csv. `moderated`: 1 accepted, 0 pending, −1 moderated out."""

    comment_id: int
    author_id: int | None
    agrees: int
    disagrees: int
    moderated: int
    body: str
    timestamp: int | None = None


@dataclass(frozen=True)
class PolisParticipantRow:
    """One row of participants-votes.csv: Polis's group (None when unclustered) and votes."""

    participant: int
    group_id: int | None
    votes: dict[int, int]


def _rows(
    path: Path, header: Sequence[str], prefix: bool = False
) -> Iterator[tuple[int, list[str]]]:
    """Lines of a CSV after checking its header; yields (line number, cells)."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as err:
        raise PolisCsvError(path, 0, f"cannot open: {err.strerror}") from err
    with handle:
        reader = csv.reader(handle)
        try:
            first = next(reader, None)
            got = tuple(first or ())
            if (got[: len(header)] if prefix else got) != tuple(header):
                raise PolisCsvError(
                    path,
                    1,
                    f"expected the header {','.join(header)}, found {','.join(got) or 'nothing'}",
                )
            for cells in reader:
                if cells:
                    yield reader.line_num, cells
        except UnicodeDecodeError as err:
            # the text layer decodes ahead of the CSV reader, a block at a time: its line
            # number is not the bad byte's, so the bytes are read again to find it
            line, problem = _undecodable(path)
            raise PolisCsvError(path, line, problem) from err
        except csv.Error as err:
            raise PolisCsvError(path, reader.line_num, f"malformed CSV ({err})") from err


def _undecodable(path: Path) -> tuple[int, str]:
    """The line of the first byte of `path` that is not UTF-8, and what it is."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line_start = data.rfind(b"\n", 0, err.start) + 1
        column = len(data[line_start : err.start].decode("utf-8", "replace")) + 1
        line = data.count(b"\n", 0, err.start) + 1
        return line, f"not UTF-8 text (byte 0x{data[err.start]:02X} at column {column})"
    return 0, "not UTF-8 text"


def _int(path: Path, line: int, name: str, text: str, *, optional: bool = False) -> int | None:
    if optional and text.strip() == "":
        return None
    try:
        return int(text)
    except ValueError:
        raise PolisCsvError(path, line, f"{name} is not an integer: {text!r}") from None


def read_polis_votes(path: Path | str, progress: Callable[[int], None] | None = None) -> VoteEvents:
    """Every vote event of votes.csv (1 agree, −1 disagree, 0 pass), timed by `timestamp`."""
    path = Path(path)
    times: list[int] = []
    comments: list[int] = []
    voters: list[int] = []
    votes: list[int] = []
    for line, cells in _rows(path, VOTES_HEADER):
        if len(cells) != len(VOTES_HEADER):
            raise PolisCsvError(
                path, line, f"expected {len(VOTES_HEADER)} fields, found {len(cells)}"
            )
        t = _int(path, line, "timestamp", cells[0])
        c = _int(path, line, "comment-id", cells[2])
        v = _int(path, line, "voter-id", cells[3])
        vote = _int(path, line, "vote", cells[4])
        if vote not in (-1, 0, 1):
            raise PolisCsvError(path, line, f"vote must be 1, -1 or 0, found {vote}")
        times.append(t)  # type: ignore[arg-type]
        comments.append(c)  # type: ignore[arg-type]
        voters.append(v)  # type: ignore[arg-type]
        votes.append(vote)
        if progress is not None and line % 100_000 == 0:
            progress(line)
    return VoteEvents(
        participant=np.array(voters, dtype=np.int64),
        statement=np.array(comments, dtype=np.int64),
        vote=np.array(votes, dtype=np.int8),
        time=np.array(times, dtype=np.float64),
    )


def read_polis_comments(path: Path | str) -> tuple[PolisComment, ...]:
    """The comments of comments.csv."""
    path = Path(path)
    out: list[PolisComment] = []
    for line, cells in _rows(path, COMMENTS_HEADER):
        if len(cells) != len(COMMENTS_HEADER):
            raise PolisCsvError(
                path, line, f"expected {len(COMMENTS_HEADER)} fields, found {len(cells)}"
            )
        moderated = _int(path, line, "moderated", cells[6])
        if moderated not in (-1, 0, 1):
            raise PolisCsvError(path, line, f"moderated must be 1, 0 or -1, found {moderated}")
        out.append(
            PolisComment(
                comment_id=_int(path, line, "comment-id", cells[2]),  # type: ignore[arg-type]
                author_id=_int(path, line, "author-id", cells[3], optional=True),
                agrees=_int(path, line, "agrees", cells[4]),  # type: ignore[arg-type]
                disagrees=_int(path, line, "disagrees", cells[5]),  # type: ignore[arg-type]
                moderated=moderated,
                body=cells[7],
                timestamp=_int(path, line, "timestamp", cells[0], optional=True),
            )
        )
    return tuple(out)


def read_polis_participants_votes(path: Path | str) -> tuple[PolisParticipantRow, ...]:
    """participants-votes.csv: each participant's Polis group and last votes (`xid` optional)."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle), [])
    fixed = list(_PV_FIXED)
    if len(header) > 1 and header[1] == "xid":
        fixed.insert(1, "xid")
    comment_ids = [_int(path, 1, "comment column", h) for h in header[len(fixed) :]]
    out: list[PolisParticipantRow] = []
    for line, cells in _rows(path, fixed, prefix=True):
        if len(cells) != len(header):
            raise PolisCsvError(path, line, f"expected {len(header)} fields, found {len(cells)}")
        row = dict(zip(fixed, cells, strict=False))
        votes: dict[int, int] = {}
        for cid, cell in zip(comment_ids, cells[len(fixed) :], strict=True):
            vote = _int(path, line, f"vote on comment {cid}", cell, optional=True)
            if vote is not None:
                votes[cid] = vote  # type: ignore[index]
        out.append(
            PolisParticipantRow(
                participant=_int(path, line, "participant", row["participant"]),  # type: ignore[arg-type]
                group_id=_int(path, line, "group-id", row["group-id"], optional=True),
                votes=votes,
            )
        )
    return tuple(out)


def write_polis_votes(path: Path | str, events: VoteEvents) -> None:
    """Write vote events as votes.csv (`datetime` left empty)."""
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(VOTES_HEADER)
        for t, c, p, v in zip(
            events.time.tolist(),
            events.statement.tolist(),
            events.participant.tolist(),
            events.vote.tolist(),
            strict=True,
        ):
            writer.writerow((int(t), "", c, p, v))


def write_polis_comments(path: Path | str, comments: Sequence[PolisComment]) -> None:
    """Write comments as comments.csv."""
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COMMENTS_HEADER)
        for c in comments:
            writer.writerow(
                (
                    "" if c.timestamp is None else c.timestamp,
                    "",
                    c.comment_id,
                    "" if c.author_id is None else c.author_id,
                    c.agrees,
                    c.disagrees,
                    c.moderated,
                    c.body,
                )
            )


def write_polis_participants_votes(
    path: Path | str,
    store: VoteStore,
    comment_ids: Sequence[Hashable],
    groups: dict[Hashable, int | None] | None = None,
    authored: dict[Hashable, int] | None = None,
) -> None:
    """Write participants-votes.csv: one row per participant, the last vote in each column."""
    groups = groups or {}
    authored = authored or {}
    votes = store.votes().tocsr()
    col = {s: j for j, s in enumerate(store.statement_ids)}
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*_PV_FIXED, *map(str, comment_ids)])
        for i, pid in enumerate(store.participant_ids):
            start, end = votes.indptr[i], votes.indptr[i + 1]
            mine = dict(
                zip(votes.indices[start:end].tolist(), votes.data[start:end].tolist(), strict=True)
            )
            cells = [mine.get(col[c]) if c in col else None for c in comment_ids]
            cast = list(mine.values())
            group = groups.get(pid)
            writer.writerow(
                [
                    pid,
                    "" if group is None else group,
                    authored.get(pid, 0),
                    len(cast),
                    sum(1 for v in cast if v > 0),
                    sum(1 for v in cast if v < 0),
                    *("" if v is None else int(v) for v in cells),
                ]
            )
