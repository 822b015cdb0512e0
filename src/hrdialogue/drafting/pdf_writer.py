"""`write_pdf`: a layout `Document` (a note verbale, later a report) → PDF bytes (fpdf2).

Fonts are the Noto faces Debian ships: Noto Serif (Latin, Cyrillic) from `fonts-noto-core`,
Noto Naskh Arabic from `fonts-noto-core`, Noto Serif CJK SC from `fonts-noto-cjk`. A font
that is not installed is a `FontNotFound` error naming the Debian package to install.

Arabic is shaped with HarfBuzz (`uharfbuzz`, through fpdf2's text shaping), which also runs
the bidi algorithm: the page shows the letters joined, right to left, and the text layer
keeps the logical order. Arabic blocks are set flush right (logical `start` is the right
edge); Latin words in them (a link, a reference number) fall back to Noto Serif. Chinese
lines break between any two ideographs, never before closing nor after opening
punctuation, and never inside a Latin word; they are set flush left, without the
inter-character stretching that justification would add. A block in another language than
the document (a quotation) is set in that language's font and direction.

Metadata: producer and creator `hrdialogue`, no author, subject or keywords; the document's
own date as creation date, so the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from fpdf import FPDF

from hrdialogue.drafting.layout import Block, Document, SupportsDocument

__all__ = ["FONT_DIRS", "FontNotFound", "PdfFont", "find_fonts", "write_pdf"]

FONT_DIRS: Final[tuple[Path, ...]] = (
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/opentype/noto"),
)
"""Where Debian's `fonts-noto-core` and `fonts-noto-cjk` install the faces used here."""


class FontNotFound(FileNotFoundError):
    """A font file is missing; the message names the file and the Debian package."""


@dataclass(frozen=True, slots=True)
class PdfFont:
    """One face: its file, the face index in a collection (.ttc) and its Debian package."""

    regular: str
    bold: str
    package: str
    collection_index: int = 0


_SERIF: Final = PdfFont("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "fonts-noto-core")
_FONTS: Final[dict[str, PdfFont]] = {
    "ar": PdfFont("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf", "fonts-noto-core"),
    # Index 2 of the Noto Serif CJK collection is the Simplified Chinese face (SC).
    "zh": PdfFont("NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc", "fonts-noto-cjk", 2),
    "en": _SERIF,
    "fr": _SERIF,
    "es": _SERIF,
    "ru": _SERIF,
}

_MM_PER_PT: Final = 25.4 / 72
_BODY_SIZE: Final = 12.0
_HEADING_SIZES: Final = {1: 14.0, 2: 13.0, 3: 12.0}
_LEADING: Final = {"ar": 1.6, "zh": 1.6}
_SCALE: Final = {"ar": 1.1}  # Naskh letters are small for their size: Arabic is set larger
_INDENT: Final = 12.0  # mm: quotes and the label column of list items
_AFTER: Final = 2.5  # mm after each block
_MARGIN: Final = 25.0  # mm


def _locate(name: str, package: str, dirs: tuple[Path, ...]) -> Path:
    for folder in dirs:
        path = folder / name
        if path.is_file():
            return path
    where = ", ".join(str(d) for d in dirs)
    msg = (
        f"font {name} not found in {where}: install the Debian package {package} "
        f"(apt-get install {package})"
    )
    raise FontNotFound(msg)


def find_fonts(language: str, dirs: tuple[Path, ...] = FONT_DIRS) -> dict[str, Path]:
    """The font files a document in `language` needs (`regular`, `bold`, and for Arabic the
    Latin fallback `latin`, `latin-bold`); `FontNotFound` names a missing one's package."""
    font = _FONTS[language]
    files = {
        "regular": _locate(font.regular, font.package, dirs),
        "bold": _locate(font.bold, font.package, dirs),
    }
    if language == "ar":
        files["latin"] = _locate(_SERIF.regular, _SERIF.package, dirs)
        files["latin-bold"] = _locate(_SERIF.bold, _SERIF.package, dirs)
    return files


_FAMILIES: Final[dict[str, str]] = {
    "ar": "arabic",
    "zh": "cjk",
    "en": "latin",
    "fr": "latin",
    "es": "latin",
    "ru": "latin",
}

# Chinese line breaking: a line may break between any two ideographs, and at spaces, but
# not before closing punctuation nor after opening punctuation; Latin words stay whole.
_CJK: Final = "\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef"
_CJK_TOKEN: Final = re.compile(rf"\s+|[^\s{_CJK}]+|.")
_NO_LINE_START: Final = frozenset("，。、；：？！）》」』】〕〉”’…%,.;:!?)")
_NO_LINE_END: Final = frozenset("（《「『【〔〈“‘(")


def _cjk_units(text: str) -> list[str]:
    """The pieces of a Chinese text that a line break may not split."""
    units: list[str] = []
    for token in _CJK_TOKEN.findall(text):
        if token.isspace():
            units.append(" ")
        elif units and (
            (units[-1] != " " and token[0] in _NO_LINE_START) or units[-1][-1] in _NO_LINE_END
        ):
            units[-1] += token
        else:
            units.append(token)
    return units


def _align(block: Block, language: str) -> Literal["L", "R", "C", "J"]:
    if block.align == "center":
        return "C"
    rtl = language == "ar"
    if block.align == "end":
        return "L" if rtl else "R"
    if block.align == "start" or rtl or language == "zh":
        return "R" if rtl else "L"
    return "J"


class _Writer:
    def __init__(self, document: Document, dirs: tuple[Path, ...]) -> None:
        languages = {document.language} | {b.language for b in document.blocks if b.language}
        pdf = FPDF(format="A4", unit="mm")
        pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
        pdf.set_auto_page_break(auto=True, margin=_MARGIN)
        loaded: set[str] = set()
        for language in sorted(languages, key=lambda code: code != "ar"):
            files = find_fonts(language, dirs)
            family = _FAMILIES[language]
            if family not in loaded:
                index = _FONTS[language].collection_index
                pdf.add_font(family, "", str(files["regular"]), collection_font_number=index)
                pdf.add_font(family, "B", str(files["bold"]), collection_font_number=index)
                loaded.add(family)
            if language == "ar" and "latin" not in loaded:
                pdf.add_font("latin", "", str(files["latin"]))
                pdf.add_font("latin", "B", str(files["latin-bold"]))
                loaded.add("latin")
        if "arabic" in loaded:
            pdf.set_fallback_fonts(["latin"])
        pdf.set_title(document.title)
        pdf.set_lang(document.language)
        pdf.set_producer("hrdialogue")
        pdf.set_creator("hrdialogue")
        when = document.date or dt.date(2000, 1, 1)
        pdf.set_creation_date(dt.datetime.combine(when, dt.time(), tzinfo=dt.UTC))
        pdf.add_page()
        self.pdf = pdf
        self.language = document.language

    def _cjk_lines(self, text: str, width: float) -> list[str]:
        width_of = self.pdf.get_string_width
        lines: list[str] = []
        line = ""
        for unit in _cjk_units(text):
            if not line and unit == " ":
                continue
            if line and width_of((line + unit).rstrip()) > width:
                lines.append(line.rstrip())
                line = "" if unit == " " else unit
            else:
                line += unit
            while len(line) > 1 and width_of(line) > width:  # one piece wider than the line
                cut = max(
                    1, next(i for i in range(len(line), 0, -1) if width_of(line[:i]) <= width)
                )
                lines.append(line[:cut])
                line = line[cut:]
        if line.strip():
            lines.append(line.rstrip())
        return lines

    def block(self, block: Block) -> None:
        pdf = self.pdf
        language = block.language or self.language
        rtl = language == "ar"
        size = _HEADING_SIZES[block.level] if block.kind == "heading" else _BODY_SIZE
        size *= _SCALE.get(language, 1.0)
        bold = block.bold or block.kind == "heading"
        pdf.set_font(_FAMILIES[language], "B" if bold else "", size)
        if rtl:
            pdf.set_text_shaping(True, direction="rtl", script="arab", language="ara")
        else:
            pdf.set_text_shaping(False)
        height = size * _MM_PER_PT * _LEADING.get(language, 1.45)
        if block.space_before:
            pdf.ln(block.space_before * _MM_PER_PT)
        align = _align(block, language)
        width = pdf.epw
        left = pdf.l_margin
        if block.kind == "quote":
            left, width = left + _INDENT, width - 2 * _INDENT
        elif block.kind == "list-item":
            label_x = pdf.w - pdf.r_margin - _INDENT if rtl else left
            left = left if rtl else left + _INDENT
            width -= _INDENT
            top = pdf.get_y()
            pdf.set_x(label_x)
            pdf.cell(_INDENT, height, block.label or "", align="R" if rtl else "L")
            pdf.current_font_is_set_on_page = False
            pdf.set_xy(left, top)
        if language == "zh":
            for line in self._cjk_lines(block.text, width):
                pdf.set_x(left)
                pdf.cell(width, height, line, align=align, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_x(left)
            pdf.multi_cell(width, height, block.text, align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(_AFTER)
        # fpdf2 2.8.9 may set a fallback font inside a q…Q pair and then believe the body
        # font is still set on the page; the next line would then show text with no font
        # ("No font in show"). Making it set the font again for the next block avoids that.
        pdf.current_font_is_set_on_page = False


def write_pdf(source: SupportsDocument, *, font_dirs: tuple[Path, ...] = FONT_DIRS) -> bytes:
    """The document (or note verbale) as PDF bytes, right-to-left and shaped in Arabic.

    `FontNotFound` names the Debian package to install when a Noto font is missing.
    """
    document = source.to_document()
    writer = _Writer(document, font_dirs)
    for block in document.blocks:
        writer.block(block)
    return bytes(writer.pdf.output())
