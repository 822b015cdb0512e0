"""UN document symbols and cited resolutions and decisions in a paragraph's text.

Symbols come from `symbols.find_symbols`. Resolutions and decisions are found by an anchor
keyword ("resolution", "резолюции", "résolution", "resolución", "قرار", "决议") and a scan of
the clause after it: the first number close to the keyword, then every further number that
follows a list separator (", and 3362 (S-VII) of 16 September 1975"), each with the date
printed after it. Chinese puts the date and the number before the keyword
("1996年10月25日第51/7号决议"). The adopting body is read from the words around the keyword
("Human Rights Council resolution", "резолюции 7/3 Совета по правам человека", "its
resolution" = the body that adopts the text) or, failing that, from the form of the number
(`1325 (2000)` is a Security Council resolution, `62/160` one of the General Assembly).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from hrdialogue.documents.errors import UnsupportedLanguage
from hrdialogue.documents.model import Body, Reference
from hrdialogue.documents.symbols import find_symbols, fold_width
from hrdialogue.languages import fold_homoglyphs

__all__ = ["find_dates", "find_references"]

# --- Lexicon: the words of the six languages -------------------------------------------------


def _words(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(sep))


ARABIC_LETTERS: Final[dict[str, str]] = dict(
    zip(
        _words(
            "ألف باء جيم دال هاء واو زاي حاء طاء ياء كاف لام ميم نون سين عين فاء صاد قاف راء شين"
            " تاء ثاء خاء ذال ضاد"
        ),
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        strict=True,
    )
)
"""Letter suffixes of resolution numbers in Arabic texts ("40 / 152 سين" = 40/152 O)."""

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
    # Levantine names, then the Egyptian ones UN texts print after a slash ("كانون الأول/ ديسمبر").
    "ar-lev": _words(
        "كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول"
        "|تشرين الثاني|كانون الأول",
        "|",
    ),
    "ar-egy": _words("يناير فبراير مارس أبريل مايو يونيه يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"),
}
_MONTH_VARIANTS: Final[dict[str, int]] = {
    "setiembre": 9,
    "ابريل": 4,
    "إبريل": 4,
    "يونيو": 6,
    "يوليو": 7,
    "اكتوبر": 10,
}
MONTHS: Final[dict[str, int]] = {
    **{name.casefold(): i for names in _MONTH_NAMES.values() for i, name in enumerate(names, 1)},
    **_MONTH_VARIANTS,
}


def _alt(*names: str) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


def _spaced(phrase: str) -> str:
    return r"\s+".join(phrase.split())


_AR_LEV = _alt(*(_spaced(n) for n in _MONTH_NAMES["ar-lev"]))
_AR_EGY = _alt(*_MONTH_NAMES["ar-egy"], "ابريل", "إبريل", "يونيو", "يوليو", "اكتوبر")
_DATES: Final[dict[str, str]] = {
    "en": rf"(?P<d>[0-9]{{1,2}})\s+(?P<m>{_alt(*_MONTH_NAMES['en'])})\s*,?\s+(?P<y>[0-9]{{4}})",
    "ru": rf"(?P<d>[0-9]{{1,2}})\s+(?P<m>{_alt(*_MONTH_NAMES['ru'])})\s+(?P<y>[0-9]{{4}})"
    r"(?:\s*(?:года|г\.))?",
    "fr": rf"(?P<d>[0-9]{{1,2}}|1er)\s+(?P<m>{_alt(*_MONTH_NAMES['fr'])})\s+(?P<y>[0-9]{{4}})",
    "es": rf"(?P<d>[0-9]{{1,2}})\s+de\s+(?P<m>{_alt(*_MONTH_NAMES['es'], 'setiembre')})"
    r"\s+(?:de|del)\s+(?P<y>[0-9]{4})",
    "ar": rf"(?P<d>[0-9]{{1,2}})\s+(?P<m>(?:{_AR_LEV})(?:\s*/\s*(?:{_AR_EGY}))?|{_AR_EGY})"
    r"\s+(?P<y>[0-9]{4})",
    "zh": r"(?P<y>[0-9]{4})\s*年\s*(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*日",
}
_DATE_LINKS: Final[dict[str, str]] = {
    "en": r"\s*,?\s*of\s+",
    "ru": r"\s*,?\s*от\s+",
    "fr": r"\s*,?\s*(?:en\s+date\s+)?du\s+",
    "es": r"\s*,?\s*(?:de|del)\s+",
    "ar": r"\s*[،,]?\s*(?:ال)?(?:مؤرخ|مؤرخة|مؤرخين|مؤرختين|صادر|صادرة)\s+(?:في\s+)?",
    "zh": r"(?!)",
}
_AR_B = r"(?<![\u0621-\u064A])(?:[وبل]|لل)?"
# Body names, most specific first; the group name is the body (COUNCIL: the context decides).
_BODIES: Final[dict[str, tuple[str, tuple[tuple[str, str], ...]]]] = {
    "en": (
        r"(?<![\w])",
        (
            (
                "SUB",
                r"Sub-?[Cc]ommission(?:\s+on\s+(?:the\s+)?(?:Promotion\s+and\s+Protection\s+of"
                r"\s+Human\s+Rights|Prevention\s+of\s+Discrimination\s+and\s+Protection\s+of"
                r"\s+Minorities))?",
            ),
            ("CHR", r"Commission\s+on\s+Human\s+Rights|(?<!-)Commission"),
            ("HRC", r"Human\s+Rights\s+Council"),
            ("ECOSOC", r"Economic\s+and\s+Social\s+Council|ECOSOC"),
            ("SC", r"Security\s+Council"),
            ("COUNCIL", r"Council"),
            ("GA", r"General\s+Assembly|Assembly"),
        ),
    ),
    "ru": (
        r"(?<![\w-])",
        (
            (
                "SUB",
                r"Подкомисси\w*(?:\s+по\s+поощрению\s+и\s+защите\s+прав\s+человека|\s+по"
                r"\s+предупреждению\s+дискриминации\s+и\s+защите\s+меньшинств)?",
            ),
            ("CHR", r"Комисси\w*\s+по\s+правам\s+человека|Комисси\w*"),
            ("HRC", r"Совет\w*\s+по\s+правам\s+человека"),
            ("ECOSOC", r"Экономическ\w*\s+и\s+[Сс]оциальн\w*\s+[Сс]овет\w*"),
            ("SC", r"Совет\w*\s+Безопасности"),
            ("COUNCIL", r"Совет\w*"),
            ("GA", r"Генеральн\w*\s+Ассамбле\w*|Ассамбле\w*"),
        ),
    ),
    "fr": (
        r"(?<![\w-])",
        (
            (
                "SUB",
                r"Sous-[Cc]ommission(?:\s+de\s+la\s+promotion\s+et\s+de\s+la\s+protection"
                r"\s+des\s+droits\s+de\s+l['’]homme|\s+de\s+la\s+lutte\s+contre\s+les"
                r"\s+mesures\s+discriminatoires\s+et\s+de\s+la\s+protection\s+des"
                r"\s+minorités)?",
            ),
            ("CHR", r"Commission\s+des\s+droits\s+de\s+l['’]homme|Commission"),
            ("HRC", r"Conseil\s+des\s+droits\s+de\s+l['’]homme"),
            ("ECOSOC", r"Conseil\s+économique\s+et\s+social"),
            ("SC", r"Conseil\s+de\s+sécurité"),
            ("COUNCIL", r"Conseil"),
            ("GA", r"Assemblée(?:\s+générale)?"),
        ),
    ),
    "es": (
        r"(?<![\w-])",
        (
            (
                "SUB",
                r"Subcomisión(?:\s+de\s+Promoción\s+y\s+Protección\s+de\s+los\s+Derechos"
                r"\s+Humanos|\s+de\s+Prevención\s+de\s+Discriminaciones\s+y\s+Protección"
                r"\s+a\s+las\s+Minorías)?",
            ),
            ("CHR", r"Comisión\s+de\s+Derechos\s+Humanos|Comisión"),
            ("HRC", r"Consejo\s+de\s+Derechos\s+Humanos"),
            ("ECOSOC", r"Consejo\s+Económico\s+y\s+Social"),
            ("SC", r"Consejo\s+de\s+Seguridad"),
            ("COUNCIL", r"Consejo"),
            ("GA", r"Asamblea(?:\s+General)?"),
        ),
    ),
    "ar": (
        _AR_B,
        (
            ("SUB", r"(?:ال)?لجنة\s+الفرعية(?:\s+لتعزيز\s+وحماية\s+حقوق\s+الإنسان)?"),
            ("CHR", r"لجنة\s+حقوق\s+الإنسان|(?:ال)?لجنة"),
            ("HRC", r"مجلس\s+حقوق\s+الإنسان"),
            ("ECOSOC", r"(?:ال)?مجلس\s+الاقتصادي\s+والاجتماعي"),
            ("SC", r"مجلس\s+الأمن"),
            ("COUNCIL", r"(?:ال)?مجلس"),
            ("GA", r"(?:ال)?جمعية\s+العامة|(?:ال)?جمعية"),
        ),
    ),
    "zh": (
        "",
        (
            ("SUB", r"增进和保护人权小组委员会|防止歧视和保护少数小组委员会|小组委员会"),
            ("CHR", r"人权委员会"),
            ("HRC", r"人权理事会"),
            ("ECOSOC", r"经济及社会理事会|经社理事会"),
            ("SC", r"安全理事会|安理会"),
            ("COUNCIL", r"理事会"),
            ("GA", r"大会"),
        ),
    ),
}
_BODY_LINKS: Final[dict[str, str]] = {
    "en": r"\s*,?\s*of\s+the\s+",
    "ru": r"\s*",
    "fr": r"\s*(?:du|de\s+la|de\s+l['’]|de)\s*",
    "es": r"\s*(?:del|de\s+la)\s+",
    "ar": r"\s*",
    "zh": r"(?!)",
}
_KEYWORDS: Final[dict[str, str]] = {
    "en": r"\b(?:(?P<res>[Rr]esolutions?|RESOLUTIONS?)|(?P<dec>[Dd]ecisions?|DECISIONS?))\b",
    "ru": r"(?<![\w-])(?:(?P<res>[Рр]езолюци\w*)|(?P<dec>[Рр]ешени\w*))",
    "fr": r"(?<![\w-])(?:(?P<res>[Rr][ée]solutions?)|(?P<dec>[Dd][ée]cisions?))\b",
    "es": r"(?<![\w-])(?:(?P<res>[Rr]esoluci(?:ón|on|ones))|(?P<dec>[Dd]ecisi(?:ón|on|ones)))\b",
    "ar": r"(?<![\u0621-\u064A])[وفبل]{0,2}(?:ال)?(?:(?P<res>قرار(?:ات|ي|ا)?)"
    r"|(?P<dec>مقرر(?:ات|ي|ا)?))(?P<own>ها|هما)?(?![\u0621-\u064A])",
    "zh": r"(?!)",
}
_POSSESSIVES: Final[dict[str, str]] = {
    "en": r"\b(?:its|their)(?:\s+own)?\s*$",
    "ru": r"(?<![\w-])(?:е[её]|сво\w*)\s*$",
    "fr": r"(?<![\w-])(?:sa|ses|son)\s*$",
    "es": r"(?<![\w-])(?:su|sus)\s*$",
    "ar": r"(?!)",
    "zh": r"其\s*$",
}
_SEPARATORS: Final[dict[str, str]] = {
    "en": r"(?:,|\band|\bor|\bas\s+well\s+as)\s*$",
    "ru": r"(?:,|(?<!\w)и|(?<!\w)или|а\s+также)\s*$",
    "fr": r"(?:,|\bet|\bou)\s*$",
    "es": r"(?:,|\by|\be|\bo)\s*$",
    "ar": r"(?:[،,]|(?<![\u0621-\u064A])و|(?<![\u0621-\u064A])أو)\s*$",
    "zh": r"(?:、|和|及|与|以及|,|，)\s*$",
}
_CONJUNCTIONS: Final[dict[str, str]] = {
    "en": r"\s*and\s*",
    "ru": r"\s*и\s*",
    "fr": r"\s*et\s*",
    "es": r"\s*[ye]\s*",
    "ar": r"\s*و\s*",
    "zh": r"\s*(?:和|及|与|、)\s*",
}
# Words between a keyword and a number that show the number is not what the keyword cites
# ("Resolution adopted by the Human Rights Council 19/33" is a masthead).
_GAP_STOPS: Final[dict[str, str]] = {
    "en": r"\b(?:adopted|submitted|draft|on\s+the\s+report)\b",
    "ru": r"(?<!\w)(?:принят\w*|представлен\w*|проект\w*|на\s+основе\s+доклада)",
    "fr": r"(?<![\w-])(?:adopt\w*|présent\w*|projet|sur\s+le\s+rapport)",
    "es": r"(?<![\w-])(?:aprobad\w*|presentad\w*|proyecto|sobre\s+la\s+base)",
    "ar": r"(?:اعتمد|مقدم|مشروع)",
    "zh": r"(?!)",
}
_ZH_NUMBER = (
    r"(?:E?S-)?[0-9]{1,4}\s?/\s?[0-9]{1,4}(?:\s?[A-Z])?(?:\s?\([^()]{1,8}\))?"
    r"|[0-9]{1,4}(?:\s?[A-Z])?\s?\([^()]{1,8}\)"
)
_ZH_ITEM: Final = (
    rf"(?:{_DATES['zh']}\s*(?:的\s*)?)?(?P<di>第)?\s*(?P<n>{_ZH_NUMBER})\s*(?P<hao>号)?"
    r"\s*(?P<kw>决议|决定)?"
)


@dataclass(frozen=True, slots=True)
class _Rules:
    """The compiled patterns for one language."""

    keyword: re.Pattern[str]
    bodies: re.Pattern[str]
    body_after: re.Pattern[str]
    possessive: re.Pattern[str]
    date: re.Pattern[str]
    date_link: re.Pattern[str]
    separator: re.Pattern[str]
    conjunction: re.Pattern[str]
    gap_stop: re.Pattern[str]
    chinese_item: re.Pattern[str] | None


def _compile(lang: str) -> _Rules:
    prefix, names = _BODIES[lang]
    bodies = prefix + "(?:" + "|".join(f"(?P<{key}>{alt})" for key, alt in names) + ")"
    plain = "|".join(alt for _, alt in names)
    return _Rules(
        keyword=re.compile(_KEYWORDS[lang]),
        bodies=re.compile(bodies),
        body_after=re.compile(rf"{_BODY_LINKS[lang]}(?P<b>{prefix}(?:{plain}))"),
        possessive=re.compile(_POSSESSIVES[lang]),
        date=re.compile(_DATES[lang]),
        date_link=re.compile(_DATE_LINKS[lang] + _DATES[lang]),
        separator=re.compile(_SEPARATORS[lang]),
        conjunction=re.compile(_CONJUNCTIONS[lang]),
        gap_stop=re.compile(_GAP_STOPS[lang]),
        chinese_item=re.compile(_ZH_ITEM) if lang == "zh" else None,
    )


_RULES: Final[dict[str, _Rules]] = {lang: _compile(lang) for lang in _DATES}

_GA, _HRC, _SC = Body.GENERAL_ASSEMBLY, Body.HUMAN_RIGHTS_COUNCIL, Body.SECURITY_COUNCIL
_ECOSOC, _CHR, _SUB = (
    Body.ECONOMIC_AND_SOCIAL_COUNCIL,
    Body.COMMISSION_ON_HUMAN_RIGHTS,
    Body.SUB_COMMISSION,
)
_BODY_GROUPS: Final[dict[str, Body]] = {
    "GA": _GA,
    "HRC": _HRC,
    "SC": _SC,
    "ECOSOC": _ECOSOC,
    "CHR": _CHR,
    "SUB": _SUB,
}
# Which bodies number their texts in each form.
_COMPATIBLE: Final[dict[str, frozenset[Body]]] = {
    "session": frozenset({_GA, _HRC}),  # 62/160, 7/3, S-8/1, ES-10/19
    "year": frozenset({_ECOSOC, _CHR, _SUB}),  # 2000/22
    "year-paren": frozenset({_SC}),  # 1325 (2000)
    "roman": frozenset({_GA, _ECOSOC, _CHR}),  # 217 A (III), 1503 (XLVIII)
}
_COUNCIL_FOR: Final[dict[str, Body]] = {
    "session": _HRC,
    "year": _ECOSOC,
    "year-paren": _SC,
    "roman": _ECOSOC,
}

_ARABIC_LETTER_NAMES: Final = "|".join(sorted(ARABIC_LETTERS, key=len, reverse=True))
_NUMBER: Final = re.compile(
    rf"""
    (?<![0-9/.\-])
    (?:
        (?P<sess>(?:E?S-)?[0-9]{{1,4}})\s?/\s?(?P<num>[0-9]{{1,4}})(?![0-9]|/[0-9]|\.[0-9])
      | (?P<old>[0-9]{{1,4}})(?=\s?(?:[A-ZА-Я]\s?)?\()
    )
    (?:\s?(?P<letter>[A-Z]|[А-Я]|{_ARABIC_LETTER_NAMES})(?![^\W\d_]|[/.]))?
    (?:\s?\((?P<paren>E?S-[IVXLC]{{1,7}}|[IVXLC]{{1,7}}|[0-9]{{4}})\))?
    """,
    re.VERBOSE,
)
_WINDOW: Final = 120  # characters before a keyword searched for the body that adopted it
_FIRST_GAP: Final = 60  # most characters between a keyword and its first number
_NEXT_GAP: Final = 250  # most characters between two numbers of one list
_GAP_STOP: Final = re.compile(r"[\[\]|;0-9]|\n\s*\n|\.\s+(?=[A-ZÀ-ÞА-ЯЁ])")
_LIST_STOP: Final = re.compile(r"[\[\]|;]|\n\s*\n|\.\s+(?=[A-ZÀ-ÞА-ЯЁ])")
_CLAUSE_END: Final = re.compile(r"[;.。；](?=\s)|\n\s*\n")


@dataclass(frozen=True, slots=True)
class _Number:
    start: int
    end: int
    text: str
    form: str


@dataclass(slots=True)
class _Found:
    kind: str
    start: int
    end: int
    number: str
    body: Body | None
    date: dt.date | None


def _parse_number(m: re.Match[str]) -> _Number | None:
    letter = m.group("letter")
    if letter is not None:
        letter = ARABIC_LETTERS.get(letter, fold_homoglyphs(letter))
    paren = m.group("paren")
    if m.group("old") is not None:
        if paren is None:
            return None
        form = "year-paren" if paren[0].isdigit() else "roman"
        text = m.group("old")
    else:
        sess = m.group("sess")
        if sess[0].isdigit() and len(sess) == 4:
            if not 1946 <= int(sess) <= 2099:
                return None
            form = "year"
        else:
            form = "session"
        text = f"{sess}/{m.group('num')}"
        if paren is not None and not paren[0].isdigit():
            return None  # "62/160 (III)" is no UN number
    if letter is not None:
        text += f" {letter}"
    if paren is not None:
        text += f" ({paren})"
    return _Number(m.start(), m.end(), text, form)


def _date_from(m: re.Match[str]) -> dt.date | None:
    month_text = m.group("m")
    if month_text.isdigit():
        month = int(month_text)
    else:
        key = " ".join(month_text.split("/")[0].split()).casefold()
        month = MONTHS.get(key, 0)
    day_text = m.group("d")
    day = 1 if day_text == "1er" else int(day_text)
    try:
        return dt.date(int(m.group("y")), month, day)
    except ValueError:
        return None


def find_dates(text: str, language: str) -> list[tuple[int, int, dt.date]]:
    """Every full date written in words of `language` in `text`: `(start, end, date)`.

    "18 декабря 2007 года", "16 كانون الأول/ ديسمبر 1985", "1996年10月25日", "15 de marzo de
    2006". Dates that do not exist (31 February) are left out.
    """
    rules = _rules(language)
    found = []
    for m in rules.date.finditer(fold_width(text)):
        date = _date_from(m)
        if date is not None:
            found.append((m.start(), m.end(), date))
    return found


def _rules(language: str) -> _Rules:
    rules = _RULES.get(language)
    if rules is None:
        msg = f"references: {language!r} is not an official UN language (ar, zh, en, fr, ru, es)"
        raise UnsupportedLanguage(msg)
    return rules


def _resolve(target: str | None, form: str, body: Body | None) -> Body | None:
    """The body a number of `form` belongs to, given the words around it and the document's body."""
    allowed = _COMPATIBLE[form]
    if target == "OWN" and body in allowed:
        return body
    if target == "COUNCIL":
        if body in allowed and body in (_HRC, _ECOSOC, _SC):
            return body
        return _COUNCIL_FOR[form]
    explicit = _BODY_GROUPS.get(target or "")
    if explicit is not None and explicit in allowed:
        return explicit
    if form == "year-paren":
        return _SC
    if form == "session":
        return body if body in (_GA, _HRC) else _GA
    if form == "year":
        return body if body in allowed else None
    return body if body in allowed else _GA


def _before(view: str, rules: _Rules, floor: int, start: int) -> tuple[str | None, bool]:
    """The body named before a keyword: `(target, adjacent)`; `(None, False)` when none."""
    window = view[max(floor, start - _WINDOW) : start]
    cut = [m.end() for m in _CLAUSE_END.finditer(window)]
    if cut:
        window = window[cut[-1] :]
    if rules.possessive.search(window):
        return "OWN", True
    last = None
    for match in rules.bodies.finditer(window):
        last = match
    if last is None:
        return None, False
    return last.lastgroup, not window[last.end() :].strip()


def _after(view: str, rules: _Rules, pos: int) -> tuple[str | None, int]:
    m = rules.body_after.match(view, pos)
    if m is None:
        return None, pos
    inner = m.group("b")
    body = rules.bodies.fullmatch(inner)
    return (body.lastgroup if body else None), m.end()


def _describe(view: str, rules: _Rules, number: _Number) -> tuple[str | None, dt.date | None, int]:
    """Body named and date printed after a number: `(target, date, end)`."""
    target, end = _after(view, rules, number.end)
    date = None
    dated = rules.date_link.match(view, end)
    if dated is not None:
        date = _date_from(dated)
        end = dated.end()
        if target is None:
            target, end = _after(view, rules, end)
    return target, date, end


def _scan_keyword(
    view: str,
    rules: _Rules,
    kw: re.Match[str],
    *,
    stop: int,
    floor: int,
    body: Body | None,
    symbols: list[tuple[int, int, str]],
) -> list[_Found]:
    kind = "decision" if kw.group("dec") is not None else "resolution"
    own = "own" in kw.groupdict() and kw.group("own") is not None
    before, adjacent = ("OWN", True) if own else _before(view, rules, floor, kw.start())
    found: list[_Found] = []
    prev_end = kw.end()
    pending: list[_Found] = []  # undated numbers joined by "and" to the next one
    anchor_target = before if adjacent else None
    for m in _NUMBER.finditer(view, kw.end(), stop):
        if any(s < m.end() and m.start() < e for s, e, _ in symbols):
            continue
        number = _parse_number(m)
        if number is None:
            continue
        gap = view[prev_end : number.start]
        if not found:
            if len(gap) > _FIRST_GAP or _GAP_STOP.search(gap) or rules.gap_stop.search(gap):
                return []
            named = None
            for match in rules.bodies.finditer(gap):
                named = match
            if anchor_target is None and named is not None:
                anchor_target = named.lastgroup
            if anchor_target is None:
                anchor_target = before
        elif len(gap) > _NEXT_GAP or _LIST_STOP.search(gap) or rules.separator.search(gap) is None:
            break
        target, date, end = _describe(view, rules, number)
        start = kw.start() if not found else number.start
        item = _Found(
            kind,
            start,
            end,
            number.text,
            _resolve(target or anchor_target, number.form, body),
            date,
        )
        if pending and not rules.conjunction.fullmatch(gap):
            pending = []
        if date is None:
            pending.append(item)
        else:
            for earlier in pending:  # "resolutions 3201 (S-VI) and 3202 (S-VI) of 1 May 1974"
                earlier.date = date
            pending = []
        found.append(item)
        prev_end = end
    return found


def _scan_chinese(
    view: str,
    rules: _Rules,
    items: re.Pattern[str],
    *,
    body: Body | None,
    symbols: list[tuple[int, int, str]],
) -> list[_Found]:
    """ "1996年10月25日第51/7号决议", "第54/181和55/109号决议": number before the keyword."""
    found: list[_Found] = []
    group: list[tuple[_Number, dt.date | None, int, int]] = []
    target: str | None = None
    floor = 0
    for m in items.finditer(view):
        if any(s < m.end() and m.start() < e for s, e, _ in symbols):
            continue
        num = _NUMBER.fullmatch(view, m.start("n"), m.end("n"))
        number = _parse_number(num) if num is not None else None
        if number is None:
            group = []
            continue
        if m.group("di") is None and not (group and rules.separator.search(view, 0, m.start())):
            group = []
            continue
        if not group:
            before, _ = _before(view, rules, floor, m.start())
            target = before
        date = _date_from(m) if m.group("y") else None
        group.append((number, date, m.start(), m.end()))
        if m.group("kw") is None:
            continue
        kind = "decision" if m.group("kw") == "决定" else "resolution"
        for number, date, start, end in group:
            found.append(
                _Found(kind, start, end, number.text, _resolve(target, number.form, body), date)
            )
        floor = m.end()
        group = []
    return found


def find_references(text: str, language: str, *, body: Body | None = None) -> tuple[Reference, ...]:
    """Every document symbol and every resolution or decision cited in `text`.

    `span` of each result is relative to `text`; `anchor` and `footnote` are left None for
    the caller to fill. `body` is the adopting body, which "its resolution" refers to.
    Raises `UnsupportedLanguage` for a language that is not one of the six.
    """
    rules = _rules(language)
    if not any(ch.isdigit() for ch in text):
        return ()
    view = fold_width(text)
    symbols = find_symbols(text)
    refs = [
        Reference(kind="symbol", text=text[s:e], symbol=sym, span=(s, e)) for s, e, sym in symbols
    ]
    found: list[_Found]
    if rules.chinese_item is not None:
        found = _scan_chinese(view, rules, rules.chinese_item, body=body, symbols=symbols)
    else:
        found = []
        keywords = list(rules.keyword.finditer(view))
        floor = 0
        for i, kw in enumerate(keywords):
            stop = keywords[i + 1].start() if i + 1 < len(keywords) else len(view)
            items = _scan_keyword(
                view, rules, kw, stop=stop, floor=floor, body=body, symbols=symbols
            )
            if items:
                floor = items[-1].end
            found.extend(items)
    refs.extend(
        Reference(
            kind="decision" if f.kind == "decision" else "resolution",
            text=text[f.start : f.end],
            body=f.body,
            number=f.number,
            date=f.date,
            span=(f.start, f.end),
        )
        for f in found
    )
    refs.sort(key=lambda r: r.span)
    return tuple(refs)
