"""The resolution reader against what the corpus says of each text, and language detection on
the paragraphs it reads.

The labels are the headers of `$HRDIALOGUE_SHARED/corpus/un/*.txt` (written by the people who
collected the texts: symbol, language, completeness) and, for the seed, what the issue says of
it (A/RES/63/180, Russian, complete). The reader never sees a header. Per text:

* `language`: the language detected from the text alone (`language=None`) is the header's;
* `refusal`: the two reports and the bitext are refused as not resolutions, every resolution
  and draft resolution is read;
* `symbol`: the symbol read from the text is the header's (its reissue mark `*` left out),
  or none where the text prints neither it nor its number (an excerpt without masthead);
* `completeness`: a text the header calls an excerpt gets a `truncated` warning, a complete
  one does not.

Then language detection on each paragraph the reader finds, a short text like a paragraph of a
reply, against the language of its document. Scores come with their sample size and a Wilson
95% interval (scipy).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table
from scipy.stats import binomtest

from hrdialogue.documents.errors import NotAResolution, ReaderError
from hrdialogue.documents.language import detect_language
from hrdialogue.documents.parse import parse_resolution
from hrdialogue.documents.source import read_document

__all__ = ["Label", "ReaderScores", "read_labels", "run", "score_reader"]

SEED = Path("seeds") / "000_8dba0c578e5ca190.txt"
# Paragraphs shorter than this (in letters) are left out of the paragraph-level detection: a
# lead and a few words say little of a language (and replies are longer).
MIN_LETTERS = 40
_SLASH = re.compile(r"\s*/\s*")


@dataclass(frozen=True)
class Label:
    """What the corpus says of one text."""

    name: str
    path: Path
    symbol: str
    language: str | None  # None for the bitext (two languages)
    resolution: bool  # a resolution or a draft resolution (else a report or the bitext)
    complete: bool


@dataclass
class ReaderScores:
    """Per check, the texts it held for and the texts it failed on; the paragraph detection."""

    passed: dict[str, list[str]] = field(default_factory=dict)
    failed: dict[str, list[str]] = field(default_factory=dict)
    paragraphs: Counter[tuple[str, str]] = field(default_factory=Counter)  # (true, detected)

    def record(self, check: str, name: str, ok: bool) -> None:
        (self.passed if ok else self.failed).setdefault(check, []).append(name)
        (self.failed if ok else self.passed).setdefault(check, [])


def _shared() -> Path:
    return Path(os.environ.get("HRDIALOGUE_SHARED") or Path.cwd().parent / "shared")


def _header(path: Path) -> tuple[dict[str, str], str]:
    """The `# key: value` header of a corpus file, and the text after it."""
    fields: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").split("\n")
    start = 0
    while start < len(lines) and lines[start].startswith("#"):
        key, sep, value = lines[start][1:].partition(":")
        if sep:
            fields.setdefault(key.strip(), value.strip())
        start += 1
    return fields, "\n".join(lines[start:])


def read_labels(shared: Path) -> list[Label]:
    """The labels of the corpus texts and the seed."""
    labels = []
    for path in sorted((shared / "corpus" / "un").glob("*.txt")):
        fields, _ = _header(path)
        symbol = fields["symbol"].rstrip("*")
        language = fields["language"].split()[0]
        bitext = "+" in language
        resolution = not bitext and ("/RES/" in symbol or "/L." in symbol)
        complete = fields["completeness"].upper().startswith("COMPLETE")
        labels.append(
            Label(path.name, path, symbol, None if bitext else language, resolution, complete)
        )
    seed = shared / SEED
    if seed.is_file():
        labels.append(Label("seed", seed, "A/RES/63/180", "ru", True, True))
    return labels


def _text(label: Label) -> str:
    data = _header(label.path)[1].encode("utf-8") if label.name != "seed" else None
    data = data if data is not None else label.path.read_bytes()
    return read_document(data, name=label.name).text


def score_reader(labels: list[Label]) -> ReaderScores:
    scores = ReaderScores()
    for label in labels:
        text = _text(label)
        if label.language is not None:
            try:
                detected = detect_language(text, source=label.name)
            except ReaderError:
                detected = "?"
            scores.record("language", label.name, detected == label.language)
        try:
            resolution = parse_resolution(text, language=label.language, source=label.name)
        except NotAResolution:
            scores.record("refusal", label.name, not label.resolution)
            continue
        except ReaderError:
            # a language the reader cannot tell (the bitext) is a refusal too
            scores.record("refusal", label.name, not label.resolution)
            continue
        scores.record("refusal", label.name, label.resolution)
        if not label.resolution:
            continue  # (read, but should have been refused: scored as a failed refusal only)
        # (the symbol is to be read only where the text prints it, or the number it is made
        # from: an excerpt may have lost its masthead)
        number = label.symbol.partition("/RES/")[2]
        tight = _SLASH.sub("/", text)  # ("52 / 31" as an Arabic text prints it)
        printed = label.symbol in tight or bool(number and number in tight)
        scores.record(
            "symbol", label.name, resolution.symbol == (label.symbol if printed else None)
        )
        scores.record("completeness", label.name, resolution.truncated != label.complete)
        texts = [p.text for p in resolution.preamble] + [p.text for p in resolution.operative]
        for paragraph in texts:
            if sum(ch.isalpha() for ch in paragraph) < MIN_LETTERS:
                continue
            if label.language is None:
                break
            try:
                found = detect_language(paragraph)
            except ReaderError:
                found = "?"
            scores.paragraphs[(label.language, found)] += 1
    return scores


def _interval(k: int, n: int) -> str:
    if n == 0:
        return "-"
    ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    return f"{k / n:.1%} [{ci.low:.1%}, {ci.high:.1%}]"


def run() -> ReaderScores:
    """Score the reader over the corpus and the seed and print the tables."""
    shared = _shared()
    console = Console()
    labels = read_labels(shared)
    if not labels:
        console.print(f"eval_reader: no corpus under {shared}/corpus/un; nothing scored")
        return ReaderScores()
    scores = score_reader(labels)
    table = Table(title=f"The reader against the corpus labels ({len(labels)} texts)")
    for column in ("check", "n", "passed, with Wilson 95% interval", "failed on"):
        table.add_column(column)
    for check in ("language", "refusal", "symbol", "completeness"):
        good, bad = scores.passed.get(check, []), scores.failed.get(check, [])
        n = len(good) + len(bad)
        table.add_row(check, str(n), _interval(len(good), n), ", ".join(bad) or "-")
    console.print(table)
    table = Table(title=f"Language detection on paragraphs of {MIN_LETTERS}+ letters")
    for column in ("language", "n", "detected right, Wilson 95%", "detected as"):
        table.add_column(column)
    languages = sorted({true for true, _ in scores.paragraphs})
    for language in languages:
        row = {found: n for (true, found), n in scores.paragraphs.items() if true == language}
        n, right = sum(row.values()), row.get(language, 0)
        wrong = ", ".join(f"{f}: {c}" for f, c in sorted(row.items()) if f != language) or "-"
        table.add_row(language, str(n), _interval(right, n), wrong)
    total = sum(scores.paragraphs.values())
    right = sum(n for (true, found), n in scores.paragraphs.items() if true == found)
    table.add_row("all", str(total), _interval(right, total), "")
    console.print(table)
    return scores


if __name__ == "__main__":
    run()
