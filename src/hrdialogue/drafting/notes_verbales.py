"""Notes verbales (and letters) inviting replies to a resolution's consult-and-report mandate.

`compose_note_verbale` writes, in the recipient's chosen UN language, the formal
third-person note the Secretariat sends to a Permanent Mission ("The Secretary-General of
the United Nations presents his compliments to the Permanent Mission of … and has the
honour to refer to General Assembly resolution 63/180 …"), with the mandate's paragraph
quoted, the guiding questions, the deadline, the word limit, how to reply (a secure link)
and the closing complimentary formula. Intergovernmental organizations, United Nations
entities and national human rights institutions get a note addressed to their secretariat,
executive head or chair; non-governmental organizations get a letter ("Dear Sir or Madam").

The sentences live in `note_templates` as whole sentences with named placeholders, in all
six languages. THE TRANSLATIONS AWAIT REVIEW BY UN LANGUAGE STAFF.

Inputs are plain values (strings, dates, lists) so the web layer can pass its models'
fields; a parsed `Resolution` (and a `Mandate` of it) may be given instead of the number,
body, date, title and paragraph text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Final, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from hrdialogue.documents.model import (
    Mandate,
    OperativeParagraph,
    Resolution,
    Section,
    Subparagraph,
)
from hrdialogue.documents.render import format_date
from hrdialogue.documents.runon import cut_run_on_text, iter_subparagraphs
from hrdialogue.documents.sections import is_numbered_section, section_label
from hrdialogue.drafting import note_templates as t
from hrdialogue.drafting.layout import Alignment, Block, BlockKind, Document
from hrdialogue.languages import LanguageCode, get_language

__all__ = [
    "NoteParagraph",
    "NoteVerbale",
    "NoteVerbaleError",
    "ParagraphRole",
    "compose_note_verbale",
]

ParagraphRole = Literal[
    "reference",
    "date",
    "recipient",
    "salutation",
    "opening",
    "quote-intro",
    "quote",
    "quote-note",
    "views",
    "question",
    "deadline",
    "reply",
    "link",
    "publication",
    "closing",
    "signature",
]

_RECIPIENT_KINDS: Final = get_args(t.RecipientKind)
_SENDERS: Final = get_args(t.SenderKey)
_BODIES: Final = ("general-assembly", "human-rights-council")


class NoteVerbaleError(ValueError):
    """Input a note verbale cannot be written from; the message names the field and value."""


class NoteParagraph(BaseModel):
    """One paragraph of a note, with its role (the writers set roles differently)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    role: ParagraphRole
    text: str
    label: str | None = Field(default=None, description="`1.` for a question.")
    language: LanguageCode | None = Field(
        default=None, description="Language of a quotation that is not in the note's language."
    )


class NoteVerbale(BaseModel):
    """A note verbale (or, for an NGO, a letter) in one of the six languages."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    form: Literal["note-verbale", "letter"]
    language: LanguageCode
    sender: t.SenderKey
    recipient_kind: t.RecipientKind
    recipient_name: str
    reference: str = Field(description="The Secretariat's reference number, as printed.")
    date: dt.date
    deadline: dt.date
    word_limit: int | None
    reply_url: str
    resolution_number: str = Field(description="`63/180`.")
    resolution_body: str = Field(description="`general-assembly` or `human-rights-council`.")
    quoted_anchor: str | None = Field(description="The mandate's paragraph quoted (`OP10`).")
    quoted_language: LanguageCode | None = Field(description="Language of the quoted text.")
    paragraphs: tuple[NoteParagraph, ...]

    @property
    def text(self) -> str:
        """The whole note as plain text, one paragraph a line (question labels included)."""
        return "\n".join(f"{p.label} {p.text}" if p.label else p.text for p in self.paragraphs)

    def to_document(self) -> Document:
        """The note as a layout `Document` for `write_docx` / `write_pdf`."""
        titles = t.TITLES[self.language]
        title = titles[0] if self.form == "note-verbale" else titles[1]
        return Document(
            language=self.language,
            title=f"{title} {self.reference}",
            blocks=tuple(_block(p) for p in self.paragraphs),
            date=self.date,
        )


_LAYOUT: Final[dict[str, tuple[BlockKind, Alignment, float]]] = {
    "reference": ("paragraph", "start", 0.0),
    "date": ("paragraph", "end", 12.0),
    "recipient": ("paragraph", "start", 12.0),
    "salutation": ("paragraph", "start", 12.0),
    "quote": ("quote", "start", 0.0),
    "question": ("list-item", "justify", 0.0),
    "link": ("paragraph", "start", 0.0),
    "signature": ("paragraph", "end", 18.0),
    "opening": ("paragraph", "justify", 18.0),
}


def _block(paragraph: NoteParagraph) -> Block:
    kind, align, space = _LAYOUT.get(paragraph.role, ("paragraph", "justify", 0.0))
    return Block(
        kind=kind,
        text=paragraph.text,
        label=paragraph.label,
        align=align,
        space_before=space,
        language=paragraph.language,
    )


# --- grammar of the recipient's name -----------------------------------------------------

_FR_ARTICLES: Final = (("le ", "du ", "au "), ("les ", "des ", "aux "))
_ES_ARTICLES: Final = (("el ", "del ", "al "),)


def _contract(phrase: str, preposition: Literal["de", "to"], language: str) -> str:
    """French/Spanish "de"/"à"/"a" before a phrase, contracted with its article."""
    articles = _FR_ARTICLES if language == "fr" else _ES_ARTICLES
    for article, of_form, to_form in articles:
        if phrase.startswith(article):
            return (of_form if preposition == "de" else to_form) + phrase[len(article) :]
    if preposition == "de":
        return "de " + phrase
    return ("à " if language == "fr" else "a ") + phrase


def _arabic_li(phrase: str) -> str:
    """Arabic لـ joined to a phrase: ل + ال → لل ("للأرجنتين")."""
    if phrase.startswith("ال"):
        return "لل" + phrase[2:]
    return "ل" + phrase


def _name_forms(name: str, language: str) -> dict[str, str]:
    forms = {"name": name, "de_name": name, "li_name": name}
    if language in ("fr", "es"):
        forms["de_name"] = _contract(name, "de", language)
    elif language == "ar":
        forms["li_name"] = _arabic_li(name)
    return forms


def _to(phrase: str, language: str) -> str:
    if language == "en":
        return "to " + phrase
    if language in ("fr", "es"):
        return _contract(phrase, "to", language)
    return phrase


def _russian_words(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        noun = "слово"
    elif n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        noun = "слова"
    else:
        noun = "слов"
    return f"{n} {noun}"


# --- the resolution and its paragraph ------------------------------------------------------

_OP_ANCHOR: Final = re.compile(
    r"(?:(?P<section>[A-Z]+(?:\.[A-Z]+)?)\.)?OP(?P<number>\d+)(?P<subs>(?:\([a-z0-9ivx]+\))*)"
)
# "paragraph 2 (a) of section II": the words around the number and the section's label
_IN_SECTION: Final[dict[str, str]] = {
    "en": "{paragraph} of section {section}",
    "fr": "{paragraph} de la section {section}",
    "es": "{paragraph} de la sección {section}",
    "ru": "{paragraph} раздела {section}",
    "ar": "{paragraph} من الجزء {section}",
    "zh": "{section}节{paragraph}",  # 第二节第2段
}


def _composite_part(resolution: Resolution | None, anchor: str | None) -> Section | None:
    """The part of a composite resolution (69/96 A-B) the paragraph `anchor` is in, or None."""
    if resolution is None or anchor is None or not resolution.is_composite:
        return None
    match = _OP_ANCHOR.fullmatch(anchor)
    section = match["section"] if match is not None else None
    part = section.partition(".")[0] if section else None  # `A` of `A.I`
    return next((s for s in resolution.sections if s.anchor == part and s.is_part), None)


def _part_letter(anchor: str, language: str) -> str:
    """A composite's part after its number, as a text in `language` prints it: the Latin
    letter (`69/96 B`; Chinese `第69/96 B号决议`, Russian `резолюция 69/96 B`), the letter's
    name in Arabic (`69/96 باء`)."""
    return section_label(anchor, language) if language == "ar" else anchor


def _paragraph_label(anchor: str, language: str, *, in_part: bool = False) -> str:
    """The paragraph as the note names it, between the words of `quote_intro`: `10`,
    `8 a)` (French, Spanish, Russian), `2 (a) of section II`, `2 من الجزء ثانيا`. In a part
    of a composite resolution (`in_part`), the part is named with the resolution's number
    (`69/96 A`), not here; a section inside the part (`A.II.OP2`) is. Given another number,
    the part is named as a section after the section inside it: `1 of section II of section A`."""
    match = _OP_ANCHOR.fullmatch(anchor)
    if match is None:
        msg = (
            f"mandate anchor {anchor!r}: only operative paragraphs (OP10, OP8(a), II.OP2) are"
            " quoted"
        )
        raise NoteVerbaleError(msg)
    number, subs, section = match["number"], match["subs"], match["section"]
    label = number
    if subs and language in ("fr", "es", "ru"):
        label = number + " " + " ".join(f"{s})" for s in re.findall(r"\(([^)]+)\)", subs))
    elif subs:
        label = f"{number} {subs}"
    if language == "zh":  # the template leaves 第 to the label: 第10段, 第二节第2段, 乙节第2段
        label = f"第{label}"
    if in_part:  # the part is named with the number; a section inside it (`A.I`) here
        section = section.partition(".")[2] if section else None
    # innermost first: `A.II` → "1 of section II of section A" (a part named as a section
    # when the note gives another number than the part's)
    for level in reversed(section.split(".") if section else []):
        name = section_label(level, language)
        if language == "zh" and is_numbered_section(level):
            name = f"第{name}"
        label = _IN_SECTION[language].format(paragraph=label, section=name)
    return label


def _quoted_text(resolution: Resolution, anchor: str) -> str:
    # The reader's paragraph text runs on through its subparagraphs: each item's own words once.
    resolution = cut_run_on_text(resolution)
    try:
        paragraph = resolution.paragraph(anchor)
    except KeyError:
        msg = f"mandate anchor {anchor!r} is not a paragraph of resolution {resolution.number}"
        raise NoteVerbaleError(msg) from None
    if not isinstance(paragraph, OperativeParagraph | Subparagraph):
        msg = f"mandate anchor {anchor!r} is a preambular paragraph, not an operative one"
        raise NoteVerbaleError(msg)
    lines = []
    for _, item in iter_subparagraphs([paragraph]):
        text = " ".join(item.text.split())
        lines.append(f"{item.label} {text}" if isinstance(item, Subparagraph) else text)
    return " ".join(lines)


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise NoteVerbaleError(message)


def _code(language: str, field: str) -> LanguageCode:
    try:
        return get_language(language).code
    except KeyError as error:
        raise NoteVerbaleError(f"{field}: {error.args[0]}") from None


def _check_inputs(
    *,
    recipient_kind: str,
    sender: str,
    name: str,
    reference: str,
    date: dt.date,
    deadline: dt.date,
    word_limit: int | None,
    reply_url: str,
    questions: Sequence[str],
) -> None:
    _check(
        recipient_kind in _RECIPIENT_KINDS,
        f"recipient_kind {recipient_kind!r} is not one of {', '.join(_RECIPIENT_KINDS)}",
    )
    _check(sender in _SENDERS, f"sender {sender!r} is not one of {', '.join(_SENDERS)}")
    _check(bool(name), "recipient_name is empty")
    _check(bool(reference.strip()), "reference is empty")
    _check(
        deadline >= date,
        f"deadline {deadline.isoformat()} is before the date of the note {date.isoformat()}",
    )
    _check(word_limit is None or word_limit > 0, f"word_limit {word_limit} is not positive")
    _check(
        reply_url.startswith("https://") and len(reply_url) > len("https://"),
        f"reply_url {reply_url!r} is not a secure (https://) link",
    )
    _check(bool(questions), "questions: at least one question is needed")
    for i, q in enumerate(questions, 1):
        _check(bool(q), f"question {i} is empty")


def _resolution_phrase(
    code: LanguageCode,
    *,
    resolution: Resolution | None,
    number: str | None,
    body: str | None,
    adopted: dt.date | None,
    title: str | None,
) -> tuple[str, str, str]:
    """The `RESOLUTION` phrase, the number and the body key."""
    number = number or (resolution.number if resolution else None)
    body = body or (resolution.body.value if resolution and resolution.body else None)
    adopted = adopted or (resolution.adoption.date if resolution and resolution.adoption else None)
    title = title or (resolution.title if resolution else None)
    if not number:
        raise NoteVerbaleError("resolution_number is missing (give it, or a parsed resolution)")
    if body not in _BODIES:
        raise NoteVerbaleError(f"resolution_body {body!r} is not one of {', '.join(_BODIES)}")
    if adopted is None:
        raise NoteVerbaleError("resolution_date is missing (the resolution has no adoption date)")
    phrase, untitled = t.RESOLUTION[code]
    text = (phrase if title else untitled).format(
        body=t.BODIES[code][body],
        number=number,
        date=format_date(adopted, code),
        title=" ".join((title or "").split()),
    )
    return text, number, body


def _quote(
    code: LanguageCode,
    *,
    resolution: Resolution | None,
    mandate: Mandate | None,
    anchor: str | None,
    text: str | None,
    language: str | None,
    in_part: bool = False,
) -> list[NoteParagraph]:
    """The quoted paragraph: its introduction, its text and, when it is in another language
    than the note, a sentence saying in which. `in_part`: the number the note gives is that
    of the composite's part the paragraph is in (see `_paragraph_label`)."""
    anchor = anchor or (mandate.anchor if mandate else None)
    if anchor is None:
        _check(text is None, "mandate_text given without mandate_anchor")
        return []
    label = _paragraph_label(anchor, code, in_part=in_part)
    if text is None:
        if resolution is None:
            raise NoteVerbaleError(f"mandate {anchor}: give the resolution or mandate_text")
        text = _quoted_text(resolution, anchor)
    source = language or (resolution.language if resolution else None)
    foreign = _code(source, "mandate_language") if source is not None else None
    if foreign == code:
        foreign = None
    texts = t.NOTE_TEXTS[code]
    out = [
        NoteParagraph(role="quote-intro", text=texts.quote_intro.format(paragraph=label)),
        NoteParagraph(role="quote", text=" ".join(text.split()), language=foreign),
    ]
    if foreign is not None:
        note = texts.quote_note.format(language_in=t.LANGUAGE_IN[code][foreign])
        out.append(NoteParagraph(role="quote-note", text=note))
    return out


def compose_note_verbale(
    *,
    language: str,
    recipient_kind: str,
    recipient_name: str,
    reference: str,
    date: dt.date,
    deadline: dt.date,
    reply_url: str,
    questions: Sequence[str],
    word_limit: int | None = None,
    sender: str = "secretary-general",
    resolution: Resolution | None = None,
    mandate: Mandate | None = None,
    resolution_number: str | None = None,
    resolution_body: str | None = None,
    resolution_date: dt.date | None = None,
    resolution_title: str | None = None,
    mandate_anchor: str | None = None,
    mandate_text: str | None = None,
    mandate_language: str | None = None,
    signatory: str | None = None,
) -> NoteVerbale:
    """The note verbale (a letter for `recipient_kind="ngo"`) in `language`.

    `recipient_name` is the name as it follows "of" in that language: "Egypt", "la France"
    / "le Mexique" (French and Spanish keep the article, contracted here: "du Mexique",
    "del Perú"), the genitive in Russian ("Российской Федерации", "Совета Европы"), "مصر" /
    "الأرجنتين" in Arabic (لـ is joined here), "中华人民共和国". For an NGO (a letter, which
    does not inflect the name) it is the name as written on an envelope. `questions` are in
    `language`. `sender` is `secretary-general` or `ohchr` (which writes to missions in
    Geneva). From `resolution` come the number, body, adoption date, title and, with
    `mandate` (or `mandate_anchor`), the quoted paragraph; the explicit arguments override.
    A paragraph quoted in a language other than `language` keeps its language (the writers
    set it in its own direction) and gets a sentence saying which it is.
    `NoteVerbaleError` names any field that cannot be used.
    """
    code = _code(language, "language")
    name = " ".join(recipient_name.split())
    asked = [" ".join(q.split()) for q in questions]
    _check_inputs(
        recipient_kind=recipient_kind,
        sender=sender,
        name=name,
        reference=reference,
        date=date,
        deadline=deadline,
        word_limit=word_limit,
        reply_url=reply_url,
        questions=asked,
    )
    kind: t.RecipientKind = recipient_kind  # type: ignore[assignment]
    voice: t.SenderKey = sender  # type: ignore[assignment]
    part = _composite_part(resolution, mandate_anchor or (mandate.anchor if mandate else None))
    # A part of a composite resolution is a resolution of its own: "resolution 69/96 A of
    # 5 December 2014, entitled 'Information in the service of humanity'", its paragraph
    # "paragraph 2". Given another number, the note names the part with the paragraph
    # ("paragraph 2 of section A"), with that number's date and title.
    in_part = (
        part is not None and resolution is not None and bool(resolution.number)
    ) and resolution_number is None
    if in_part and part is not None and resolution is not None:
        resolution_number = f"{resolution.number} {_part_letter(part.anchor, code)}"
        if part.adoption is not None and part.adoption.date is not None:
            resolution_date = resolution_date or part.adoption.date
        resolution_title = resolution_title or part.heading
    phrase, number, body = _resolution_phrase(
        code,
        resolution=resolution,
        number=resolution_number,
        body=resolution_body,
        adopted=resolution_date,
        title=resolution_title,
    )
    quoted = _quote(
        code,
        resolution=resolution,
        mandate=mandate,
        anchor=mandate_anchor,
        text=mandate_text,
        language=mandate_language,
        in_part=in_part,
    )

    names = _name_forms(name, code)
    state_views, other_views = t.VIEWS[code]
    views = (state_views if kind == "state" else other_views).format(**names)
    fields = {
        **names,
        "resolution": phrase,
        "views": views,
        "of_views": _contract(views, "de", code) if code in ("fr", "es") else views,
        "sender_of": t.SENDER_NAMES[code][voice][0],
    }
    form: Literal["note-verbale", "letter"] = "letter" if kind == "ngo" else "note-verbale"
    paragraphs = [NoteParagraph(role="reference", text=reference.strip())]
    if form == "letter":
        letter = t.LETTER[code]
        paragraphs += [
            NoteParagraph(role="date", text=format_date(date, code)),
            NoteParagraph(role="recipient", text=name),
            NoteParagraph(role="salutation", text=letter.salutation),
            NoteParagraph(role="opening", text=letter.opening.format(**fields)),
        ]
        views_sentence, closing = letter.views, letter.closing
    else:
        key = "state@ohchr" if kind == "state" and voice == "ohchr" else kind
        addressee = t.ADDRESSEES[code][key].format(**names)
        fields["addressee"] = addressee
        fields["to_addressee"] = _to(addressee, code)
        fields["li_addressee"] = _arabic_li(addressee)
        note = t.NOTE[(code, voice)]
        paragraphs.append(NoteParagraph(role="opening", text=note.opening.format(**fields)))
        views_sentence, closing = note.views.format(**fields), note.closing.format(**fields)

    texts = t.NOTE_TEXTS[code]
    when = format_date(deadline, code)
    if word_limit is None:
        deadline_text = texts.deadline.format(deadline=when)
    else:
        words = _russian_words(word_limit) if code == "ru" else str(word_limit)
        deadline_text = texts.deadline_words.format(deadline=when, words=words)
    paragraphs += [
        *quoted,
        NoteParagraph(role="views", text=views_sentence),
        *(
            NoteParagraph(role="question", text=q, label=f"{i} -" if code == "ar" else f"{i}.")
            for i, q in enumerate(asked, 1)
        ),
        NoteParagraph(role="deadline", text=deadline_text),
        NoteParagraph(role="reply", text=texts.reply),
        NoteParagraph(role="link", text=reply_url),
        NoteParagraph(role="publication", text=texts.publication),
        NoteParagraph(role="closing", text=closing),
    ]
    if form == "letter":
        signature = signatory or t.SENDER_NAMES[code][voice][1]
        paragraphs.append(NoteParagraph(role="signature", text=signature))
    else:
        paragraphs.append(NoteParagraph(role="date", text=format_date(date, code)))
    quote = next((p for p in quoted if p.role == "quote"), None)
    return NoteVerbale(
        form=form,
        language=code,
        sender=voice,
        recipient_kind=kind,
        recipient_name=name,
        reference=reference.strip(),
        date=date,
        deadline=deadline,
        word_limit=word_limit,
        reply_url=reply_url,
        resolution_number=number,
        resolution_body=body,
        quoted_anchor=(mandate_anchor or (mandate.anchor if mandate else None)) if quote else None,
        quoted_language=(quote.language or code) if quote else None,
        paragraphs=tuple(paragraphs),
    )
