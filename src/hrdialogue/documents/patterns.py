"""Regular expressions built for fast scans with Python's `re` engine.

The engine scans fast (in C, skipping ahead) for a pattern that opens with a literal letter;
one that opens with a group of alternatives, a lookbehind or a case-insensitive letter makes it
try every position. These helpers build patterns of the fast shape from the lexicons' ones:

* `pattern_openings` reads the first letters a compiled pattern can match (with the standard
  library's parser, `re._parser`: Python 3.11–3.13 keep its interface), and `trie` makes one
  pattern of many openings that rejects most positions on their first letter;
* `literal_first` moves each alternative's leading lookbehinds after the literal that follows
  them (`(?<!A)lit` → `lit(?<!Alit)`): the same matches, found by the fast scan.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any, Final

__all__ = ["HEAD", "literal_first", "pattern_openings", "trie"]

HEAD: Final = 8  # letters of each pattern's opening that the scan checks
_SRE: Final = importlib.import_module("re._parser")  # the stdlib's parser, to read openings

_Openings = set[tuple[str, bool]]
"""Openings read so far: `(letters, open)`; an open one may still grow."""


def _grow(openings: _Openings, items: Any) -> _Openings | None:
    """`openings` extended by a parsed (sub)pattern, up to `HEAD` letters; `None`: anything."""
    for op, av in items:
        name = str(op)
        if not any(grows for _, grows in openings):
            return openings
        if name == "LITERAL":
            letters = {chr(av)}
        elif name == "IN" and all(str(kind) == "LITERAL" for kind, _ in av):
            letters = {chr(value) for _, value in av}
        elif name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # zero width: the scan may find more than the pattern, never less
        elif name in ("SUBPATTERN", "BRANCH", "MAX_REPEAT", "MIN_REPEAT"):
            grown = _grow_group(openings, name, av)
            if grown is None:
                return None
            openings = grown
            continue
        else:  # a class such as \w: the opening ends here
            openings = {(head, False) for head, _ in openings}
            continue
        openings = {
            (head + letter, len(head) + 1 < HEAD) if grows else (head, False)
            for head, grows in openings
            for letter in (letters if grows else {""})
        }
        if len(openings) > 4096:
            return None
    return openings


def _grow_group(openings: _Openings, name: str, av: Any) -> _Openings | None:
    if name == "SUBPATTERN":
        return _grow(openings, av[-1])
    if name == "BRANCH":
        out: _Openings = set()
        for branch in av[1]:
            grown = _grow(openings, branch)
            if grown is None:
                return None
            out |= grown
        return out
    low, high, inner = av
    out = set(openings) if low == 0 else set()
    step = openings
    for count in range(1, HEAD + 1):
        grown = _grow(step, inner)
        if grown is None:
            return None
        step = grown
        if count >= low:
            out |= step
        if count >= high:
            return out | step  # every count read: what follows may grow them
        if not any(grows for _, grows in step):
            break
    return out | {(head, False) for head, _ in step}  # more repeats may follow: end here


def trie(heads: list[str]) -> str:
    """A regex that matches any of `heads` (all non-empty), as a trie for the engine."""
    by_first: dict[str, list[str]] = {}
    for head in heads:
        by_first.setdefault(head[0], []).append(head[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        if "" in rests:
            branches.append(re.escape(first))
        else:
            branches.append(re.escape(first) + trie(rests))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_LOOKBEHINDS: Final = re.compile(r"(?:\(\?<!(?:[^()\\]|\\.)+\))+")
_LITERAL: Final = re.compile(r"[^\\()\[\]{}|.*+?^$]+")
_LITERALS: Final = re.compile(r"\(\?:([^\\()\[\]{}|.*+?^$]+(?:\|[^\\()\[\]{}|.*+?^$]+)*)\)")


def _alternatives(pattern: str) -> list[str]:
    """`pattern` split at its top-level `|`."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


def _guarded(words: Sequence[str], looks: Sequence[str]) -> str:
    return "|".join(w + "".join(f"(?<!{look}{re.escape(w)})" for look in looks) for w in words)


def _moved(alternative: str) -> str:
    behind = _LOOKBEHINDS.match(alternative)
    if behind is None:
        return alternative
    looks = re.findall(r"\(\?<!((?:[^()\\]|\\.)+)\)", behind.group())
    group = _LITERALS.match(alternative, behind.end())
    if group is not None:  # (?<!A)(?:x|y) is (?:x(?<!Ax)|y(?<!Ay))
        words = group.group(1).split("|")
        return f"(?:{_guarded(words, looks)})" + alternative[group.end() :]
    literal = _LITERAL.match(alternative, behind.end())
    if literal is None:
        return alternative
    text = literal.group()
    if alternative[literal.end() : literal.end() + 1] in ("?", "*", "+", "{"):
        text = text[:-1]  # the last letter is repeated: not part of the literal
    if not text:
        return alternative
    return _guarded([text], looks) + alternative[behind.end() + len(text) :]


def literal_first(pattern: str) -> str:
    """`pattern` with each alternative's leading lookbehinds moved after the literal that
    follows them: `(?<!A)lit` is `lit(?<!Alit)`. A pattern that starts with a lookbehind
    costs the engine its fast scan for the first letter (here 2-5× slower)."""
    return "|".join(_moved(alternative) for alternative in _alternatives(pattern))


def pattern_openings(compiled: re.Pattern[str]) -> frozenset[str] | None:
    """The openings (up to `HEAD` letters) every match of `compiled` starts with; `None`
    when they cannot be read (an opening may be any letter, or there are too many)."""
    grown = _grow({("", True)}, _SRE.parse(compiled.pattern))
    if grown is None:
        return None
    return frozenset(head for head, _ in grown)
