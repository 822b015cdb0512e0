"""Hand-built `Resolution` values for the export and compare tests.

Every text here is written by hand for these tests, in the shape UN resolutions take
(`reference/un-documents.md`: enacting formula, preambular paragraphs opening with a
participle, numbered operative paragraphs, subparagraphs, footnotes, closing formula); none
is copied from a UN document. `Draft` assembles a source text as it goes, so that spans,
footnote offsets and reference spans are consistent the way the reader's are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from hrdialogue.documents.model import (
    Adoption,
    Body,
    Deadline,
    DocumentKind,
    Footnote,
    Mandate,
    OperativeParagraph,
    ParseWarning,
    PreambularParagraph,
    Reference,
    Resolution,
    Span,
    Subparagraph,
)

__all__ = [
    "Draft",
    "Sub",
    "arabic",
    "chinese",
    "english_full",
    "no_preamble",
    "revision_pair",
    "seed_like_russian",
    "single_operative",
    "translation_pair",
    "truncated_excerpt",
]


@dataclass(frozen=True)
class Sub:
    """A subparagraph to build: its label as printed, its anchor key, text and children."""

    label: str
    key: str
    text: str
    children: tuple[Sub, ...] = ()


@dataclass
class Draft:
    """Builds a `Resolution` paragraph by paragraph, keeping a source text for the spans."""

    language: str = "en"
    body: Body | None = Body.GENERAL_ASSEMBLY
    symbol: str | None = "A/RES/70/901"
    number: str | None = "70/901"
    session: int | None = 70
    title: str | None = "A title written for the tests"
    enacting_formula: str | None = "The General Assembly,"
    kind: DocumentKind = DocumentKind.RESOLUTION
    _source: list[str] = field(default_factory=list)
    _length: int = 0
    _texts: dict[str, tuple[str, int]] = field(default_factory=dict)
    preamble: list[PreambularParagraph] = field(default_factory=list)
    operative: list[OperativeParagraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    mandates: list[Mandate] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    adoption: Adoption | None = None

    def __post_init__(self) -> None:
        for line in (self.symbol, self.title, self.enacting_formula):
            if line:
                self._put(line)

    def _put(self, text: str) -> Span:
        start = self._length
        self._source.append(text + "\n")
        self._length += len(text) + 1
        return (start, start + len(text))

    @property
    def source(self) -> str:
        return "".join(self._source)

    def preambular(
        self, lead: str | None, key: str | None, rest: str, *, modifiers: Sequence[str] = ()
    ) -> str:
        text = (lead or "") + rest
        anchor = f"PP{len(self.preamble) + 1}"
        span = self._put(text)
        self._texts[anchor] = (text, span[0])
        self.preamble.append(
            PreambularParagraph(
                anchor=anchor,
                lead=lead,
                lead_key=key,
                lead_modifiers=tuple(modifiers),
                text=text,
                span=span,
            )
        )
        return anchor

    def _subs(self, parent: str, subs: Sequence[Sub]) -> tuple[Subparagraph, ...]:
        out = []
        for sub in subs:
            anchor = f"{parent}({sub.key})"
            span = self._put(f"{sub.label} {sub.text}")
            span = (span[0] + len(sub.label) + 1, span[1])
            self._texts[anchor] = (sub.text, span[0])
            children = self._subs(anchor, sub.children)
            out.append(
                Subparagraph(
                    anchor=anchor, label=sub.label, text=sub.text, span=span, subparagraphs=children
                )
            )
        return tuple(out)

    def operative_paragraph(
        self,
        number: int | None,
        lead: str | None,
        key: str | None,
        rest: str,
        *,
        subparagraphs: Sequence[Sub] = (),
        modifiers: Sequence[str] = (),
    ) -> str:
        text = (lead or "") + rest
        anchor = f"OP{number if number is not None else len(self.operative) + 1}"
        printed = f"{number}. " if number is not None else ""
        span = self._put(printed + text)
        span = (span[0] + len(printed), span[1])
        self._texts[anchor] = (text, span[0])
        subs = self._subs(anchor, subparagraphs)
        self.operative.append(
            OperativeParagraph(
                anchor=anchor,
                number=number,
                lead=lead,
                lead_key=key,
                lead_modifiers=tuple(modifiers),
                text=text,
                span=span,
                subparagraphs=subs,
            )
        )
        return anchor

    def footnote(self, anchor: str | None, after: str | None, marker: str, text: str) -> Footnote:
        """A footnote whose marker stands right after the words `after` in `anchor`'s text."""
        offset = None
        if anchor is not None and after is not None:
            para = self._texts[anchor][0]
            offset = para.index(after) + len(after)
        note = Footnote(
            marker=marker, text=text, anchor=anchor, offset=offset, span=self._put(text)
        )
        self.footnotes.append(note)
        return note

    def reference(
        self,
        anchor: str,
        text: str,
        *,
        kind: Literal["symbol", "resolution", "decision"],
        occurrence: int = 0,
        shift: int = 0,
        footnote: Footnote | None = None,
        absent: bool = False,
        **fields: Any,
    ) -> Reference:
        """A reference to the `occurrence`-th `text` in the paragraph (or footnote) text.

        `shift` moves its source span, as the reader's cleaning moves offsets. `absent`: the
        words are not in the paragraph's text (the span then points at its start).
        """
        container, origin = (
            (footnote.text, footnote.span[0]) if footnote is not None else self._texts[anchor]
        )
        index = 0 if absent else -1
        for _ in range(0 if absent else occurrence + 1):
            index = container.index(text, index + 1)
        start = origin + index + shift
        ref = Reference(
            kind=kind,
            text=text,
            anchor=anchor,
            footnote=footnote.marker if footnote is not None else None,
            span=(start, start + len(text)),
            **fields,
        )
        self.references.append(ref)
        return ref

    def mandate(
        self,
        anchor: str,
        strength: str,
        lead: str,
        addressees: Sequence[str],
        *,
        action: str,
        subject: str,
        partners: Sequence[str] = (),
        consultees: Sequence[str] = (),
        deadline: Deadline | None = None,
    ) -> Mandate:
        start = self.source.index(subject, self._texts[anchor][1])
        mandate = Mandate(
            anchor=anchor,
            strength=strength,
            lead=lead,
            addressees=tuple(addressees),
            partners=tuple(partners),
            consultees=tuple(consultees),
            action=action,
            subject=subject,
            subject_span=(start, start + len(subject)),
            deadline=deadline,
        )
        self.mandates.append(mandate)
        return mandate

    def adopt(self, meeting: int | None, date: dt.date | None, line: str) -> None:
        self.adoption = Adoption(meeting=meeting, date=date, span=self._put(line))

    def warn(self, code: str, message: str, anchor: str | None = None) -> None:
        self.warnings.append(ParseWarning(code=code, message=message, anchor=anchor))

    def build(self) -> Resolution:
        return Resolution(
            kind=self.kind,
            body=self.body,
            symbol=self.symbol,
            number=self.number,
            session=self.session,
            language=self.language,
            title=self.title,
            enacting_formula=self.enacting_formula,
            preamble=tuple(self.preamble),
            operative=tuple(self.operative),
            footnotes=tuple(self.footnotes),
            references=tuple(self.references),
            adoption=self.adoption,
            mandates=tuple(self.mandates),
            warnings=tuple(self.warnings),
            source_length=self._length,
        )


# --- English: everything at once -----------------------------------------------------------


def english_full() -> Resolution:
    """A General Assembly resolution with footnotes, references and two levels of subparagraphs.

    PP1 carries footnote 1 after "in 1993" and cites resolution 48/141; PP2 cites resolution
    62/160 twice (the reference is the second one) and footnote 2 cites A/63/53 inside it;
    OP3 has (a), (b) with (i) and (ii), and (c); OP3(b)(ii) carries footnote 3.
    """
    d = Draft(title="Cooperation written for the tests")
    pp1 = d.preambular(
        "Recalling",
        "recalling",
        " the commitments made at the world conference held in 1993 and its resolution "
        "48/141 of 20 December 1993,",
    )
    note1 = d.footnote(pp1, "held in 1993", "1", "See A/CONF.157/24 (Part I), chap. III.")
    d.reference(
        pp1,
        "A/CONF.157/24 (Part I)",
        kind="symbol",
        symbol="A/CONF.157/24 (Part I)",
        footnote=note1,
    )
    d.reference(
        pp1,
        "resolution 48/141 of 20 December 1993",
        kind="resolution",
        body=Body.GENERAL_ASSEMBLY,
        number="48/141",
        date=dt.date(1993, 12, 20),
    )
    pp2 = d.preambular(
        "Recalling also",
        "recalling",
        " resolution 62/160, and taking note of the report on resolution 62/160 of "
        "18 December 2007,",
        modifiers=("also",),
    )
    d.reference(
        pp2,
        "resolution 62/160 of 18 December 2007",
        kind="resolution",
        occurrence=0,
        body=Body.GENERAL_ASSEMBLY,
        number="62/160",
        date=dt.date(2007, 12, 18),
        shift=3,
    )
    note2 = d.footnote(pp2, "taking note of the report", "2", "A/63/53, para. 4.")
    d.reference(pp2, "A/63/53", kind="symbol", symbol="A/63/53", footnote=note2)
    d.preambular(
        "Noting with concern",
        "noting",
        " that the Human Rights Council adopted its resolution 7/3 on 27 March 2008,",
        modifiers=("with concern",),
    )
    d.reference(
        "PP3",
        "resolution 7/3",
        kind="resolution",
        body=Body.HUMAN_RIGHTS_COUNCIL,
        number="7/3",
        date=dt.date(2008, 3, 27),
    )
    d.reference("PP3", "text that is not there", kind="symbol", symbol="A/HRC/7/99", absent=True)
    d.operative_paragraph(1, "Reaffirms", "reaffirms", " the purposes set out in the Charter;")
    d.operative_paragraph(
        2, "Calls upon", "calls-upon", " all States to cooperate with the mechanisms;"
    )
    op3 = d.operative_paragraph(
        3,
        "Requests",
        "requests",
        " the Secretary-General, in cooperation with the High Commissioner:",
        subparagraphs=(
            Sub("(a)", "a", "To consult States and non-governmental organizations;"),
            Sub(
                "(b)",
                "b",
                "To submit a report that covers:",
                children=(
                    Sub("(i)", "i", "the replies received;"),
                    Sub("(ii)", "ii", "the practice of the treaty bodies;"),
                ),
            ),
            Sub("(c)", "c", "To keep the Assembly informed;"),
        ),
    )
    d.footnote("OP3(b)(ii)", "treaty bodies", "3", "As described in the annex.")
    d.mandate(
        op3,
        "requests",
        "Requests",
        ["secretary-general"],
        action="consult",
        subject="To consult States and non-governmental organizations",
        partners=["high-commissioner-for-human-rights"],
        consultees=["states", "non-governmental-organizations"],
    )
    op4 = d.operative_paragraph(
        4,
        "Decides",
        "decides",
        " to continue its consideration of the question at its seventy-first session.",
    )
    d.mandate(
        op4,
        "decides",
        "Decides",
        ["general-assembly"],
        action="continue-consideration",
        subject="to continue its consideration of the question",
        deadline=Deadline(session=71, year=2016, opens=dt.date(2016, 9, 13)),
    )
    d.adopt(80, dt.date(2015, 12, 17), "80th plenary meeting 17 December 2015")
    return d.build()


def seed_like_russian() -> Resolution:
    """A short Russian resolution with the metadata of A/RES/63/180 and hand-written text."""
    d = Draft(
        language="ru",
        symbol="A/RES/63/180",
        number="63/180",
        session=63,
        title="Заголовок, написанный для тестов",
        enacting_formula="Генеральная Ассамблея,",
    )
    pp1 = d.preambular(
        "вновь подтверждая",
        "reaffirming",
        " обязательства, принятые в 1993 году,",
        modifiers=("again",),
    )
    d.footnote(pp1, "в 1993 году", "1", "См. документ A/CONF.157/24 (Part I).")
    d.preambular("ссылаясь на", "recalling", " резолюцию 62/160 от 18 декабря 2007 года,")
    d.reference(
        "PP2",
        "резолюцию 62/160 от 18 декабря 2007 года",
        kind="resolution",
        body=Body.GENERAL_ASSEMBLY,
        number="62/160",
        date=dt.date(2007, 12, 18),
    )
    d.operative_paragraph(
        1, "вновь подтверждает", "reaffirms", " свою приверженность;", modifiers=("again",)
    )
    op2 = d.operative_paragraph(
        2,
        "просит",
        "requests",
        " Генерального секретаря представить доклад на шестьдесят четвертой сессии.",
    )
    d.mandate(
        op2,
        "requests",
        "просит",
        ["secretary-general"],
        action="report",
        subject="представить доклад",
        deadline=Deadline(session=64, year=2009, opens=dt.date(2009, 9, 15)),
    )
    d.adopt(70, dt.date(2008, 12, 18), "70-e пленарное заседание, 18 декабря 2008 года")
    return d.build()


def no_preamble() -> Resolution:
    """A resolution with an enacting formula and no preambular paragraph."""
    d = Draft(symbol="A/RES/70/902", number="70/902", title="Adoption of a declaration")
    d.operative_paragraph(1, "Adopts", "adopts", " the declaration annexed to the present text;")
    d.operative_paragraph(2, "Decides", "decides", " to keep the matter under review.")
    d.adopt(81, dt.date(2015, 12, 18), "81st plenary meeting 18 December 2015")
    return d.build()


def single_operative() -> Resolution:
    """A Human Rights Council decision with one unnumbered operative paragraph."""
    d = Draft(
        body=Body.HUMAN_RIGHTS_COUNCIL,
        symbol="A/HRC/DEC/30/901",
        number="30/901",
        session=30,
        kind=DocumentKind.DECISION,
        title=None,
        enacting_formula="The Human Rights Council,",
    )
    d.preambular("Recalling", "recalling", " its earlier decision on the matter,")
    d.operative_paragraph(None, "Decides", "decides", " to hold a panel discussion.")
    d.adopt(40, dt.date(2015, 10, 1), "40th meeting 1 October 2015")
    return d.build()


def arabic() -> Resolution:
    """An Arabic resolution with one footnote and one reference."""
    d = Draft(
        language="ar",
        symbol="A/RES/52/901",
        number="52/901",
        session=52,
        title="عنوان كتب للاختبار",
        enacting_formula="إن الجمعية العامة،",
    )
    pp1 = d.preambular("إذ تشير", "recalling", " إلى قرارها 51/45 المتخذ في دورتها السابقة،")
    d.reference(pp1, "قرارها 51/45", kind="resolution", body=Body.GENERAL_ASSEMBLY, number="51/45")
    d.footnote(pp1, "قرارها 51/45", "1", "انظر الوثيقة A/52/1.")
    op1 = d.operative_paragraph(1, "تطلب", "requests", " إلى الأمين العام أن يقدم تقريرا؛")
    d.mandate(
        op1, "requests", "تطلب", ["secretary-general"], action="report", subject="أن يقدم تقريرا"
    )
    d.adopt(58, dt.date(1997, 12, 9), "الجلسة العامة 58 9 كانون الأول/ديسمبر 1997")
    return d.build()


def chinese() -> Resolution:
    """A Chinese resolution whose operative paragraph has subparagraphs marked （一）, （二）."""
    d = Draft(
        language="zh",
        symbol="A/RES/52/902",
        number="52/902",
        session=52,
        title="为测试而写的标题",
        enacting_formula="大会，",
    )
    d.preambular("回顾", "recalling", "其以往关于这个问题的决议，")
    d.operative_paragraph(
        1,
        "请",
        "requests",
        "秘书长：",
        subparagraphs=(
            Sub("（一）", "a", "征求各国的意见；"),
            Sub("（二）", "b", "向大会第五十三届会议提交报告。"),
        ),
    )
    d.footnote("OP1(b)", "提交报告", "1", "见附件。")
    d.adopt(37, dt.date(1997, 10, 28), "第37次全体会议 1997年10月28日")
    return d.build()


def truncated_excerpt() -> Resolution:
    """The start of a draft resolution: no number line, no operative part, no closing."""
    d = Draft(
        symbol="A/C.3/66/L.901",
        number=None,
        kind=DocumentKind.DRAFT_RESOLUTION,
        title=None,
        session=66,
    )
    d.preambular("Reaffirming", "reaffirming", " its commitment to cooperation,")
    d.footnote(None, None, "*", "Reissued for technical reasons.")
    d.warn("truncated", "The text stops before the operative paragraphs.")
    return d.build()


# --- pairs for `compare` --------------------------------------------------------------------

_EN = {
    "formula": "The General Assembly,",
    "pp": [
        ("Recalling", "recalling", " its earlier resolutions on dialogue,"),
        ("Noting", "noting", " the work of the treaty bodies,"),
        ("Welcoming", "welcoming", " the contributions of civil society,"),
    ],
    "op": [
        ("Encourages", "encourages", " States to share good practice;"),
        ("Requests", "requests", " the Secretary-General to submit a report."),
    ],
}
_FR = {
    "formula": "L'Assemblée générale,",
    "pp": [
        ("Rappelant", "recalling", " ses résolutions antérieures sur le dialogue,"),
        ("Notant", "noting", " les travaux des organes conventionnels,"),
        ("Se félicitant", "welcoming", " des contributions de la société civile,"),
    ],
    "op": [
        ("Encourage", "encourages", " les États à partager leurs bonnes pratiques ;"),
        ("Prie", "requests", " le Secrétaire général de présenter un rapport."),
    ],
}


def _version(language: str, texts: dict[str, Any], *, skip_pp: int | None = None) -> Draft:
    d = Draft(language=language, enacting_formula=texts["formula"])
    for i, (lead, key, rest) in enumerate(texts["pp"], 1):
        if i != skip_pp:
            d.preambular(lead, key, rest)
    for i, (lead, key, rest) in enumerate(texts["op"], 1):
        d.operative_paragraph(i, lead, key, rest)
    return d


def translation_pair() -> tuple[Resolution, Resolution]:
    """One resolution in English and French; the French lacks the third preambular paragraph,
    OP1 carries a footnote only in English and OP2's mandate is `requests` in English and
    `invites` in French."""
    en = _version("en", _EN)
    en.footnote("OP1", "good practice", "1", "See the annex.")
    en.mandate(
        "OP2",
        "requests",
        "Requests",
        ["secretary-general"],
        action="report",
        subject="submit a report",
    )
    fr = _version("fr", _FR, skip_pp=3)
    fr.mandate(
        "OP2",
        "invites",
        "Prie",
        ["secretary-general"],
        action="report",
        subject="présenter un rapport",
    )
    return en.build(), fr.build()


def revision_pair() -> tuple[Resolution, Resolution]:
    """Two years of one Council resolution: the second changes PP2, drops PP3 and adds a new
    paragraph in its place; PP1 and PP4 and both operative paragraphs stay the same."""
    first = Draft(
        body=Body.HUMAN_RIGHTS_COUNCIL,
        symbol="A/HRC/RES/19/901",
        number="19/901",
        session=19,
        enacting_formula="The Human Rights Council,",
    )
    second = Draft(
        body=Body.HUMAN_RIGHTS_COUNCIL,
        symbol="A/HRC/RES/28/901",
        number="28/901",
        session=28,
        enacting_formula="The Human Rights Council,",
    )
    first.preambular("Recalling", "recalling", " the Charter of the United Nations,")
    second.preambular("Recalling", "recalling", " the Charter of the United Nations,")
    first.preambular("Reaffirming", "reaffirming", " its resolution 16/3 of 24 March 2011,")
    second.preambular(
        "Reaffirming",
        "reaffirming",
        " its resolution 16/3 of 24 March 2011 and its resolution 19/901,",
    )
    first.preambular("Noting", "noting", " the seminar held in Geneva last year,")
    second.preambular(
        "Welcoming", "welcoming", " regional initiatives in Africa and Asia on traditional values,"
    )
    first.preambular("Stressing", "stressing", " that dialogue among cultures matters,")
    second.preambular("Stressing", "stressing", " that dialogue among cultures matters,")
    for draft in (first, second):
        draft.operative_paragraph(1, "Invites", "invites", " States to share good practice;")
        draft.operative_paragraph(2, "Decides", "decides", " to remain seized of the matter.")
    return first.build(), second.build()
