"""The reference lexicon: per language, the keywords that cite a resolution or decision, the
names of the bodies that adopt them, and the words around a number that link it to its date,
its body or the next number of a list (`references` compiles them).

Every `keyword` has no group and no look-behind in front, so that the regex engine skips ahead
in C when it is tried at each character.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

__all__ = ["ARABIC_LETTERS", "REFERENCE_WORDS", "ReferenceWords"]

_ARABIC_NAMES: Final = (
    "ألف باء جيم دال هاء واو زاي حاء طاء ياء كاف لام ميم نون سين عين فاء صاد قاف راء"
    " شين تاء ثاء خاء ذال ضاد"
)
ARABIC_LETTERS: Final[dict[str, str]] = dict(
    zip(_ARABIC_NAMES.split(), "ABCDEFGHIJKLMNOPQRSTUVWXYZ", strict=True)
)
"""Letter suffixes of resolution numbers in Arabic texts ("40 / 152 سين" = 40/152 O)."""


@dataclass(frozen=True, slots=True)
class ReferenceWords:
    """Regex sources for one language. Body names come most specific first; each is keyed by
    the body it names (COUNCIL: the Council of the context; OWN: the adopting body)."""

    keyword: str  # no group and no look-behind in front: it is tried at every character
    # Every match of `keyword` has one of `stems` (plain strings) `lead` characters after its
    # start: the keywords are looked for with `str.find`, far faster than a regex scan.
    stems: tuple[str, ...]
    lead: int
    bodies: tuple[tuple[str, str], ...]
    body_prefix: str = r"(?<![\w-])"
    body_link: str = r"\s*"  # between a number (or its date) and a body named after it
    date_link: str = r"(?!)"  # between a number and its date
    possessive: str = r"(?!)"  # "its" before the keyword, at the end of the window
    separator: str = r",\s*$"  # how a list's next number is joined to the one before
    conjunction: str = r"\s*and\s*"  # "3201 (S-VI) and 3202 (S-VI) of 1 May 1974": one date
    gap_stop: str = r"(?!)"  # words showing a number after the keyword is not cited by it


REFERENCE_WORDS: Final[dict[str, ReferenceWords]] = {
    "en": ReferenceWords(
        keyword=r"[RrDd](?:esolutions?|ecisions?|ESOLUTIONS?|ECISIONS?)\b",
        stems=("esolution", "ecision", "ESOLUTION", "ECISION"),
        lead=1,
        bodies=(
            ("SUB", r"Sub-?[Cc]ommission"),
            ("CHR", r"Commission\s+on\s+Human\s+Rights|(?<!-)Commission"),
            ("HRC", r"Human\s+Rights\s+Council"),
            ("ECOSOC", r"Economic\s+and\s+Social\s+Council|ECOSOC"),
            ("SC", r"Security\s+Council"),
            ("COUNCIL", r"Council"),
            ("GA", r"General\s+Assembly|Assembly"),
        ),
        body_prefix=r"\b",
        body_link=r"\s*,?\s*of\s+the\s+",
        date_link=r"\s*,?\s*of\s+",
        possessive=r"\b(?:its|their)(?:\s+own)?\s*$",
        separator=r"(?:,|\band|\bor|\bas\s+well\s+as)\s*$",
        gap_stop=r"\b(?:adopted|submitted|draft|on\s+the\s+report)\b",
    ),
    "ru": ReferenceWords(
        keyword=r"[Рр]е(?:золюци|шени)\w*",
        stems=("езолюци", "ешени"),
        lead=1,
        bodies=(
            ("SUB", r"Подкомисси\w*"),
            ("CHR", r"Комисси\w*\s+по\s+правам\s+человека|Комисси\w*"),
            ("HRC", r"Совет\w*\s+по\s+правам\s+человека"),
            ("ECOSOC", r"Экономическ\w*\s+и\s+[Сс]оциальн\w*\s+[Сс]овет\w*"),
            ("SC", r"Совет\w*\s+Безопасности"),
            ("COUNCIL", r"Совет\w*"),
            ("GA", r"Генеральн\w*\s+Ассамбле\w*|Ассамбле\w*"),
        ),
        date_link=r"\s*,?\s*от\s+",
        possessive=r"(?<![\w-])(?:е[её]|сво\w*)\s*$",
        separator=r"(?:,|(?<!\w)и|(?<!\w)или|а\s+также)\s*$",
        conjunction=r"\s*и\s*",
        gap_stop=r"(?<!\w)(?:принят\w*|представлен\w*|проект\w*|на\s+основе\s+доклада)",
    ),
    "fr": ReferenceWords(
        keyword=r"[RrDd][ée](?:solutions?|cisions?)\b",
        stems=("solution", "cision"),
        lead=2,
        bodies=(
            ("SUB", r"Sous-[Cc]ommission"),
            ("CHR", r"Commission\s+des\s+droits\s+de\s+l['’]homme|Commission"),
            ("HRC", r"Conseil\s+des\s+droits\s+de\s+l['’]homme"),
            ("ECOSOC", r"Conseil\s+économique\s+et\s+social"),
            ("SC", r"Conseil\s+de\s+sécurité"),
            ("COUNCIL", r"Conseil"),
            ("GA", r"Assemblée(?:\s+générale)?"),
        ),
        body_link=r"\s*(?:du|de\s+la|de\s+l['’]|de)\s*",
        date_link=r"\s*,?\s*(?:en\s+date\s+)?du\s+",
        possessive=r"(?<![\w-])(?:sa|ses|son)\s*$",
        separator=r"(?:,|\bet|\bou)\s*$",
        conjunction=r"\s*et\s*",
        gap_stop=r"(?<![\w-])(?:adopt\w*|présent\w*|projet|sur\s+le\s+rapport)",
    ),
    "es": ReferenceWords(
        keyword=r"[RrDd](?:esoluci|ecisi)(?:ón|on|ones)\b",
        stems=("esoluci", "ecisi"),
        lead=1,
        bodies=(
            ("SUB", r"Subcomisión"),
            ("CHR", r"Comisión\s+de\s+Derechos\s+Humanos|Comisión"),
            ("HRC", r"Consejo\s+de\s+Derechos\s+Humanos"),
            ("ECOSOC", r"Consejo\s+Económico\s+y\s+Social"),
            ("SC", r"Consejo\s+de\s+Seguridad"),
            ("COUNCIL", r"Consejo"),
            ("GA", r"Asamblea(?:\s+General)?"),
        ),
        body_link=r"\s*(?:del|de\s+la)\s+",
        date_link=r"\s*,?\s*(?:de|del)\s+",
        possessive=r"(?<![\w-])(?:su|sus)\s*$",
        separator=r"(?:,|\by|\be|\bo)\s*$",
        conjunction=r"\s*[ye]\s*",
        gap_stop=r"(?<![\w-])(?:aprobad\w*|presentad\w*|proyecto|sobre\s+la\s+base)",
    ),
    # Arabic glues "its" to the keyword (قرارها) and prefixes (و، ب، ل، ال) to words.
    "ar": ReferenceWords(
        keyword=r"(?:قرار|مقرر)(?:ات|ي|ا)?(?:ها|هما)?(?![\u0621-\u064A])",
        stems=("قرار", "مقرر"),
        lead=0,
        bodies=(
            ("SUB", r"(?:ال)?لجنة\s+الفرعية"),
            ("CHR", r"لجنة\s+حقوق\s+الإنسان|(?:ال)?لجنة"),
            ("HRC", r"مجلس\s+حقوق\s+الإنسان"),
            ("ECOSOC", r"(?:ال)?مجلس\s+الاقتصادي\s+والاجتماعي"),
            ("SC", r"مجلس\s+الأمن"),
            ("COUNCIL", r"(?:ال)?مجلس"),
            ("GA", r"(?:ال)?جمعية\s+العامة|(?:ال)?جمعية"),
        ),
        body_prefix=r"(?<![\u0621-\u064A])(?:[وبل]|لل)?",
        date_link=r"\s*[،,]?\s*(?:ال)?(?:مؤرخ|مؤرخة|مؤرخين|مؤرختين|صادر|صادرة)\s+(?:في\s+)?",
        separator=r"(?:[،,]|(?<![\u0621-\u064A])و|(?<![\u0621-\u064A])أو)\s*$",
        conjunction=r"\s*و\s*",
        gap_stop=r"(?:اعتمد|مقدم|مشروع)",
    ),
    # Chinese: "其2007年12月18日第62/160号决议"; the items are read by `_scan_chinese`.
    "zh": ReferenceWords(
        keyword=r"(?!)",
        stems=(),  # no keyword: `_scan_chinese` reads the numbers before 决议
        lead=0,
        bodies=(
            ("SUB", r"增进和保护人权小组委员会|防止歧视和保护少数小组委员会|小组委员会"),
            ("CHR", r"人权委员会"),
            ("HRC", r"人权理事会"),
            ("ECOSOC", r"经济及社会理事会|经社理事会"),
            ("SC", r"安全理事会|安理会"),
            ("COUNCIL", r"理事会"),
            ("GA", r"大会"),
        ),
        body_prefix="",
        possessive=r"其\s*$",
        separator=r"(?:、|和|及|与|以及|,|，)\s*$",
        conjunction=r"\s*(?:和|及|与|、)\s*",
    ),
}
