"""Replies to a consultation: paragraphs with stable anchors, and the resolution's paragraphs
they mention.

`split_reply` cuts a reply's text (typed, or extracted from a DOCX or PDF) into paragraphs
anchored `R{reply_number}.P{n}` (`R12.P4`), each with its `[start, end)` span in the text.
Headings and list items are paragraphs of their own. Typed and DOCX text has one
paragraph a line; PDF text is wrapped, so its lines are joined into paragraphs (a blank
line, a heading or list marker, or a short line ending a sentence ends one), and page
artefacts (page numbers, "Page 3 of 5", "第 3 页", running lines repeated on three or more
pages) are dropped. Text with nothing in it raises `EmptyReplyText`; for a PDF or DOCX its
`needs_review` is true: an extraction that gave no text (a scanned PDF) must go to a person,
never be taken as an empty reply.

`find_paragraph_mentions` finds where a reply refers to paragraphs of the resolution, in
the six languages: "operative paragraph 10", "OP10", "пункт 10 постановляющей части",
"paragraphe 10 du dispositif", "párrafo 10 de la parte dispositiva", "الفقرة 10 من
المنطوق", "执行部分第10段", "the ninth preambular paragraph" (→ `PP9`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from hrdialogue.documents.model import Span
from hrdialogue.documents.sections import section_anchors, section_label_pattern
from hrdialogue.documents.symbols import fold_width
from hrdialogue.languages import get_language

__all__ = [
    "EmptyReplyText",
    "ReplyParagraph",
    "ReplySource",
    "SplitReply",
    "find_paragraph_mentions",
    "split_reply",
]

ReplySource = Literal["typed", "docx", "pdf"]


class EmptyReplyText(ValueError):
    """The reply's text is empty. `needs_review`: it came from a file (PDF, DOCX) whose
    extraction gave no text, so a person must look at the file; it is not an empty reply."""

    def __init__(self, reply_number: int, source: ReplySource) -> None:
        self.reply_number = reply_number
        self.source = source
        self.needs_review = source != "typed"
        if self.needs_review:
            message = (
                f"reply R{reply_number}: the text extracted from the {source.upper()} file is "
                "empty (a scanned or image-only file?); flag it for review, it is not an "
                "empty reply"
            )
        else:
            message = f"reply R{reply_number}: the text is empty"
        super().__init__(message)


class ReplyParagraph(BaseModel):
    """One paragraph of a reply: a heading, a list item or running text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    anchor: str = Field(description="`R12.P4`: reply 12, paragraph 4 (stable, 1-based).")
    number: int = Field(ge=1)
    kind: Literal["heading", "paragraph", "list-item"]
    label: str | None = Field(default=None, description="List or heading label: `1.`, `(a)`.")
    text: str = Field(description="The paragraph's text, label removed, spaces collapsed.")
    span: Span = Field(description="`[start, end)` of the paragraph (label included).")


class SplitReply(BaseModel):
    """A reply's text cut into paragraphs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    reply_number: int
    source: ReplySource
    paragraphs: tuple[ReplyParagraph, ...]
    dropped: tuple[Span, ...] = Field(
        default=(), description="Spans of page artefacts left out (PDF only)."
    )


# --- lines and page artefacts ----------------------------------------------------------

_LINE: Final = re.compile(r"[^\r\n\f]*(?:\r\n|[\r\n\f]|$)")
_PAGE_ARTEFACTS: Final = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"[-–—]?\s*\d{1,4}\s*[-–—]?",  # 3, - 3 -
        r"\d{1,4}\s*/\s*\d{1,4}",  # 3/5
        r"(?:page|página|pág\.|p\.|страница|стр\.)\s*\d{1,4}"
        r"(?:\s*(?:of|de|sur|из|/)\s*\d{1,4})?",  # Page 3 of 5, Страница 3 из 5
        r"(?:الصفحة|صفحة)\s*\d{1,4}(?:\s*من\s*\d{1,4})?",  # الصفحة 3 من 5
        r"第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?",  # 第 3 页，共 5 页
    )
)
_TERMINAL: Final = frozenset(".!?;:。！？；：؟؛…")
_CJK: Final = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_MARKER: Final = re.compile(
    r"""\s*(?P<label>
        [-–—•*·▪●○◦]                       # bullets
      | \(?\d{1,3}(?:\.\d{1,3})*[.)]       # 1.  1)  (1)  2.1.
      | \d{1,3}\s+-                        # 1 -  (Arabic numbering)
      | \(?[a-z]\)  | [a-z]\.              # (a)  a)  a.
      | \([ivxlc]+\) | [ivxlc]+\)          # (ii)  ii)
      | [IVXLC]+\.  | [A-Z]\.              # II.  A.
      | [（(][一二三四五六七八九十]+[)）]  # （一）
      | [一二三四五六七八九十]+、           # 一、
      | \([\u0621-\u064a]\)                # (أ)
    )(?:\s+|(?<=[、）]))(?=\S)""",  # a CJK label needs no space after it
    re.VERBOSE,
)
_HEADING_MAX: Final = 80  # characters; a heading is a short line
_HEADING_MAX_CJK: Final = 30


def _lines(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of every line's content, without its line break."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        if m.start() == m.end() and m.start() == len(text) and out:
            break
        content = m.group().rstrip("\r\n\f")
        out.append((m.start(), m.start() + len(content)))
    return out


def _is_artefact(line: str) -> bool:
    stripped = line.strip()
    return any(p.fullmatch(stripped) for p in _PAGE_ARTEFACTS)


def _repeated_lines(text: str, lines: list[tuple[int, int]]) -> set[str]:
    """Short lines found three times or more: running headers and footers of a PDF."""
    counts = Counter(" ".join(text[s:e].split()) for s, e in lines)
    return {
        line
        for line, n in counts.items()
        if n >= 3 and line and len(line) <= _HEADING_MAX and not _MARKER.match(line)
    }


# --- paragraphs ------------------------------------------------------------------------


def _short(text: str) -> bool:
    limit = _HEADING_MAX_CJK if _CJK.search(text) else _HEADING_MAX
    return len(text) <= limit


def _classify(text: str) -> tuple[Literal["heading", "paragraph", "list-item"], str | None, str]:
    """Kind, label and text (label removed) of one paragraph's collapsed text."""
    marker = _MARKER.match(text)
    label = marker.group("label") if marker else None
    body = text[marker.end() :] if marker else text
    ends_sentence = text[-1] in _TERMINAL or text[-1] in ",，、،"
    if _short(text) and not ends_sentence and (label is None or label[0] not in "-–—•*·▪●○◦"):
        return "heading", label, body
    if label is not None:
        return "list-item", label, body
    return "paragraph", None, body


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if not out:
            out = part
        elif out.endswith("-") or (_CJK.match(part[0]) and _CJK.match(out[-1])):
            out += part
        else:
            out += " " + part
    return out


def _pdf_blocks(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Lines of wrapped PDF text grouped into paragraphs."""
    widths = sorted(e - s for s, e in lines if e > s)
    full = widths[int(len(widths) * 0.9)] if widths else 0
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for start, end in lines:
        line = text[start:end].strip()
        if not line:
            if current:
                blocks.append(current)
            current = []
            continue
        if current:
            previous = text[current[-1][0] : current[-1][1]].strip()
            ends = previous[-1] in _TERMINAL
            short = len(previous) < 0.8 * full
            heading = len(current) == 1 and _classify(previous)[0] == "heading" and short
            if _MARKER.match(line) or (ends and short) or heading:
                blocks.append(current)
                current = []
        current.append((start, end))
    if current:
        blocks.append(current)
    return blocks


def split_reply(text: str, *, reply_number: int, source: ReplySource = "typed") -> SplitReply:
    """Cut a reply's text into anchored paragraphs (`R{reply_number}.P{n}`).

    `source` says where the text comes from: `typed` and `docx` text has one paragraph a
    line, `pdf` text is wrapped and carries page artefacts. `EmptyReplyText` when nothing
    is left (with `needs_review` for a file).
    """
    if reply_number < 1:
        raise ValueError(f"reply_number {reply_number} is not a positive number")
    lines = _lines(text)
    dropped: list[Span] = []
    if source == "pdf":
        repeated = _repeated_lines(text, lines)
        kept = []
        for start, end in lines:
            line = text[start:end]
            if line.strip() and (_is_artefact(line) or " ".join(line.split()) in repeated):
                dropped.append((start, end))
                kept.append((start, start))  # an artefact ends the paragraph like a blank line
            else:
                kept.append((start, end))
        blocks = _pdf_blocks(text, kept)
    else:
        blocks = [[(s, e)] for s, e in lines if text[s:e].strip()]
    paragraphs: list[ReplyParagraph] = []
    for block in blocks:
        parts = [" ".join(text[s:e].split()) for s, e in block]
        joined = _join([p for p in parts if p])
        if not joined:
            continue
        kind, label, body = _classify(joined)
        first, last = block[0], block[-1]
        start = first[0] + len(text[first[0] : first[1]]) - len(text[first[0] : first[1]].lstrip())
        end = last[1] - (len(text[last[0] : last[1]]) - len(text[last[0] : last[1]].rstrip()))
        number = len(paragraphs) + 1
        paragraphs.append(
            ReplyParagraph(
                anchor=f"R{reply_number}.P{number}",
                number=number,
                kind=kind,
                label=label,
                text=body,
                span=(start, end),
            )
        )
    if not paragraphs:
        raise EmptyReplyText(reply_number, source)
    return SplitReply(
        reply_number=reply_number,
        source=source,
        paragraphs=tuple(paragraphs),
        dropped=tuple(dropped),
    )


# --- mentions of the resolution's paragraphs -------------------------------------------


def _english_ordinals() -> dict[str, int]:
    units = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
    teens = [
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ]
    out = {w: i for i, w in enumerate(units, 1)} | {w: i for i, w in enumerate(teens, 10)}
    out["twentieth"] = 20
    out |= {f"twenty-{w}": 20 + i for i, w in enumerate(units, 1)}
    out["thirtieth"] = 30
    return out


def _french_ordinals() -> dict[str, int]:
    words = [
        "premier",
        "deuxième",
        "troisième",
        "quatrième",
        "cinquième",
        "sixième",
        "septième",
        "huitième",
        "neuvième",
        "dixième",
        "onzième",
        "douzième",
        "treizième",
        "quatorzième",
        "quinzième",
        "seizième",
        "dix-septième",
        "dix-huitième",
        "dix-neuvième",
        "vingtième",
    ]
    out = {w: i for i, w in enumerate(words, 1)} | {"première": 1, "second": 2, "seconde": 2}
    out["vingt et unième"] = 21
    out |= {f"vingt-{w}": 20 + i for i, w in enumerate(words[1:9], 2)}
    out["trentième"] = 30
    return out


_ORDINALS: Final[dict[str, dict[str, int]]] = {
    "en": _english_ordinals(),
    "fr": _french_ordinals(),
    "es": {
        w: i
        for i, ws in enumerate(
            (
                "primer primero primera",
                "segundo segunda",
                "tercer tercero tercera",
                "cuarto cuarta",
                "quinto quinta",
                "sexto sexta",
                "séptimo séptima",
                "octavo octava",
                "noveno novena",
                "décimo décima",
                "undécimo undécima decimoprimero decimoprimer",
                "duodécimo duodécima decimosegundo",
                "decimotercer decimotercero",
                "decimocuarto",
                "decimoquinto",
                "decimosexto",
                "decimoséptimo",
                "decimoctavo",
                "decimonoveno",
                "vigésimo",
            ),
            1,
        )
        for w in ws.split()
    },
    # Russian: stems, any case ending follows ("девятый", "девятом", "девятого").
    "ru": {
        stem: i
        for i, stem in enumerate(
            [
                "перв",
                "втор",
                "трет",
                "четверт",
                "пят",
                "шест",
                "седьм",
                "восьм",
                "девят",
                "десят",
                "одиннадцат",
                "двенадцат",
                "тринадцат",
                "четырнадцат",
                "пятнадцат",
                "шестнадцат",
                "семнадцат",
                "восемнадцат",
                "девятнадцат",
                "двадцат",
            ],
            1,
        )
    },
    # Arabic: the feminine ordinals (الفقرة is feminine), with the article.
    "ar": {
        w: i
        for i, w in enumerate(
            (
                "الأولى",
                "الثانية",
                "الثالثة",
                "الرابعة",
                "الخامسة",
                "السادسة",
                "السابعة",
                "الثامنة",
                "التاسعة",
                "العاشرة",
                "الحادية عشرة",
                "الثانية عشرة",
                "الثالثة عشرة",
                "الرابعة عشرة",
                "الخامسة عشرة",
                "السادسة عشرة",
                "السابعة عشرة",
                "الثامنة عشرة",
                "التاسعة عشرة",
                "العشرون",
            ),
            1,
        )
    },
}
_ZH_DIGITS: Final = {c: i for i, c in enumerate("一二三四五六七八九", 1)}


def _chinese_number(text: str) -> int:
    """`十` → 10, `十二` → 12, `二十三` → 23, `9` → 9."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _ZH_DIGITS[text]
    tens, _, units = text.partition("十")
    return (_ZH_DIGITS[tens] if tens else 1) * 10 + (_ZH_DIGITS[units] if units else 0)


def _alternatives(words: dict[str, int], *, suffix: str = "") -> str:
    ordered = sorted(words, key=len, reverse=True)
    return (
        "(?P<ord>" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")" + suffix
    )


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
        ("op", rf"\bparagraph\s+{_N}{_SUB}\s+of\s+(?:the\s+|that\s+|this\s+)?resolution"),
        ("pp", rf"\bpreambular\s+paragraph\s+{_N}\b"),
        ("pp", rf"\b(?:the\s+)?{_alternatives(_ORDINALS['en'])}\s+preambular\s+paragraph"),
        ("pp", rf"\b(?:the\s+)?{_alternatives(_ORDINALS['en'])}\s+paragraph\s+of\s+the\s+preamble"),
    ),
    "fr": (
        ("op", rf"\bparagraphe\s+{_N}{_SUB}\s+du\s+dispositif"),
        ("op", rf"\bparagraphe\s+{_N}{_SUB}\s+de\s+(?:la|cette)\s+résolution"),
        ("pp", rf"\b(?:alinéa|paragraphe)\s+{_N}\s+du\s+préambule"),
        (
            "pp",
            rf"\b(?:le\s+|au\s+|du\s+)?{_alternatives(_ORDINALS['fr'])}\s+"
            r"(?:alinéa|paragraphe)\s+du\s+préambule",
        ),
    ),
    "es": (
        ("op", rf"\b{_ES_PARR}\s+{_N}{_SUB}\s+de\s+la\s+parte\s+dispositiva"),
        ("op", rf"\b{_ES_PARR}\s+{_N}{_SUB}\s+de\s+(?:la|esa|esta)\s+resolución"),
        ("pp", rf"\b{_ES_PARR}\s+{_N}\s+del\s+preámbulo"),
        ("pp", rf"\b(?:el\s+)?{_alternatives(_ORDINALS['es'])}\s+{_ES_PARR}\s+del\s+preámbulo"),
    ),
    "ru": (
        ("op", rf"{_RU_PUNKT}\s+{_N}{_SUB}\s+постановляющей\s+части"),
        ("op", rf"{_RU_PUNKT}\s+{_N}{_SUB}\s+(?:этой\s+|данной\s+)?резолюции"),
        ("pp", rf"{_RU_PUNKT}\s+{_N}\s+преамбулы"),
        ("pp", rf"{_alternatives(_ORDINALS['ru'], suffix=r'[а-яё]*')}\s+{_RU_PUNKT}\s+преамбулы"),
    ),
    "ar": (
        ("op", rf"الفقرة\s+{_N}{_SUB}\s+من\s+(?:منطوق\s+القرار|المنطوق)"),
        ("op", rf"الفقرة\s+{_N}{_SUB}\s+من\s+(?:هذا\s+|ذلك\s+)?القرار"),
        ("pp", rf"الفقرة\s+{_N}\s+من\s+(?:الديباجة|ديباجة\s+القرار)"),
        ("pp", rf"الفقرة\s+{_alternatives(_ORDINALS['ar'])}\s+من\s+(?:الديباجة|ديباجة\s+القرار)"),
    ),
    "zh": (
        ("op", r"执行部分第\s*(?P<zh>\d{1,3}|[一二三四五六七八九十]{1,3})\s*段" + _SUB),
        ("op", r"决议第\s*(?P<zh>\d{1,3}|[一二三四五六七八九十]{1,3})\s*段" + _SUB),
        ("pp", r"序言(?:部分)?第\s*(?P<zh>\d{1,3}|[一二三四五六七八九十]{1,3})\s*段"),
    ),
}
# Paragraphs of a section ("paragraph 2 of section II", anchor `II.OP2`), unless the words go
# on to name another resolution ("… of section II of resolution 60/251"); `sec` is the label.
_ANOTHER: Final = (
    r"(?!\s+(?:of|de|del|من)\s+(?:la\s+|the\s+)?(?:resolution|résolution|resolución|القرار)\s+\d)"
)


def _sec(language: str) -> str:
    return rf"(?P<sec>{section_label_pattern(language)})(?!\w)"


_SECTION_MENTIONS: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        rf"\b(?P<sec>[IVX]{{1,6}}|[A-Z])\.OP\s?{_N}{_SUB}",
        rf"\b(?:operative\s+)?paragraph\s+{_N}{_SUB}\s+of\s+(?:section|part)\s+{_sec('en')}"
        + _ANOTHER,
    ),
    "fr": (rf"\bparagraphe\s+{_N}{_SUB}\s+de\s+la\s+(?:section|partie)\s+{_sec('fr')}" + _ANOTHER,),
    "es": (rf"\b{_ES_PARR}\s+{_N}{_SUB}\s+de\s+la\s+(?:sección|parte)\s+{_sec('es')}" + _ANOTHER,),
    "ru": (rf"{_RU_PUNKT}\s+{_N}{_SUB}\s+(?:раздела|части)\s+{_sec('ru')}(?!\s+резолюции\s+\d)",),
    "ar": (rf"الفقرة\s+{_N}{_SUB}\s+من\s+(?:الجزء|الفرع)\s+{_sec('ar')}" + _ANOTHER,),
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


def _number(match: re.Match[str], language: str) -> int:
    groups = match.groupdict()
    if groups.get("n"):
        return int(groups["n"])
    if groups.get("zh"):
        return _chinese_number(groups["zh"])
    word = " ".join(groups["ord"].lower().split())
    if language == "ru":
        for stem, value in sorted(_ORDINALS["ru"].items(), key=lambda kv: -len(kv[0])):
            if word.startswith(stem):
                return value
    return _ORDINALS[language][word]


def find_paragraph_mentions(text: str, language: str) -> list[tuple[int, int, str]]:
    """Where `text` mentions paragraphs of the resolution: `(start, end, anchor)`, in order.

    Anchors are the reader's (`OP10`, `OP8(a)`, `PP9`, `II.OP2`). Operative paragraphs are
    found by number ("operative paragraph 10", "paragraph 10 of the resolution", "OP10"; in a
    section, "paragraph 2 of section II", "II.OP2"),
    preambular ones by number or ordinal ("the ninth preambular paragraph"); ordinals are
    known up to the twentieth (thirtieth in English and French). `KeyError` names a
    language that is not one of the six.
    """
    code = get_language(language).code
    folded = fold_width(text)
    found: list[tuple[int, int, str]] = []
    for kind, pattern in _COMPILED[code]:
        for m in pattern.finditer(folded):
            number = _number(m, code)
            if number < 1:
                continue
            anchor = f"{kind.upper()}{number}"
            sub = m.groupdict().get("sub")
            if sub and kind == "op":
                anchor += "(" + sub.strip("()").lower() + ")"
            if sec := m.groupdict().get("sec"):
                readings = section_anchors(" ".join(sec.split()).upper())
                if not readings:
                    continue
                anchor = f"{readings[0]}.{anchor}"
            found.append((m.start(), m.end(), anchor))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str]] = []
    for mention in found:
        if kept and mention[0] < kept[-1][1]:
            continue  # overlaps a longer or earlier mention
        kept.append(mention)
    return kept
