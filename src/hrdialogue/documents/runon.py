"""Each paragraph's own words: the reader's run-on paragraph text cut at its subparagraphs.

The reader's `text` of an operative paragraph (and of a subparagraph) runs on through its
subparagraphs' labels and texts, at every degree, and its footnotes' offsets count in that
whole text: that keeps spans and footnote offsets exact. Renderings, comparisons and quotes
want each item's own words once: `cut_run_on_text` gives them, and moves each footnote to
the subparagraph its marker stood in. `iter_subparagraphs` walks the items depth first.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

from hrdialogue.documents.model import OperativeParagraph, Resolution, Subparagraph

__all__ = ["cut_run_on_text", "iter_subparagraphs"]


def iter_subparagraphs(
    items: Sequence[OperativeParagraph | Subparagraph], depth: int = 0
) -> Iterator[tuple[int, OperativeParagraph | Subparagraph]]:
    """Every paragraph and subparagraph below `items`, depth first, with its depth."""
    for item in items:
        yield depth, item
        yield from iter_subparagraphs(item.subparagraphs, depth + 1)


_Item = TypeVar("_Item", OperativeParagraph, Subparagraph)


def cut_run_on_text(resolution: Resolution) -> Resolution:
    """`resolution` with each paragraph's and subparagraph's `text` cut before its first
    subparagraph's label, and each footnote whose marker stood in a subparagraph's words
    attached to that subparagraph (`anchor`, `offset` in its cut `text`).

    A text that does not run on (each subparagraph's label and text do not follow one another
    in it, as in a hand-built value) is kept whole, with its footnotes. Returns `resolution`
    itself when nothing runs on.
    """
    placed: dict[int, tuple[str, int]] = {}  # footnote index → (anchor, offset) when moved
    operative = []
    for op in resolution.operative:
        notes = [
            (i, note.offset)
            for i, note in enumerate(resolution.footnotes)
            if note.anchor == op.anchor and note.offset is not None
        ]
        operative.append(_cut(op, notes, placed))
    if all(new is old for new, old in zip(operative, resolution.operative, strict=True)):
        return resolution
    footnotes = list(resolution.footnotes)
    for i, (anchor, offset) in placed.items():
        footnotes[i] = footnotes[i].model_copy(update={"anchor": anchor, "offset": offset})
    return resolution.model_copy(
        update={"operative": tuple(operative), "footnotes": tuple(footnotes)}
    )


def _cut(item: _Item, notes: list[tuple[int, int]], placed: dict[int, tuple[str, int]]) -> _Item:
    """`item` with its own words only; `notes` are (footnote index, offset in `item.text`)."""
    bounds = _run_on_bounds(item)
    if bounds is None:
        return item
    own = item.text[: bounds[0][0]].rstrip()
    for i, offset in notes:
        if offset < bounds[0][0]:
            placed[i] = (item.anchor, min(offset, len(own)))
    children = []
    for k, child in enumerate(item.subparagraphs):
        label_start, text_start = bounds[k]
        # A marker at the very end of the text is the last subparagraph's.
        stop = bounds[k + 1][0] if k + 1 < len(bounds) else len(item.text) + 1
        mine = [
            (i, max(offset - text_start, 0)) for i, offset in notes if label_start <= offset < stop
        ]
        for i, offset in mine:
            placed[i] = (child.anchor, min(offset, len(child.text)))
        children.append(_cut(child, mine, placed))
    return item.model_copy(update={"text": own, "subparagraphs": tuple(children)})


def _run_on_bounds(item: OperativeParagraph | Subparagraph) -> list[tuple[int, int]] | None:
    """(label start, text start) of each subparagraph in `item.text`, when its text runs on
    into them: each subparagraph's text found in order, right after a word as long as its
    label (the printed label may differ from the clean one: "（a）" and "(a)"). Else None."""
    if not item.subparagraphs:
        return None
    text = item.text
    bounds = []
    pos = 0
    for child in item.subparagraphs:
        at = text.find(child.text, pos) if child.text else -1
        if at < 0:
            return None
        before = at
        while before > pos and text[before - 1].isspace():
            before -= 1
        label_start = before - len(child.label)
        if label_start < pos or (label_start > 0 and not text[label_start - 1].isspace()):
            return None
        if before == at or any(c.isspace() for c in text[label_start:before]):
            return None
        bounds.append((label_start, at))
        pos = at + len(child.text)
    return bounds
