"""The values the resolution reader produces: frozen, typed, with a published JSON Schema.

Every element keeps `span`, the `[start, end)` character offsets into the decoded input text,
and paragraphs carry an `anchor` (`PP3`, `OP10`, `OP8(a)(ii)`) that is the same in all six
language versions of one resolution. Comments, submissions and analysis point at anchors.

A resolution whose body is divided into sections (`I`, `II`; `A`, `B`) lists them in
`sections`; the paragraphs inside a section carry its anchor in `section` and as the prefix
of their own (`I.PP1`, `II.OP2(a)`). `preamble` and `operative` hold every paragraph, those
of the sections too, in document order.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Adoption",
    "Body",
    "Deadline",
    "DocumentKind",
    "Footnote",
    "Mandate",
    "OperativeParagraph",
    "ParseWarning",
    "PreambularParagraph",
    "Reference",
    "Resolution",
    "Section",
    "SectionPart",
    "Span",
    "Subparagraph",
    "resolution_json_schema",
]

Span = tuple[int, int]
"""`[start, end)` character offsets into the decoded input text."""


class Body(StrEnum):
    """The organ that adopted (or will adopt) a text."""

    GENERAL_ASSEMBLY = "general-assembly"
    HUMAN_RIGHTS_COUNCIL = "human-rights-council"
    ECONOMIC_AND_SOCIAL_COUNCIL = "economic-and-social-council"
    SECURITY_COUNCIL = "security-council"
    COMMISSION_ON_HUMAN_RIGHTS = "commission-on-human-rights"
    SUB_COMMISSION = "sub-commission"


class DocumentKind(StrEnum):
    RESOLUTION = "resolution"
    DECISION = "decision"
    DRAFT_RESOLUTION = "draft-resolution"


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ParseWarning(_Value):
    """Something the reader could not place. Reported, never dropped silently."""

    code: str = Field(description="Stable machine code, e.g. `truncated`, `unknown-lead`.")
    message: str = Field(description="One readable sentence in English naming the problem.")
    anchor: str | None = Field(default=None, description="Paragraph concerned, when known.")
    offset: int | None = Field(default=None, description="Character offset in the source text.")
    line: int | None = Field(default=None, description="1-based line number in the source text.")


class Subparagraph(_Value):
    anchor: str = Field(
        description="`OP8(a)`, `OP8(a)(ii)`, and the third and fourth degrees `OP8(a)(ii)(b)`, "
        "`OP8(a)(ii)(b)(iii)`: language-independent."
    )
    label: str = Field(
        description="The label as printed: `(a)`, `a)`, `(أ)`, `（一）`; `a.`, `i.` for the third "
        "and fourth degrees."
    )
    text: str
    span: Span
    subparagraphs: tuple[Subparagraph, ...] = ()


class Adoption(_Value):
    meeting: int | None = Field(description="Number of the plenary meeting.")
    date: dt.date | None
    span: Span


class Section(_Value):
    """A section of the body: its label, its heading, the paragraphs that follow up to the
    next section."""

    anchor: str = Field(
        description="`I`, `II`, `A`, `B`: language-independent (Arabic `أولا` and Chinese `一` "
        "are `I`; Arabic `ألف`, Chinese `甲` and Russian `А` are `A`); a section inside a "
        "composite's part is anchored under the part: `A.I`, `A.II`."
    )
    num: str = Field(description="The label as printed: `II`, `B`, `ثانيا`, `بـــاء`, `二`, `Б`.")
    heading: str | None = Field(description="The heading's clean text; null when it has none.")
    span: Span = Field(description="From the label to the end of the section's last paragraph.")
    enacting_formula: str | None = Field(
        default=None,
        description="A part of a composite resolution (69/96 A-B: each part a resolution of its "
        "own, `heading` its title): the part's enacting formula; null for a section of one "
        "resolution's body.",
    )
    adoption: Adoption | None = Field(
        default=None,
        description="A part of a composite resolution: its own closing (meeting and date), null "
        "when it has none; always null for a section of one resolution's body.",
    )

    @property
    def is_part(self) -> bool:
        """Whether this is a part of a composite resolution (it has its own formula)."""
        return self.enacting_formula is not None

    @property
    def is_inner(self) -> bool:
        """Whether this is a section inside a composite's part (`A.I`)."""
        return "." in self.anchor

    def contains(self, other: Section) -> bool:
        """Whether `other` is a section inside this part (`A.I` in `A`)."""
        return other.anchor.startswith(f"{self.anchor}.")


class PreambularParagraph(_Value):
    anchor: str = Field(
        description="`PP1`, `PP2`, …; inside a section, numbered within it: `I.PP1`."
    )
    lead: str | None = Field(description="The lead phrase as printed, e.g. `напоминая также`.")
    lead_key: str | None = Field(
        description="Language-independent key of the lead (`recalling`), null when unknown."
    )
    lead_modifiers: tuple[str, ...] = Field(
        default=(), description="Modifiers stripped from the lead: `also`, `further`, `again`…"
    )
    text: str = Field(description="Clean text: page artefacts and footnote markers removed.")
    span: Span
    section: str | None = Field(
        default=None, description="Anchor of the section it is in (`I`); null outside sections."
    )


class OperativeParagraph(_Value):
    anchor: str = Field(
        description="`OP1`, `OP2`, …; a single unnumbered paragraph is `OP1`; inside a section, "
        "prefixed by its anchor: `II.OP2`."
    )
    number: int | None = Field(description="The number as printed; null when unnumbered.")
    lead: str | None
    lead_key: str | None
    lead_modifiers: tuple[str, ...] = ()
    text: str
    span: Span
    subparagraphs: tuple[Subparagraph, ...] = ()
    section: str | None = Field(
        default=None, description="Anchor of the section it is in (`II`); null outside sections."
    )


class Footnote(_Value):
    marker: str = Field(description="The marker as printed: `1`, `2/`, `*`.")
    text: str
    anchor: str | None = Field(description="Anchor of the paragraph the marker is attached to.")
    offset: int | None = Field(
        description="Character offset in that paragraph's clean `text` where the marker stood."
    )
    span: Span = Field(description="Span of the footnote's text in the source.")


class Reference(_Value):
    """A UN document symbol, or a resolution or decision cited by body and number."""

    kind: Literal["symbol", "resolution", "decision"]
    text: str = Field(description="The reference as printed.")
    symbol: str | None = Field(
        default=None, description="Normalised document symbol (`A/63/53`), for `kind=symbol`."
    )
    body: Body | None = Field(default=None, description="Adopting body, for resolutions/decisions.")
    number: str | None = Field(default=None, description="`62/160`, `217 A (III)`, `1325 (2000)`.")
    date: dt.date | None = None
    anchor: str | None = Field(default=None, description="Where it occurs (`PP2`, `OP10`).")
    footnote: str | None = Field(
        default=None, description="Marker of the footnote it occurs in, when it is in a footnote."
    )
    span: Span


class Deadline(_Value):
    session: int = Field(description="Number of the session the mandate names.")
    year: int | None = Field(description="Year the session opens, when it can be known.")
    opens: dt.date | None = Field(
        description="Opening date: computed for the General Assembly, null for other bodies."
    )


class Mandate(_Value):
    """One request to act: a lead verb and its addressees in one operative paragraph."""

    anchor: str = Field(description="Paragraph (or subparagraph) the mandate is in.")
    strength: str = Field(description="The lead key: `requests`, `calls-upon`, `urges`, …")
    lead: str = Field(description="The lead verb as printed.")
    addressees: tuple[str, ...] = Field(description="Actor keys: `secretary-general`, `states`…")
    partners: tuple[str, ...] = Field(default=(), description="'in cooperation with…' actors.")
    consultees: tuple[str, ...] = Field(default=(), description="'to consult… with…' actors.")
    action: str = Field(description="`consult`, `report`, `continue-consideration`, …")
    subject: str = Field(description="The text the mandate is about.")
    subject_span: Span
    deadline: Deadline | None = None


class SectionPart(NamedTuple):
    """The paragraphs of one section (`section` None: those before the first section)."""

    section: Section | None
    preamble: tuple[PreambularParagraph, ...]
    operative: tuple[OperativeParagraph, ...]


class Resolution(_Value):
    """A resolution, decision or draft resolution, structured."""

    kind: DocumentKind = DocumentKind.RESOLUTION
    body: Body | None
    symbol: str | None = Field(description="`A/RES/63/180`, from the number line or masthead.")
    number: str | None = Field(default=None, description="`63/180`, as in the number line.")
    session: int | None
    language: str = Field(description="ISO 639-1 code of the text: ar, zh, en, fr, ru, es.")
    title: str | None
    enacting_formula: str | None
    preamble: tuple[PreambularParagraph, ...]
    operative: tuple[OperativeParagraph, ...]
    sections: tuple[Section, ...] = Field(
        default=(),
        description="The sections of the body, in order; empty when it has none. Their "
        "paragraphs are in `preamble` and `operative` with the others.",
    )
    footnotes: tuple[Footnote, ...]
    references: tuple[Reference, ...]
    adoption: Adoption | None
    mandates: tuple[Mandate, ...]
    warnings: tuple[ParseWarning, ...]
    source_length: int = Field(description="Length in characters of the decoded input text.")

    def paragraph(self, anchor: str) -> PreambularParagraph | OperativeParagraph | Subparagraph:
        """The paragraph or subparagraph with this anchor; `KeyError` when there is none."""
        for pp in self.preamble:
            if pp.anchor == anchor:
                return pp
        stack: list[OperativeParagraph | Subparagraph] = list(self.operative)
        while stack:
            item = stack.pop()
            if item.anchor == anchor:
                return item
            stack.extend(item.subparagraphs)
        raise KeyError(anchor)

    def parts(self) -> tuple[SectionPart, ...]:
        """The body in document order: the paragraphs before the first section (section
        None; always first, even when empty), then each section with its paragraphs."""
        parts = [SectionPart(None, (), ())]
        parts += [SectionPart(section, (), ()) for section in self.sections]
        index = {part.section.anchor: k for k, part in enumerate(parts) if part.section}
        preamble: list[list[PreambularParagraph]] = [[] for _ in parts]
        operative: list[list[OperativeParagraph]] = [[] for _ in parts]
        for pp in self.preamble:
            preamble[index.get(pp.section or "", 0)].append(pp)
        for op in self.operative:
            operative[index.get(op.section or "", 0)].append(op)
        return tuple(
            SectionPart(part.section, tuple(pps), tuple(ops))
            for part, pps, ops in zip(parts, preamble, operative, strict=True)
        )

    @property
    def is_composite(self) -> bool:
        """Whether this is a composite resolution (69/96 A-B): its sections are its parts,
        each with its own enacting formula and closing."""
        return any(section.is_part for section in self.sections)

    @property
    def truncated(self) -> bool:
        return any(w.code == "truncated" for w in self.warnings)


def resolution_json_schema() -> dict[str, Any]:
    """The published JSON Schema of `Resolution` (`hrdialogue schema resolution`)."""
    schema = Resolution.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://hrdialogue.org/schema/resolution.json"
    return schema
