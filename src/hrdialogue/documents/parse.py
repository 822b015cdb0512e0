"""`parse_resolution`: decoded text → `Resolution`.

clean (page apparatus, footnotes, span map) → enacting formula → masthead → closing →
paragraphs and subparagraphs → lead phrases → footnotes on their paragraphs → references →
mandates → warnings. A pure function: text in, value out.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any, Final

from pydantic import TypeAdapter

from hrdialogue.documents.clean import (
    CleanDocument,
    CleanIssue,
    CleanText,
    FootnoteEntry,
    FootnoteMarker,
    clean_document,
)
from hrdialogue.documents.closing import Closing, find_closing
from hrdialogue.documents.errors import NotAResolution, ReaderError, UnsupportedLanguage
from hrdialogue.documents.mandates import extract_mandates
from hrdialogue.documents.masthead import Masthead, read_masthead
from hrdialogue.documents.model import (
    Body,
    DocumentKind,
    OperativeParagraph,
    Resolution,
    Span,
)
from hrdialogue.documents.references import scan_references
from hrdialogue.documents.sections import (
    RawSection,
    StrayLabel,
    body_issues,
    find_composite,
    find_second_formula,
    find_sections,
)
from hrdialogue.documents.segment import (
    RawParagraph,
    RawSubparagraph,
    find_enacting_formula,
    split_paragraphs,
)
from hrdialogue.documents.spans import trim_span
from hrdialogue.languages import LANGUAGES, fold_homoglyphs

__all__ = ["parse_resolution"]

# A Latin word run straight into Arabic or Chinese: the aligned segments of a bitext. Led by
# the rarer script of the text (so that the engine skips ahead in C), the other looked behind.
# (a subparagraph label run into the words after it, "(a)在", "(ii)تقديم", is not a segment's
# end: the ")" does not count after "(" and one to four letters, nor after a lone letter
# that opens a line)
_IN_PARENTHESES = "".join(rf"(?<!\([A-Za-z]{{{n}}})" for n in range(1, 5))
_LABEL_BEFORE = _IN_PARENTHESES + r"(?<!\n[A-Za-z])(?<!^[A-Za-z])"
_BITEXT_LATIN_FIRST = re.compile(
    rf"[A-Za-z](?:[,.;:]|{_LABEL_BEFORE}\))?[\u0600-\u06ff\u4e00-\u9fff]"
)
_BITEXT_OTHER_FIRST = re.compile(
    r"[\u0600-\u06ff\u4e00-\u9fff](?:(?<=[A-Za-z].)|(?<=[A-Za-z][,.;:)].))"
)
_BITEXT_SEGMENTS = 3
# The UTF-8 lead bytes of U+0600–U+06FF (Arabic) and U+4000–U+9FFF (a superset of the CJK
# block above): a text in another script whose UTF-8 form has none of them holds no Arabic or
# Chinese letter, and `bytes.find` looks for one in C at memory speed (a regex scan led by a
# character class tests each character in turn, several times slower).
_ARABIC_OR_CJK_LEADS = tuple(bytes([b]) for b in (*range(0xD8, 0xDC), *range(0xE4, 0xEA)))


def _is_bitext(text: str, language: str) -> bool:
    """Whether `text` is an aligned bitext: three places where a Latin word runs straight
    into Arabic or Chinese."""
    if text.isascii():
        return False
    if language in ("ar", "zh"):
        bitext = _BITEXT_LATIN_FIRST
    else:
        data = text.encode("utf-8", "surrogatepass")
        if not any(lead in data for lead in _ARABIC_OR_CJK_LEADS):
            return False
        bitext = _BITEXT_OTHER_FIRST
    return len(list(islice(bitext.finditer(text), _BITEXT_SEGMENTS))) >= _BITEXT_SEGMENTS


def _own_symbol_pattern() -> re.Pattern[str]:
    """The document's own symbols in text as printed: `A/63/53`, or `А/63/53` with Cyrillic
    or Greek look-alikes, which are folded once found (folding the whole head first costs a
    table look-up a character). Each class also takes the letters `fold_homoglyphs` turns
    into one of its Latin letters: those of the Greek and Cyrillic blocks (a test checks
    that it folds no other), all letters, as the look-behind's `\\w`. The look-behind follows
    the first letter, so that the engine skips ahead in C to a candidate first letter."""
    letters = "".join(map(chr, range(0x370, 0x530)))
    alike = {a: b for a, b in zip(letters, fold_homoglyphs(letters), strict=True) if a != b}
    first = "AES" + "".join(a for a, b in alike.items() if b in "AES")
    rest = "".join(alike)
    return re.compile(rf"([{first}](?<![\w/(\[].)(?:/[A-Za-z0-9.\-{rest}]+)+)")


_OWN_SYMBOL = _own_symbol_pattern()
# The fields of a value `Resolution.model_validate` builds (see the end of `parse_resolution`);
# pydantic checks each against the model, which forbids unknown keys.
_Fields = dict[str, Any]
_OPERATIVE: Final = TypeAdapter(tuple[OperativeParagraph, ...])
_TERMINAL = re.compile(r"[.。][\"'”»)]*$")
_FIRST_WORD = re.compile(r"[^\s,،，;:]+")
# An annex's heading, in the six languages ("Annex", "Annex I", "Приложение", "المرفق", "附件").
_ANNEX = re.compile(r"\s*(?:Annexe?|Anexo|Приложение|(?:ال)?مرفق|附件)(?![^\W\d_])", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")


def _detect_language(text: str, source: str | None) -> str:
    try:
        module = importlib.import_module("hrdialogue.documents.language")
    except ModuleNotFoundError:
        msg = "language detection is not available here: name the language (language=...)"
        raise ReaderError(msg, source=source) from None
    detect: Callable[[str], str] = module.detect_language
    return detect(text)


@dataclass(slots=True)
class _Anchors:
    """Clean-text offsets of every anchored element, for footnotes, references and mandates."""

    starts: list[int]
    ends: list[int]
    anchors: list[str]
    by_anchor: dict[str, int]

    def at(self, offset: int) -> str | None:
        """Anchor of the paragraph containing the clean offset `offset` (ends inclusive)."""
        i = bisect_right(self.starts, offset) - 1
        while i >= 0:
            if self.starts[i] <= offset <= self.ends[i]:
                return self.anchors[i]
            i -= 1
        return None


def _subparagraphs(
    raw: list[RawSubparagraph],
    prefix: str,
    clean: CleanText,
    source: str,
    spans: list[tuple[int, int, str]],
) -> list[_Fields]:
    """`Subparagraph` values as the fields `Resolution.model_validate` takes."""
    items: list[_Fields] = []
    for sub in raw:
        anchor = prefix + sub.anchor
        label_span = clean.source_span(sub.label_start, sub.label_end)
        spans.append((sub.start, sub.end, anchor))
        children = _subparagraphs(sub.children, prefix, clean, source, spans)
        items.append(
            {
                "anchor": anchor,
                "label": source[label_span[0] : label_span[1]],
                "text": clean.text[sub.start : sub.end],
                "span": clean.source_span(sub.start, sub.end),
                "subparagraphs": children,
            }
        )
    return items


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _warning(
    code: str, message: str, text: str, offset: int | None, anchor: str | None = None
) -> _Fields:
    """A `ParseWarning`'s fields."""
    return {
        "code": code,
        "message": message,
        "anchor": anchor,
        "offset": offset,
        "line": None if offset is None else _line(text, offset),
    }


def parse_resolution(
    text: str, *, language: str | None = None, source: str | None = None
) -> Resolution:
    """Structure a resolution from text as extracted from a PDF, DOCX or UN HTML page.

    `language` (ISO 639-1) is detected when not given. `source` names the input in errors.
    Raises `ReaderError` subclasses for input that is not a resolution.
    """
    if language is None:
        language = _detect_language(text, source)
    if language not in LANGUAGES:
        raise UnsupportedLanguage(
            f"{language!r} is not one of the six UN languages (ar, zh, en, fr, ru, es)",
            source=source,
        )
    if _is_bitext(text, language):
        raise NotAResolution(
            "this is a bilingual aligned text (bitext), not a resolution in one language",
            source=source,
        )
    raw_formula = find_enacting_formula(text, language)
    body_start = raw_formula.start if raw_formula else 0
    own = [fold_homoglyphs(m.group(1)) for m in _OWN_SYMBOL.finditer(text, 0, body_start)]
    doc = clean_document(text, body_start=body_start, own_symbols=own)
    clean = doc.body
    ctext = clean.text

    formula = find_enacting_formula(ctext, language)
    region_start = formula.end if formula else 0
    closing = find_closing(ctext, region_start, language)
    region_end = len(ctext)
    if closing is not None and closing.start >= region_start:
        region_end = closing.start
    second = find_second_formula(ctext, formula) if formula else None
    # A composite resolution's parts (A, B: each with its own formula) are its sections.
    sections = find_composite(clean, formula, second, language) if formula and second else []
    composite = bool(sections)
    stray: list[StrayLabel] = []
    parts: list[RawSection] = []
    if composite:
        if closing is not None and formula is not None and closing.start < formula.start:
            # a masthead's meeting and date (a UN HTML rendition): those of every part that
            # has no closing of its own
            sections = [s if s.closing else replace(s, closing=closing) for s in sections]
        parts = sections
        # a part may be divided into sections of its own (`A.I`, `A.II`)
        sections, stray = _with_inner_sections(parts, clean, text, language)
    else:
        sections, stray = find_sections(clean, text, region_start, region_end, language)
    raw_paragraphs, fragment_start, numbering = split_paragraphs(
        clean,
        region_start,
        max(region_start, sections[0].start) if sections else region_end,
        language,
        fragment=formula is None,
        source=text,
    )
    # The section each paragraph is in (None before the first section).
    owners: list[RawSection | None] = [None] * len(raw_paragraphs)
    for k, raw_section in enumerate(sections):
        # a section's own paragraphs stop where the next section starts (inside it, when it
        # is a composite's part divided into sections)
        own_end = raw_section.end
        if k + 1 < len(sections):
            own_end = min(own_end, sections[k + 1].start)
        part, _, part_numbering = split_paragraphs(
            clean, raw_section.body_start, own_end, language, source=text
        )
        raw_paragraphs += part
        numbering += part_numbering
        owners += [raw_section] * len(part)
    if formula is None and not any(p.lead is not None for p in raw_paragraphs):
        raise NotAResolution(
            "no enacting formula (such as 'The General Assembly,') and no paragraph that opens"
            " with a preambular or operative lead phrase: this is not a resolution",
            source=source,
        )
    body: Body | None = formula.body if formula else None
    masthead = None
    if formula is not None:
        # The masthead ends at the formula, or at the label of a composite's first part.
        masthead_end = min(formula.start, sections[0].start) if sections else formula.start
        masthead = read_masthead(clean, masthead_end, body, language)
    if masthead is not None:
        body = masthead.body

    warnings: list[_Fields] = []
    spans: list[tuple[int, int, str]] = []
    preamble: list[_Fields] = []
    operative: list[_Fields] = []
    counts: dict[tuple[str, bool], int] = {}  # a section's paragraphs so far, per part
    for raw, owner in zip(raw_paragraphs, owners, strict=True):
        paragraph_text = ctext[raw.start : raw.end]
        lead = raw.lead
        printed = lead.lead if lead else _first_word(paragraph_text, language)
        span = clean.source_span(raw.start, raw.end)
        if owner is None:  # before the sections (all of an unsectioned resolution)
            prefix = ""
            count = (len(operative) if raw.operative else len(preamble)) + 1
        else:
            prefix = f"{owner.anchor}."
            key = (owner.anchor, raw.operative)
            count = counts[key] = counts.get(key, 0) + 1
        if raw.operative:
            anchor = f"{prefix}OP{raw.number if raw.number is not None else count}"
            spans.append((raw.start, raw.end, anchor))
            operative.append(
                {
                    "anchor": anchor,
                    "number": raw.number,
                    "lead": printed,
                    "lead_key": lead.key if lead else None,
                    "lead_modifiers": lead.modifiers if lead else (),
                    "text": paragraph_text,
                    "span": span,
                    "subparagraphs": _subparagraphs(raw.subparagraphs, anchor, clean, text, spans),
                }
            )
        else:
            anchor = f"{prefix}PP{count}"
            spans.append((raw.start, raw.end, anchor))
            preamble.append(
                {
                    "anchor": anchor,
                    "lead": printed,
                    "lead_key": lead.key if lead else None,
                    "lead_modifiers": lead.modifiers if lead else (),
                    "text": paragraph_text,
                    "span": span,
                }
            )
        if owner is not None:  # left out otherwise: the default, None, costs nothing to check
            (operative if raw.operative else preamble)[-1]["section"] = owner.anchor
        if lead is None:
            warnings.append(
                _warning(
                    "unknown-lead",
                    f"{anchor} opens with a lead phrase the lexicon does not know: {printed!r}",
                    text,
                    span[0],
                    anchor,
                )
            )
    paragraph_spans = sorted((s, e, a) for s, e, a in spans if "(" not in a)
    anchors = _Anchors(
        [s for s, _, _ in paragraph_spans],
        [e for _, e, _ in paragraph_spans],
        [a for _, _, a in paragraph_spans],
        {a: s for s, _, a in spans},
    )
    deepest = sorted(spans, key=lambda item: (item[0], -(item[1] - item[0])))

    footnotes = _footnotes(doc.entries, doc.markers, anchors)
    for issue in doc.issues:
        warnings.append(_issue(issue, text, clean, anchors))
    for problem in [*body_issues(stray, second, parts=parts), *numbering]:
        at = problem.start
        offset = clean.source_offset(at)
        warnings.append(_warning(problem.code, problem.message, text, offset, anchors.at(at)))

    references = _references(
        masthead=masthead,
        paragraphs=raw_paragraphs,
        footnotes=footnotes,
        doc=doc,
        clean=clean,
        language=language,
        body=body,
        deepest=deepest,
    )
    adoption = _adoption(closing, clean) if closing is not None else None
    last_closing = parts[-1].closing if parts else closing
    if last_closing is not None and last_closing.start >= region_start:
        unread = _unread(clean, text, last_closing.end)
        if unread is not None:
            warnings.append(_warning("unread-text", unread[1], text, unread[0]))

    kind = masthead.kind if masthead else DocumentKind.RESOLUTION
    # (a composite is whole when its last part has its closing)
    closed = parts[-1].closing is not None if parts else closing is not None
    truncation = _truncation(raw_paragraphs, ctext, closed, kind, fragment_start)
    if truncation is not None:
        offset = clean.source_offset(raw_paragraphs[-1].end) if raw_paragraphs else len(text)
        warnings.append(_warning("truncated", truncation, text, offset))

    def to_source(anchor: str, start: int, end: int) -> Span:
        base = anchors.by_anchor[anchor]
        return clean.source_span(base + start, base + end)

    paragraphs = _OPERATIVE.validate_python(operative)
    mandates = extract_mandates(paragraphs, language=language, body=body, to_source=to_source)
    warnings.sort(key=_warning_offset)
    # One validation builds every value below in pydantic-core: a constructor call per value
    # (a Python frame and a validation entry each) costs about twice as much. Models already
    # built (the operative paragraphs, the mandates) pass through unvalidated.
    fields: _Fields = {
        "kind": kind,
        "body": body,
        "symbol": masthead.symbol if masthead else None,
        "number": masthead.number if masthead else None,
        "session": masthead.session if masthead else None,
        "language": language,
        "title": masthead.title if masthead else None,
        "enacting_formula": formula.text if formula else None,
        "preamble": preamble,
        "operative": paragraphs,
        "footnotes": footnotes,
        "references": references,
        "adoption": adoption,
        "mandates": mandates,
        "warnings": warnings,
        "source_length": len(text),
    }
    if sections:
        fields["sections"] = [_section(raw_section, clean) for raw_section in sections]
    return Resolution.model_validate(fields)


def _with_inner_sections(
    parts: list[RawSection], clean: CleanText, source: str, language: str
) -> tuple[list[RawSection], list[StrayLabel]]:
    """A composite's parts, each followed by its own sections (anchored `A.I`, `A.II`), and
    the label lines inside them that no sequence takes."""
    sections: list[RawSection] = []
    stray: list[StrayLabel] = []
    for part in parts:
        inner, lost = find_sections(clean, source, part.body_start, part.end, language)
        sections.append(part)
        sections += [replace(s, anchor=f"{part.anchor}.{s.anchor}") for s in inner]
        stray += lost
    return sections, stray


def _adoption(closing: Closing, clean: CleanText) -> _Fields:
    """An `Adoption`'s fields."""
    return {
        "meeting": closing.meeting,
        "date": closing.date,
        "span": clean.source_span(closing.start, closing.end),
    }


def _section(section: RawSection, clean: CleanText) -> _Fields:
    """A `Section`'s fields (with a composite's part's formula and closing)."""
    heading = section.heading
    fields: _Fields = {
        "anchor": section.anchor,
        "num": section.num,
        "heading": clean.text[heading[0] : heading[1]] if heading is not None else None,
        "span": clean.source_span(*trim_span(clean.text, section.start, section.end)),
    }
    if section.formula is not None:  # a composite's part
        fields["enacting_formula"] = section.formula.text
        closing = section.closing
        fields["adoption"] = _adoption(closing, clean) if closing is not None else None
    return fields


def _unread(clean: CleanText, source: str, start: int) -> tuple[int, str] | None:
    """Where the text after a resolution's closing (meeting and date, ending at clean offset
    `start`) begins in the source, and what to say of it, when it holds words: an annex (not
    structured by this reader), or anything else."""
    text = clean.text
    if _LETTER.search(text, start) is None:
        return None
    at = trim_span(text, start, len(text))[0]
    offset = clean.source_offset(at)
    length = len(source.rstrip()) - offset  # in the source, as offsets are
    words = text[at : at + 80].split()
    shown = " ".join(words[:6]) + ("…" if len(words) > 6 or at + 80 < len(text) else "")
    if _ANNEX.match(text, start):
        return offset, (
            f"an annex follows the closing (meeting and date): {shown!r}, {length} characters"
            " kept in the source but not structured as paragraphs"
        )
    return offset, (
        f"text follows the closing (meeting and date) and is not read: {shown!r},"
        f" {length} characters"
    )


def _warning_offset(warning: _Fields) -> int:
    offset: int | None = warning["offset"]
    return -1 if offset is None else offset


def _span_start(reference: _Fields) -> int:
    start: int = reference["span"][0]
    return start


def _first_word(text: str, language: str) -> str | None:
    if language == "zh":
        return None
    m = _FIRST_WORD.match(text)
    return m.group() if m else None


def _issue(issue: CleanIssue, text: str, clean: CleanText, anchors: _Anchors) -> _Fields:
    anchor = anchors.at(clean.clean_offset(issue.offset))
    if issue.code == "unmatched-footnote" and anchor is not None:
        anchor = None
    return _warning(issue.code, issue.message, text, issue.offset, anchor)


def _footnotes(
    entries: tuple[FootnoteEntry, ...], markers: tuple[FootnoteMarker, ...], anchors: _Anchors
) -> list[_Fields]:
    """`Footnote` values as fields, in the order of the entries."""
    placed: dict[int, tuple[str | None, int | None]] = {}
    for marker in markers:
        if marker.entry is None:
            continue
        anchor = anchors.at(marker.offset)
        offset = marker.offset - anchors.starts[anchors.anchors.index(anchor)] if anchor else None
        placed[marker.entry] = (anchor, offset)
    footnotes: list[_Fields] = []
    for i, entry in enumerate(entries):
        anchor, offset = placed.get(i, (None, None))
        footnotes.append(
            {
                "marker": entry.marker,
                "text": entry.text.text.strip(),
                "anchor": anchor,
                "offset": offset,
                "span": entry.span,
            }
        )
    return footnotes


def _references(
    *,
    masthead: Masthead | None,
    paragraphs: list[RawParagraph],
    footnotes: list[_Fields],
    doc: CleanDocument,
    clean: CleanText,
    language: str,
    body: Body | None,
    deepest: list[tuple[int, int, str]],
) -> list[_Fields]:
    """`Reference` values as fields, in source order."""
    # One scan of the clean text over the title and every paragraph, one over the footnotes
    # (joined by line breaks): each text is folded once, not once per paragraph.
    found: list[_Fields] = []
    ctext = clean.text
    title = masthead.title_span if masthead is not None else None
    regions = [(p.start, p.end) for p in paragraphs]
    if title is not None:
        regions.insert(0, title)
    scanned = scan_references(ctext, language, regions, body=body)
    if title is not None:
        for c in scanned.pop(0):
            found.append(c.fields(ctext, clean.source_span(c.start, c.end)))
    starts = [s for s, _, _ in deepest]
    for citations in scanned:
        for c in citations:
            found.append(
                c.fields(
                    ctext,
                    clean.source_span(c.start, c.end),
                    anchor=_innermost(deepest, starts, c.start),
                )
            )
    if doc.entries:
        texts = [entry.text.text for entry in doc.entries]
        joined = "\n".join(texts)
        bounds = []
        base = 0
        for t in texts:
            bounds.append((base, base + len(t)))
            base += len(t) + 1
        notes = scan_references(joined, language, bounds, body=body)
        for entry, footnote, (base, _), citations in zip(
            doc.entries, footnotes, bounds, notes, strict=True
        ):
            for c in citations:
                found.append(
                    c.fields(
                        joined,
                        entry.text.source_span(c.start - base, c.end - base),
                        anchor=footnote["anchor"],
                        footnote=footnote["marker"],
                    )
                )
    found.sort(key=_span_start)
    return found


def _innermost(deepest: list[tuple[int, int, str]], starts: list[int], offset: int) -> str | None:
    """Anchor of the innermost element containing `offset` (`deepest`: sorted by start, then
    longest first; `starts`: their starts): the last one in that order that contains it."""
    i = bisect_right(starts, offset) - 1
    while i >= 0:
        if offset < deepest[i][1]:
            return deepest[i][2]
        i -= 1
    return None


def _truncation(
    paragraphs: list[RawParagraph],
    text: str,
    closed: bool,
    kind: DocumentKind,
    fragment_start: int | None,
) -> str | None:
    if fragment_start is not None:
        return "the text starts in the middle of the resolution: the document is truncated"
    if not paragraphs:
        return "no paragraph follows the enacting formula: the document is truncated"
    last = text[paragraphs[-1].start : paragraphs[-1].end]
    if not _TERMINAL.search(last):
        return "the text stops mid-sentence: the document is truncated"
    if not any(p.operative for p in paragraphs):
        return "no operative paragraph: the document is truncated"
    if not closed and kind is not DocumentKind.DRAFT_RESOLUTION:
        return "operative paragraphs but no closing (meeting and date): the document is truncated"
    return None
