"""The closing formula of a resolution: the meeting at which it was adopted, and the date.

"70th plenary meeting / 18 December 2008", "70-е пленарное заседание, 18 декабря 2008 года",
"70e séance plénière", "70ª sesión plenaria", "الجلسة العامة 70", "2008年12月18日 第70次全体会议";
in the masthead, the Security Council's "Adopted … at its 5916th meeting, on 19 June 2008" and
the UN HTML rendition's "Séance plénière: 70ème" with "Date: …". Dates are read with
`dates.find_dates`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from hrdialogue.documents.dates import DATE_PATTERNS, find_dates, parse_date_match
from hrdialogue.languages import LANGUAGES

__all__ = ["Closing", "find_closing"]

# The closing formula is found by its words, then the meeting number next to them.
# Each led by a literal, so that the engine skips ahead in C. English: "70th plenary meeting",
# or a meeting after an ordinal ("38th meeting"), which `_meeting_start` checks.
_MEETING_WORDS: Final[dict[str, re.Pattern[str]]] = {
    "en": re.compile(r"meeting"),
    "ru": re.compile(r"пленарное\s+заседание"),
    "fr": re.compile(r"séance\s+plénière"),
    "es": re.compile(r"sesión\s+plenaria"),
    "ar": re.compile(r"الجلسة\s+العامة\s+(?P<ar>\d{1,4})"),
}
_PLENARY_BEFORE = re.compile(r"plenary\s+")
_ORDINAL_BEFORE = re.compile(r"(?:st|nd|rd|th)\s")
_PLENARY_REACH = 40
_NUMBER_BEFORE = re.compile(r"(?P<n>\d{1,4})\s*(?:st|nd|rd|th|-?\s*[еeйя]|e|ème|re|[ªaº.])?\s+$")
# In the masthead: "at its 5916th meeting" (found from "its": a search led by "a" would stop
# at every "a"; "at" and the white space before "its" are checked after) or the UN HTML
# rendition's "Séance plénière: 70ème".
_HEADER_ITS = re.compile(r"its\s+(?P<n>\d{1,4})(?:st|nd|rd|th)\s+meeting")
_HEADER_SEANCE = re.compile(r"Séance\s+plénière\s*:\s*(?P<f>\d{1,4})")
_ZH_CLOSING = re.compile(rf"{DATE_PATTERNS['zh']}\s*第(?P<n>\d{{1,4}})次全体会议")
_HTML_DATE = re.compile(r"Date\s*:\s*")
_ITS_BEFORE = re.compile(r"\bits\s+$")
_DATE_WINDOW = 60


@dataclass(frozen=True, slots=True)
class Closing:
    meeting: int | None
    date: dt.date | None
    start: int
    end: int


def _date_after(text: str, pos: int, language: str) -> tuple[dt.date, int, int] | None:
    """`(date, start, end)` of the first date written in the 60 characters after `pos`: in
    `language`, else in another of the six."""
    window = text[pos : pos + _DATE_WINDOW]
    for lang in (language, *(code for code in LANGUAGES if code != language)):
        dates = find_dates(window, lang)
        if dates:
            start, end, date = dates[0]
            return date, pos + start, pos + end
    return None


def _meeting_start(text: str, start: int, meeting: re.Match[str]) -> int | None:
    """Where English meeting words begin: "plenary meeting", or "meeting" after an ordinal."""
    at = meeting.start()
    plenary = text.rfind("plenary", max(start, at - _PLENARY_REACH), at)
    if plenary >= 0 and _PLENARY_BEFORE.fullmatch(text, plenary, at):
        return plenary
    if at >= 3 and _ORDINAL_BEFORE.fullmatch(text, at - 3, at):
        end = meeting.end()
        if end == len(text) or not (text[end].isalnum() or text[end] == "_"):
            return at
    return None


def _header_its(text: str, stop: int) -> tuple[re.Match[str], int] | None:
    """The first "at its 5916th meeting" ending by `stop`, and where its "at" starts."""
    pos = 0
    while (match := _HEADER_ITS.search(text, pos, stop)) is not None:
        at = match.start()
        while at > 0 and text[at - 1].isspace():
            at -= 1
        if at < match.start() and at >= 2 and text[at - 2 : at] == "at":
            return match, at - 2
        pos = match.start() + 1
    return None


def find_closing(text: str, start: int, language: str, *, masthead: bool = True) -> Closing | None:
    """Meeting number and date of adoption (after `start`, or in the masthead before it:
    the Security Council's "Adopted … at its 5916th meeting, on …", the UN HTML "Séance
    plénière: 70ème" with "Date: …"; not there when `masthead` is false: a part of a
    composite resolution has its own closing after its paragraphs, or none). Dates are read
    with `dates.find_dates` in `language` (ISO 639-1), or failing that in another of the six."""
    if "全体会议" in text:
        zh = _ZH_CLOSING.search(text, start)
        if zh is not None:
            return Closing(int(zh.group("n")), parse_date_match(zh), zh.start(), zh.end())
    its: tuple[re.Match[str], int] | None = None
    seance: re.Match[str] | None = None
    if masthead:
        stop = max(start, 0) or len(text)
        its = _header_its(text, stop)
        seance = _HEADER_SEANCE.search(text, 0, stop)
    if seance is not None and (its is None or seance.start() < its[1]):
        label = _HTML_DATE.search(text)
        dated = _date_after(text, label.end(), language) if label else None
        date = dated[0] if dated and label and dated[1] == label.end() else None
        return Closing(int(seance.group("f")), date, seance.start(), seance.end())
    if its is not None:
        match, at = its
        dated = _date_after(text, match.end(), language)
        end = dated[2] if dated else match.end()
        return Closing(int(match.group("n")), dated[0] if dated else None, at, end)
    words = _MEETING_WORDS.get(language)
    for m in words.finditer(text, start) if words is not None else ():
        if language == "ar":
            number, begin = int(m.group("ar")), m.start()
        else:
            words_start = m.start() if language != "en" else _meeting_start(text, start, m)
            if words_start is None:
                continue
            before = _NUMBER_BEFORE.search(text, max(start, words_start - 16), words_start)
            if before is None:
                continue
            number, begin = int(before.group("n")), before.start()
            if _ITS_BEFORE.search(text, max(start, begin - 8), begin) is not None:
                continue  # "(resolution 1820 (2008), adopted) at its 5916th meeting": cited
        dated = _date_after(text, m.end(), language)
        if dated is None:
            return Closing(number, None, begin, m.end())
        return Closing(number, dated[0], begin, dated[2])
    return None
