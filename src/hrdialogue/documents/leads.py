"""Lead phrases of preambular and operative paragraphs, in six languages, to language-free keys.

A key is the English phrase in lowercase kebab-case without its modifiers: "Recalling also" →
`recalling` with modifiers `("also",)`; "Strongly urges" → `urges`, `("strongly",)`;
RU "напоминая также" → `recalling`, `("also",)`; ZH "又回顾" → `recalling`, `("also",)`;
AR "وإذ تشير أيضا" → `recalling`, `("also",)`. Matching is by longest prefix on a folded form
of the text (lower case, `ё` → `е`, one apostrophe); the lexicon below is the seed of
`reference/un-documents.md` §2 and the phrases seen in the corpus, not a closed list.

Lexicon notation, one key per line: `key: phrase | phrase`; `[word]` is an optional modifier
word (its modifier key comes from the language's modifier table); a trailing `*` marks a stem
that matches to the end of the word ("убежден*" matches "убеждена" and "убежден").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final, Literal

__all__ = ["LeadKind", "LeadMatch", "find_operative_leads", "match_lead"]

LeadKind = Literal["preambular", "operative"]


@dataclass(frozen=True, slots=True)
class LeadMatch:
    """A lead phrase found in a text: `text[start:end]` is the phrase as printed."""

    start: int
    end: int
    lead: str
    key: str
    modifiers: tuple[str, ...]
    kind: LeadKind


# Modifier words by language: printed form → modifier key. Prefix ones stand before the
# phrase ("Also requests", "又回顾"), suffix ones after it ("Recalling also", "просит также").
_PREFIX: Final[dict[str, dict[str, str]]] = {
    "en": {
        "also": "also",
        "further": "further",
        "once again": "once-again",
        "again": "again",
        "strongly": "strongly",
        "firmly": "firmly",
        "deeply": "deeply",
        "fully": "fully",
        "gravely": "gravely",
        "seriously": "seriously",
        "profoundly": "deeply",
    },
    "fr": {
        "profondément": "deeply",
        "vivement": "deeply",
        "gravement": "gravely",
        "sérieusement": "seriously",
        "fermement": "firmly",
        "également": "also",
    },
    "es": {
        "profundamente": "deeply",
        "gravemente": "gravely",
        "seriamente": "seriously",
        "firmemente": "firmly",
        "también": "also",
        "además": "further",
        "asimismo": "also",
    },
    "ru": {
        "также": "also",
        "еще раз": "once-again",
        "вновь": "again",
        "настоятельно": "strongly",
        "решительно": "strongly",
        "глубоко": "deeply",
        "серьезно": "seriously",
    },
    "ar": {"بقوة": "strongly"},
    "zh": {
        "又": "also",
        "还": "also",
        "并": "also",
        "再次": "again",
        "强烈": "strongly",
        "坚决": "firmly",
        "深为": "deeply",
        "赞赏地": "with-appreciation",
        "关切地": "with-concern",
        "满意地": "with-satisfaction",
        "严重关切地": "with-grave-concern",
    },
}
_SUFFIX: Final[dict[str, dict[str, str]]] = {
    "en": {
        "also": "also",
        "further": "further",
        "again": "again",
        "once again": "once-again",
        "with concern": "with-concern",
        "with deep concern": "with-deep-concern",
        "with grave concern": "with-grave-concern",
        "with serious concern": "with-serious-concern",
        "with appreciation": "with-appreciation",
        "with satisfaction": "with-satisfaction",
        "with regret": "with-regret",
        "with approval": "with-approval",
        "with interest": "with-interest",
    },
    "fr": {
        "également": "also",
        "en outre": "further",
        "de nouveau": "again",
        "à nouveau": "again",
        "aussi": "also",
        "avec satisfaction": "with-satisfaction",
        "avec préoccupation": "with-concern",
        "avec inquiétude": "with-concern",
        "avec une profonde préoccupation": "with-deep-concern",
        "avec une vive préoccupation": "with-deep-concern",
        "avec intérêt": "with-interest",
        "avec gratitude": "with-appreciation",
    },
    "es": {
        "también": "also",
        "además": "further",
        "asimismo": "also",
        "nuevamente": "again",
        "una vez más": "once-again",
        "con preocupación": "with-concern",
        "con profunda preocupación": "with-deep-concern",
        "con grave preocupación": "with-grave-concern",
        "con aprecio": "with-appreciation",
        "con reconocimiento": "with-appreciation",
        "con satisfacción": "with-satisfaction",
        "con interés": "with-interest",
    },
    "ru": {
        "также": "also",
        "далее": "further",
        "вновь": "again",
        "с озабоченностью": "with-concern",
        "с глубокой озабоченностью": "with-deep-concern",
        "с серьезной озабоченностью": "with-serious-concern",
        "с удовлетворением": "with-satisfaction",
        "с признательностью": "with-appreciation",
        "с интересом": "with-interest",
    },
    "ar": {
        "أيضا": "also",
        "كذلك": "also",
        "مرة أخرى": "again",
        "مع القلق": "with-concern",
        "مع بالغ القلق": "with-deep-concern",
        "مع التقدير": "with-appreciation",
        "مع الارتياح": "with-satisfaction",
        "بقوة": "strongly",
        "بشدة": "strongly",
    },
    "zh": {},
}
# Optional words inside phrases ("будучи [глубоко] убежден*").
_INNER: Final[dict[str, str]] = {
    "глубоко": "deeply",
    "серьезно": "seriously",
    "profondément": "deeply",
    "vivement": "deeply",
    "profundamente": "deeply",
    "gravemente": "gravely",
    "seriamente": "seriously",
    "بالغ": "deeply",
    "شديد": "deeply",
}

_PREAMBULAR: Final[dict[str, str]] = {
    "en": """
acknowledging: acknowledging
affirming: affirming
alarmed: alarmed
appreciating: appreciating
approving: approving
aware: aware | fully aware
bearing-in-mind: bearing in mind | keeping in mind
believing: believing
cognizant: cognizant
concerned: concerned
confident: confident
conscious: conscious
considering: considering
contemplating: contemplating
convinced: convinced
declaring: declaring
deploring: deploring
desiring: desiring | desirous
determined: determined
emphasizing: emphasizing | emphasising
encouraging: encouraging
expecting: expecting
expressing-appreciation: expressing its appreciation | expressing appreciation
expressing-concern: expressing concern | expressing its concern | expressing its deep concern
expressing-satisfaction: expressing satisfaction | expressing its satisfaction
fulfilling: fulfilling
guided-by: guided by
having-adopted: having adopted
having-considered: having considered
having-devoted-attention: having devoted attention
having-examined: having examined
having-heard: having heard
having-received: having received
having-reviewed: having reviewed
having-studied: having studied
highlighting: highlighting
mindful: mindful
noting: noting
observing: observing
reaffirming: reaffirming
realizing: realizing
recalling: recalling
recognizing: recognizing | recognising
referring: referring
regretting: regretting
reiterating: reiterating
reminding: reminding
seeking: seeking
stressing: stressing
taking-into-account: taking into account | taking into consideration
taking-note: taking note of | taking note
underlining: underlining
viewing-with-appreciation: viewing with appreciation
welcoming: welcoming
""",
    "fr": """
acknowledging: constatant | prenant acte
affirming: affirmant
alarmed: alarmé*
bearing-in-mind: ayant à l'esprit | gardant à l'esprit
concerned: préoccupé* | inquiet | inquiète
conscious: conscient*
considering: considérant
convinced: [profondément] convaincu*
desiring: désireu*
determined: résolu* | déterminé*
emphasizing: soulignant | insistant
expressing-appreciation: exprimant sa gratitude | exprimant sa reconnaissance
expressing-concern: se déclarant [profondément] préoccupé*
guided-by: guidé* par
having-considered: ayant examiné | ayant considéré
noting: notant
reaffirming: réaffirmant
recalling: rappelant
recognizing: reconnaissant | sachant
regretting: regrettant | déplorant
reiterating: réitérant
taking-into-account: tenant compte
taking-note: prenant note
welcoming: se félicitant | accueillant avec satisfaction | saluant
""",
    "es": """
affirming: afirmando
alarmed: alarmad*
bearing-in-mind: teniendo presente
concerned: preocupad*
conscious: consciente*
considering: considerando
convinced: [profundamente] convencid*
desiring: deseando | deseos*
determined: decidid* | resuelt*
emphasizing: destacando | haciendo hincapié
expressing-appreciation: expresando su reconocimiento | expresando su agradecimiento
expressing-concern: expresando [profunda] preocupación | expresando su preocupación
guided-by: guiad* por
having-considered: habiendo examinado | habiendo considerado
noting: observando | señalando
reaffirming: reafirmando
recalling: recordando
recognizing: reconociendo
regretting: lamentando | deplorando
reiterating: reiterando
taking-into-account: teniendo en cuenta | tomando en consideración
taking-note: tomando nota
underlining: subrayando | poniendo de relieve
welcoming: acogiendo con beneplácito | acogiendo con satisfacción | celebrando
welcoming: acogiendo favorablemente
""",
    "ru": """
acknowledging: констатируя
affirming: подтверждая
alarmed: будучи встревожен*
aware: отдавая себе отчет
bearing-in-mind: учитывая | памятуя | принимая во внимание
concerned: будучи [глубоко] обеспокоен* | будучи [серьезно] обеспокоен*
conscious: сознавая
considering: считая
convinced: будучи [глубоко] убежден*
deploring: осуждая
desiring: желая
determined: будучи преисполнен* решимости | преисполненн* решимости
emphasizing: подчеркивая
expressing-appreciation: выражая признательность
expressing-concern: выражая [глубокую] озабоченность
guided-by: руководствуясь
having-considered: рассмотрев
noting: отмечая
reaffirming: вновь подтверждая
recalling: ссылаясь на | напоминая
recognizing: признавая
regretting: сожалея
reiterating: вновь заявляя
taking-note: принимая к сведению
underlining: особо отмечая
welcoming: приветствуя
""",
    "ar": """
acknowledging: وإذ تقر
affirming: وإذ تؤكد
bearing-in-mind: وإذ تضع في اعتبارها | وإذ تأخذ في الاعتبار
concerned: وإذ يساورها [بالغ] القلق | وإذ يساورها [شديد] القلق | وإذ تشعر بالقلق
conscious: وإذ تدرك
aware: وإذ تعي
considering: وإذ ترى
convinced: واقتناعا منها | وإذ هي مقتنعة
desiring: ورغبة منها
determined: وتصميما منها | وعزما منها
emphasizing: وإذ تشدد
expressing-appreciation: وإذ تعرب عن تقديرها
expressing-concern: وإذ تعرب عن [بالغ] القلق | وإذ تعرب عن قلقها
guided-by: وإذ تسترشد
having-considered: وقد نظرت | وقد درست
noting: وإذ تلاحظ
reaffirming: وإذ تعيد تأكيد | وإذ تؤكد من جديد | وإذ تؤكد مجددا
recalling: وإذ تشير | وإذ تستذكر
recognizing: وإذ تسلم | وإذ تعترف | واعترافا منها
reiterating: وإذ تكرر تأكيد | وإذ تكرر
taking-note: وإذ تحيط علما
welcoming: وإذ ترحب
""",
    "zh": """
affirming: 申明
bearing-in-mind: 铭记
concerned: 关切
conscious: 意识到
considering: 认为 | 考虑到
convinced: 深信
desiring: 希望
determined: 决心
emphasizing: 强调
expressing-concern: 表示关切
guided-by: 遵循
having-considered: 审议了
noting: 注意到
reaffirming: 重申
recalling: 回顾
recognizing: 认识到 | 确认
underlining: 着重指出
welcoming: 欢迎
""",
}

_OPERATIVE: Final[dict[str, str]] = {
    "en": """
accepts: accepts
acknowledges: acknowledges
adopts: adopts
affirms: affirms
appeals: appeals
approves: approves
authorizes: authorizes
calls-for: calls for
calls-upon: calls upon | calls on
commends: commends
condemns: condemns
confirms: confirms
congratulates: congratulates
considers: considers
decides: decides
declares: declares
demands: demands
deplores: deplores
designates: designates
draws-attention: draws the attention | draws attention
emphasizes: emphasizes | emphasises
encourages: encourages
endorses: endorses
expresses-appreciation: expresses its appreciation | expresses appreciation
expresses-concern: expresses its concern | expresses concern | expresses its deep concern
expresses-concern: expresses deep concern
expresses-hope: expresses its hope | expresses the hope
expresses-support: expresses its support | expresses support
invites: invites
notes: notes
proclaims: proclaims
reaffirms: reaffirms
recalls: recalls
recognizes: recognizes | recognises
recommends: recommends
regrets: regrets
reiterates: reiterates
reminds: reminds
requests: requests
resolves: resolves
stresses: stresses
supports: supports
takes-note: takes note
underlines: underlines
urges: urges
welcomes: welcomes
""",
    "fr": """
adopts: adopte
affirms: affirme
appeals: lance un appel
approves: approuve
calls-upon: demande | engage
condemns: condamne
considers: considère | estime
decides: décide
declares: déclare
encourages: encourage
endorses: fait sien | fait siens | fait sienne | fait siennes
expresses-concern: se déclare [profondément] préoccupé*
invites: invite
notes: note | constate
reaffirms: réaffirme
recalls: rappelle
recognizes: reconnaît | reconnait
recommends: recommande
reiterates: réitère
requests: prie
stresses: souligne
supports: appuie
takes-note: prend note
urges: demande instamment | exhorte
welcomes: se félicite | accueille avec satisfaction | salue
""",
    "es": """
adopts: aprueba el | aprueba la | adopta
affirms: afirma
approves: aprueba
calls-upon: exhorta | hace un llamamiento
condemns: condena
considers: considera | estima
decides: decide
encourages: alienta
endorses: hace suy*
expresses-concern: expresa [profunda] preocupación | expresa su preocupación
invites: invita
notes: observa | señala
reaffirms: reafirma
recalls: recuerda
recognizes: reconoce
recommends: recomienda
reiterates: reitera
requests: solicita | pide
stresses: destaca
supports: apoya
takes-note: toma nota
underlines: subraya | pone de relieve
urges: insta
welcomes: acoge con beneplácito | acoge con satisfacción | celebra
""",
    "ru": """
affirms: подтверждает
appeals: обращается с призывом
approves: утверждает
calls-upon: призывает
condemns: осуждает
considers: считает
decides: постановляет | решает
encourages: поощряет
endorses: одобряет
expresses-appreciation: выражает [глубокую] признательность
expresses-concern: выражает [глубокую] озабоченность | выражает [серьезную] озабоченность
invites: предлагает
notes: отмечает
reaffirms: вновь подтверждает
recalls: напоминает | ссылается на
recognizes: признает
recommends: рекомендует
reiterates: вновь заявляет
requests: просит
stresses: подчеркивает
supports: поддерживает
takes-note: принимает к сведению
underlines: особо отмечает
urges: настоятельно призывает
welcomes: приветствует
""",
    "ar": """
affirms: تؤكد
approves: توافق
calls-upon: تهيب
condemns: تدين
considers: ترى
decides: تقرر
encourages: تشجع
endorses: تؤيد
expresses-appreciation: تعرب عن تقديرها
expresses-concern: تعرب عن [بالغ] القلق | تعرب عن قلقها
invites: تدعو
notes: تلاحظ
reaffirms: تعيد تأكيد | تؤكد مجددا | تؤكد من جديد
recalls: تشير | تستذكر
recognizes: تسلم | تعترف
recommends: توصي
reiterates: تكرر
requests: تطلب
stresses: تشدد
takes-note: تحيط علما
urges: تحث
welcomes: ترحب
""",
    "zh": """
affirms: 申明
approves: 核准
calls-upon: 吁请 | 呼吁
condemns: 谴责
considers: 认为
decides: 决定
encourages: 鼓励
endorses: 赞同
expresses-concern: 表示关切 | 表示深切关切
invites: 邀请
notes: 指出
reaffirms: 重申
recognizes: 确认 | 认识到
recommends: 建议
requests: 请
stresses: 强调
supports: 支持
takes-note: 注意到
urges: 敦促 | 促请
welcomes: 欢迎
""",
}


def _fold(text: str) -> str:
    """Lower case and fold the few variants lexicons ignore; same length as `text`."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower()[:1] or ch for ch in text)
    return lowered.replace("ё", "е").replace("’", "'").replace("ʼ", "'")


@dataclass(frozen=True, slots=True)
class _Phrase:
    text: str
    key: str
    modifiers: tuple[str, ...]
    stem: bool


def _expand(phrase: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Variants of a phrase with and without each `[optional]` modifier word."""
    match = re.search(r"\[([^\]]+)\] ?", phrase)
    if match is None:
        yield phrase, ()
        return
    word = match.group(1)
    head, tail = phrase[: match.start()], phrase[match.end() :]
    for rest, mods in _expand(head + tail):
        yield rest, mods
    for rest, mods in _expand(head + word + " " + tail):
        yield rest, (_INNER.get(word, word), *mods)


def _first(text: str, language: str) -> str:
    return text[:1] if language == "zh" else text.split(" ", 1)[0]


def _build(source: str, language: str) -> dict[str, list[_Phrase]]:
    index: dict[str, list[_Phrase]] = {}
    for line in source.strip().splitlines():
        key, _, alternatives = line.partition(":")
        for raw in alternatives.split("|"):
            for variant, mods in _expand(raw.strip()):
                forms = [variant]
                if language == "ar":
                    if variant.startswith("و"):
                        forms.append(variant[1:])
                    else:
                        forms.append("و" + variant)
                for form in forms:
                    stem = form.endswith("*")
                    text = _fold(form.rstrip("*"))
                    phrase = _Phrase(text, key.strip(), mods, stem)
                    index.setdefault(_first(text, language), []).append(phrase)
    for phrases in index.values():
        phrases.sort(key=lambda p: len(p.text), reverse=True)
    return index


_TABLES: Final[tuple[tuple[LeadKind, dict[str, str]], ...]] = (
    ("preambular", _PREAMBULAR),
    ("operative", _OPERATIVE),
)
_INDEX: Final[dict[tuple[str, LeadKind], dict[str, list[_Phrase]]]] = {
    (language, kind): _build(source, language)
    for kind, table in _TABLES
    for language, source in table.items()
}
_SORTED_PREFIX = {
    lang: sorted(((_fold(k), v) for k, v in table.items()), key=lambda kv: -len(kv[0]))
    for lang, table in _PREFIX.items()
}
_SORTED_SUFFIX = {
    lang: sorted(((_fold(k), v) for k, v in table.items()), key=lambda kv: -len(kv[0]))
    for lang, table in _SUFFIX.items()
}
_WINDOW = 120


def _boundary(folded: str, end: int, language: str) -> bool:
    return language == "zh" or end >= len(folded) or not folded[end].isalnum()


def _word_end(folded: str, end: int) -> int:
    while end < len(folded) and folded[end].isalpha():
        end += 1
    return end


def _phrase_at(folded: str, pos: int, language: str, kind: LeadKind) -> tuple[_Phrase, int] | None:
    index = _INDEX.get((language, kind))
    if index is None:
        return None
    head = folded[pos : pos + 1] if language == "zh" else _first(folded[pos:], language)
    for phrase in index.get(head, ()) if language == "zh" else _candidates(index, head):
        if folded.startswith(phrase.text, pos):
            end = pos + len(phrase.text)
            if phrase.stem:
                return phrase, _word_end(folded, end)
            if _boundary(folded, end, language):
                return phrase, end
    return None


def _candidates(index: dict[str, list[_Phrase]], head: str) -> list[_Phrase]:
    """Phrases whose first word is `head` (or, for stems, a prefix of it)."""
    found = list(index.get(head, ()))
    stripped = head.rstrip(",;:.،")
    if stripped != head:
        found += index.get(stripped, ())
    # stems of one word ("préoccupé*") are indexed under their stem
    for cut in range(len(stripped) - 1, 2, -1):
        for phrase in index.get(stripped[:cut], ()):
            if phrase.stem:
                found.append(phrase)
    return sorted(found, key=lambda p: len(p.text), reverse=True)


def _skip_space(folded: str, pos: int, language: str) -> int:
    if language == "zh":
        return pos
    return pos + 1 if pos < len(folded) and folded[pos] == " " else pos


def match_lead(text: str, pos: int, language: str, kind: LeadKind) -> LeadMatch | None:
    """The lead phrase of `kind` that opens `text` at `pos`, if the lexicon knows it."""
    window = text[pos : pos + _WINDOW]
    folded = _fold(window)
    modifiers: list[str] = []
    at = 0
    found = _phrase_at(folded, at, language, kind)
    while found is None:
        for word, modifier in _SORTED_PREFIX.get(language, ()):
            if folded.startswith(word, at) and _boundary(folded, at + len(word), language):
                modifiers.append(modifier)
                at = _skip_space(folded, at + len(word), language)
                break
        else:
            return None
        found = _phrase_at(folded, at, language, kind)
    phrase, end = found
    modifiers.extend(phrase.modifiers)
    suffixes = _SORTED_SUFFIX.get(language, ())
    for _ in range(2):
        after = _skip_space(folded, end, language)
        for word, modifier in suffixes:
            if folded.startswith(word, after) and _boundary(folded, after + len(word), language):
                modifiers.append(modifier)
                end = after + len(word)
                break
        else:
            break
    return LeadMatch(pos, pos + end, window[:end], phrase.key, tuple(modifiers), kind)


_CONJUNCTIONS: Final[dict[str, re.Pattern[str]]] = {
    "en": re.compile(r"(?:,|;)? and (?:also |further )?"),
    "fr": re.compile(r"(?:,|;)? et "),
    "es": re.compile(r"(?:,|;)? [ye] "),
    "ru": re.compile(r"(?:,|;)? и "),
    "ar": re.compile(r"[،؛]? و"),
    "zh": re.compile(r"并"),
}


def find_operative_leads(text: str, language: str) -> list[LeadMatch]:
    """Every operative lead verb in an operative paragraph's text, in order.

    The first opens the paragraph; others follow a conjunction ("… и рекомендует …",
    "… and requests …", "… et prie …", AR "… وتطلب …", ZH "…并请…").
    """
    leads: list[LeadMatch] = []
    start = len(text) - len(text.lstrip())
    first = match_lead(text, start, language, "operative")
    if first is not None:
        leads.append(first)
    pattern = _CONJUNCTIONS.get(language)
    if pattern is None:
        return leads
    for m in pattern.finditer(text, first.end if first else start):
        at = m.end()
        if language == "ar":
            at -= 1  # the conjunction is the first letter of the verb ("وتطلب")
        found = match_lead(text, at, language, "operative")
        if found is not None and (not leads or found.start >= leads[-1].end):
            leads.append(found)
    return leads
