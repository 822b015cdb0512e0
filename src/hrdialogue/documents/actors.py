"""Actors: who a resolution addresses, as language-independent keys, found in six languages.

`find_actors(text, language)` finds the names of UN organs, officials and stakeholder groups in
a paragraph, in the grammatical forms the six languages give them (Russian cases, Arabic
prefixes و ب ل ال, French and Spanish articles, Chinese), and returns `(start, end, key)` with
offsets into `text`. Keys are the English name in lowercase kebab-case (`secretary-general`,
`non-governmental-organizations`); `ACTOR_KEYS` lists them all, for the web platform to map
keys to stakeholder types.

An elliptic phrase that names two actors at once ("межправительственными и
неправительственными организациями", "intergovernmental and non-governmental organizations")
gives two tuples with the same span, one per key.

Matching runs on `fold_text(text)`, a same-length fold (lower case, accents and hamza taken
off, dashes and spaces unified), so offsets in the folded text are offsets in the original.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

__all__ = [
    "ACTOR_KEYS",
    "ActorMatch",
    "ActorText",
    "Introducer",
    "compile_folded",
    "find_actors",
    "fold_text",
]

ActorMatch = tuple[int, int, str]
"""`(start, end, key)`: `[start, end)` offsets into the text searched, and the actor key."""

_LANGS: Final = ("ar", "zh", "en", "fr", "ru", "es")


def _fold_char(ch: str) -> str:
    """One character folded: dashes → '-', spaces → ' ', accents off, lower case."""
    out = ch
    category = unicodedata.category(ch)
    if category == "Pd":
        out = "-"
    elif category == "Zs" or ch in "\t\n\r\f\v":
        out = " "
    elif ch in "\u2018\u2019\u02bc":
        out = "'"
    else:
        compat = unicodedata.normalize("NFKC", ch)
        if len(compat) == 1:
            out = compat
        decomposed = unicodedata.normalize("NFD", out)
        if len(decomposed) > 1 and all(unicodedata.combining(c) for c in decomposed[1:]):
            out = decomposed[0]
        lower = out.lower()
        if len(lower) == 1:
            out = lower
    return out


class _FoldTable(dict[int, str]):
    """`str.translate` table built lazily: one character in, one character out."""

    def __missing__(self, code: int) -> str:
        out = self[code] = _fold_char(chr(code))
        return out


_FOLD: Final = _FoldTable()

# Blocks of the six languages' scripts. `str.translate` with `_FOLD` looks each character up
# (~100 ns each); `str.lower` and `str.replace` run in C. So a block character that lowers to
# its fold is left to `lower`, one whose fold is such a character is replaced first, and a text
# with any other character is translated.
_BLOCKS: Final = (
    (0x0, 0x24F),  # ASCII, Latin-1, Latin Extended-A and B
    (0x400, 0x52F),  # Cyrillic
    (0x600, 0x6FF),  # Arabic
    (0x2000, 0x206F),  # general punctuation
    (0x3000, 0x303F),  # CJK punctuation
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xFF00, 0xFFEF),  # full-width forms
)


@dataclass(frozen=True, slots=True)
class _Folder:
    others: re.Pattern[str]
    """Any character that does not lower to its fold."""
    replaced: frozenset[str]
    """Those of them whose fold lowers to itself: replaced by it before lowering."""


def _lowers_to_fold(ch: str) -> bool:
    lower = ch.lower()  # one character alone: `str.lower`'s only context rule is Greek sigma
    return len(lower) == 1 and lower == _FOLD[ord(ch)]


@cache
def _folder() -> _Folder:
    plain: list[str] = []
    replaced: set[str] = set()
    for low, high in _BLOCKS:
        run: int | None = None
        for code in range(low, high + 2):
            ch = chr(code)
            lowers = code <= high and _lowers_to_fold(ch)
            if code <= high and not lowers:
                fold = _FOLD[code]
                if fold != ch and fold.lower() == fold and _lowers_to_fold(fold):
                    replaced.add(ch)
            if lowers and run is None:
                run = code
            elif not lowers and run is not None:
                plain.append(f"\\U{run:08x}-\\U{code - 1:08x}")
                run = None
    return _Folder(re.compile(f"[^{''.join(plain)}]"), frozenset(replaced))


def fold_text(text: str) -> str:
    """Lower case, accents/diacritics off (é→e, ё→е, أ→ا), dashes → '-', spaces → ' '.

    The result has exactly the length of `text`, so offsets carry over unchanged.
    """
    if text.isascii() and text.isprintable():
        return text.lower()  # printable ASCII folds to lower case
    folder = _folder()
    others = set(folder.others.findall(text))
    if not others <= folder.replaced:
        return text.translate(_FOLD)
    for ch in others:
        text = text.replace(ch, _FOLD[ord(ch)])
    return text.lower()


def compile_folded(pattern: str) -> re.Pattern[str]:
    """Compile a lower-case pattern folded like the text it will search (`fold_text`)."""
    return re.compile(fold_text(pattern).replace("(?p<", "(?P<"))


# --- the lexicon -------------------------------------------------------------------------------
# Patterns are written in lower case and folded like the text (so "é" matches "e" and "É").
# They never use upper-case escapes (\S, \W, \D, \B), which folding would change.

# Arabic: conjunction و/ف, then a preposition ل/ب/ك fused with the article (لل، بال، كال) or the
# bare article ال. `_AR_DEF` is for nouns with the article, `_AR_CONS` for a construct state
# ("مجلس حقوق الإنسان") that takes a preposition but no article.
_AR_DEF = r"(?<!\w)(?:و|ف)?(?:لل|بال|كال|ال)"
_AR_CONS = r"(?<!\w)(?:و|ف)?(?:ل|ب|ك)?"
# French and Spanish articles and contracted prepositions, kept inside the actor's span.
_FR_ART = r"(?<!\w)(?:(?:a |de )?(?:la |le |les |l')|au |aux |du |des |d')?"
_ES_ART = r"(?<!\w)(?:(?:a |de )?(?:el |la |los |las )|al |del )?"
_EN_ART = r"(?<!\w)(?:the )?"
_UN_RU = r"организаци\w* объединенных наций"
_HR_RU = r"по правам человека"

# key → language → patterns. A key of the form "a+b" names two actors (an elliptic phrase).
_LEXICON: Final[Mapping[str, Mapping[str, tuple[str, ...]]]] = {
    "general-assembly": {
        "en": (_EN_ART + r"general assembly",),
        "ru": (r"(?<!\w)генеральн\w* ассамбле\w*",),
        "fr": (_FR_ART + r"assemblée générale",),
        "es": (_ES_ART + r"asamblea general",),
        "ar": (_AR_DEF + r"جمعية العامة",),
        "zh": (r"联合国大会", r"大会"),
    },
    "secretary-general": {
        "en": (_EN_ART + r"secretary-general",),
        "ru": (r"(?<!\w)генеральн\w* секретар\w*",),
        "fr": (_FR_ART + r"secrétaire général",),
        "es": (_ES_ART + r"secretari[oa] general",),
        "ar": (_AR_DEF + r"أمين العام",),
        "zh": (r"秘书长",),
    },
    "high-commissioner-for-human-rights": {
        "en": (
            _EN_ART + r"(?:united nations )?high commissioner (?:of the united nations )?"
            r"for human rights",
            _EN_ART + r"high commissioner(?!\w)",
        ),
        "ru": (rf"(?<!\w)верховн\w* комиссар\w*(?: {_UN_RU})? {_HR_RU}",),
        "fr": (
            _FR_ART + r"haut(?:e)?-commissaire (?:des nations unies )?aux droits de l'homme",
            _FR_ART + r"haut(?:e)?-commissaire(?!\w)",
        ),
        "es": (
            _ES_ART + r"alt[oa] comisionad[oa] (?:de las naciones unidas )?"
            r"para los derechos humanos",
        ),
        "ar": (
            _AR_DEF + r"مفوض(?:ة)? السامي(?:ة)? لحقوق الإنسان",
            _AR_CONS + r"مفوض(?:ة)? الأمم المتحدة السامي(?:ة)? لحقوق الإنسان",
        ),
        "zh": (r"(?:联合国)?人权事务高级专员(?!办)", r"人权高专(?!办)", r"高级专员(?!办)"),
    },
    "office-of-the-high-commissioner": {
        "en": (
            _EN_ART + r"office of the (?:united nations )?high commissioner for human rights",
            _EN_ART + r"office of the high commissioner(?!\w)",
        ),
        "ru": (rf"(?<!\w)управлени\w* верховного комиссара(?: {_UN_RU})? {_HR_RU}",),
        "fr": (_FR_ART + r"haut-commissariat (?:des nations unies )?aux droits de l'homme",),
        "es": (
            _ES_ART + r"oficina del alto comisionado (?:de las naciones unidas )?"
            r"para los derechos humanos",
        ),
        "ar": (
            _AR_DEF + r"مفوضية السامية لحقوق الإنسان",
            _AR_CONS + r"مفوضية الأمم المتحدة السامية لحقوق الإنسان",
        ),
        "zh": (r"(?:联合国)?人权事务高级专员办事处", r"人权高专办", r"高级专员办事处"),
    },
    "human-rights-council": {
        "en": (_EN_ART + r"human rights council",),
        "ru": (rf"(?<!\w)совет\w* {_HR_RU}",),
        "fr": (_FR_ART + r"conseil des droits de l'homme",),
        "es": (_ES_ART + r"consejo de derechos humanos",),
        "ar": (_AR_CONS + r"مجلس حقوق الإنسان",),
        "zh": (r"人权理事会",),
    },
    "economic-and-social-council": {
        "en": (_EN_ART + r"economic and social council",),
        "ru": (r"(?<!\w)экономическ\w* и социальн\w* совет\w*",),
        "fr": (_FR_ART + r"conseil économique et social",),
        "es": (_ES_ART + r"consejo económico y social",),
        "ar": (_AR_DEF + r"مجلس الاقتصادي والاجتماعي",),
        "zh": (r"经济及社会理事会", r"经社理事会"),
    },
    "security-council": {
        "en": (_EN_ART + r"security council",),
        "ru": (r"(?<!\w)совет\w* безопасности",),
        "fr": (_FR_ART + r"conseil de sécurité",),
        "es": (_ES_ART + r"consejo de seguridad",),
        "ar": (_AR_CONS + r"مجلس الأمن",),
        "zh": (r"安全理事会", r"安理会"),
    },
    "commission-on-human-rights": {
        "en": (_EN_ART + r"commission on human rights",),
        "ru": (rf"(?<!\w)комисси\w* {_HR_RU}",),
        "fr": (_FR_ART + r"commission des droits de l'homme",),
        "es": (_ES_ART + r"comisión de derechos humanos",),
        "ar": (_AR_DEF + r"لجنة حقوق الإنسان",),
        "zh": (r"人权委员会",),
    },
    "sub-commission": {
        "en": (
            _EN_ART + r"sub-commission on (?:the )?(?:promotion and protection of human rights|"
            r"prevention of discrimination and protection of minorities)",
        ),
        "ru": (
            r"(?<!\w)подкомисси\w* по (?:поощрению и защите прав человека|"
            r"предупреждению дискриминации и защите меньшинств)",
        ),
        "fr": (
            _FR_ART + r"sous-commission (?:de la promotion et de la protection des droits "
            r"de l'homme|de la lutte contre les mesures discriminatoires et de la "
            r"protection des minorités)",
        ),
        "es": (
            _ES_ART + r"subcomisión de (?:promoción y protección de los derechos humanos|"
            r"prevención de discriminaciones y protección a las minorías)",
        ),
        "ar": (_AR_DEF + r"لجنة الفرعية لتعزيز وحماية حقوق الإنسان",),
        "zh": (r"增进和保护人权小组委员会", r"防止歧视和保护少数小组委员会"),
    },
    "member-states": {
        "en": (
            _EN_ART + r"member states",
            _EN_ART + r"states members of the united nations",
        ),
        "ru": (r"(?<!\w)государств\w* ?- ?член\w*",),
        "fr": (_FR_ART + r"états membres",),
        "es": (_ES_ART + r"estados miembros",),
        "ar": (_AR_DEF + r"دول الأعضاء",),
        "zh": (r"会员国",),
    },
    "states": {
        "en": (_EN_ART + r"(?<!united )states(?! parties)(?!\w)",),
        "ru": (r"(?<!\w)государств(?:о|а|у|ом|е|ам|ами|ах)?(?!\w)(?! ?- ?член)",),
        "fr": (_FR_ART + r"états(?!\w)",),
        "es": (_ES_ART + r"estados(?!\w)",),
        "ar": (_AR_DEF + r"دول(?!\w)",),
        "zh": (r"各国(?!议会)", r"所有国家"),
    },
    "states-parties": {
        "en": (_EN_ART + r"states parties",),
        "ru": (r"(?<!\w)государств\w* ?- ?участник\w*",),
        "fr": (_FR_ART + r"états parties",),
        "es": (_ES_ART + r"estados partes",),
        "ar": (_AR_DEF + r"دول الأطراف",),
        "zh": (r"缔约国",),
    },
    "observer-states": {
        "en": (_EN_ART + r"observer states",),
        "ru": (r"(?<!\w)государств\w* ?- ?наблюдател\w*",),
        "fr": (_FR_ART + r"états observateurs",),
        "es": (_ES_ART + r"estados observadores",),
        "ar": (_AR_DEF + r"دول المراقبة",),
        "zh": (r"观察员国",),
    },
    "governments": {
        "en": (_EN_ART + r"governments(?!\w)",),
        "ru": (r"(?<!\w)правительств(?:а|ам|ами|ах)(?!\w)",),
        "fr": (_FR_ART + r"gouvernements(?!\w)",),
        "es": (_ES_ART + r"gobiernos(?!\w)",),
        "ar": (_AR_DEF + r"حكومات(?!\w)",),
        "zh": (r"各国政府",),
    },
    "specialized-agencies": {
        "en": (_EN_ART + r"specialized agencies",),
        "ru": (r"(?<!\w)специализированн\w* учреждени\w*",),
        "fr": (_FR_ART + r"institutions spécialisées",),
        "es": (_ES_ART + r"organismos especializados",),
        "ar": (_AR_DEF + r"وكالات المتخصصة",),
        "zh": (r"专门机构",),
    },
    "intergovernmental-organizations+non-governmental-organizations": {
        "en": (_EN_ART + r"intergovernmental and non-?governmental organizations",),
        "ru": (r"(?<!\w)межправительственн\w* и неправительственн\w* организаци\w*",),
        "fr": (_FR_ART + r"organisations intergouvernementales et non gouvernementales",),
        "es": (_ES_ART + r"organizaciones intergubernamentales y no gubernamentales",),
        "ar": (_AR_DEF + r"منظمات الحكومية الدولية وغير الحكومية",),
        "zh": (r"政府间和非政府组织",),
    },
    "intergovernmental-organizations": {
        "en": (_EN_ART + r"intergovernmental organizations",),
        "ru": (r"(?<!\w)межправительственн\w* организаци\w*",),
        "fr": (_FR_ART + r"organisations intergouvernementales",),
        "es": (_ES_ART + r"organizaciones intergubernamentales",),
        "ar": (_AR_DEF + r"منظمات الحكومية الدولية",),
        "zh": (r"政府间组织",),
    },
    "non-governmental-organizations": {
        "en": (_EN_ART + r"non-?governmental organizations",),
        "ru": (r"(?<!\w)неправительственн\w* организаци\w*",),
        "fr": (_FR_ART + r"organisations non gouvernementales",),
        "es": (_ES_ART + r"organizaciones no gubernamentales",),
        "ar": (_AR_DEF + r"منظمات غير الحكومية",),
        "zh": (r"非政府组织",),
    },
    "regional-organizations": {
        "en": (_EN_ART + r"regional (?:and subregional )?organizations",),
        "ru": (r"(?<!\w)региональн\w* (?:и субрегиональн\w* )?организаци\w*",),
        "fr": (_FR_ART + r"organisations régionales",),
        "es": (_ES_ART + r"organizaciones regionales",),
        "ar": (_AR_DEF + r"منظمات الإقليمية",),
        "zh": (r"区域组织",),
    },
    "national-human-rights-institutions": {
        "en": (
            _EN_ART + r"national (?:human rights institutions|institutions for the "
            r"promotion and protection of human rights)",
        ),
        "ru": (
            r"(?<!\w)национальн\w* правозащитн\w* учреждени\w*",
            r"(?<!\w)национальн\w* учреждени\w* по (?:поощрению и защите )?прав\w* человека",
        ),
        "fr": (
            _FR_ART + r"institutions nationales (?:des|de défense des|pour la promotion "
            r"et la protection des) droits de l'homme",
        ),
        "es": (
            _ES_ART + r"instituciones nacionales de (?:promoción y protección de los )?"
            r"derechos humanos",
        ),
        "ar": (_AR_DEF + r"مؤسسات الوطنية (?:لحقوق الإنسان|لتعزيز وحماية حقوق الإنسان)",),
        "zh": (r"国家人权机构",),
    },
    "un-human-rights-mechanisms": {
        "en": (
            _EN_ART + r"(?:united nations )?human rights (?:mechanisms|machinery)"
            r"(?: and procedures)?(?: of the united nations)?",
            _EN_ART + r"mechanisms(?: and procedures)? of the united nations "
            r"(?:in the field of )?human rights",
        ),
        "ru": (
            rf"(?<!\w)механизм\w*(?: и процедур\w*)? {_UN_RU} {_HR_RU}",
            rf"(?<!\w)правозащитн\w* механизм\w* {_UN_RU}",
        ),
        "fr": (
            _FR_ART + r"mécanismes (?:et procédures )?(?:des nations unies )?"
            r"(?:relatifs aux|de défense des|chargés des) droits de l'homme"
            r"(?: de l'organisation des nations unies| des nations unies)?",
        ),
        "es": (
            _ES_ART + r"mecanismos (?:y procedimientos )?(?:de las naciones unidas )?"
            r"de derechos humanos(?: de las naciones unidas)?",
        ),
        "ar": (
            _AR_CONS + r"آليات (?:وإجراءات )?الأمم المتحدة (?:المعنية ب|ل)حقوق الإنسان",
            _AR_CONS + r"آليات حقوق الإنسان التابعة للأمم المتحدة",
        ),
        "zh": (r"联合国人权机制(?:和程序)?", r"联合国人权机构"),
    },
    "un-system": {
        "en": (
            r"(?<!\w)(?:organs|organizations|bodies|agencies|entities|funds|programmes)"
            r"(?:,? (?:and )?(?:organs|organizations|bodies|agencies|entities|funds|programmes))*"
            r" of the united nations system",
            _EN_ART + r"united nations system",
            _EN_ART + r"united nations (?:agencies|entities|bodies|funds and programmes)",
        ),
        "ru": (
            rf"(?<!\w)(?:органы и )?организаци\w* (?:и органы )?системы {_UN_RU}",
            rf"(?<!\w)систем\w* {_UN_RU}",
            rf"(?<!\w)учреждени\w* {_UN_RU}",
        ),
        "fr": (
            _FR_ART + r"(?:organes|organismes|organisations)(?: et (?:organes|organismes|"
            r"organisations))* (?:du|des) système des nations unies",
            _FR_ART + r"système des nations unies",
            _FR_ART + r"organismes des nations unies",
        ),
        "es": (
            _ES_ART + r"(?:órganos|organismos|organizaciones)(?: y (?:órganos|organismos|"
            r"organizaciones))* del sistema de las naciones unidas",
            _ES_ART + r"sistema de las naciones unidas",
            _ES_ART + r"organismos de las naciones unidas",
        ),
        "ar": (_AR_CONS + r"منظومة الأمم المتحدة", _AR_CONS + r"وكالات الأمم المتحدة"),
        "zh": (r"联合国系统(?:各组织|各机构)?", r"联合国各?机构"),
    },
    "special-procedures": {
        "en": (
            _EN_ART + r"special (?:rapporteurs?|procedures(?: mandate holders)?)(?!\w)",
            _EN_ART + r"independent experts?(?!\w)",
        ),
        "ru": (r"(?<!\w)(?:специальн\w* (?:докладчик|процедур)|независим\w* эксперт)\w*",),
        "fr": (
            _FR_ART + r"(?:rapporteu(?:r|se)s? spécia(?:l|le|ux|les)|procédures spéciales|"
            r"experte?s? indépendante?s?)",
        ),
        "es": (
            _ES_ART + r"(?:relator(?:a|es|as)? especial(?:es)?|procedimientos especiales|"
            r"expert[oa]s? independientes?)",
        ),
        "ar": (
            _AR_DEF + r"(?:مقرر(?:ة)? الخاص(?:ة)?|مقررين الخاصين|إجراءات الخاصة|"
            r"خبير(?:ة)? المستقل(?:ة)?)",
        ),
        "zh": (r"特别报告员", r"特别程序(?:任务负责人)?", r"独立专家"),
    },
    "all-actors": {
        "en": (r"(?<!\w)all actors (?:on|in) the international (?:scene|arena)",),
        "ru": (r"(?<!\w)все\w*,? кто действует на международной арене",),
        "fr": (r"(?<!\w)tous les acteurs (?:de|sur) la scène internationale",),
        "es": (r"(?<!\w)todos los (?:agentes|actores) (?:de|en) la escena internacional",),
        "ar": (r"(?<!\w)(?:و|ف)?(?:ل|ب)?جميع الجهات الفاعلة على الساحة الدولية",),
        "zh": (r"国际舞台上的所有行为者",),
    },
    "civil-society": {
        "en": (_EN_ART + r"civil society(?: organizations)?",),
        "ru": (r"(?<!\w)(?:организаци\w* )?гражданск\w* обществ\w*",),
        "fr": (_FR_ART + r"(?:organisations de la )?société civile",),
        "es": (_ES_ART + r"(?:organizaciones de la )?sociedad civil",),
        "ar": (_AR_CONS + r"(?:منظمات )?المجتمع المدني",),
        "zh": (r"民间社会(?:组织)?",),
    },
    "secretariat": {
        "en": (_EN_ART + r"secretariat(?!\w)",),
        "ru": (r"(?<!\w)секретариат\w*",),
        "fr": (_FR_ART + r"secrétariat(?!\w)",),
        "es": (_ES_ART + r"secretaría(?!\w)",),
        "ar": (_AR_DEF + r"أمانة العامة",),
        "zh": (r"秘书处",),
    },
    "inter-parliamentary-union": {
        "en": (_EN_ART + r"inter-parliamentary union",),
        "ru": (r"(?<!\w)межпарламентск\w* союз\w*",),
        "fr": (_FR_ART + r"union interparlementaire",),
        "es": (_ES_ART + r"unión interparlamentaria",),
        "ar": (_AR_DEF + r"اتحاد البرلماني الدولي",),
        "zh": (r"各国议会联盟",),
    },
}

ACTOR_KEYS: Final[tuple[str, ...]] = tuple(
    sorted({key for combined in _LEXICON for key in combined.split("+")})
)
"""Every actor key `find_actors` can return."""


_WORD_START: Final = "(?<!\\w)"


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """One language's patterns, and what lets one scan of a text find where any of them starts.

    `patterns` holds `(pattern, keys, starts_a_word)` in lexicon order. A leading "not after a
    letter" assertion is checked after matching: kept in the pattern, it would cost the regex
    engine its fast scan for the first letters (50× slower). `scan` is a trie of the first
    `_HEAD` letters every pattern can start with: it finds each offset where one may match
    (and a few where none does), in one pass. `heads[i]` are pattern `i`'s openings, to pick
    the patterns worth trying at an offset (`tried` remembers the pick by the text there).

    When every pattern starts a word (all languages but Chinese), `skip` is 1 and `scan`
    matches the character before an opening too, a non-letter: the engine then calls its
    matcher at spaces and punctuation only, not at most letters; `opening` (the bare trie) is
    tried at offset 0.
    """

    patterns: tuple[tuple[re.Pattern[str], tuple[str, ...], bool], ...]
    scan: re.Pattern[str]
    opening: re.Pattern[str]
    skip: int
    heads: tuple[frozenset[str], ...]
    tried: dict[str, tuple[int, ...]]


_HEAD: Final = 8  # letters of each pattern's opening that the scan checks
_SRE: Final = importlib.import_module("re._parser")  # the stdlib's parser, to read openings

_Openings = set[tuple[str, bool]]
"""Openings read so far: `(letters, open)`; an open one may still grow."""


def _grow(openings: _Openings, items: Any) -> _Openings | None:
    """`openings` extended by a parsed (sub)pattern, up to `_HEAD` letters; `None`: anything."""
    for op, av in items:
        name = str(op)
        if not any(grows for _, grows in openings):
            return openings
        if name == "LITERAL":
            letters = {chr(av)}
        elif name == "IN" and all(str(kind) == "LITERAL" for kind, _ in av):
            letters = {chr(value) for _, value in av}
        elif name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # zero width: the scan may find more than the pattern, never less
        elif name in ("SUBPATTERN", "BRANCH", "MAX_REPEAT", "MIN_REPEAT"):
            grown = _grow_group(openings, name, av)
            if grown is None:
                return None
            openings = grown
            continue
        else:  # a class such as \w: the opening ends here
            openings = {(head, False) for head, _ in openings}
            continue
        openings = {
            (head + letter, len(head) + 1 < _HEAD) if grows else (head, False)
            for head, grows in openings
            for letter in (letters if grows else {""})
        }
        if len(openings) > 4096:
            return None
    return openings


def _grow_group(openings: _Openings, name: str, av: Any) -> _Openings | None:
    if name == "SUBPATTERN":
        return _grow(openings, av[-1])
    if name == "BRANCH":
        out: _Openings = set()
        for branch in av[1]:
            grown = _grow(openings, branch)
            if grown is None:
                return None
            out |= grown
        return out
    low, high, inner = av
    out = set(openings) if low == 0 else set()
    step = openings
    for count in range(1, _HEAD + 1):
        grown = _grow(step, inner)
        if grown is None:
            return None
        step = grown
        if count >= low:
            out |= step
        if count >= high:
            return out | step  # every count read: what follows may grow them
        if not any(grows for _, grows in step):
            break
    return out | {(head, False) for head, _ in step}  # more repeats may follow: end here


def _trie(heads: list[str]) -> str:
    """A regex that matches any of `heads` (all non-empty), as a trie for the engine."""
    by_first: dict[str, list[str]] = {}
    for head in heads:
        by_first.setdefault(head[0], []).append(head[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        if "" in rests:
            branches.append(re.escape(first))
        else:
            branches.append(re.escape(first) + _trie(rests))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@cache
def _lexicon(language: str) -> _Lexicon:
    if language not in _LANGS:
        msg = f"no actor lexicon for language {language!r} (expected one of {', '.join(_LANGS)})"
        raise ValueError(msg)
    patterns: list[tuple[re.Pattern[str], tuple[str, ...], bool]] = []
    for combined, by_language in _LEXICON.items():
        keys = tuple(combined.split("+"))
        for pattern in by_language.get(language, ()):
            word_start = pattern.startswith(_WORD_START)
            patterns.append((compile_folded(pattern.removeprefix(_WORD_START)), keys, word_start))
    heads: list[frozenset[str]] = []
    for compiled, _, _ in patterns:
        grown = _grow({("", True)}, _SRE.parse(compiled.pattern))
        letters = frozenset(head for head, _ in grown or ())
        if grown is None or "" in letters:
            msg = f"actor pattern {compiled.pattern!r} has no opening letters to scan for"
            raise ValueError(msg)
        heads.append(letters)
    trie = _trie(sorted(set().union(*heads)))
    skip = int(all(word_start for _, _, word_start in patterns))
    scan = re.compile(rf"[^\w]{trie}" if skip else trie)
    return _Lexicon(tuple(patterns), scan, re.compile(trie), skip, tuple(heads), {})


def _tried(lexicon: _Lexicon, window: str) -> tuple[int, ...]:
    """The patterns one of whose openings `window` starts with, in lexicon order."""
    picked = lexicon.tried.get(window)
    if picked is None:
        picked = tuple(
            index
            for index, heads in enumerate(lexicon.heads)
            if any(window.startswith(head) for head in heads)
        )
        if len(lexicon.tried) < 65536:
            lexicon.tried[window] = picked
    return picked


def find_actors(text: str, language: str) -> list[ActorMatch]:
    """Actors named in `text` (ISO 639-1 `language`), left to right, longest match first.

    Overlapping names resolve to the one that starts first, then the longest ("Office of the
    High Commissioner" is the office, not the High Commissioner). An elliptic phrase gives
    one tuple per actor it names, with the same span. `ValueError` for a language that is not
    one of the six.
    """
    return _find_folded(fold_text(text), language)


def _find_folded(folded: str, language: str) -> list[ActorMatch]:
    lexicon = _lexicon(language)
    patterns = lexicon.patterns
    # One scan for the offsets where some pattern matches; there, each pattern that can start
    # with that letter is tried, as its own left-to-right scan would (not inside its last match).
    resume = [0] * len(patterns)
    candidates: list[tuple[int, int, tuple[str, ...]]] = []
    scan = lexicon.scan.search
    skip = lexicon.skip
    tried = lexicon.tried
    at = lexicon.opening.match(folded) if skip else None
    if at is None:
        at = scan(folded)
    else:
        skip -= 1  # the first opening is at 0, with nothing before it
    while at is not None:
        start = at.start() + skip
        skip = lexicon.skip
        window = folded[start : start + _HEAD]
        picked = tried.get(window)
        for index in _tried(lexicon, window) if picked is None else picked:
            if start < resume[index]:
                continue
            pattern, keys, word_start = patterns[index]
            match = pattern.match(folded, start)
            if match is None:
                continue
            end = match.end()
            resume[index] = end
            if word_start and start and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
                continue
            candidates.append((start, end, keys))
        at = scan(folded, start + 1 - skip)
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    found: list[ActorMatch] = []
    reached = 0
    for start, end, keys in candidates:
        if start < reached:
            continue
        found.extend((start, end, key) for key in keys)
        reached = end
    return found


# --- lists of actors -----------------------------------------------------------------------------

# Between actors of one list: spaces, commas, conjunctions, quantifiers, a few adjectives.
_FILLERS: Final[dict[str, str]] = {
    "en": r"\s+|,|(?:and|or|as well as|all|the|relevant|concerned|interested|other|"
    r"in particular)(?!\w)",
    "ru": r"\s+|,|(?:и|а также|также|все\w*|соответствующ\w*|заинтересованн\w*|други\w*|"
    r"в частности)(?!\w)",
    "fr": r"\s+|,|(?:et|ainsi que|tous|toutes|les|autres|compétent\w*|intéressé\w*|"
    r"concerné\w*|en particulier)(?!\w)",
    "es": r"\s+|,|(?:y|e|así como|tod[oa]s|los|las|a|al|demás|otr[oa]s|pertinentes|"
    r"competentes|interesad\w*|en particular)(?!\w)",
    "ar": r"\s+|،|,|(?:إلى|و|جميع|كافة|سائر|ذات الصلة|المعنية|المهتمة|لا سيما)(?!\w)",
    "zh": r"\s+|、|，|,|和|及|以及|所有|各|有关|相关",
}


Introducer = tuple[re.Pattern[str], re.Pattern[str] | None]
"""`(prefix, suffix)` around a list of actors ("in cooperation with" …; "与" … "协商")."""


@cache
def _fillers(language: str) -> re.Pattern[str]:
    return compile_folded(_FILLERS[language])


class ActorText:
    """A text with the actors named in it located, to read lists of actors from it."""

    __slots__ = ("_by_start", "_spans", "folded", "language", "text")

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.language = language
        self.folded = fold_text(text)
        # Actors are found on first use: most texts are read for no list of actors.
        self._spans: list[ActorMatch] | None = None
        self._by_start: dict[int, tuple[int, tuple[str, ...]]] = {}

    @property
    def spans(self) -> list[ActorMatch]:
        """The actors named in the text, as `find_actors` gives them."""
        if self._spans is None:
            self._spans = _find_folded(self.folded, self.language)
            for start, end, key in self._spans:
                _, keys = self._by_start.get(start, (end, ()))
                self._by_start[start] = (end, (*keys, key))
        return self._spans

    def read_list(
        self, pos: int, limit: int, *, partners: Sequence[Introducer] = ()
    ) -> tuple[list[str], list[str], int]:
        """The actors listed from `pos` ("States, and intergovernmental and …").

        Returns `(actors, partners, end)`: `partners` are lists that one of `partners`
        introduces inside the list ("…, in consultation with X, …"), `end` is the end of the
        last actor read (`pos` when there is none). Spaces, commas, conjunctions, quantifiers
        and a few adjectives ("all", "relevant", "соответствующим") may stand between actors.
        """
        actors: list[str] = []
        found_partners: list[str] = []
        end = pos
        fillers = _fillers(self.language)
        while pos < limit:
            actor = self._actor_at(pos)
            if actor is not None:
                actor_end, keys = actor
                actors.extend(keys)
                pos = end = actor_end
                continue
            introduced = self.read_introduced(partners, pos, limit) if partners else None
            if introduced is not None:
                listed, pos = introduced
                found_partners.extend(listed)
                end = pos
                continue
            filler = fillers.match(self.folded, pos, limit)
            if filler is None or filler.end() == pos:
                break
            pos = filler.end()
        return actors, found_partners, end

    def _actor_at(self, pos: int) -> tuple[int, tuple[str, ...]] | None:
        """The actor named from `pos`, or one whose article began before it ("de los Estados")."""
        if self._spans is None:
            self.spans  # noqa: B018 - fills `_by_start`
        by_start = self._by_start
        if pos in by_start:
            return by_start[pos]
        if self.folded[pos - 1] != " ":
            return None
        for start, (end, keys) in by_start.items():
            if start < pos < end:
                return end, keys
        return None

    def read_introduced(
        self, introducers: Sequence[Introducer], pos: int, limit: int
    ) -> tuple[list[str], int] | None:
        """At `pos`, a prefix, a list of actors and the suffix if any: `(actors, end)`."""
        for prefix, suffix in introducers:
            head = prefix.match(self.folded, pos, limit)
            if head is None:
                continue
            actors, _, end = self.read_list(head.end(), limit)
            if not actors:
                continue
            if suffix is not None:
                tail = suffix.match(self.folded, end, limit)
                if tail is None:
                    continue
                end = tail.end()
            return actors, end
        return None

    def find_introduced(self, introducers: Sequence[Introducer], start: int, end: int) -> list[str]:
        """Every actor that one of `introducers` introduces between `start` and `end`."""
        found: list[str] = []
        for prefix, _ in introducers:
            for match in prefix.finditer(self.folded, start, end):
                listed = self.read_introduced(introducers, match.start(), end)
                if listed is not None:
                    found.extend(listed[0])
        return list(dict.fromkeys(found))
