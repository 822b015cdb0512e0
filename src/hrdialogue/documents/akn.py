"""Akoma Ntoso 3.0 (AKN4UN) XML for a `Resolution`.

The document follows the AKN4UN guidelines for General Assembly resolutions and validates
against the OASIS `akomantoso30.xsd`:

- `<statement name="resolution" contains="originalVersion">` (`decision`, `draftResolution`);
- `<meta>`: FRBR identification with AKN4UN IRIs
  (`/akn/un/statement/deliberation/un-ga/2008-12-18/63-180/rus@`), `<references>` with the
  adopting body and the actors the mandates name, and `<proprietary source="#hrdialogue">`
  holding what Akoma Ntoso has no element for: mandates, the anchor of every element, every
  reference (also those not marked inline) and the reader's warnings;
- `<preface>` (docNumber, docTitle), `<preamble>` (enacting formula, one `<container>` per
  preambular paragraph), `<mainBody>` (`<paragraph>`, `<list>`/`<point>` for subparagraphs;
  a sectioned body's sections as `<section eId="sec_I">` with `<num>`, `<heading>`, their
  preambular paragraphs as `<crossHeading refersTo="#preamble">` and their paragraphs
  `sec_I__para_1`), `<conclusions>` (meeting and adoption date);
- a composite resolution (69/96 A-B) as AKN4UN models it: a `<documentCollection
  name="publication">` (the guideline's example) with the whole's FRBR identification
  (`/akn/un/collection/deliberation/un-ga/2014-12-05/69-96`), preface and mentions, a
  `<collectionBody>` of `<documentRef>`s and the parts in `<components>`, each a
  `<statement>` of its own (`…/69-96_A`) with its preface (label and title), preamble (its
  enacting formula), body and conclusions; eIds are prefixed with the component's
  (`comp_A__para_1`), as the schema wants them unique in the whole collection;
- footnotes as `<sup class="footnote"><authorialNote marker placement="bottom">` at the place
  of their marker; references as `<ref href>` around the words that cite them.

When the adoption date is unknown the IRIs leave the date out and `<FRBRdate>` carries
`0001-01-01` with `name="unknown"` (the schema requires a date there).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Final, NamedTuple

from lxml import etree

from hrdialogue.documents.model import (
    Adoption,
    Body,
    DocumentKind,
    Footnote,
    Mandate,
    OperativeParagraph,
    PreambularParagraph,
    Reference,
    Resolution,
    Section,
    SectionPart,
    Subparagraph,
)
from hrdialogue.documents.render import body_name, format_date, format_meeting, split_inline
from hrdialogue.documents.runon import cut_run_on_text, iter_subparagraphs
from hrdialogue.languages import fold_homoglyphs, get_language

__all__ = [
    "AKN_NAMESPACE",
    "HRDIALOGUE_NAMESPACE",
    "actor_code",
    "reference_href",
    "to_akoma_ntoso",
]

AKN_NAMESPACE: Final = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
HRDIALOGUE_NAMESPACE: Final = "https://hrdialogue.org/ns/akn/1.0"

_A = f"{{{AKN_NAMESPACE}}}"
_H = f"{{{HRDIALOGUE_NAMESPACE}}}"
_SOURCE = "hrdialogue"
_UNKNOWN_DATE = "0001-01-01"

_ACTORS: Final[dict[Body, str]] = {
    Body.GENERAL_ASSEMBLY: "un-ga",
    Body.HUMAN_RIGHTS_COUNCIL: "un-hrc",
    Body.ECONOMIC_AND_SOCIAL_COUNCIL: "un-ecosoc",
    Body.SECURITY_COUNCIL: "un-sc",
    Body.COMMISSION_ON_HUMAN_RIGHTS: "un-chr",
    Body.SUB_COMMISSION: "un-chr-sc",
}

_STATEMENT_NAMES: Final[dict[DocumentKind, str]] = {
    DocumentKind.RESOLUTION: "resolution",
    DocumentKind.DECISION: "decision",
    DocumentKind.DRAFT_RESOLUTION: "draftResolution",
}

# Actor keys that name an office held by a person (TLCRole); the rest are organizations.
_ROLE_PREFIXES: Final = (
    "secretary-general",
    "high-commissioner",
    "special-rapporteur",
    "independent-expert",
    "president",
    "chair",
    "special-representative",
    "special-envoy",
)


def actor_code(body: Body | None) -> str:
    """The AKN4UN actor of a body (`un-ga`, `un-hrc`, …); `un` when the body is unknown."""
    return _ACTORS[body] if body is not None else "un"


def _iri_number(number: str) -> str:
    """A number as an IRI segment: `/` becomes `-`, spaces become `_` (AKN4UN §6)."""
    return re.sub(r"\s+", "_", number.strip()).replace("/", "-")


def _deliberation_iri(body: Body | None, date: dt.date | None, number: str) -> str:
    parts = ["/akn/un/statement/deliberation", actor_code(body)]
    if date is not None:
        parts.append(date.isoformat())
    parts.append(_iri_number(number))
    return "/".join(parts)


def reference_href(reference: Reference) -> str | None:
    """The AKN IRI a reference points to, or None when it names nothing addressable.

    Resolutions and decisions: `/akn/un/statement/deliberation/un-ga/2007-12-18/62-160`
    (the date left out when not given); document symbols: `/akn/un/doc/A-63-53`.
    """
    if reference.kind == "symbol":
        symbol = reference.symbol or reference.text
        return f"/akn/un/doc/{_iri_number(symbol)}" if symbol.strip() else None
    if reference.number is None or not reference.number.strip():
        return None
    return _deliberation_iri(reference.body, reference.date, reference.number)


def _work_number(resolution: Resolution) -> tuple[str, str]:
    """`(value, showAs)` of `<FRBRnumber>`: the number, else the symbol, else a placeholder."""
    shown = resolution.number or resolution.symbol or "unnumbered"
    return _iri_number(shown), shown


# Characters XML 1.0 cannot carry; they are written as U+FFFD (same length, so offsets hold).
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, {k.rstrip("_"): _safe(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _safe(text)
    return element


def _append_text(parent: etree._Element, text: str) -> None:
    """Add text after the last child of `parent` (or as its text when it has none)."""
    if not text:
        return
    text = _safe(text)
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


# --- identification and references ----------------------------------------------------------


class _Work(NamedTuple):
    """What `<identification>` says of a work: its IRI, date and number."""

    iri: str
    date: dt.date | None
    value: str  # the number as an IRI segment: `63-180`, `69-96_A`
    shown: str  # the number as printed: `63/180`, `69/96 A`


def _resolution_work(resolution: Resolution) -> _Work:
    date = resolution.adoption.date if resolution.adoption is not None else None
    value, shown = _work_number(resolution)
    return _Work(_deliberation_iri(resolution.body, date, value), date, value, shown)


def _collection_work(resolution: Resolution) -> _Work:
    """A composite resolution as a whole (AKN4UN: a `documentCollection`):
    `/akn/un/collection/deliberation/un-ga/2014-12-05/69-96`."""
    work = _resolution_work(resolution)
    iri = work.iri.replace("/akn/un/statement/", "/akn/un/collection/", 1)
    return work._replace(iri=iri)


def _part_work(resolution: Resolution, section: Section) -> _Work:
    """A composite's part, a resolution of its own: `69/96 A` →
    `/akn/un/statement/deliberation/un-ga/2014-12-05/69-96_A` (the IRI a reference to
    "resolution 69/96 A" points to)."""
    # (its own date only: a part without a closing has none, not another part's)
    date = section.adoption.date if section.adoption is not None else None
    shown = f"{_work_number(resolution)[1]} {section.anchor}"
    value = _iri_number(shown)
    return _Work(_deliberation_iri(resolution.body, date, value), date, value, shown)


def _identification(
    meta: etree._Element, work: _Work, body: Body | None, language: str, *, subtype: str
) -> None:
    date = work.date
    expression = f"{work.iri}/{language}@"
    actor = actor_code(body)
    date_attrs = {"date": date.isoformat(), "name": "adoption"} if date else {}
    if not date_attrs:
        date_attrs = {"date": _UNKNOWN_DATE, "name": "unknown"}
    ident = _sub(meta, _A + "identification", source=f"#{_SOURCE}")
    frbr = _sub(ident, _A + "FRBRWork")
    _sub(frbr, _A + "FRBRthis", value=f"{work.iri}/!main")
    _sub(frbr, _A + "FRBRuri", value=work.iri)
    _sub(frbr, _A + "FRBRdate", **date_attrs)
    _sub(frbr, _A + "FRBRauthor", href=f"#{actor}")
    _sub(frbr, _A + "FRBRcountry", value="un")
    _sub(frbr, _A + "FRBRsubtype", value=subtype)
    _sub(frbr, _A + "FRBRnumber", value=work.value, showAs=work.shown)
    frbr = _sub(ident, _A + "FRBRExpression")
    _sub(frbr, _A + "FRBRthis", value=f"{expression}/!main")
    _sub(frbr, _A + "FRBRuri", value=expression)
    _sub(frbr, _A + "FRBRdate", **date_attrs)
    _sub(frbr, _A + "FRBRauthor", href=f"#{actor}")
    _sub(frbr, _A + "FRBRlanguage", language=language)
    frbr = _sub(ident, _A + "FRBRManifestation")
    _sub(frbr, _A + "FRBRthis", value=f"{expression}/!main.xml")
    _sub(frbr, _A + "FRBRuri", value=f"{expression}.akn")
    _sub(frbr, _A + "FRBRdate", **date_attrs)
    _sub(frbr, _A + "FRBRauthor", href=f"#{_SOURCE}")


def _mandate_actors(mandates: Sequence[Mandate]) -> list[str]:
    seen: dict[str, None] = {}
    for m in mandates:
        for key in (*m.addressees, *m.partners, *m.consultees):
            seen.setdefault(key, None)
    return list(seen)


def _references(meta: etree._Element, resolution: Resolution) -> None:
    refs = _sub(meta, _A + "references", source=f"#{_SOURCE}")
    actor = actor_code(resolution.body)
    _sub(
        refs,
        _A + "TLCOrganization",
        eId=actor,
        href=f"/ontology/organization/un/{actor}",
        showAs=body_name(resolution.body) if resolution.body else "United Nations",
    )
    _sub(
        refs,
        _A + "TLCOrganization",
        eId=_SOURCE,
        href=f"/ontology/organization/{_SOURCE}",
        showAs=_SOURCE,
    )
    taken = {actor, _SOURCE, "plenaryMeeting", "adoptionDate", "preamble"}
    for key in _mandate_actors(resolution.mandates):
        if key in taken:
            continue
        taken.add(key)
        if key.startswith(_ROLE_PREFIXES):
            _sub(
                refs,
                _A + "TLCRole",
                eId=key,
                href=f"/ontology/role/un/{key}",
                showAs=key,
            )
        else:
            href = f"/ontology/organization/un/{key}"
            _sub(refs, _A + "TLCOrganization", eId=key, href=href, showAs=key)
    if any(pp.section is not None for pp in resolution.preamble):
        href = "/ontology/concept/un/preamble"
        _sub(refs, _A + "TLCConcept", eId="preamble", href=href, showAs="preamble")
    if resolution.adoption is not None:
        href = "/ontology/event/un/plenaryMeeting"
        _sub(refs, _A + "TLCEvent", eId="plenaryMeeting", href=href, showAs="meeting")
        href = "/ontology/concept/un/adoptionDate"
        _sub(refs, _A + "TLCConcept", eId="adoptionDate", href=href, showAs="adoption date")


def _proprietary(
    meta: etree._Element,
    resolution: Resolution,
    eids: dict[str, str],
    inline: set[int],
) -> None:
    box = _sub(meta, _A + "proprietary", source=f"#{_SOURCE}")
    root = etree.SubElement(box, _H + "resolution", nsmap={"hrd": HRDIALOGUE_NAMESPACE})
    root.set("kind", resolution.kind.value)
    if resolution.body is not None:
        root.set("body", resolution.body.value)
    if resolution.session is not None:
        root.set("session", str(resolution.session))
    if resolution.symbol is not None:
        root.set("symbol", resolution.symbol)
    anchors = _sub(root, _H + "anchors")
    for anchor, eid in eids.items():
        _sub(anchors, _H + "anchor", name=anchor, eId=eid)
    mandates = _sub(root, _H + "mandates")
    for m in resolution.mandates:
        attrs = {"anchor": m.anchor, "strength": m.strength, "lead": m.lead, "action": m.action}
        mandate = _sub(mandates, _H + "mandate", **attrs)
        for tag, keys in (("addressee", m.addressees), ("partner", m.partners)):
            for key in keys:
                _sub(mandate, _H + tag, refersTo=f"#{key}")
        for key in m.consultees:
            _sub(mandate, _H + "consultee", refersTo=f"#{key}")
        _sub(mandate, _H + "subject", m.subject)
        if m.deadline is not None:
            deadline = _sub(mandate, _H + "deadline", session=str(m.deadline.session))
            if m.deadline.year is not None:
                deadline.set("year", str(m.deadline.year))
            if m.deadline.opens is not None:
                deadline.set("opens", m.deadline.opens.isoformat())
    references = _sub(root, _H + "references")
    for ref in resolution.references:
        element = _sub(references, _H + "reference", ref.text, kind=ref.kind)
        for name, value in (
            ("symbol", ref.symbol),
            ("body", ref.body.value if ref.body else None),
            ("number", ref.number),
            ("date", ref.date.isoformat() if ref.date else None),
            ("anchor", ref.anchor),
            ("footnote", ref.footnote),
            ("href", reference_href(ref)),
        ):
            if value is not None:
                element.set(name, value)
        element.set("inline", "true" if id(ref) in inline else "false")
    unplaced = [n for n in resolution.footnotes if n.anchor not in eids]
    if unplaced:
        notes = _sub(root, _H + "unplacedFootnotes")
        for note in unplaced:
            _sub(notes, _H + "footnote", note.text, marker=note.marker)
    warnings = _sub(root, _H + "warnings")
    for w in resolution.warnings:
        element = _sub(warnings, _H + "warning", w.message, code=w.code)
        if w.anchor is not None:
            element.set("anchor", w.anchor)
        if w.line is not None:
            element.set("line", str(w.line))


# --- inline content -------------------------------------------------------------------------


class _Inline:
    """Places footnotes and references in the paragraphs' text."""

    def __init__(self, resolution: Resolution, eid: Callable[[str], str]) -> None:
        self.resolution = resolution
        self.eid = eid
        self.notes_placed: set[int] = set()  # ids of footnotes already written
        self.notes: dict[str | None, list[Footnote]] = defaultdict(list)
        for note in resolution.footnotes:
            self.notes[note.anchor].append(note)
        self.note_numbers = {id(n): i for i, n in enumerate(resolution.footnotes, 1)}
        self.spans: dict[str, int] = {pp.anchor: pp.span[0] for pp in resolution.preamble}
        for _, item in iter_subparagraphs(resolution.operative):
            self.spans[item.anchor] = item.span[0]
        self.placed: set[int] = set()  # ids of the references marked inline

    def _refs(
        self, anchor: str, text: str, origin: int, footnote: str | None
    ) -> list[tuple[int, int, Reference]]:
        found = []
        for ref in self.resolution.references:
            if ref.anchor != anchor or ref.footnote != footnote:
                continue
            where = _locate(ref.text, text, ref.span[0] - origin)
            if where is not None:
                found.append((where[0], where[1], ref))
        return found

    def fill(
        self,
        p: etree._Element,
        anchor: str,
        text: str,
        lead: str | None,
        note: Footnote | None = None,
    ) -> None:
        """Write `text` into `p` with the lead in `<i>`, refs and (outside notes) footnotes."""
        origin = note.span[0] if note is not None else self.spans.get(anchor, 0)
        refs = self._refs(anchor, text, origin, note.marker if note is not None else None)
        notes = [n for n in self.notes.get(anchor, []) if id(n) not in self.notes_placed]
        if note is not None:
            notes = []
        self.notes_placed.update(id(n) for n in notes)
        for piece in split_inline(text, lead=lead, footnotes=notes, references=refs):
            if piece.kind == "text":
                _append_text(p, piece.text)
            elif piece.kind == "lead":
                _sub(p, _A + "i", piece.text)
            elif piece.kind == "ref" and piece.reference is not None:
                href = reference_href(piece.reference)
                if href is None:
                    _append_text(p, piece.text)
                    continue
                _sub(p, _A + "ref", piece.text, href=href)
                self.placed.add(id(piece.reference))
            elif piece.footnote is not None:
                sup = _sub(p, _A + "sup", class_="footnote")
                eid = self.eid(f"ftn_{self.note_numbers[id(piece.footnote)]}")
                attrs = {"eId": eid, "placement": "bottom"}
                body = _sub(sup, _A + "authorialNote", marker=piece.footnote.marker, **attrs)
                self.fill(_sub(body, _A + "p"), anchor, piece.footnote.text, None, piece.footnote)


def _locate(needle: str, text: str, expected: int) -> tuple[int, int] | None:
    """Where `needle` occurs in `text` nearest to `expected`.

    Any whitespace run matches any other, and Cyrillic or Greek letters that look Latin
    match the Latin letter ("А/63/53" as printed, "A/63/53" in the clean text).
    """
    words = fold_homoglyphs(needle).split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    best: tuple[int, int] | None = None
    for match in pattern.finditer(fold_homoglyphs(text)):
        if best is None or abs(match.start() - expected) < abs(best[0] - expected):
            best = (match.start(), match.end())
    return best


# --- structure ------------------------------------------------------------------------------


def _point_id(anchor: str, index: int) -> str:
    """The last label of a subparagraph anchor (`OP8(a)(ii)` → `ii`), else its position."""
    labels = re.findall(r"\(([^()\s]+)\)", anchor)
    return labels[-1] if labels else str(index)


def _local_number(
    paragraph: PreambularParagraph | OperativeParagraph, kind: str, position: int
) -> str:
    """The number in a paragraph's anchor within its section (`II.OP2` → `2`), else its
    position."""
    anchor = paragraph.anchor
    if paragraph.section is not None:
        anchor = anchor.removeprefix(f"{paragraph.section}.")
    return anchor[2:] if re.fullmatch(rf"{kind}\d+", anchor) else str(position)


class _Writer:
    def __init__(self, resolution: Resolution, language: str) -> None:
        self.resolution = resolution
        self.language = language  # ISO 639-2, for the IRIs
        self.inline = _Inline(resolution, self.eid)
        self.eids: dict[str, str] = {}
        self.taken: set[str] = set()

    def eid(self, wanted: str, anchor: str | None = None) -> str:
        """A unique eId (`wanted`, else `wanted_2`…), recorded for `anchor` when given."""
        eid, n = wanted, 1
        while eid in self.taken:
            n += 1
            eid = f"{wanted}_{n}"
        self.taken.add(eid)
        if anchor is not None:
            self.eids.setdefault(anchor, eid)
        return eid

    def preface(self, parent: etree._Element) -> None:
        res = self.resolution
        if not (res.symbol or res.title):
            return
        p = _sub(_sub(parent, _A + "preface"), _A + "p")
        if res.symbol:
            _sub(p, _A + "docNumber", res.symbol)
        if res.title:
            if res.symbol:
                _append_text(p, " ")
            _sub(p, _A + "docTitle", res.title)

    def preamble(
        self,
        statement: etree._Element,
        formula: str | None,
        paragraphs: Sequence[PreambularParagraph],
        prefix: str = "",
    ) -> None:
        if not (formula or paragraphs):
            return
        preamble = _sub(statement, _A + "preamble")
        if formula:
            _sub(_sub(preamble, _A + "formula", name="enactingFormula"), _A + "p", formula)
        for i, pp in enumerate(paragraphs, 1):
            number = _local_number(pp, "PP", i)
            eid = self.eid(f"{prefix}preamble__container_{number}", pp.anchor)
            container = _sub(
                preamble, _A + "container", name=pp.lead_key or "preambularParagraph", eId=eid
            )
            self.inline.fill(_sub(container, _A + "p"), pp.anchor, pp.text, pp.lead)

    def main_body(self, statement: etree._Element) -> None:
        body = _sub(statement, _A + "mainBody")
        if not self.resolution.operative and not self.resolution.sections:
            _sub(_sub(body, _A + "p"), _A + "omissis", "…")
            return
        parts = self.resolution.parts()
        self.paragraphs(body, parts[0].operative, "")
        for part in parts[1:]:
            self.section(body, part, "")

    def section(self, parent: etree._Element, part: SectionPart, prefix: str) -> None:
        """A section of the body: `<section eId="sec_I">` with its number, heading, preambular
        text as cross-headings and paragraphs."""
        if part.section is None:  # only the first part is outside the sections
            return
        own = part.section.anchor.rpartition(".")[2]  # `I` of a composite's section `A.I`
        prefix = f"{prefix}sec_{own}"
        section = _sub(parent, _A + "section", eId=self.eid(prefix))
        _sub(section, _A + "num", part.section.num)
        if part.section.heading is not None:
            _sub(section, _A + "heading", part.section.heading)
        # Preambular text inside the body (AKN4UN: a cross-heading referring to the preamble)
        for i, pp in enumerate(part.preamble, 1):
            number = _local_number(pp, "PP", i)
            eid = self.eid(f"{prefix}__crossHeading_{number}", pp.anchor)
            cross = _sub(section, _A + "crossHeading", eId=eid, refersTo="#preamble")
            self.inline.fill(cross, pp.anchor, pp.text, pp.lead)
        self.paragraphs(section, part.operative, f"{prefix}__")

    def component(
        self, parent: etree._Element, eid: str, part: SectionPart, inner: Sequence[SectionPart]
    ) -> None:
        """A composite's part as a `<component>` holding a `<statement>` of its own (AKN4UN:
        69/96 A-B), with its `inner` sections; its eIds prefixed with the component's (they
        are unique in the whole collection)."""
        section = part.section
        assert section is not None  # (the parts of a composite are sections)
        res = self.resolution
        statement = _sub(
            _sub(parent, _A + "component", eId=eid),
            _A + "statement",
            name=_STATEMENT_NAMES[res.kind],
            contains="originalVersion",
        )
        meta = _sub(statement, _A + "meta")
        _identification(
            meta, _part_work(res, section), res.body, self.language, subtype="deliberation"
        )
        p = _sub(_sub(statement, _A + "preface"), _A + "p")
        _sub(p, _A + "docNumber", section.num)
        if section.heading is not None:
            _append_text(p, " ")
            _sub(p, _A + "docTitle", section.heading)
        prefix = f"{eid}__"
        self.preamble(statement, section.enacting_formula, part.preamble, prefix)
        body = _sub(statement, _A + "mainBody")
        if not (part.operative or inner):
            _sub(_sub(body, _A + "p"), _A + "omissis", "…")
        self.paragraphs(body, part.operative, prefix)
        for inner_part in inner:
            self.section(body, inner_part, prefix)
        self.conclusions(statement, section.adoption)

    def paragraphs(
        self, parent: etree._Element, operative: Sequence[OperativeParagraph], prefix: str
    ) -> None:
        for i, op in enumerate(operative, 1):
            number = _local_number(op, "OP", i)
            eid = self.eid(f"{prefix}para_{number}", op.anchor)
            paragraph = _sub(parent, _A + "paragraph", eId=eid)
            if op.number is not None:
                _sub(paragraph, _A + "num", f"{op.number}.")
            self.content(paragraph, op)

    def content(self, parent: etree._Element, item: OperativeParagraph | Subparagraph) -> None:
        lead = item.lead if isinstance(item, OperativeParagraph) else None
        if not item.subparagraphs:
            p = _sub(_sub(parent, _A + "content"), _A + "p")
            self.inline.fill(p, item.anchor, item.text, lead)
            return
        prefix = parent.get("eId", "")
        listing = _sub(parent, _A + "list", eId=self.eid(f"{prefix}__list_1"))
        if item.text.strip() or self.inline.notes.get(item.anchor):
            p = _sub(_sub(listing, _A + "intro"), _A + "p")
            self.inline.fill(p, item.anchor, item.text, lead)
        for i, sub in enumerate(item.subparagraphs, 1):
            wanted = f"{listing.get('eId')}__point_{_point_id(sub.anchor, i)}"
            point = _sub(listing, _A + "point", eId=self.eid(wanted, sub.anchor))
            _sub(point, _A + "num", sub.label)
            self.content(point, sub)

    def conclusions(self, statement: etree._Element, adoption: Adoption | None) -> None:
        res = self.resolution
        if adoption is None or (adoption.meeting is None and adoption.date is None):
            return
        p = _sub(_sub(statement, _A + "conclusions"), _A + "p")
        if adoption.meeting is not None:
            meeting = format_meeting(adoption.meeting, res.body, res.language)
            _sub(p, _A + "event", meeting, refersTo="#plenaryMeeting")
        if adoption.date is not None:
            if adoption.meeting is not None:
                _append_text(p, "، " if res.language == "ar" else ", ")
            shown = format_date(adoption.date, res.language)
            _sub(p, _A + "docDate", shown, date=adoption.date.isoformat(), refersTo="#adoptionDate")


_INLINE_BLOCKS: Final = frozenset(_A + tag for tag in ("p", "num", "heading", "crossHeading"))


def _indent(element: etree._Element, depth: int = 0) -> None:
    """Indent the structure; paragraphs (`<p>`, `<crossHeading>`), numbers and headings keep
    their text exactly."""
    if element.tag in _INLINE_BLOCKS or not len(element):
        return
    pad = "\n" + "  " * (depth + 1)
    element.text = pad
    for child in element:
        _indent(child, depth + 1)
        child.tail = pad
    element[-1].tail = "\n" + "  " * depth


def to_akoma_ntoso(resolution: Resolution) -> str:
    """The resolution as an AKN4UN `statement name="resolution"` document (UTF-8 XML text);
    a composite resolution (69/96 A-B) as a `documentCollection` whose components are its
    parts, each a `statement` of its own."""
    resolution = cut_run_on_text(resolution)
    language = get_language(resolution.language).iso639_2
    # lxml takes None as the key of the default namespace; lxml-stubs types keys as str.
    root = etree.Element(_A + "akomaNtoso", nsmap={None: AKN_NAMESPACE})  # type: ignore[dict-item]
    writer = _Writer(resolution, language)
    every = resolution.parts()
    parts = [p for p in every if p.section is not None and p.section.is_part]
    if parts:
        # AKN4UN's own example of 69/96 A-B names the collection "publication": the one
        # document the parts, each a `statement` of its own kind, are issued in
        top = _sub(root, _A + "documentCollection", name="publication", contains="originalVersion")
        meta = _sub(top, _A + "meta")
        writer.preface(top)
        collection = _sub(top, _A + "collectionBody")
        components = _sub(top, _A + "components", eId="components")
        for part in parts:
            assert part.section is not None  # (filtered above)
            eid = writer.eid(f"comp_{part.section.anchor}")
            shown = _part_work(resolution, part.section).shown
            ref = _sub(collection, _A + "component", eId=writer.eid(f"cmp_{part.section.anchor}"))
            _sub(
                ref,
                _A + "documentRef",
                eId=writer.eid(f"cmp_{part.section.anchor}__documentRef"),
                href=f"#{eid}",
                showAs=shown,
            )
            inner = [p for p in every if p.section and part.section.contains(p.section)]
            writer.component(components, eid, part, inner)
        work = _collection_work(resolution)
    else:
        name = _STATEMENT_NAMES[resolution.kind]
        top = _sub(root, _A + "statement", name=name, contains="originalVersion")
        meta = _sub(top, _A + "meta")
        writer.preface(top)
        writer.preamble(top, resolution.enacting_formula, resolution.parts()[0].preamble)
        writer.main_body(top)
        writer.conclusions(top, resolution.adoption)
        work = _resolution_work(resolution)
    _identification(meta, work, resolution.body, language, subtype="deliberation")
    _references(meta, resolution)
    _proprietary(meta, resolution, writer.eids, writer.inline.placed)
    _indent(root)
    body = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
