"""Dates written in words in the six languages: "18 декабря 2007 года" → 2007-12-18.

UN texts write dates in full: EN "18 December 2007", FR "18 décembre 2007" ("1er mai"),
ES "18 de diciembre de 2007", RU "18 декабря 2007 года" (genitive month), AR "18 كانون
الأول/ ديسمبر 2007" (the Levantine month name, a slash, the Egyptian one; either may stand
alone), ZH "2007年12月18日". The patterns are public so that other stages (the closing
formula, references) can embed them in their own patterns.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from hrdialogue.documents.symbols import fold_width
from hrdialogue.languages import get_language

__all__ = ["DATE_PATTERNS", "MONTHS", "MONTH_NAMES", "find_dates", "parse_date_match"]


def _words(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(sep))


_MONTH_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "en": _words(
        "January February March April May June July August September October November December"
    ),
    "ru": _words(
        "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
    ),
    "fr": _words(
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    ),
    "es": _words(
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ),
    "ar-lev": _words(
        "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول"
        "|تشرين الثاني|كانون الأول",
        "|",
    ),
    "ar-egy": _words("يناير فبراير مارس أبريل مايو يونيه يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"),
}
_VARIANTS: Final[dict[str, int]] = {
    "setiembre": 9,
    "ابريل": 4,
    "إبريل": 4,
    "يونيو": 6,
    "يوليو": 7,
    "اكتوبر": 10,
}
MONTHS: Final[dict[str, int]] = {
    **{name.casefold(): i for names in _MONTH_NAMES.values() for i, name in enumerate(names, 1)},
    **_VARIANTS,
}
"""Month name (case-folded; Arabic: either name of the pair) → month number."""


def _alt(*names: str) -> str:
    return "|".join(sorted((r"\s+".join(n.split()) for n in names), key=len, reverse=True))


MONTH_NAMES: Final = _alt(*MONTHS)
"""Regex source matching any month name of `MONTHS` (longest first; search case-insensitively)."""

_AR_LEV: Final = _alt(*_MONTH_NAMES["ar-lev"])
_AR_EGY: Final = _alt(*_MONTH_NAMES["ar-egy"], *(k for k in _VARIANTS if k != "setiembre"))
_D: Final = r"(?P<d>[0-9]{1,2})"
_Y: Final = r"(?P<y>[0-9]{4})"
DATE_PATTERNS: Final[dict[str, str]] = {
    "en": rf"{_D}\s+(?P<m>{_alt(*_MONTH_NAMES['en'])})\s*,?\s+{_Y}",
    "ru": rf"{_D}\s+(?P<m>{_alt(*_MONTH_NAMES['ru'])})\s+{_Y}(?:\s*(?:года|г\.))?",
    "fr": rf"(?P<d>[0-9]{{1,2}}|1er)\s+(?P<m>{_alt(*_MONTH_NAMES['fr'])})\s+{_Y}",
    "es": rf"{_D}\s+de\s+(?P<m>{_alt(*_MONTH_NAMES['es'], 'setiembre')})\s+(?:de|del)\s+{_Y}",
    "ar": rf"{_D}\s+(?P<m>(?:{_AR_LEV})(?:\s*/\s*(?:{_AR_EGY}))?|{_AR_EGY})\s+{_Y}",
    "zh": rf"{_Y}\s*年\s*(?P<m>[0-9]{{1,2}})\s*月\s*{_D}\s*日",
}
"""Regex source of a full date per language, with groups `d`, `m`, `y`; digits are ASCII
(search `symbols.fold_width(text)` to read Arabic-Indic and full-width digits)."""

_COMPILED: Final[dict[str, re.Pattern[str]]] = {
    lang: re.compile(pattern) for lang, pattern in DATE_PATTERNS.items()
}


def parse_date_match(match: re.Match[str]) -> dt.date | None:
    """The date a match of a `DATE_PATTERNS` pattern spells; None when it does not exist."""
    day_text, month_text, year_text = match.group("d", "m", "y")
    if month_text.isdigit():
        month = int(month_text)
    elif month_text.isalpha():  # one word: nothing to split or join
        month = MONTHS.get(month_text.casefold(), 0)
    else:
        month = MONTHS.get(" ".join(month_text.split("/")[0].split()).casefold(), 0)
    try:
        return dt.date(int(year_text), month, 1 if day_text == "1er" else int(day_text))
    except ValueError:
        return None


def find_dates(text: str, language: str) -> list[tuple[int, int, dt.date]]:
    """Every full date written in `language` in `text`: `(start, end, date)`, spans into `text`.

    Dates that do not exist (31 February) are left out. `KeyError`, naming it, for a
    language that is not one of the six.
    """
    pattern = _COMPILED[get_language(language).code]
    found = []
    for m in pattern.finditer(fold_width(text)):
        date = parse_date_match(m)
        if date is not None:
            found.append((m.start(), m.end(), date))
    return found
