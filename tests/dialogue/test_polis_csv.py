"""Polis export CSVs: real conversations rebuild Polis's own participants-votes cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from hrdialogue.dialogue.polis_csv import (
    PolisComment,
    PolisCsvError,
    read_polis_comments,
    read_polis_participants_votes,
    read_polis_votes,
    write_polis_comments,
    write_polis_participants_votes,
    write_polis_votes,
)
from hrdialogue.dialogue.votes import VoteEvents, build_vote_store

CONVERSATIONS = ["london.youth.policing", "scoop-hivemind.biodiversity"]


@pytest.mark.parametrize("name", CONVERSATIONS)
def test_votes_rebuild_polis_participants_votes_exactly(shared: Path, name: str) -> None:
    folder = shared / "data" / "polis" / name
    store = build_vote_store(read_polis_votes(folder / "votes.csv"))
    rows = read_polis_participants_votes(folder / "participants-votes.csv")
    matrix = store.votes().tocsr()
    ours: dict[int, dict[int, int]] = {}
    for i, pid in enumerate(store.participant_ids):
        start, end = matrix.indptr[i], matrix.indptr[i + 1]
        ours[pid] = {  # type: ignore[index]
            store.statement_ids[j]: int(v)  # type: ignore[misc]
            for j, v in zip(matrix.indices[start:end], matrix.data[start:end], strict=True)
        }
    header = (folder / "participants-votes.csv").read_text(encoding="utf-8").splitlines()[0]
    columns = {int(c) for c in header.split(",") if c.isdigit()}
    assert len(rows) == len(store.participant_ids)
    for row in rows:
        mine = {c: v for c, v in ours[row.participant].items() if c in columns}
        assert mine == row.votes, f"participant {row.participant}"


@pytest.mark.parametrize("name", CONVERSATIONS)
def test_comment_counts_match_raw_vote_rows(shared: Path, name: str) -> None:
    # comments.csv counts every vote row, superseded re-votes included (PROVENANCE.md).
    folder = shared / "data" / "polis" / name
    events = read_polis_votes(folder / "votes.csv")
    for c in read_polis_comments(folder / "comments.csv"):
        mine = events.statement == c.comment_id
        assert int((events.vote[mine] == 1).sum()) == c.agrees
        assert int((events.vote[mine] == -1).sum()) == c.disagrees


def test_round_trip(tmp_path: Path) -> None:
    events = VoteEvents.from_records([(1, 10, 1, 1000.0), (2, 10, -1, 2000.0), (1, 11, 0, 3000.0)])
    write_polis_votes(tmp_path / "votes.csv", events)
    back = read_polis_votes(tmp_path / "votes.csv")
    assert back.participant.tolist() == [1, 2, 1]
    assert back.vote.tolist() == [1, -1, 0]
    comments = (PolisComment(10, 5, 1, 1, 1, "Text, with a comma\nand a newline"),)
    write_polis_comments(tmp_path / "comments.csv", comments)
    assert read_polis_comments(tmp_path / "comments.csv")[0].body == comments[0].body
    store = build_vote_store(events)
    write_polis_participants_votes(tmp_path / "pv.csv", store, [10, 11], groups={1: 0})
    rows = read_polis_participants_votes(tmp_path / "pv.csv")
    assert [(r.participant, r.group_id, r.votes) for r in rows] == [
        (1, 0, {10: 1, 11: 0}),
        (2, None, {10: -1}),
    ]


@pytest.mark.parametrize(
    ("content", "where", "problem"),
    [
        ("time,comment,voter,vote\n", ":1:", "expected the header"),
        (
            "timestamp,datetime,comment-id,voter-id,vote\n1,,2,3,1\n1,,2,3,5\n",
            ":3:",
            "vote must be",
        ),
        (
            "timestamp,datetime,comment-id,voter-id,vote\n1,,x,3,1\n",
            ":2:",
            "comment-id is not an integer",
        ),
        ("timestamp,datetime,comment-id,voter-id,vote\n1,,2,3\n", ":2:", "expected 5 fields"),
    ],
)
def test_bad_votes_csv_names_file_and_line(
    tmp_path: Path, content: str, where: str, problem: str
) -> None:
    path = tmp_path / "votes.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PolisCsvError) as err:
        read_polis_votes(path)
    assert str(path) + where in str(err.value)
    assert problem in str(err.value)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PolisCsvError, match="cannot open"):
        read_polis_comments(tmp_path / "nope.csv")


@pytest.mark.parametrize("bad_line", [2, 4, 300])
def test_a_byte_that_is_not_utf8_is_named_at_its_own_line(tmp_path: Path, bad_line: int) -> None:
    # A Latin-1 "é" (0xE9) in the datetime cell of one row; the rows before it are UTF-8
    # ("ü" as two bytes), so a reader that counts rows decoded ahead of the bad byte is wrong.
    rows = [b"timestamp,datetime,comment-id,voter-id,vote"]
    for k in range(2, 401):
        cell = b"f\xe9vrier" if k == bad_line else "M\u00fcnchen".encode()
        rows.append(b"1," + cell + b",2," + str(k).encode() + b",1")
    path = tmp_path / "votes.csv"
    path.write_bytes(b"\n".join(rows) + b"\n")
    with pytest.raises(PolisCsvError) as err:
        read_polis_votes(path)
    assert err.value.line == bad_line
    assert f"{path}:{bad_line}: not UTF-8 text (byte 0xE9 at column 4)" == str(err.value)
