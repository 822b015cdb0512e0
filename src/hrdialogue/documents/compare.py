"""`compare_resolutions`: two language versions of one resolution, or two years of a series.

- Different languages → a **translation** check. The six language versions of a resolution
  share their anchors, so they must align anchor for anchor: every anchor only in one of
  them, every paragraph whose subparagraphs, footnotes, number or mandate strengths differ
  is a `Mismatch`.
- Same language → a **revision**: two years of a recurring resolution. Preambular paragraphs
  are aligned with preambular ones and operative with operative, in order, by word
  similarity (an order-keeping alignment that maximises the summed excess of similarity over
  `SIMILARITY_THRESHOLD` of the pairs it keeps; pairs under the threshold are never made).
  Each paragraph is `unchanged`, `changed` (with a word-level diff), `added` or `removed`.

`comparison_table` renders a `Comparison` for the terminal; `.model_dump_json()` gives JSON.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field
from rich.table import Table
from rich.text import Text

from hrdialogue.documents.model import (
    OperativeParagraph,
    PreambularParagraph,
    Resolution,
    Subparagraph,
)
from hrdialogue.documents.runon import cut_run_on_text, iter_subparagraphs

__all__ = [
    "SIMILARITY_THRESHOLD",
    "ComparedText",
    "Comparison",
    "Mismatch",
    "ParagraphChange",
    "WordOp",
    "compare_resolutions",
    "comparison_table",
    "tokenize_words",
]

SIMILARITY_THRESHOLD: Final = 0.5
"""Two paragraphs of two years are paired only when their word similarity reaches this."""

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = rf"[^\W{_CJK}]"
# Words keep their inner joiners ("16/3", "A/HRC/RES/19/33", "Secretary-General"); CJK
# characters are words of their own; every other mark is a token.
_TOKEN = re.compile(rf"{_WORD}+(?:[/.\-'’]{_WORD}+)*|[{_CJK}]|[^\w\s]")
_NO_SPACE_BEFORE = re.compile(r"[,.;:!?)\]»”、，。；：！？）]")
_NO_SPACE_AFTER = frozenset("([«“（")


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ComparedText(_Value):
    """Which text was compared."""

    symbol: str | None
    language: str
    preambular: int = Field(description="Number of preambular paragraphs.")
    operative: int = Field(description="Number of operative paragraphs.")


class Mismatch(_Value):
    """One way in which two language versions do not align."""

    code: Literal[
        "symbol-differs",
        "only-in-a",
        "only-in-b",
        "subparagraphs-differ",
        "numbering-differs",
        "footnotes-differ",
        "mandates-differ",
    ]
    anchor: str | None = Field(description="The paragraph concerned; null for the document.")
    a: str | None = Field(description="What version A has (null when it has nothing).")
    b: str | None = Field(description="What version B has (null when it has nothing).")
    message: str


_Op = Literal["equal", "insert", "delete", "replace"]


class WordOp(_Value):
    """One step of a word-level diff: words kept, inserted, deleted or replaced."""

    op: _Op
    a: tuple[str, ...] = Field(description="Words of A (empty for `insert`).")
    b: tuple[str, ...] = Field(description="Words of B (empty for `delete`).")


class ParagraphChange(_Value):
    """One paragraph of a revision: how it goes from year A to year B."""

    part: Literal["preamble", "operative"]
    status: Literal["unchanged", "changed", "added", "removed"]
    a_anchor: str | None
    b_anchor: str | None
    similarity: float = Field(description="Word similarity (0–1) of the pair; 0 when unpaired.")
    diff: tuple[WordOp, ...] = Field(default=(), description="Word-level diff when `changed`.")


class Comparison(_Value):
    """The result of `compare_resolutions`."""

    kind: Literal["translation", "revision"]
    a: ComparedText
    b: ComparedText
    aligned: bool = Field(
        description="Translation: no mismatch. Revision: every paragraph unchanged."
    )
    mismatches: tuple[Mismatch, ...] = Field(default=(), description="Translation only.")
    paragraphs: tuple[ParagraphChange, ...] = Field(default=(), description="Revision only.")


def tokenize_words(text: str) -> list[str]:
    """Words and marks of a text, as the comparison sees them (CJK: one character a word)."""
    return _TOKEN.findall(text)


def _join(words: Sequence[str]) -> str:
    out = ""
    for word in words:
        cjk = re.match(f"[{_CJK}]", word) is not None
        glue = (
            not out
            or _NO_SPACE_BEFORE.fullmatch(word) is not None
            or out[-1] in _NO_SPACE_AFTER
            or (cjk and re.match(f"[{_CJK}]", out[-1]) is not None)
        )
        out += word if glue else " " + word
    return out


def _described(resolution: Resolution) -> ComparedText:
    return ComparedText(
        symbol=resolution.symbol,
        language=resolution.language,
        preambular=len(resolution.preamble),
        operative=len(resolution.operative),
    )


# --- translation ----------------------------------------------------------------------------


def _anchors(resolution: Resolution) -> list[str]:
    anchors = [pp.anchor for pp in resolution.preamble]
    anchors += [item.anchor for _, item in iter_subparagraphs(resolution.operative)]
    return anchors


def _union(a: Sequence[str], b: Sequence[str]) -> list[str]:
    """A's anchors in order, with B's own anchors inserted after their predecessor in B."""
    merged = list(a)
    position = -1
    for anchor in b:
        if anchor in merged:
            position = merged.index(anchor)
        else:
            position += 1
            merged.insert(position, anchor)
    return merged


def _items(
    resolution: Resolution,
) -> dict[str, PreambularParagraph | OperativeParagraph | Subparagraph]:
    items: dict[str, PreambularParagraph | OperativeParagraph | Subparagraph] = {
        pp.anchor: pp for pp in resolution.preamble
    }
    for _, item in iter_subparagraphs(resolution.operative):
        items.setdefault(item.anchor, item)
    return items


def _strengths(resolution: Resolution) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in resolution.mandates:
        out.setdefault(m.anchor, []).append(m.strength)
    return {k: sorted(v) for k, v in out.items()}


def _translation(a: Resolution, b: Resolution) -> list[Mismatch]:
    found: list[Mismatch] = []
    if a.symbol and b.symbol and a.symbol != b.symbol:
        found.append(
            Mismatch(
                code="symbol-differs",
                anchor=None,
                a=a.symbol,
                b=b.symbol,
                message=f"the symbols differ: {a.symbol} and {b.symbol}",
            )
        )
    items_a, items_b = _items(a), _items(b)
    notes_a = Counter(n.anchor for n in a.footnotes)
    notes_b = Counter(n.anchor for n in b.footnotes)
    strengths_a, strengths_b = _strengths(a), _strengths(b)
    for anchor in _union(_anchors(a), _anchors(b)):
        in_a, in_b = items_a.get(anchor), items_b.get(anchor)
        if in_a is None or in_b is None:
            side = "a" if in_b is None else "b"
            found.append(
                Mismatch(
                    code="only-in-a" if side == "a" else "only-in-b",
                    anchor=anchor,
                    a=anchor if in_a is not None else None,
                    b=anchor if in_b is not None else None,
                    message=f"{anchor} is only in {side.upper()}",
                )
            )
            continue
        if not isinstance(in_a, PreambularParagraph) and not isinstance(in_b, PreambularParagraph):
            subs_a = [s.anchor[len(anchor) :] for s in in_a.subparagraphs]
            subs_b = [s.anchor[len(anchor) :] for s in in_b.subparagraphs]
            if subs_a != subs_b:
                shown_a, shown_b = " ".join(subs_a) or "none", " ".join(subs_b) or "none"
                found.append(
                    Mismatch(
                        code="subparagraphs-differ",
                        anchor=anchor,
                        a=shown_a,
                        b=shown_b,
                        message=f"{anchor} has subparagraphs {shown_a} in A and {shown_b} in B",
                    )
                )
        if (
            isinstance(in_a, OperativeParagraph)
            and isinstance(in_b, OperativeParagraph)
            and in_a.number != in_b.number
        ):
            shown_a, shown_b = str(in_a.number), str(in_b.number)
            found.append(
                Mismatch(
                    code="numbering-differs",
                    anchor=anchor,
                    a=shown_a,
                    b=shown_b,
                    message=f"{anchor} is numbered {shown_a} in A and {shown_b} in B",
                )
            )
        if notes_a[anchor] != notes_b[anchor]:
            found.append(
                Mismatch(
                    code="footnotes-differ",
                    anchor=anchor,
                    a=str(notes_a[anchor]),
                    b=str(notes_b[anchor]),
                    message=(
                        f"{anchor} has {notes_a[anchor]} footnote(s) in A "
                        f"and {notes_b[anchor]} in B"
                    ),
                )
            )
        mandates_a, mandates_b = strengths_a.get(anchor, []), strengths_b.get(anchor, [])
        if mandates_a != mandates_b:
            shown_a, shown_b = ", ".join(mandates_a) or "none", ", ".join(mandates_b) or "none"
            found.append(
                Mismatch(
                    code="mandates-differ",
                    anchor=anchor,
                    a=shown_a,
                    b=shown_b,
                    message=f"{anchor} mandates {shown_a} in A and {shown_b} in B",
                )
            )
    if notes_a[None] != notes_b[None]:
        found.append(
            Mismatch(
                code="footnotes-differ",
                anchor=None,
                a=str(notes_a[None]),
                b=str(notes_b[None]),
                message=(
                    f"{notes_a[None]} footnote(s) outside the paragraphs in A "
                    f"and {notes_b[None]} in B"
                ),
            )
        )
    return found


# --- revision -------------------------------------------------------------------------------


def _full_text(item: PreambularParagraph | OperativeParagraph) -> str:
    if isinstance(item, PreambularParagraph):
        return item.text
    parts = [item.text]
    for _, sub in iter_subparagraphs(item.subparagraphs):
        if isinstance(sub, Subparagraph):
            parts += [sub.label, sub.text]
    return " ".join(parts)


def _similarity(a: Sequence[str], b: Sequence[str]) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _align(sims: list[list[float]], n: int, m: int) -> list[tuple[int | None, int | None]]:
    """Order-keeping alignment of paragraphs (a DP like Needleman–Wunsch).

    It maximises the summed gain `similarity - SIMILARITY_THRESHOLD` of the pairs it keeps,
    so that one faithful pair outweighs two mediocre ones; pairs under the threshold are
    never made. Ties prefer a pair, then an addition (so that, read forward, a removed
    paragraph comes before the one added in its place).
    """
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[""] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, step = -1.0, ""
            gain = sims[i - 1][j - 1] - SIMILARITY_THRESHOLD if i and j else -1.0
            if gain >= 0:
                best, step = score[i - 1][j - 1] + gain, "pair"
            if j and score[i][j - 1] > best:
                best, step = score[i][j - 1], "added"
            if i and score[i - 1][j] > best:
                best, step = score[i - 1][j], "removed"
            score[i][j], move[i][j] = best, step
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        step = move[i][j]
        if step == "pair":
            i, j = i - 1, j - 1
            pairs.append((i, j))
        elif step == "added":
            j -= 1
            pairs.append((None, j))
        else:
            i -= 1
            pairs.append((i, None))
    pairs.reverse()
    return pairs


def _revise_part(
    part: Literal["preamble", "operative"],
    a: Sequence[PreambularParagraph | OperativeParagraph],
    b: Sequence[PreambularParagraph | OperativeParagraph],
) -> list[ParagraphChange]:
    words_a = [tokenize_words(_full_text(x)) for x in a]
    words_b = [tokenize_words(_full_text(x)) for x in b]
    folded_a = [[w.casefold() for w in ws] for ws in words_a]
    folded_b = [[w.casefold() for w in ws] for ws in words_b]
    sims = [[_similarity(fa, fb) for fb in folded_b] for fa in folded_a]
    changes = []
    for i, j in _align(sims, len(a), len(b)):
        if i is None and j is not None:
            changes.append(
                ParagraphChange(
                    part=part, status="added", a_anchor=None, b_anchor=b[j].anchor, similarity=0.0
                )
            )
        elif j is None and i is not None:
            changes.append(
                ParagraphChange(
                    part=part, status="removed", a_anchor=a[i].anchor, b_anchor=None, similarity=0.0
                )
            )
        elif i is not None and j is not None:
            same = words_a[i] == words_b[j]
            diff = () if same else _word_diff(words_a[i], words_b[j])
            changes.append(
                ParagraphChange(
                    part=part,
                    status="unchanged" if same else "changed",
                    a_anchor=a[i].anchor,
                    b_anchor=b[j].anchor,
                    similarity=1.0 if same else round(sims[i][j], 4),
                    diff=diff,
                )
            )
    return changes


def _word_diff(a: Sequence[str], b: Sequence[str]) -> tuple[WordOp, ...]:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return tuple(
        WordOp(op=tag, a=tuple(a[i1:i2]), b=tuple(b[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def compare_resolutions(a: Resolution, b: Resolution) -> Comparison:
    """Compare two resolutions: a translation check when their languages differ, else a
    revision (two years of one resolution). Deterministic for the same two values.

    Both are read with each paragraph's and subparagraph's own words (`cut_run_on_text`), so
    that a revision diffs each word once however deep its subparagraph, and a footnote counts
    for the subparagraph its marker stood in."""
    a, b = cut_run_on_text(a), cut_run_on_text(b)
    if a.language != b.language:
        mismatches = _translation(a, b)
        return Comparison(
            kind="translation",
            a=_described(a),
            b=_described(b),
            aligned=not mismatches,
            mismatches=tuple(mismatches),
        )
    paragraphs = _revise_part("preamble", a.preamble, b.preamble)
    paragraphs += _revise_part("operative", a.operative, b.operative)
    return Comparison(
        kind="revision",
        a=_described(a),
        b=_described(b),
        aligned=all(p.status == "unchanged" for p in paragraphs),
        paragraphs=tuple(paragraphs),
    )


# --- terminal table -------------------------------------------------------------------------


def _diff_text(diff: Sequence[WordOp], context: int = 3) -> Text:
    text = Text()
    for k, step in enumerate(diff):
        if step.op == "equal":
            words = list(step.a)
            if len(words) > 2 * context:
                head = words[:context] if k else []
                tail = words[-context:] if k + 1 < len(diff) else []
                words = [*head, "…", *tail]
            text.append(_join(words) + " ", style="dim")
            continue
        if step.a:
            text.append(_join(step.a), style="red strike")
            text.append(" ")
        if step.b:
            text.append(_join(step.b), style="green")
            text.append(" ")
    text.rstrip()
    return text


def comparison_table(comparison: Comparison) -> Table:
    """A `rich` table of a comparison: mismatches, or paragraph changes with their diff."""
    a, b = comparison.a, comparison.b
    heading = f"{a.symbol or '?'} ({a.language}) ↔ {b.symbol or '?'} ({b.language})"
    if comparison.kind == "translation":
        verdict = "aligned" if comparison.aligned else f"{len(comparison.mismatches)} mismatches"
        table = Table(title=f"{heading}: translation, {verdict}")
        for column in ("anchor", "problem", "A", "B"):
            table.add_column(column)
        for mm in comparison.mismatches:
            table.add_row(mm.anchor or "—", mm.code, mm.a or "—", mm.b or "—")
        if not comparison.mismatches:
            table.add_row(
                "all",
                "aligned",
                f"{a.preambular} PP, {a.operative} OP",
                f"{b.preambular} PP, {b.operative} OP",
            )
        return table
    counts = Counter(p.status for p in comparison.paragraphs)
    verdict = ", ".join(
        f"{counts[s]} {s}" for s in ("unchanged", "changed", "added", "removed") if counts[s]
    )
    table = Table(title=f"{heading}: revision, {verdict or 'no paragraphs'}")
    for column in ("A", "B", "status", "similarity", "changes"):
        table.add_column(column)
    for p in comparison.paragraphs:
        table.add_row(
            p.a_anchor or "—",
            p.b_anchor or "—",
            p.status,
            f"{p.similarity:.2f}" if p.status in ("changed", "unchanged") else "—",
            _diff_text(p.diff) if p.diff else Text(""),
        )
    return table
