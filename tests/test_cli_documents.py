"""A person runs `hrdialogue parse | compare | schema | demo`; bad input is told plainly."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hrdialogue.cli import main
from tests.documents.makedocs import make_blank_pdf, needs_parser

ROOT = Path(__file__).resolve().parent.parent

# A hand-written text in a seventh language, laid out like a resolution (German).
GERMAN = (
    "Die Generalversammlung,\n\n"
    " in Bekräftigung ihrer Verpflichtung, die internationale Zusammenarbeit zu fördern, wie\n"
    "in der Charta der Vereinten Nationen vorgesehen,\n\n"
    " 1. ersucht den Generalsekretär, ihr auf ihrer vierundsechzigsten Tagung Bericht zu\n"
    "erstatten.\n"
)


def _run(
    *args: str, stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`hrdialogue ARGS…` in a process of its own, as a person runs it (no debug)."""
    env = {k: v for k, v in os.environ.items() if k != "HRDIALOGUE_DEBUG"}
    completed = subprocess.run(
        [sys.executable, "-m", "hrdialogue", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8"),
        completed.stderr.decode("utf-8"),
    )


def _assert_one_line_error(result: subprocess.CompletedProcess[str], *parts: str) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("hrdialogue: error: ")
    for part in parts:
        assert part in lines[0]
    assert result.stdout == ""
    return lines[0]


def test_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    line = _assert_one_line_error(_run("parse", str(path)))
    assert line == f"hrdialogue: error: {path}: the file is empty (0 bytes)"


def test_empty_stdin() -> None:
    line = _assert_one_line_error(_run("parse", "-"))
    assert line == "hrdialogue: error: <stdin>: the file is empty (0 bytes)"


def test_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "random.bin"
    path.write_bytes(os.urandom(2048) + b"\x00" + os.urandom(2048))
    _assert_one_line_error(_run("parse", str(path)), str(path), "binary file")


def test_a_pdf_without_a_text_layer_needs_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_blank_pdf())
    _assert_one_line_error(_run("parse", str(path)), str(path), "no text layer", "run OCR first")


def test_a_50_mb_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: made at once; the reader must not read it
        f.truncate(50_000_000)
    _assert_one_line_error(_run("parse", str(path)), str(path), "50.0 MB, over the 20 MB limit")


def test_a_text_in_a_seventh_language(tmp_path: Path) -> None:
    path = tmp_path / "resolution.de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    _assert_one_line_error(
        _run("parse", str(path)), str(path), "German (de)", "(ar, zh, en, fr, ru, es)"
    )


def test_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.txt"
    _assert_one_line_error(_run("parse", str(path)), str(path), "No such file")


@needs_parser
def test_a_text_that_is_not_a_resolution(shared: Path, tmp_path: Path) -> None:
    # A report of the High Commissioner, its `#` header stripped.
    lines = (shared / "corpus" / "un" / "A_HRC_7_31.en.txt").read_text("utf-8").splitlines()
    path = tmp_path / "A_HRC_7_31.en.txt"
    path.write_text("\n".join(x for x in lines if not x.startswith("#")), "utf-8")
    _assert_one_line_error(_run("parse", str(path)), str(path))


# --- Unexpected failures: one line, exit 1; the traceback only on request ------------------


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom\nsecond line")


def test_an_unexpected_error_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HRDIALOGUE_DEBUG", raising=False)
    monkeypatch.setattr("hrdialogue.cli.documents.parse_resolution", _boom)
    result = CliRunner().invoke(main, ["parse", "-"], input="Генеральная Ассамблея,\n")
    assert result.exit_code == 1
    assert result.stderr == (
        "hrdialogue: error: <stdin>: unexpected RuntimeError: boom second line "
        "(run with --debug to see where)\n"
    )


def test_an_unexpected_error_names_the_files_it_was_reading(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("HRDIALOGUE_DEBUG", raising=False)
    monkeypatch.setattr("hrdialogue.cli.documents.parse_resolution", _boom)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (a, b):
        path.write_text("Генеральная Ассамблея,\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["compare", str(a), str(b)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"hrdialogue: error: {a}, {b}: unexpected RuntimeError: boom")


@pytest.mark.parametrize("how", ["flag", "env"])
def test_debug_shows_the_error_itself(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    monkeypatch.setattr("hrdialogue.cli.documents.parse_resolution", _boom)
    args = ["parse", "-", "--debug"] if how == "flag" else ["parse", "-"]
    env = {"HRDIALOGUE_DEBUG": "1"} if how == "env" else {}
    result = CliRunner().invoke(main, args, input="Генеральная Ассамблея,\n", env=env)
    assert isinstance(result.exception, RuntimeError)


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from hrdialogue.cli.documents import _page_progress

    with _page_progress() as progress:
        for page in range(1, 51):
            progress(page, 50)
    assert capsys.readouterr() == ("", "")


# --- schema, demo ------------------------------------------------------------------------


def test_schema_resolution_is_the_published_json_schema() -> None:
    result = CliRunner().invoke(main, ["schema", "resolution"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$id"] == "https://hrdialogue.org/schema/resolution.json"
    for key in ("preamble", "operative", "footnotes", "references", "adoption", "mandates"):
        assert key in schema["properties"]


def test_schema_of_an_unknown_name_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["schema", "treaty"])
    assert result.exit_code == 2
    assert "treaty" in result.stderr


def test_demo_finds_the_seed_in_the_shared_data(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hrdialogue.cli.documents import find_seed

    monkeypatch.setenv("HRDIALOGUE_SHARED", str(shared))
    assert find_seed() == (
        shared / "seeds" / "000_8dba0c578e5ca190.txt",
        "the seed in the shared data",
    )


def test_demo_falls_back_on_the_shipped_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hrdialogue.cli.documents import find_seed

    monkeypatch.setenv("HRDIALOGUE_SHARED", str(tmp_path / "nowhere"))
    monkeypatch.chdir(tmp_path)
    path, origin = find_seed()
    assert path == ROOT / "examples" / "A_RES_63_180.ru.txt"
    assert origin == "the sample shipped in examples/"


# --- Results (need the parser and the exports) ------------------------------------------


@needs_parser
def test_parse_json_of_the_seed(shared: Path) -> None:
    result = _run("parse", str(shared / "seeds" / "000_8dba0c578e5ca190.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["symbol"], data["language"]) == ("A/RES/63/180", "ru")
    assert (len(data["preamble"]), len(data["operative"])) == (9, 11)
    assert data["adoption"]["date"] == "2008-12-18"


@needs_parser
def test_parse_reads_stdin_and_honours_the_language_option(seed_text: str) -> None:
    result = _run("parse", "-", "--format", "json", "--language", "ru", stdin=seed_text.encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["symbol"] == "A/RES/63/180"


@needs_parser
@pytest.mark.parametrize("output", ["text", "md", "akn"])
def test_parse_prints_each_format(shared: Path, output: str) -> None:
    from hrdialogue.documents import akn, render
    from hrdialogue.documents.parse import parse_resolution

    path = shared / "seeds" / "000_8dba0c578e5ca190.txt"
    resolution = parse_resolution(path.read_text("utf-8"), language="ru", source=str(path))
    expected = {"text": render.to_summary, "md": render.to_markdown, "akn": akn.to_akoma_ntoso}
    result = CliRunner().invoke(main, ["parse", str(path), "--format", output])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected[output](resolution) + "\n"


@needs_parser
def test_demo_prints_the_seed_summary(shared: Path) -> None:
    result = _run("demo")
    assert result.returncode == 0, result.stderr
    assert "hrdialogue: reading" in result.stderr
    assert "A/RES/63/180" in result.stdout


@needs_parser
@pytest.mark.skipif(
    importlib.util.find_spec("hrdialogue.documents.compare") is None,
    reason="hrdialogue.documents.compare lands with the exports work",
)
def test_compare_two_years_of_one_series(shared: Path, tmp_path: Path) -> None:
    paths = []
    for name in ("A_HRC_RES_19_33.en.txt", "A_HRC_RES_28_2.en.txt"):
        lines = (shared / "corpus" / "un" / name).read_text("utf-8").splitlines()
        paths.append(tmp_path / name)  # the `#` header stripped: the reader never sees it
        paths[-1].write_text("\n".join(x for x in lines if not x.startswith("#")), "utf-8")
    result = _run("compare", str(paths[0]), str(paths[1]), "--json")
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(result.stdout), dict)


def test_a_reader_error_without_a_place_is_given_the_files_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from hrdialogue.documents.errors import NotAResolution

    def refuse(*args: object, **kwargs: object) -> None:
        raise NotAResolution("no enacting formula and no lead phrase")

    monkeypatch.setattr("hrdialogue.cli.documents.parse_resolution", refuse)
    path = tmp_path / "report.txt"
    path.write_text("Генеральная Ассамблея,\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (f"hrdialogue: error: {path}: no enacting formula and no lead phrase\n")
