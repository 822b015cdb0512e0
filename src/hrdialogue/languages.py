"""The six official languages of the United Nations: codes, scripts, direction, normalisation.

Every part of hrdialogue treats the six languages as equals. This module is the one place
that knows their codes (ISO 639-1 and the ISO 639-2 codes Akoma Ntoso uses), their script,
their writing direction and how text in them is normalised before matching.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "LANGUAGES",
    "LanguageCode",
    "UNLanguage",
    "fold_homoglyphs",
    "get_language",
    "is_un_language",
    "normalise_text",
]

LanguageCode = Literal["ar", "zh", "en", "fr", "ru", "es"]


@dataclass(frozen=True, slots=True)
class UNLanguage:
    """One official language of the United Nations."""

    code: LanguageCode
    iso639_2: str
    english_name: str
    native_name: str
    script: str
    direction: Literal["ltr", "rtl"]


LANGUAGES: Final[dict[str, UNLanguage]] = {
    lang.code: lang
    for lang in (
        UNLanguage("ar", "ara", "Arabic", "العربية", "Arab", "rtl"),
        UNLanguage("zh", "zho", "Chinese", "中文", "Hans", "ltr"),
        UNLanguage("en", "eng", "English", "English", "Latn", "ltr"),
        UNLanguage("fr", "fra", "French", "Français", "Latn", "ltr"),
        UNLanguage("ru", "rus", "Russian", "Русский", "Cyrl", "ltr"),
        UNLanguage("es", "spa", "Spanish", "Español", "Latn", "ltr"),
    )
}


def is_un_language(code: str) -> bool:
    """True when `code` (ISO 639-1) is one of the six official languages."""
    return code in LANGUAGES


def get_language(code: str) -> UNLanguage:
    """The language for an ISO 639-1 code; `KeyError` names a code that is not one of the six."""
    try:
        return LANGUAGES[code]
    except KeyError:
        msg = f"{code!r} is not an official UN language (ar, zh, en, fr, ru, es)"
        raise KeyError(msg) from None


# Cyrillic (and Greek) capitals that look like Latin ones. PDF extraction of Russian documents
# puts them inside document symbols ("А/63/53"); symbols are always Latin.
_HOMOGLYPHS: Final[dict[int, str]] = str.maketrans(
    {
        "А": "A",
        "В": "B",
        "С": "C",
        "Е": "E",
        "Н": "H",
        "К": "K",
        "М": "M",
        "О": "O",
        "Р": "P",
        "Т": "T",
        "Х": "X",
        "Ѕ": "S",
        "І": "I",
        "Ј": "J",
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "х": "x",
        "Α": "A",
        "Β": "B",
        "Ε": "E",
        "Η": "H",
        "Κ": "K",
        "Μ": "M",
        "Ο": "O",
        "Ρ": "P",
        "Τ": "T",
        "Χ": "X",
    }
)


def fold_homoglyphs(text: str) -> str:
    """Replace Cyrillic and Greek letters that look Latin with the Latin letter (same length)."""
    return text.translate(_HOMOGLYPHS)


def normalise_text(text: str) -> str:
    """NFKC, then fold every dash to '-' and every space to ' ': the form lexicons match against."""
    text = unicodedata.normalize("NFKC", text)
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Pd":
            out.append("-")
        elif cat == "Zs":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)
