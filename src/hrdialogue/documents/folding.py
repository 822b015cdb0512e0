"""Folding: a same-length fold of text for matching (lower case, accents off, dashes and spaces
unified), so that offsets in the folded text are offsets in the original.

`fold_text` folds a text; `compile_folded` compiles a lower-case pattern folded the same way.
The actors, mandates and sessions of a resolution are matched on folded text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Final

__all__ = ["compile_folded", "fold_char", "fold_text"]


def fold_char(ch: str) -> str:
    """One character folded: dashes → '-', spaces → ' ', accents off, lower case."""
    out = ch
    category = unicodedata.category(ch)
    if category == "Pd":
        out = "-"
    elif category == "Zs" or ch in "\t\n\r\f\v":
        out = " "
    elif ch in "\u2018\u2019\u02bc":
        out = "'"
    else:
        compat = unicodedata.normalize("NFKC", ch)
        if len(compat) == 1:
            out = compat
        decomposed = unicodedata.normalize("NFD", out)
        if len(decomposed) > 1 and all(unicodedata.combining(c) for c in decomposed[1:]):
            out = decomposed[0]
        lower = out.lower()
        if len(lower) == 1:
            out = lower
    return out


class _FoldTable(dict[int, str]):
    """`str.translate` table built lazily: one character in, one character out."""

    def __missing__(self, code: int) -> str:
        out = self[code] = fold_char(chr(code))
        return out


_FOLD: Final = _FoldTable()

# Blocks of the six languages' scripts. `str.translate` with `_FOLD` looks each character up
# (~100 ns each); `str.lower` and `str.replace` run in C. So a block character that lowers to
# its fold is left to `lower`, one whose fold is such a character is replaced first, and a text
# with any other character is translated.
_BLOCKS: Final = (
    (0x0, 0x24F),  # ASCII, Latin-1, Latin Extended-A and B
    (0x400, 0x52F),  # Cyrillic
    (0x600, 0x6FF),  # Arabic
    (0x2000, 0x206F),  # general punctuation
    (0x3000, 0x303F),  # CJK punctuation
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xFF00, 0xFFEF),  # full-width forms
)


@dataclass(frozen=True, slots=True)
class _Folder:
    others: re.Pattern[str]
    """Any character that does not lower to its fold."""
    plain: re.Pattern[str]
    """A run of characters that lower to their fold: matching it skips them at about half
    the cost per character of searching for `others`."""
    replaced: frozenset[str]
    """Those of them whose fold lowers to itself: replaced by it before lowering."""


def _lowers_to_fold(ch: str) -> bool:
    lower = ch.lower()  # one character alone: `str.lower`'s only context rule is Greek sigma
    return len(lower) == 1 and lower == _FOLD[ord(ch)]


@cache
def _folder() -> _Folder:
    plain: list[str] = []
    replaced: set[str] = set()
    for low, high in _BLOCKS:
        run: int | None = None
        for code in range(low, high + 2):
            ch = chr(code)
            lowers = code <= high and _lowers_to_fold(ch)
            if code <= high and not lowers:
                fold = _FOLD[code]
                if fold != ch and fold.lower() == fold and _lowers_to_fold(fold):
                    replaced.add(ch)
            if lowers and run is None:
                run = code
            elif not lowers and run is not None:
                plain.append(f"\\U{run:08x}-\\U{code - 1:08x}")
                run = None
    ranges = "".join(plain)
    return _Folder(re.compile(f"[^{ranges}]"), re.compile(f"[{ranges}]*"), frozenset(replaced))


_FEW: Final = 8
"""Characters read one by one between runs of `plain` before `others` finds the rest."""


def _others(text: str, folder: _Folder) -> set[str]:
    """The characters of `text` that `folder.others` matches."""
    skip = folder.plain.match
    found: set[str] = set()
    end = len(text)
    at = 0
    for _ in range(_FEW):  # most texts have none or a few: a run match skips to each
        run = skip(text, at)  # `[…]*` always matches
        at = run.end() if run is not None else at
        if at >= end:
            return found
        found.add(text[at])
        at += 1
    return found | set(folder.others.findall(text, at))


def fold_text(text: str) -> str:
    """Lower case, accents/diacritics off (é→e, ё→е, أ→ا), dashes → '-', spaces → ' '.

    The result has exactly the length of `text`, so offsets carry over unchanged.
    """
    if text.isascii() and text.isprintable():
        return text.lower()  # printable ASCII folds to lower case
    folder = _folder()
    others = _others(text, folder)
    if not others:  # most texts: every character lowers to its fold
        return text.lower()
    if not others <= folder.replaced:
        return text.translate(_FOLD)
    for ch in others:
        text = text.replace(ch, _FOLD[ord(ch)])
    return text.lower()


def compile_folded(pattern: str) -> re.Pattern[str]:
    """Compile a lower-case pattern folded like the text it will search (`fold_text`)."""
    return re.compile(fold_text(pattern).replace("(?p<", "(?P<"))
