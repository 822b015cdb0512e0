"""`hrdialogue dialogue analyse`: tables, --json, --plot, and one clear line for a bad CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from hrdialogue.cli import main

VOTES_HEADER = "timestamp,datetime,comment-id,voter-id,vote\n"
COMMENTS_HEADER = (
    "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
)


@pytest.fixture
def export(tmp_path: Path) -> tuple[Path, Path]:
    """A hand-written Polis export: 20 voters in two camps on 8 comments; comment 8 is
    moderated out; voter 99 cast one vote only (not in the conversation)."""
    lines = [VOTES_HEADER]
    t = 1000
    for voter in range(20):
        camp = 1 if voter < 10 else -1
        for comment in range(8):
            vote = camp if comment < 4 else (1 if comment == 7 else -camp)
            lines.append(f"{t},,{comment},{voter},{vote}\n")
            t += 1
    lines.append(f"{t},,0,99,1\n")
    votes = tmp_path / "votes.csv"
    votes.write_text("".join(lines), encoding="utf-8")
    comments = tmp_path / "comments.csv"
    body = [COMMENTS_HEADER] + [
        f"1,,{c},0,0,0,{-1 if c == 8 else 1},Comment {c}\n" for c in range(9)
    ]
    comments.write_text("".join(body), encoding="utf-8")
    return votes, comments


def test_json_output(export: tuple[Path, Path]) -> None:
    result = CliRunner().invoke(main, ["dialogue", "analyse", *map(str, export), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["participants"]["99"] == {"group": None, "x": None, "y": None}
    groups = {data["participants"][str(v)]["group"] for v in range(10)}
    others = {data["participants"][str(v)]["group"] for v in range(10, 20)}
    assert len(groups) == len(others) == 1
    assert groups != others
    assert [g["size"] for g in data["groups"]] == [10, 10]
    # Comment 7: everyone agrees → consensus agree, rate (20+1)/(20+2).
    assert {"statement": 7, "direction": "agree", "rate": pytest.approx(21 / 22)} in data[
        "consensus"
    ]
    assert "8" not in data["group_informed_consensus"]
    # Comment 7's group-informed consensus: (11/12)·(11/12).
    assert data["group_informed_consensus"]["7"] == pytest.approx((11 / 12) ** 2)
    for g in data["groups"]:
        for r in g["representative"]:
            assert set(r) == {"statement", "direction", "rate", "z"}


def test_tables_and_plot(export: tuple[Path, Path], tmp_path: Path) -> None:
    png = tmp_path / "map.png"
    result = CliRunner().invoke(
        main, ["dialogue", "analyse", *map(str, export), "--plot", str(png)]
    )
    assert result.exit_code == 0, result.output
    assert "2 opinion groups" in result.output
    assert "Comment 7" in result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bad_csv_is_one_line_and_exit_2(export: tuple[Path, Path]) -> None:
    votes, comments = export
    votes.write_text(VOTES_HEADER + "1,,0,1,1\n1,,0,2,agree\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["dialogue", "analyse", str(votes), str(comments)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert lines == [f"error: {votes}:3: vote is not an integer: 'agree'"]


def test_large_input_takes_the_progress_path(
    export: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from hrdialogue.cli import dialogue as cli_dialogue

    monkeypatch.setattr(cli_dialogue, "_LARGE_BYTES", 0)  # every input counts as large
    result = CliRunner().invoke(main, ["dialogue", "analyse", *map(str, export), "--json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["groups"]) == 2


def test_eval_outside_a_checkout_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["dialogue", "eval", "--root", str(tmp_path)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
