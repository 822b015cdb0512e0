"""Readable renderings of a `Resolution`: the text summary and Markdown with anchors.

Both take any `Resolution` value and are deterministic. The pieces the Akoma Ntoso writer
shares with them live here too: `split_inline` (a paragraph's text cut at its lead, its
footnote markers and its references) and the closing formula in the text's own language
(`format_meeting`, `format_date`).

Conventions the renderings rely on (from `model.py`): a paragraph's `text` starts with its
`lead` when the lead is known; a footnote's `offset` is a character offset in the `text` of
the paragraph named by its `anchor`; an operative paragraph that has subparagraphs keeps in
`text` only the words before its first subparagraph. The reader's values run on instead:
`runon.cut_run_on_text` turns them into the convention, and every rendering starts with it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from hrdialogue.documents.model import (
    Adoption,
    Body,
    Footnote,
    OperativeParagraph,
    PreambularParagraph,
    Reference,
    Resolution,
    Section,
    SectionPart,
    Subparagraph,
)
from hrdialogue.documents.runon import cut_run_on_text, iter_subparagraphs
from hrdialogue.languages import get_language

__all__ = [
    "InlinePiece",
    "body_name",
    "closing_line",
    "format_date",
    "format_meeting",
    "part_ends",
    "section_title",
    "split_inline",
    "to_markdown",
    "to_summary",
]

_Paragraph = PreambularParagraph | OperativeParagraph | Subparagraph

_CLIP = 80

_BODY_NAMES: dict[Body, str] = {
    Body.GENERAL_ASSEMBLY: "General Assembly",
    Body.HUMAN_RIGHTS_COUNCIL: "Human Rights Council",
    Body.ECONOMIC_AND_SOCIAL_COUNCIL: "Economic and Social Council",
    Body.SECURITY_COUNCIL: "Security Council",
    Body.COMMISSION_ON_HUMAN_RIGHTS: "Commission on Human Rights",
    Body.SUB_COMMISSION: "Sub-Commission on the Promotion and Protection of Human Rights",
}

# Bodies whose meetings are "plenary meetings" in their closing formula.
_PLENARY = frozenset({Body.GENERAL_ASSEMBLY, Body.ECONOMIC_AND_SOCIAL_COUNCIL})

_MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
    # The UN's Arabic documents give the Levantine and the Egyptian month name together.
    "ar": (
        "كانون الثاني/يناير",
        "شباط/فبراير",
        "آذار/مارس",
        "نيسان/أبريل",
        "أيار/مايو",
        "حزيران/يونيه",
        "تموز/يوليه",
        "آب/أغسطس",
        "أيلول/سبتمبر",
        "تشرين الأول/أكتوبر",
        "تشرين الثاني/نوفمبر",
        "كانون الأول/ديسمبر",
    ),
}


def body_name(body: Body | None) -> str:
    """The English name of a body, or `unknown body`."""
    return _BODY_NAMES[body] if body is not None else "unknown body"


def format_date(date: dt.date, language: str) -> str:
    """A date written as the UN writes it in that language (`18 декабря 2008 года`)."""
    code = get_language(language).code
    if code == "zh":
        return f"{date.year}年{date.month}月{date.day}日"
    month = _MONTHS[code][date.month - 1]
    if code == "ru":
        return f"{date.day} {month} {date.year} года"
    if code == "es":
        return f"{date.day} de {month} de {date.year}"
    if code == "fr":
        day = "1er" if date.day == 1 else str(date.day)
        return f"{day} {month} {date.year}"
    return f"{date.day} {month} {date.year}"


def _english_ordinal(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def format_meeting(meeting: int, body: Body | None, language: str) -> str:
    """The meeting of a closing formula in that language (`70th plenary meeting`)."""
    code = get_language(language).code
    plenary = body in _PLENARY
    if code == "ru":
        return f"{meeting}-е пленарное заседание" if plenary else f"{meeting}-е заседание"
    if code == "fr":
        ordinal = "1re" if meeting == 1 else f"{meeting}e"
        return f"{ordinal} séance plénière" if plenary else f"{ordinal} séance"
    if code == "es":
        return f"{meeting}ª sesión plenaria" if plenary else f"{meeting}ª sesión"
    if code == "ar":
        return f"الجلسة العامة {meeting}" if plenary else f"الجلسة {meeting}"
    if code == "zh":
        return f"第{meeting}次全体会议" if plenary else f"第{meeting}次会议"
    ordinal = _english_ordinal(meeting)
    return f"{ordinal} plenary meeting" if plenary else f"{ordinal} meeting"


def part_ends(parts: Sequence[SectionPart]) -> dict[int, Section]:
    """Where a composite resolution's parts end: the index in `parts` (of
    `Resolution.parts()`) after which each part's closing stands, the part's own entry or
    that of its last section (`A.II` in part `A`)."""
    ends: dict[int, Section] = {}
    for i, part in enumerate(parts):
        section = part.section
        if section is None or not section.is_part:
            continue
        last = i
        while last + 1 < len(parts) and (inner := parts[last + 1].section) is not None:
            if not section.contains(inner):
                break
            last += 1
        ends[last] = section
    return ends


def closing_line(adoption: Adoption | None, body: Body | None, language: str) -> str | None:
    """The closing as the resolution prints it (`70th plenary meeting, 18 December 2008`,
    `70-е пленарное заседание, 18 декабря 2008 года`), or None when nothing of it is known."""
    if adoption is None or (adoption.meeting is None and adoption.date is None):
        return None
    parts = []
    if adoption.meeting is not None:
        parts.append(format_meeting(adoption.meeting, body, language))
    if adoption.date is not None:
        parts.append(format_date(adoption.date, language))
    separator = "، " if language == "ar" else "，" if language == "zh" else ", "
    return separator.join(parts)


# --- inline pieces --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InlinePiece:
    """One run of a paragraph's text: plain, the lead, a reference, or a footnote marker."""

    kind: Literal["text", "lead", "ref", "note"]
    text: str = ""
    footnote: Footnote | None = None
    reference: Reference | None = None


def split_inline(
    text: str,
    *,
    lead: str | None = None,
    footnotes: Sequence[Footnote] = (),
    references: Sequence[tuple[int, int, Reference]] = (),
) -> list[InlinePiece]:
    """Cut `text` into pieces: the lead, references at `(start, end)`, footnote markers.

    The concatenated `text` of the pieces is `text`. The lead is its own piece when `text`
    starts with it (case-insensitive). Footnotes stand at their `offset` (clamped to the
    text; a missing offset puts them at the end); a marker at the end of a reference follows
    it. References that overlap the lead, each other or a footnote marker are left out
    (the first of overlapping references is kept).
    """
    size = len(text)
    lead_end = len(lead) if lead and text[: len(lead)].casefold() == lead.casefold() else 0
    points = [min(max(f.offset, 0), size) if f.offset is not None else size for f in footnotes]
    if any(0 < p < lead_end for p in points):
        lead_end = 0
    kept: list[tuple[int, int, Reference]] = []
    for start, end, ref in sorted(references, key=lambda r: (r[0], -r[1])):
        if start < lead_end or start >= end or end > size or start < 0:
            continue
        if kept and start < kept[-1][1]:
            continue
        if any(start < p < end for p in points):
            continue
        kept.append((start, end, ref))
    notes_at: dict[int, list[Footnote]] = defaultdict(list)
    for point, note in sorted(zip(points, footnotes, strict=True), key=lambda x: x[0]):
        notes_at[point].append(note)
    refs_at = {start: (end, ref) for start, end, ref in kept}
    cuts = sorted({0, size, lead_end, *points, *(b for s, e, _ in kept for b in (s, e))})
    pieces: list[InlinePiece] = []
    for k, pos in enumerate(cuts):
        pieces.extend(InlinePiece("note", footnote=note) for note in notes_at.get(pos, ()))
        if k + 1 == len(cuts):
            break
        segment = text[pos : cuts[k + 1]]
        if pos < lead_end:
            pieces.append(InlinePiece("lead", segment))
        elif pos in refs_at:
            pieces.append(InlinePiece("ref", segment, reference=refs_at[pos][1]))
        elif pieces and pieces[-1].kind == "text":
            pieces[-1] = InlinePiece("text", pieces[-1].text + segment)
        else:
            pieces.append(InlinePiece("text", segment))
    return pieces


def _notes_by_anchor(resolution: Resolution) -> dict[str | None, list[Footnote]]:
    notes: dict[str | None, list[Footnote]] = defaultdict(list)
    for note in resolution.footnotes:
        notes[note.anchor].append(note)
    return dict(notes)


# --- the text summary -----------------------------------------------------------------------


def _clip(text: str, width: int = _CLIP) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def _lead_tag(item: _Paragraph) -> str:
    if isinstance(item, Subparagraph):
        return ""
    if item.lead_key:
        return f"[{item.lead_key}] "
    return "[?] " if item.lead is None else f"[{item.lead}?] "


def _header(resolution: Resolution) -> list[str]:
    language = get_language(resolution.language)
    adoption = resolution.adoption
    adopted = "not stated"
    if adoption is not None and (adoption.meeting is not None or adoption.date is not None):
        meeting = f"meeting {adoption.meeting}" if adoption.meeting is not None else "meeting ?"
        date = adoption.date.isoformat() if adoption.date is not None else "date ?"
        adopted = f"{meeting}, {date}"
    return [
        f"{resolution.symbol or resolution.number or '(no symbol)'}  {resolution.kind.value}",
        f"  body      {body_name(resolution.body)}",
        f"  language  {language.english_name} ({language.code})",
        f"  session   {resolution.session if resolution.session is not None else '?'}",
        f"  title     {resolution.title or '(none)'}",
        f"  adopted   {adopted}",
    ]


def _counts(resolution: Resolution) -> str:
    subs = sum(1 for op in resolution.operative for _ in iter_subparagraphs(op.subparagraphs))
    return (
        f"{len(resolution.preamble)} preambular, {len(resolution.operative)} operative "
        f"({subs} subparagraphs), {len(resolution.footnotes)} footnotes, "
        f"{len(resolution.references)} references, {len(resolution.mandates)} mandates, "
        f"{len(resolution.warnings)} warnings"
    ) + "".join(
        f", {n} {name}"
        for name, n in (
            ("parts", sum(1 for s in resolution.sections if s.is_part)),
            ("sections", sum(1 for s in resolution.sections if not s.is_part)),
        )
        if n
    )


def _table(rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        indent + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def _reference_rows(resolution: Resolution) -> list[list[str]]:
    rows = [["kind", "number/symbol", "body", "date", "anchor"]]
    for ref in resolution.references:
        where = ref.anchor or "?"
        if ref.footnote is not None:
            where += f" (footnote {ref.footnote})"
        rows.append(
            [
                ref.kind,
                ref.symbol or ref.number or ref.text,
                ref.body.value if ref.body is not None else "-",
                ref.date.isoformat() if ref.date is not None else "-",
                where,
            ]
        )
    return rows


def _mandate_lines(resolution: Resolution) -> list[str]:
    lines = []
    for m in resolution.mandates:
        deadline = "none"
        if m.deadline is not None:
            deadline = f"session {m.deadline.session}"
            extra = [str(m.deadline.year)] if m.deadline.year is not None else []
            if m.deadline.opens is not None:
                extra.append(f"opens {m.deadline.opens.isoformat()}")
            if extra:
                deadline += f" ({', '.join(extra)})"
        lines.append(f"  {m.anchor:<8} {m.strength} → {', '.join(m.addressees) or '?'}")
        if m.partners:
            lines.append(f"           partners    {', '.join(m.partners)}")
        if m.consultees:
            lines.append(f"           consultees  {', '.join(m.consultees)}")
        lines.append(f"           action      {m.action}")
        lines.append(f"           deadline    {deadline}")
    return lines


def section_title(section: Section, language: str) -> str:
    """A section's label and heading on one line: `II. Cooperation…`, `二、人权领域的合作`."""
    if section.heading is None:
        return section.num
    separator = {"zh": "、", "ar": " - "}.get(language, ". ")
    return f"{section.num}{separator}{section.heading}"


def _summary_paragraphs(
    preamble: Sequence[PreambularParagraph], operative: Sequence[OperativeParagraph], width: int
) -> list[str]:
    lines = [f"  {pp.anchor:<{width}}{_lead_tag(pp)}{_clip(pp.text)}" for pp in preamble]
    for depth, item in iter_subparagraphs(operative):
        label = item.label if isinstance(item, Subparagraph) else f"{item.number or '-'}."
        indent = "  " + "    " * depth
        lines.append(f"{indent}{item.anchor:<{width}}{label} {_lead_tag(item)}{_clip(item.text)}")
    return lines


def to_summary(resolution: Resolution) -> str:
    """The readable summary `make run` prints: paragraphs, footnotes, references, mandates."""
    resolution = cut_run_on_text(resolution)
    anchors = [pp.anchor for pp in resolution.preamble]
    anchors += [item.anchor for _, item in iter_subparagraphs(resolution.operative)]
    width = max((len(a) for a in anchors), default=4) + 2
    lines = _header(resolution)
    lines += ["", _counts(resolution), ""]
    composite = resolution.is_composite
    if resolution.enacting_formula and not composite:
        lines += [f"Enacting formula: {resolution.enacting_formula}", ""]
    parts = resolution.parts()
    ends = part_ends(parts)
    for index, part in enumerate(parts):
        section = part.section
        if section is None:
            if composite:  # (nothing stands before a composite's first part)
                continue
            lines.append("Preamble")
            lines += _summary_paragraphs(part.preamble, (), width) or ["  (none)"]
            lines += ["", "Operative"]
            lines += _summary_paragraphs((), part.operative, width) or ["  (none)"]
            continue
        title = section_title(section, resolution.language)
        if section.enacting_formula is None:
            indent = "  " if section.is_inner else ""
            lines += ["", f"{indent}Section {title}"]
        else:
            lines += ["", f"Part {title}", f"  Enacting formula: {section.enacting_formula}"]
        paragraphs = _summary_paragraphs(part.preamble, part.operative, width)
        after = parts[index + 1].section if index + 1 < len(parts) else None
        inner_follows = after is not None and section.contains(after)
        if paragraphs or not inner_follows:
            lines += paragraphs or ["  (none)"]
        if index in ends:  # the end of a composite's part
            closing = closing_line(ends[index].adoption, resolution.body, resolution.language)
            lines.append(f"  Adopted: {closing or 'no closing found'}")
    lines += ["", "Footnotes"]
    for note in resolution.footnotes:
        place = note.anchor or "unplaced"
        if note.offset is not None:
            place += f"@{note.offset}"
        lines.append(f"  {note.marker:<4}{place:<{width + 5}}{_clip(note.text)}")
    if not resolution.footnotes:
        lines.append("  (none)")
    lines += ["", "References"]
    lines += _table(_reference_rows(resolution)) if resolution.references else ["  (none)"]
    lines += ["", "Mandates"]
    lines += _mandate_lines(resolution) or ["  (none)"]
    lines += ["", "Warnings"]
    for w in resolution.warnings:
        where = f" [{w.anchor}]" if w.anchor else ""
        where += f" (line {w.line})" if w.line is not None else ""
        lines.append(f"  {w.code}{where}: {w.message}")
    if not resolution.warnings:
        lines.append("  (none)")
    return "\n".join(lines) + "\n"


# --- Markdown -------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LINE_BREAK = re.compile(r"\s*\n\s*")


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", _LINE_BREAK.sub(" ", text))


def _note_labels(resolution: Resolution) -> dict[int, str]:
    """Markdown footnote label per footnote (keyed by `id`): the marker when it is unique."""
    counts = Counter(note.marker for note in resolution.footnotes)
    labels = {}
    for i, note in enumerate(resolution.footnotes, start=1):
        simple = re.fullmatch(r"\w+", note.marker) is not None
        labels[id(note)] = note.marker if simple and counts[note.marker] == 1 else f"n{i}"
    return labels


def _md_inline(item: _Paragraph, notes: Sequence[Footnote], labels: dict[int, str]) -> str:
    lead = None if isinstance(item, Subparagraph) else item.lead
    out = []
    for piece in split_inline(item.text, lead=lead, footnotes=notes):
        if piece.kind == "note" and piece.footnote is not None:
            out.append(f"[^{labels[id(piece.footnote)]}]")
        elif piece.kind == "lead" and piece.text.strip():
            core = piece.text.strip()
            out.append(piece.text[: len(piece.text) - len(piece.text.lstrip())])
            out.append(f"*{_md_escape(core)}*")
            out.append(piece.text[len(piece.text.rstrip()) :])
        else:
            out.append(_md_escape(piece.text))
    return "".join(out)


def to_markdown(resolution: Resolution) -> str:
    """The whole resolution as Markdown, each paragraph with its anchor.

    Paragraphs carry an HTML anchor (`<a id="PP1"></a>`) and their anchor in bold; leads are
    in italics; footnotes are Markdown footnotes (`[^1]`) at the place of their marker.
    Arabic is wrapped in `<div dir="rtl" lang="ar">` and keeps its logical order.
    """
    resolution = cut_run_on_text(resolution)
    notes = _notes_by_anchor(resolution)
    labels = _note_labels(resolution)
    language = get_language(resolution.language)
    out: list[str] = []
    if language.direction == "rtl":
        out += [f'<div dir="rtl" lang="{language.code}">', ""]
    heading = resolution.symbol or resolution.number or "Resolution"
    if resolution.title:
        heading += f". {resolution.title}"
    out += [f"# {_md_escape(heading)}", ""]
    composite = resolution.is_composite
    if resolution.enacting_formula and not composite:
        out += [_md_escape(resolution.enacting_formula), ""]
    parts = resolution.parts()
    ends = part_ends(parts)
    for index, part in enumerate(parts):
        section = part.section
        if section is not None:
            title = _md_escape(section_title(section, resolution.language))
            level = "###" if section.is_inner else "##"
            out += [f'{level} <a id="sec_{section.anchor}"></a>{title}', ""]
            if section.enacting_formula is not None:  # a composite's part
                out += [_md_escape(section.enacting_formula), ""]
        for pp in part.preamble:
            text = _md_inline(pp, notes.get(pp.anchor, []), labels)
            out += [f'<a id="{pp.anchor}"></a>**{pp.anchor}** {text}', ""]
        for op in part.operative:
            number = f"{op.number}. " if op.number is not None else ""
            text = _md_inline(op, notes.get(op.anchor, []), labels)
            out.append(f'<a id="{op.anchor}"></a>**{op.anchor}** {number}{text}')
            if op.subparagraphs:
                out.append("")
            for depth, sub in iter_subparagraphs(op.subparagraphs):
                text = _md_inline(sub, notes.get(sub.anchor, []), labels)
                label = _md_escape(sub.label) if isinstance(sub, Subparagraph) else ""
                out.append(f'{"  " * depth}- <a id="{sub.anchor}"></a>{label} {text}')
            out.append("")
        if index in ends:  # the end of a composite's part
            closing = closing_line(ends[index].adoption, resolution.body, resolution.language)
            out += [f"*{_md_escape(closing)}*", ""] if closing else []
    closing = closing_line(resolution.adoption, resolution.body, resolution.language)
    if closing and not composite:
        out += [f"*{_md_escape(closing)}*", ""]
    anchors = {pp.anchor for pp in resolution.preamble}
    anchors |= {item.anchor for _, item in iter_subparagraphs(resolution.operative)}
    placed = [n for n in resolution.footnotes if n.anchor in anchors]
    unplaced = [n for n in resolution.footnotes if n.anchor not in anchors]
    out += [f"[^{labels[id(n)]}]: {_md_escape(n.text)}" for n in placed]
    if placed:
        out.append("")
    if unplaced:
        out += ["Footnotes not attached to a paragraph:", ""]
        out += [f"- {_md_escape(n.marker)} {_md_escape(n.text)}" for n in unplaced]
        out.append("")
    if language.direction == "rtl":
        out += ["</div>", ""]
    return "\n".join(out)
