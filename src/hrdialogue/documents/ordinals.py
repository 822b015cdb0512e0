"""Ordinal numbers written in words, 1–99, in the six UN languages: one table a language.

Resolutions and replies write ordinals in words: sessions ("at its sixty-fourth session",
"на своей шестьдесят четвертой сессии", "في دورتها الرابعة والستين", "第六十四届会议") and
preambular paragraphs ("the ninth preambular paragraph", "le neuvième alinéa du préambule").
The words are generated here from units and tens; `sessions` and `mentions` read them.

`ordinal_words(language)` maps each spelling to its number, as written (accents, hyphens and
spaces kept: "dix-septième", "décimo tercero", "الحادية عشرة"); a reader folds or normalises
the spellings as it matches. Where the ordinal agrees with its noun, `gender` picks the forms:
the Arabic feminine ("الفقرة التاسعة", "الدورة الرابعة") and masculine ("البند التاسع") are
apart, as are the Spanish ("sexto", "sexta") and the French first and second ("premier",
"première"). Russian ordinals are adjectives: the table holds their stems ("девят",
"шестьдесят четверт"), and `RUSSIAN_ENDINGS` the endings that follow them ("девятый",
"девятом", "третьего"). Chinese ordinals are numerals ("九", "六十四"); 第 and the noun around
them are the reader's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from types import MappingProxyType
from typing import Final, Literal

__all__ = ["MAX_ORDINAL", "RUSSIAN_ENDINGS", "Gender", "ordinal_words"]

MAX_ORDINAL: Final = 99

Gender = Literal["feminine", "masculine"]
"""The gender of the noun an ordinal agrees with."""

_Spelling = tuple[str, int, Gender | None]
"""`(word, n, gender)`: a spelling of `n`; `gender` None where the form is the same for both."""

# --- English -------------------------------------------------------------------------------------


def _english() -> Iterator[_Spelling]:
    units = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
    irregular = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth"}
    irregular[12] = "twelfth"
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    def unit_ordinal(n: int) -> str:
        return irregular.get(n, units[n - 1] + "th")

    for n in range(1, MAX_ORDINAL + 1):
        t, u = divmod(n, 10)
        if n < 20:
            yield unit_ordinal(n), n, None
        elif u == 0:
            yield tens[t - 2][:-1] + "ieth", n, None
        else:
            yield f"{tens[t - 2]}-{unit_ordinal(u)}", n, None


# --- French --------------------------------------------------------------------------------------


def _french_cardinal(n: int) -> str:
    units = [
        "zéro",
        "un",
        "deux",
        "trois",
        "quatre",
        "cinq",
        "six",
        "sept",
        "huit",
        "neuf",
        "dix",
        "onze",
        "douze",
        "treize",
        "quatorze",
        "quinze",
        "seize",
    ]
    tens = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
    if n <= 16:
        return units[n]
    if n < 20:
        return "dix-" + units[n - 10]
    t, u = divmod(n, 10)
    if t in tens:
        if u == 0:
            return tens[t]
        return f"{tens[t]} et un" if u == 1 else f"{tens[t]}-{units[u]}"
    if t == 7:
        return "soixante et onze" if u == 1 else "soixante-" + _french_cardinal(10 + u)
    if n == 80:
        return "quatre-vingts"
    return "quatre-vingt-" + _french_cardinal(n - 80)


def _french() -> Iterator[_Spelling]:
    special = {"un": "unième", "cinq": "cinquième", "neuf": "neuvième"}
    yield "premier", 1, "masculine"
    yield "première", 1, "feminine"
    yield "second", 2, "masculine"
    yield "seconde", 2, "feminine"
    for n in range(2, MAX_ORDINAL + 1):
        cardinal = _french_cardinal(n)
        if cardinal.endswith("quatre-vingts"):
            yield cardinal[:-1] + "ième", n, None
            continue
        cut = max(cardinal.rfind(" "), cardinal.rfind("-")) + 1
        head, last = cardinal[:cut], cardinal[cut:]
        if last in special:
            last = special[last]
        else:
            last = (last[:-1] if last.endswith("e") else last) + "ième"
        yield head + last, n, None


# --- Spanish -------------------------------------------------------------------------------------


def _spanish() -> Iterator[_Spelling]:
    units: tuple[tuple[str, ...], ...] = (
        ("primero", "primer"),
        ("segundo",),
        ("tercero", "tercer"),
        ("cuarto",),
        ("quinto",),
        ("sexto",),
        ("séptimo", "sétimo"),
        ("octavo",),
        ("noveno", "nono"),
    )
    tens = [
        "décimo",
        "vigésimo",
        "trigésimo",
        "cuadragésimo",
        "quincuagésimo",
        "sexagésimo",
        "septuagésimo",
        "octogésimo",
        "nonagésimo",
    ]
    masculine: list[tuple[str, int]] = [
        (form, n) for n, forms in enumerate(units, 1) for form in forms
    ]
    masculine += [("undécimo", 11), ("duodécimo", 12), ("decimoctavo", 18)]
    for n in range(10, MAX_ORDINAL + 1):
        t, u = divmod(n, 10)
        if u == 0:
            masculine.append((tens[t - 1], n))
            continue
        for unit in units[u - 1]:
            masculine.append((f"{tens[t - 1]} {unit}", n))
            if t == 1:  # decimotercero: the RAE's one-word spelling of the teens
                masculine.append((tens[0].replace("é", "e") + unit, n))
    for form, n in masculine:
        feminine = " ".join(w[:-1] + "a" if w.endswith("o") else w for w in form.split())
        if form.endswith(("primer", "tercer")):  # (before a noun: no feminine)
            yield form, n, "masculine"
        elif feminine == form:
            yield form, n, None
        else:
            yield form, n, "masculine"
            yield feminine, n, "feminine"


# --- Russian -------------------------------------------------------------------------------------

_RU_ENDINGS: Final = "ый ой ая ое ого ому ым ом ую ые ых ыми"
_RU_THIRD_ENDINGS: Final = "ий ья ье ьего ьему ьим ьем ью ьей ьи ьих ьими"  # трет-: третий
RUSSIAN_ENDINGS: Final = tuple(f"{_RU_ENDINGS} {_RU_THIRD_ENDINGS}".split())
"""The case endings a Russian ordinal stem takes ("девят" + "ый", "трет" + "ьем"): the
adjective endings, and the soft ones of третий. Readers accept any of them after any stem."""


def _russian_stems() -> Iterator[_Spelling]:
    """Ordinal stems ("шестьдесят четверт") that take adjective endings; 3 is apart (трет-)."""
    units = ["перв", "втор", "трет", "четверт", "пят", "шест", "седьм", "восьм", "девят"]
    teens = [
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
    ]
    tens_ordinal = "двадцат тридцат сороков пятидесят шестидесят семидесят восьмидесят девяност"
    tens_cardinal = "двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто"
    for n in range(1, MAX_ORDINAL + 1):
        t, u = divmod(n, 10)
        if n < 10:
            yield units[n - 1], n, None
        elif n < 20:
            yield teens[n - 10], n, None
        elif u == 0:
            yield tens_ordinal.split()[t - 2], n, None
        else:
            yield f"{tens_cardinal.split()[t - 2]} {units[u - 1]}", n, None


# --- Arabic --------------------------------------------------------------------------------------

_AR_UNITS: Final[dict[Gender, str]] = {
    "feminine": "الأولى الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة",
    "masculine": "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع",
}
_AR_TEN: Final[dict[Gender, tuple[str, str, str]]] = {  # (10, the 1 of 11, 21…, the teens' ten)
    "feminine": ("العاشرة", "الحادية", "عشرة"),
    "masculine": ("العاشر", "الحادي", "عشر"),
}
_AR_TENS: Final = "العشر الثلاث الأربع الخمس الست السبع الثمان التسع"


def _arabic() -> Iterator[_Spelling]:
    """With the article, as they follow a defined noun; the tens in both cases (-ون, -ين)."""
    for gender in ("feminine", "masculine"):
        unit_words = _AR_UNITS[gender].split()
        ten, one, teen_ten = _AR_TEN[gender]
        for n in range(1, MAX_ORDINAL + 1):
            t, u = divmod(n, 10)
            unit = one if u == 1 and n > 10 else (unit_words[u - 1] if u else "")
            if n < 10:
                yield unit, n, gender
            elif n == 10:
                yield ten, n, gender
            elif n < 20:
                yield f"{unit} {teen_ten}", n, gender
            else:
                for case in ("ين", "ون"):
                    tens_word = _AR_TENS.split()[t - 2] + case
                    yield (f"{unit} و{tens_word}" if u else tens_word), n, gender


# --- Chinese -------------------------------------------------------------------------------------


def _chinese() -> Iterator[_Spelling]:
    digits = "一二三四五六七八九"
    for n in range(1, MAX_ORDINAL + 1):
        t, u = divmod(n, 10)
        unit = digits[u - 1] if u else ""
        if t == 1:  # 十四, and the formal 一十四
            yield "十" + unit, n, None
            yield "一十" + unit, n, None
        else:
            yield ("" if t == 0 else digits[t - 1] + "十") + unit, n, None


_SPELLINGS: Final = {
    "en": _english,
    "fr": _french,
    "es": _spanish,
    "ru": _russian_stems,
    "ar": _arabic,
    "zh": _chinese,
}


@cache
def ordinal_words(
    language: str, *, up_to: int = MAX_ORDINAL, gender: Gender | None = None
) -> Mapping[str, int]:
    """The ordinals 1 to `up_to` of `language` (ISO 639-1), each spelling → its number.

    `gender`: only the forms that agree with a noun of that gender (with the forms that are
    the same for both); None, the forms of both. Russian gives stems, which take
    `RUSSIAN_ENDINGS`; Chinese gives numerals. The table is read-only (it is shared).
    `ValueError` for a language that is not one of the six, or `up_to` outside 1 to 99.
    """
    if language not in _SPELLINGS:
        msg = f"no ordinal words for language {language!r} (expected ar, zh, en, fr, ru or es)"
        raise ValueError(msg)
    if not 1 <= up_to <= MAX_ORDINAL:
        msg = f"ordinal words are generated for 1 to {MAX_ORDINAL}, not up to {up_to}"
        raise ValueError(msg)
    return MappingProxyType(
        {
            word: n
            for word, n, form in _SPELLINGS[language]()
            if n <= up_to and (gender is None or form is None or form == gender)
        }
    )
