"""Where a reply mentions paragraphs of the resolution it answers, in the six languages:
"operative paragraph 10", "OP10", "пункт 10 постановляющей части", "paragraphe 10 du
dispositif", "párrafo 10 de la parte dispositiva", "الفقرة 10 من المنطوق", "执行部分第10段",
"the ninth preambular paragraph" (→ `PP9`), "paragraph 2 of section II" (→ `II.OP2`). A
mention that names another document ("paragraph 3 of resolution 60/251", "… of draft
resolution A/C.3/66/L.40") is not one of the resolution's.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Final, NamedTuple

from hrdialogue.documents.ordinals import RUSSIAN_ENDINGS, ordinal_words
from hrdialogue.documents.sections import section_anchors, section_label_pattern
from hrdialogue.documents.symbols import fold_width, normalise_symbol, scan_symbols
from hrdialogue.languages import get_language

__all__ = ["find_paragraph_mentions"]


# Ordinals in words, to the ninety-ninth ("the ninth preambular paragraph", "the forty-ninth
# …": a shorter table would read its last word alone, PP9). Arabic's agree with الفقرة,
# feminine; Russian's are stems, any of `RUSSIAN_ENDINGS` after them ("девятый", "третьем").
# Spaces and hyphens between the words are interchangeable ("forty-ninth", "forty ninth").
_SEPARATORS: Final = re.compile(r"[-\s]+")


def _key(words: str) -> str:
    """An ordinal's lookup key: lower case, one space between its words."""
    return _SEPARATORS.sub(" ", words.strip().lower())


_ORDINALS: Final[dict[str, dict[str, int]]] = {
    code: {
        _key(word): n
        for word, n in ordinal_words(code, gender="feminine" if code == "ar" else None).items()
    }
    for code in ("en", "fr", "es", "ru", "ar", "zh")
}
_RU_ENDING: Final = "(?:" + "|".join(sorted(RUSSIAN_ENDINGS, key=len, reverse=True)) + ")"


def _trie(words: Collection[str]) -> str:
    """A regex for any of `words` (lower case, not empty) as a trie, so that the engine tries
    each letter once, not once a word; a longer word before its prefix ("twenty first" before
    "twenty"); a space in a word is any run of spaces and hyphens."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        longer = [rest for rest in rests if rest]
        tail = _trie(longer) if longer else ""
        if longer and len(longer) < len(rests):  # the word may end here
            tail = f"(?:{tail})?"
        branches.append((r"[-\s]+" if first == " " else re.escape(first)) + tail)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _alternatives(words: Collection[str], *, suffix: str = "") -> str:
    """The `ord` group: any of the ordinals `words`, then `suffix`."""
    return f"(?P<ord>{_trie(words)}){suffix}"


_N: Final = r"(?P<n>\d{1,3})"
_SUB: Final = r"(?:\s*(?P<sub>\([a-z]{1,4}\)|[a-z]{1,4}\)))?"  # (a), a), (ii)
_RU_PUNKT: Final = r"пункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?"
_ES_PARR: Final = r"p[áa]rrafo"

# (kind, pattern): kind `op` or `pp`; `n` is a number, `ord` an ordinal word, `zh` a
# Chinese number. Patterns are searched in `fold_width(text)`, case-insensitively.
_MENTIONS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "en": (
        ("op", rf"\bOP\s?\.?\s?{_N}{_SUB}"),
        ("pp", rf"\bPP\s?\.?\s?{_N}\b"),
        ("op", rf"\boperative\s+paragraph\s+{_N}{_SUB}"),
        (
            "op",
            rf"\bparagraph\s+{_N}{_SUB}\s+of\s+(?:the\s+|that\s+|this\s+)?(?:draft\s+)?resolution",
        ),
        ("pp", rf"\bpreambular\s+paragraph\s+{_N}\b"),
        ("pp", rf"\b(?:the\s+)?{_alternatives(_ORDINALS['en'])}\s+preambular\s+paragraph"),
        ("pp", rf"\b(?:the\s+)?{_alternatives(_ORDINALS['en'])}\s+paragraph\s+of\s+the\s+preamble"),
    ),
    "fr": (
        ("op", rf"\bparagraphe\s+{_N}{_SUB}\s+du\s+dispositif"),
        (
            "op",
            rf"\bparagraphe\s+{_N}{_SUB}\s+(?:de\s+(?:la|cette)|du\s+(?:présent\s+)?projet\s+de)"
            r"\s+résolution",
        ),
        ("pp", rf"\b(?:alinéa|paragraphe)\s+{_N}\s+du\s+préambule"),
        (
            "pp",
            rf"\b(?:le\s+|au\s+|du\s+)?{_alternatives(_ORDINALS['fr'])}\s+"
            r"(?:alinéa|paragraphe)\s+du\s+préambule",
        ),
    ),
    "es": (
        ("op", rf"\b{_ES_PARR}\s+{_N}{_SUB}\s+de\s+la\s+parte\s+dispositiva"),
        (
            "op",
            rf"\b{_ES_PARR}\s+{_N}{_SUB}\s+(?:de\s+(?:la|esa|esta)|del\s+(?:presente\s+)?proyecto"
            r"\s+de)\s+resolución",
        ),
        ("pp", rf"\b{_ES_PARR}\s+{_N}\s+del\s+preámbulo"),
        ("pp", rf"\b(?:el\s+)?{_alternatives(_ORDINALS['es'])}\s+{_ES_PARR}\s+del\s+preámbulo"),
    ),
    "ru": (
        ("op", rf"{_RU_PUNKT}\s+{_N}{_SUB}\s+постановляющей\s+части"),
        ("op", rf"{_RU_PUNKT}\s+{_N}{_SUB}\s+(?:этой\s+|данной\s+)?(?:проекта\s+)?резолюции"),
        ("pp", rf"{_RU_PUNKT}\s+{_N}\s+преамбулы"),
        ("pp", rf"{_alternatives(_ORDINALS['ru'], suffix=_RU_ENDING)}\s+{_RU_PUNKT}\s+преамбулы"),
    ),
    "ar": (
        ("op", rf"الفقرة\s+{_N}{_SUB}\s+من\s+(?:منطوق\s+(?:مشروع\s+)?القرار|المنطوق)"),
        ("op", rf"الفقرة\s+{_N}{_SUB}\s+من\s+(?:هذا\s+|ذلك\s+)?(?:مشروع\s+)?القرار"),
        ("pp", rf"الفقرة\s+{_N}\s+من\s+(?:الديباجة|ديباجة\s+(?:مشروع\s+)?القرار)"),
        (
            "pp",
            rf"الفقرة\s+{_alternatives(_ORDINALS['ar'])}\s+من\s+(?:الديباجة|ديباجة\s+(?:مشروع\s+)?القرار)",
        ),
    ),
    "zh": (
        ("op", r"执行部分第\s*(?P<zh>\d{1,3}|[一二三四五六七八九十]{1,3})\s*段" + _SUB),
        ("op", r"决议(?:草案)?第\s*(?P<zh>\d{1,3}|[一二三四五六七八九十]{1,3})\s*段" + _SUB),
        ("pp", r"序言(?:部分)?第\s*(?P<zh>\d{1,3}|[一二三四五六七八九十]{1,3})\s*段"),
    ),
}
# Paragraphs of a section ("paragraph 2 of section II", anchor `II.OP2`); `sec` is the label.
# (Words that go on to name a resolution, "… of section II of resolution 60/251", are checked
# as for every mention: see `_named_resolution`.)


def _sec(language: str) -> str:
    return rf"(?P<sec>{section_label_pattern(language)})(?!\w)"


_SECTION_MENTIONS: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        rf"\b(?P<sec>[IVX]{{1,6}}|[A-Z])\.OP\s?{_N}{_SUB}",
        rf"\b(?:operative\s+)?paragraph\s+{_N}{_SUB}\s+of\s+(?:section|part)\s+{_sec('en')}",
    ),
    "fr": (rf"\bparagraphe\s+{_N}{_SUB}\s+de\s+la\s+(?:section|partie)\s+{_sec('fr')}",),
    "es": (rf"\b{_ES_PARR}\s+{_N}{_SUB}\s+de\s+la\s+(?:sección|parte)\s+{_sec('es')}",),
    "ru": (rf"{_RU_PUNKT}\s+{_N}{_SUB}\s+(?:раздела|части)\s+{_sec('ru')}",),
    "ar": (rf"الفقرة\s+{_N}{_SUB}\s+من\s+(?:الجزء|الفرع)\s+{_sec('ar')}",),
    "zh": (
        r"(?:第\s*)?(?P<sec>[一二三四五六七八九十]{1,3}|[甲乙丙丁戊己庚辛壬癸])\s*[节部]分?\s*"
        r"第\s*(?P<zh>\d{1,3}|[一二三四五六七八九十]{1,3})\s*段" + _SUB,
    ),
}
_COMPILED: Final[dict[str, tuple[tuple[str, re.Pattern[str]], ...]]] = {
    lang: tuple((kind, re.compile(p, re.IGNORECASE)) for kind, p in patterns)
    + tuple(("op", re.compile(p, re.IGNORECASE)) for p in _SECTION_MENTIONS[lang])
    for lang, patterns in _MENTIONS.items()
}


# A resolution or decision named by its number right after a mention ("… of resolution
# 60/251", "operative paragraph 3 of General Assembly resolution 69/96 B", "OP3 of 60/251",
# "пункт 3 резолюции Генеральной Ассамблеи 60/251"; in Chinese before it: "第60/251号决议
# 第3段"), or by its symbol (A/RES/60/251): the paragraph is that text's, the one replied to
# only when the number is its own. `part` is a composite's part (69/96 B), as printed.
_RESOLUTION_NUMBER: Final = (
    r"(?:[AES]/(?:HRC/|CN\.4/(?:Sub\.2/)?)?(?:RES|DEC)/)?"
    r"(?P<num>\d{1,4}\s*/\s*\d{1,4}|\d{1,4}\s*\(\s*[IVXL]+\s*\)|E?S-\d{1,2}/\d{1,3})"
    # (a letter, not the start of a word: "B号" is part B, "Белоруссия" no part)
    r"(?:\s*(?P<part>[A-Z]|[АБВГДЕ]|ألف|باء|جيم|دال|هاء|[甲乙丙丁戊])"
    r"(?![A-Za-z0-9/\u0400-\u04ff\u0600-\u06ff]))?"
)
_BODIES: Final = (
    r"(?:General\s+Assembly|Human\s+Rights\s+Council|Security\s+Council|Economic\s+and\s+"
    r"Social\s+Council|Commission\s+on\s+Human\s+Rights)\s+"
)
_BODIES_RU: Final = (
    r"\s+(?:Генеральной\s+Ассамблеи|Совета\s+по\s+правам\s+человека|Совета\s+Безопасности|"
    r"Экономического\s+и\s+Социального\s+Совета|Комиссии\s+по\s+правам\s+человека)"
)
# The words between a mention and the resolution it names ("… of General Assembly resolution",
# "… of draft resolution"), in any case; then "No." and the number, or the symbol.
_CONNECT: Final[dict[str, str]] = {
    "en": rf"(?:\s*,?\s+(?:of|in)\s+(?:the\s+)?(?:(?:{_BODIES})?(?:draft\s+)?"
    r"(?:resolution|decision))?)?",
    "fr": r"(?:\s*,?\s+(?:(?:de|dans)\s+(?:la\s+)?|(?:du|dans\s+le)\s+projet\s+de\s+)"
    r"(?:résolution|décision))?",
    "es": r"(?:\s*,?\s+(?:(?:de|en)\s+(?:la\s+)?|(?:del|en\s+el)\s+proyecto\s+de\s+)"
    r"(?:resolución|decisión))?",
    "ru": r"(?:\s*,?\s+(?:постановляющей\s+части\s+)?(?:проекта\s+)?(?:резолюции|решения))?"
    rf"(?:{_BODIES_RU})?",
    "ar": r"(?:\s*،?\s+من\s+(?:منطوق\s+)?(?:مشروع\s+)?(?:القرار|المقرر))?",
}
_NO: Final = r"\s*(?:No\.?\s*|№\s*)?"
# (the part's letter a capital)
_NAMED_AFTER: Final = {
    code: re.compile(rf"(?i:{connect}){_NO}{_RESOLUTION_NUMBER}")
    for code, connect in _CONNECT.items()
}
_BEFORE_SYMBOL: Final = {code: re.compile(rf"(?i:{c}){_NO}") for code, c in _CONNECT.items()}
# Chinese names the resolution before the paragraph: "第60/251号决议第3段", "决议草案
# A/C.3/66/L.32执行部分第3段", "A/C.3/66/L.32号决议草案第3段".
_NAMED_BEFORE_ZH: Final = re.compile(rf"第\s*{_RESOLUTION_NUMBER}\s*号\s*(?:决议|决定)?\s*$")
_AFTER_SYMBOL_ZH: Final = re.compile(r"\s*(?:号\s*)?(?:(?:决议|决定)(?:草案)?\s*)?")
_SYMBOL_MAX: Final = 60  # characters: longer than any symbol
_SPACES: Final = re.compile(r"\s+")


def _named_resolution(text: str, match: re.Match[str], language: str) -> re.Match[str] | None:
    """The number of the resolution (or decision) whose paragraph `match` is, when the text
    names one."""
    if language == "zh":  # before the mention, or its own 决议 ("第60/251号决议第3段")
        end = match.start() + (2 if text.startswith("决议", match.start()) else 0)
        return _NAMED_BEFORE_ZH.search(text, max(0, match.start() - 40), end)
    named = _NAMED_AFTER[language].match(text, match.end())
    if named is None or named.start("num") == match.end():
        return None  # (a number glued to the mention is not a resolution's)
    return named


def _named_symbol(
    folded: str, text: str, match: re.Match[str], language: str
) -> tuple[int, int, str] | None:
    """The document whose paragraph `match` is, when the text names it by its symbol ("… of
    draft resolution A/C.3/66/L.32"): `(start, end, symbol)`, the symbol normalised."""
    if language == "zh":  # the symbol ends before the mention, or before its 号, 决议草案
        end = match.start()
        found = scan_symbols(folded, text, max(0, end - _SYMBOL_MAX), end)
        if found and _AFTER_SYMBOL_ZH.fullmatch(folded, found[-1][1], end):
            return found[-1]
        return None
    at = _BEFORE_SYMBOL[language].match(folded, match.end())
    if at is None or at.end() == match.end():  # (`\s*`: always a match, maybe empty)
        return None
    found = scan_symbols(folded, text, at.end(), min(len(folded), at.end() + _SYMBOL_MAX))
    return found[0] if found and found[0][0] == at.end() else None


class _Own(NamedTuple):
    """The resolution replied to: its number (spaces removed), symbol (normalised), parts."""

    number: str | None
    symbol: str | None
    parts: frozenset[str]


def _claim(
    folded: str, text: str, match: re.Match[str], language: str, own: _Own
) -> tuple[int, int, str | None] | None:
    """Whose paragraph `match` mentions. When the text names no document, or names the
    resolution replied to by its number or symbol: the mention's span (widened to the name)
    and the composite's part named with the number (`B` of "69/96 B"), or None. When it names
    another document, or one that cannot be told to be ours (its number or symbol unknown):
    None."""
    start, end = match.span()
    named = _named_resolution(folded, match, language)
    by_symbol = _named_symbol(folded, text, match, language)
    if named is None and by_symbol is None:
        return start, end, None
    part = None
    ours = False
    if by_symbol is not None and by_symbol[2] == own.symbol:
        ours = True
        start, end = min(start, by_symbol[0]), max(end, by_symbol[1])
    if named is not None and _SPACES.sub("", named["num"]) == own.number:
        ours = True
        readings = section_anchors(named["part"] or "")
        part = next((p for p in readings if p in own.parts), None)
        last = named.end() if part is not None else named.end("num")
        start, end = min(start, named.start()), max(end, last)
    return (start, end, part) if ours else None


def _number(match: re.Match[str], language: str) -> int:
    """The paragraph's number: its digits, or its words (0 when they are no number: "一一")."""
    groups = match.groupdict()
    for name in ("n", "zh"):
        if groups.get(name) and groups[name].isdigit():
            return int(groups[name])
    return _ORDINALS[language].get(_key(groups.get("ord") or groups["zh"]), 0)


def find_paragraph_mentions(
    text: str,
    language: str,
    *,
    number: str | None = None,
    symbol: str | None = None,
    parts: Collection[str] = (),
) -> list[tuple[int, int, str]]:
    """Where `text` mentions paragraphs of the resolution: `(start, end, anchor)`, in order.

    Anchors are the reader's (`OP10`, `OP8(a)`, `PP9`, `II.OP2`). Operative paragraphs are
    found by number ("operative paragraph 10", "paragraph 10 of the resolution", "OP10"; in a
    section, "paragraph 2 of section II", "II.OP2"),
    preambular ones by number or ordinal ("the ninth preambular paragraph"); ordinals are
    known up to the ninety-ninth.

    A mention that names a document is of the resolution replied to only when the name is
    its own: by number ("paragraph 3 of resolution 60/251") when `number` (`63/180`) is that
    number, by symbol ("paragraph 3 of draft resolution A/C.3/66/L.32", "OP3 of
    A/RES/63/180") when `symbol` is that symbol (both normalised; a revision, `…/Rev.1`, is
    another document). A mention that names a document by a number while `number` is None,
    or by a symbol while `symbol` is None, is dropped: nothing tells whose paragraph it is
    (a draft has no number; give its symbol). Unnamed mentions ("operative paragraph 10")
    are the resolution's in every case. A composite's part named with the number
    ("paragraph 2 of resolution 69/96 B") gives the part's anchor (`B.OP2`) when it is one of
    `parts` (the anchors of a composite's parts: `A`, `B`); a letter that is none ("… of
    resolution 63/180 I note") is not read as a part.
    `KeyError` names a language that is not one of the six.
    """
    code = get_language(language).code
    folded = fold_width(text)
    own = _Own(
        number=_SPACES.sub("", number) if number else None,
        symbol=normalise_symbol(symbol) if symbol else None,
        parts=frozenset(parts),
    )
    found: list[tuple[int, int, str]] = []
    for kind, pattern in _COMPILED[code]:
        for m in pattern.finditer(folded):
            paragraph = _number(m, code)
            if paragraph < 1:
                continue
            anchor = f"{kind.upper()}{paragraph}"
            sub = m.groupdict().get("sub")
            if sub and kind == "op":
                anchor += "(" + sub.strip("()").lower() + ")"
            sec = m.groupdict().get("sec")
            if sec:
                readings = section_anchors(" ".join(sec.split()).upper())
                if not readings:
                    continue
                anchor = f"{readings[0]}.{anchor}"
            claimed = _claim(folded, text, m, code, own)
            if claimed is None:
                continue  # another document's paragraph, or one not known to be ours
            start, end, part = claimed
            if part is not None:  # "paragraph 1 of section II of resolution 70/247 A"
                anchor = f"{part}.{anchor}"
            found.append((start, end, anchor))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str]] = []
    for mention in found:
        if kept and mention[0] < kept[-1][1]:
            continue  # overlaps a longer or earlier mention
        kept.append(mention)
    return kept
