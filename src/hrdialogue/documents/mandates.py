"""Mandates: who must do what, with whom, reporting when, from the operative paragraphs.

A mandate is a lead verb that asks someone to act (requests, calls upon, urges, invites,
encourages, recommends; decides when the body decides to do something itself), the actors it
addresses, the partners it must work with ("in cooperation with …"), the actors it must consult
("to consult States …", "провести с государствами … консультации"), the action (a small
controlled vocabulary: `consult`, `report`, `continue-consideration`, …; `act` when none
applies), the subject (the clause after the addressees) and the session it names.

The operative paragraphs arrive classified: `lead`, `lead_key` describe the paragraph's FIRST
lead. Further lead verbs inside one paragraph ("… и рекомендует неправительственным
организациям …") are found here, with a small table of mandate verbs per language; a further
lead counts only after a conjunction and when actors follow it, so that a verb inside a clause
is not taken for a lead.

`extract_mandates(operative, language=…, body=…, to_source=…)` is the stage's one verb.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from hrdialogue.documents.actors import ActorText, Introducer, compile_folded, fold_text
from hrdialogue.documents.model import Body, Mandate, OperativeParagraph, Span, Subparagraph
from hrdialogue.documents.sessions import build_deadline, find_sessions

__all__ = ["ACTIONS", "MANDATE_KEYS", "SourceSpan", "extract_mandates"]

SourceSpan = Callable[[str, int, int], Span]
"""Maps `(anchor, start, end)` in a paragraph's clean text to a span in the source text."""

MANDATE_KEYS: Final = frozenset(
    {"requests", "calls-upon", "urges", "invites", "encourages", "recommends", "decides", "appeals"}
)
"""Lead keys that ask someone to act; `decides` only when followed by what is to be done."""

_BODY_KEYS: Final = frozenset(b.value for b in Body)

# --- lexicon (patterns in lower case, folded like the text; no upper-case regex escapes) ---------

# Mandate verbs, with the modifiers that may stand around them. Earlier entries win ties.
_LEADS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "en": (
        ("urges", r"(?:strongly |also |further |again |once again )*urges"),
        ("calls-upon", r"(?:also |further |again |once again )*calls (?:upon|on)"),
        ("requests", r"(?:also |further |again |once again )*requests"),
        ("invites", r"(?:also |further |again |once again )*invites"),
        ("encourages", r"(?:also |further |again |strongly )*encourages"),
        ("recommends", r"(?:also |further )*recommends"),
        ("decides", r"(?:also |further )*decides"),
        ("appeals", r"(?:also |further )*appeals"),
    ),
    "ru": (
        ("urges", r"(?:вновь |также |еще раз )*настоятельно (?:призывает|просит)(?: также)?"),
        ("calls-upon", r"(?:вновь |также |еще раз )*призывает(?: также| далее)?"),
        ("requests", r"(?:вновь |также |далее )*просит(?: также| далее)?"),
        ("invites", r"(?:вновь |также )*предлагает(?: также)?"),
        ("encourages", r"(?:вновь |также )*(?:поощряет|рекомендует также поощрять)(?: также)?"),
        ("recommends", r"(?:вновь |также )*рекомендует(?: также)?"),
        ("decides", r"(?:также )*постановляет(?: также)?"),
    ),
    "fr": (
        ("urges", r"(?:demande|prie) instamment|exhorte|engage vivement"),
        ("requests", r"prie(?: également| en outre| de nouveau| aussi)?"),
        ("calls-upon", r"demande(?: également| en outre| de nouveau| aussi)?|engage"),
        ("invites", r"invite(?: également| en outre| de nouveau)?"),
        ("encourages", r"encourage(?: également| en outre| vivement)?"),
        ("recommends", r"recommande(?: également| en outre)?"),
        ("decides", r"décide(?: également| en outre| aussi)?"),
        ("appeals", r"lance un appel"),
    ),
    "es": (
        ("urges", r"insta(?: encarecidamente| también| además| asimismo)?"),
        ("calls-upon", r"exhorta(?: también| además| asimismo)?|hace un llamamiento"),
        ("requests", r"(?:pide|solicita)(?: también| además| asimismo| nuevamente)?"),
        ("invites", r"invita(?: también| además| asimismo)?"),
        ("encourages", r"alienta(?: también| además| asimismo)?"),
        ("recommends", r"recomienda(?: también| además| asimismo)?"),
        ("decides", r"decide(?: también| además| asimismo)?"),
    ),
    "ar": (
        ("urges", r"تحث(?: أيضا| كذلك)?"),
        ("calls-upon", r"تهيب(?: أيضا| كذلك)?"),
        ("requests", r"تطلب(?: أيضا| كذلك)?"),
        ("invites", r"تدعو(?: أيضا| كذلك)?"),
        ("encourages", r"تشجع(?: أيضا| كذلك)?"),
        ("recommends", r"توصي(?: أيضا| كذلك)?"),
        ("decides", r"تقرر(?: أيضا| كذلك)?"),
    ),
    "zh": (
        ("urges", r"(?:又|还|再次|强烈)*(?:敦促|促请)"),
        ("calls-upon", r"(?:又|还|再次)*吁请"),
        ("invites", r"(?:又|还|再次)*邀请"),
        ("encourages", r"(?:又|还|再次)*鼓励"),
        ("recommends", r"(?:又|还)*建议"),
        ("decides", r"(?:又|还)*决定"),
        ("requests", r"(?:又|还|再次)*请"),
    ),
}

# What may stand before a further lead inside one paragraph: a conjunction.
_FURTHER: Final[dict[str, str]] = {
    "en": r"(?:[,;]\s*|\s)and\s+",
    "ru": r"(?:,\s*|\s)(?:и|а также)\s+",
    "fr": r"(?:,\s*|\s)et\s+",
    "es": r"(?:,\s*|\s)[ye]\s+",
    "ar": r"(?:\s|،)(?:كما\s+|و\s*)",
    "zh": r"(?:[，,；;]\s*(?:并|同时)?|并|同时)",
}

# A word that every lead of `_LEADS` contains: a text with none of them has no further lead,
# and is not scanned for one.
_LEAD_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "urges", "calls", "requests", "invites", "encourages", "recommends", "decides", "appeals",
    ),
    "ru": ("призывает", "просит", "предлагает", "поощря", "рекомендует", "постановляет"),
    "fr": (
        "demande", "prie", "exhorte", "engage", "invite", "encourage", "recommande", "décide",
        "lance un appel",
    ),
    "es": (
        "insta", "exhorta", "hace un llamamiento", "pide", "solicita", "invita", "alienta",
        "recomienda", "decide",
    ),
    "ar": ("تحث", "تهيب", "تطلب", "تدعو", "تشجع", "توصي", "تقرر"),
    "zh": ("敦促", "请", "鼓励", "建议", "决定"),
}  # fmt: skip

# "decides" asks for action only when what is decided follows as an infinitive.
_DECIDES_TO_ACT: Final[dict[str, str]] = {
    "en": r"\s*,?\s*to\s",
    "ru": r"\s*[а-я]+(?:ть|ти|чь|ться|тись)(?!\w)",
    "fr": r"\s*(?:de\s|d')",
    "es": r"\s*[a-zñ]+(?:ar|er|ir)(?:se)?(?!\w)",
    "ar": r"\s*(?:أن\s+ت|إدراج|مواصلة|النظر|عقد|إنشاء|تمديد)",
    "zh": r"\s*[^\s，,：:；;。]",
}

# `(prefix, suffix)`: prefix, then a list of actors, then the suffix when there is one.
_PARTNERS: Final[dict[str, tuple[tuple[str, str | None], ...]]] = {
    "en": (
        (
            r"in (?:close )?(?:consultation|cooperation|collaboration|coordination|"
            r"partnership) with\s+",
            None,
        ),
    ),
    "ru": (
        (
            r"(?:в (?:тесном )?(?:сотрудничестве|консультации|консультациях|взаимодействии|"
            r"координации)|совместно) с\s+",
            None,
        ),
    ),
    "fr": (
        (
            r"en (?:étroite )?(?:consultation|coopération|collaboration|coordination|"
            r"concertation|partenariat) avec\s+",
            None,
        ),
    ),
    "es": ((r"en (?:estrecha )?(?:consulta|cooperación|colaboración|coordinación) con\s+", None),),
    "ar": ((r"(?:و)?(?:بالتشاور|بالتعاون|بالتنسيق)(?: الوثيق)? مع\s+", None),),
    "zh": ((r"(?:在)?(?:与|同|会同)", r"(?:协商|磋商|合作|协作|协调)(?:下|的情况下)?\s*[，,]"),),
}

_CONSULTEES: Final[dict[str, tuple[tuple[str, str | None], ...]]] = {
    "en": (
        (r"(?<!in )(?<!\w)consult(?:ing)?(?: with)?\s+", None),
        (r"(?:hold|holding|conduct|conducting|carry out)\s+(?:\w+ )?consultations with\s+", None),
        (r"seek(?:ing)? the views of\s+", None),
    ),
    "ru": (
        (r"(?:провести|проводить|проведения|проведение) с\s+", r"\s*(?:\w+ )?консультаци"),
        (r"консультаци\w*\s+с\s+", None),
        (r"(?:про)?консультироваться\s+с\s+", None),
    ),
    "fr": (
        (r"consulter\s+", None),
        (r"consultations avec\s+", None),
        (r"(?:solliciter|recueillir) (?:les vues|l'avis) de\s+", None),
    ),
    "es": (
        (r"consult(?:e|ar|en)\s+(?:a|con)\s+", None),
        (r"consultas con\s+", None),
        (r"recab(?:e|ar) (?:las opiniones|la opinión) de\s+", None),
    ),
    "ar": (
        (r"(?<!ب)(?:التشاور|يتشاور|تتشاور) مع\s+", None),
        (r"مشاورات مع\s+", None),
        (r"التماس آراء\s+", None),
    ),
    "zh": (
        (r"(?:与|同|和)", r"(?:进行)?(?:协商|磋商)"),
        (r"征求", r"的?意见"),
    ),
}

# Words of which every partner (consultee) introducer contains one, with its suffix: a subject
# with none of them introduces no partner (consultee), and is not scanned for one.
_INTRODUCER_WORDS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "en": (
        ("consultation", "cooperation", "collaboration", "coordination", "partnership"),
        ("consult", "the views of"),
    ),
    "ru": (
        ("сотрудничеств", "консультаци", "взаимодействи", "координаци", "совместно"),
        ("консульт",),
    ),
    "fr": (
        ("consultation", "coopération", "collaboration", "coordination", "concertation",
         "partenariat"),
        ("consult", "les vues", "l'avis"),
    ),
    "es": (
        ("consulta", "cooperación", "colaboración", "coordinación"),
        ("consult", "recab"),
    ),
    "ar": (("بالتشاور", "بالتعاون", "بالتنسيق"), ("تشاور", "مشاورات", "التماس")),
    "zh": (("协商", "磋商", "合作", "协作", "协调"), ("协商", "磋商", "征求")),
}  # fmt: skip

# Particles between the addressees and the verb of the subject ("to", "de", "que", "أن").
_PARTICLE: Final[dict[str, str]] = {
    "en": r"[\s,:]*(?:to\s+)?",
    "ru": r"[\s,:]*",
    "fr": r"[\s,:]*(?:à\s+|de\s+|d')?",
    "es": r"[\s,:]*(?:a\s+que\s+|que\s+|a\s+)?",
    "ar": r"[\s،,:]*(?:(?:إلى|على)\s+)?(?:ب?أن\s+)?",
    "zh": r"[\s，,：:]*",
}

# Action vocabulary: the earliest match in the subject wins; ties go to the earlier entry.
_ACTIONS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "en": (
        ("continue-consideration", r"continue (?:its |the )?consideration|continue to consider"),
        (
            "continue-dialogue",
            r"continue (?:to )?(?:(?:engage in|hold|conduct|pursue) )?"
            r"(?:an? |the |its )?(?:\w+ )?dialogue",
        ),
        ("hold-dialogue", r"(?:engage in|hold|conduct|pursue) (?:an? |the )?(?:\w+ )?dialogue"),
        ("consult", r"(?<!in )(?<!\w)consult(?!ation)|consultations with|seek the views"),
        ("provide-information", r"(?:provide|submit|transmit|communicate) (?:\w+ )?information"),
        ("include-in-agenda", r"include (?:[^ ]+ ){0,20}?in the (?:provisional )?agenda"),
        ("report", r"(?<!\w)report(?!\w)|(?:submit|prepare|present) (?:[^ ]+ ){0,8}?report"),
        ("consider", r"(?<!\w)(?:consider|examine)(?!\w)"),
        ("pay-attention", r"(?:pay|give|devote) (?:\w+ ){0,2}?attention"),
        ("contribute", r"(?<!\w)contribute"),
        ("promote", r"(?<!\w)promote"),
        ("strengthen", r"(?<!\w)(?:strengthen|enhance)"),
        ("cooperate", r"(?<!\w)co-?operate(?!\w)"),
    ),
    "ru": (
        ("continue-consideration", r"продолж\w* рассмотрени\w*|продолж\w* рассматривать"),
        ("continue-dialogue", r"продолж\w* (?:проводить |вести )?(?:\w+ )?диалог"),
        ("hold-dialogue", r"(?:проводить|вести|провести) (?:\w+ )?диалог"),
        ("consult", r"консультаци|консультир"),
        ("provide-information", r"(?:представ|предостав)\w* (?:\w+ ){0,3}?информаци"),
        ("include-in-agenda", r"включить (?:[^ ]+ ){0,20}?повестк\w* дня"),
        ("report", r"(?:представ|подготов)\w* (?:[^ ]+ ){0,12}?доклад|(?<!\w)доклад|доложить"),
        ("consider", r"(?<!\w)(?:рассмотреть|рассматривать)(?!\w)"),
        ("pay-attention", r"удел\w* (?:\w+ )?внимани"),
        ("contribute", r"способствова|(?:вносить|внести) (?:\w+ )?вклад"),
        ("promote", r"(?<!\w)(?:поощрять|содейств)"),
        ("strengthen", r"(?<!\w)(?:укрепля|укрепить|активизир)"),
        ("cooperate", r"(?<!\w)сотрудничать"),
    ),
    "fr": (
        (
            "continue-consideration",
            r"poursuivre (?:l'examen|son examen)|continuer (?:à|d')examiner",
        ),
        (
            "continue-dialogue",
            r"(?:poursuivre|continuer (?:à|de) (?:mener|tenir|entretenir)) "
            r"(?:un |le |son )?(?:\w+ )?dialogue",
        ),
        (
            "hold-dialogue",
            r"(?:mener|tenir|engager|entretenir|instaurer) (?:un |le )?(?:\w+ )?"
            r"dialogue",
        ),
        (
            "consult",
            r"(?<!\w)consulter|consultations avec|(?:solliciter|recueillir) (?:les vues|l'avis)",
        ),
        (
            "provide-information",
            r"(?:fournir|communiquer|présenter) (?:des |les )?"
            r"(?:informations|renseignements)",
        ),
        ("include-in-agenda", r"inscrire (?:[^ ]+ ){0,20}?ordre du jour"),
        ("report", r"(?:présenter|soumettre) (?:[^ ]+ ){0,12}?rapport|faire rapport|rendre compte"),
        ("consider", r"(?<!\w)examiner(?!\w)"),
        ("pay-attention", r"(?:prêter|accorder) (?:\w+ ){0,2}?attention"),
        ("contribute", r"(?<!\w)contribuer"),
        ("promote", r"(?<!\w)promouvoir"),
        ("strengthen", r"(?<!\w)renforcer"),
        ("cooperate", r"(?<!\w)coopérer"),
    ),
    "es": (
        (
            "continue-consideration",
            r"s(?:eguir|iga) examinando|continu\w* (?:el )?examen|"
            r"prosig\w* (?:el |su )?examen",
        ),
        (
            "continue-dialogue",
            r"(?:seguir|sigan|continuar|continúen|prosig\w*) (?:\w+ )?"
            r"(?:un |el )?(?:\w+ )?diálogo",
        ),
        (
            "hold-dialogue",
            r"(?:mantener|mantengan|entablar|entablen|celebrar|celebren|sostener) "
            r"(?:un |el )?(?:\w+ )?diálogo",
        ),
        ("consult", r"(?<!\w)consult(?:e|ar|en)(?!\w)|consultas con|recab\w* (?:las |la )?opini"),
        (
            "provide-information",
            r"(?:proporcion|facilit|present|suministr)\w* (?:\w+ ){0,2}?"
            r"información",
        ),
        ("include-in-agenda", r"incluir (?:[^ ]+ ){0,20}?programa"),
        (
            "report",
            r"(?:present|somet)\w* (?:[^ ]+ ){0,14}?informe|(?<!\w)informe(?!\w)|"
            r"(?<!\w)informar",
        ),
        ("consider", r"(?<!\w)examin(?:ar|e)(?!\w)"),
        ("pay-attention", r"prest\w* (?:\w+ ){0,2}?atención"),
        ("contribute", r"(?<!\w)contribu"),
        ("promote", r"(?<!\w)(?:promov|promuev)"),
        ("strengthen", r"(?<!\w)fortalec"),
        ("cooperate", r"(?<!\w)cooper(?:ar|en)(?!\w)"),
    ),
    "ar": (
        ("continue-consideration", r"(?:تواصل|مواصلة|يواصل) النظر"),
        ("continue-dialogue", r"(?:تواصل|مواصلة|يواصل|يواصلوا|تواصلوا) (?:[^ ]+ )?(?:ال)?حوار"),
        ("hold-dialogue", r"(?:إجراء|تجري|يجري|إقامة) (?:ال)?حوار"),
        ("consult", r"يتشاور|تتشاور|(?<!ب)التشاور مع|مشاورات|التماس آراء"),
        (
            "provide-information",
            r"(?:يقدم|تقدم|تقديم|توفير|يوفر|تزويد) (?:[^ ]+ ){0,6}?"
            r"(?:ال)?معلومات",
        ),
        ("include-in-agenda", r"(?:تدرج|إدراج) (?:[^ ]+ ){0,20}?جدول (?:ال)?أعمال"),
        ("report", r"(?:يقدم|تقدم|تقديم|يعد|إعداد) (?:[^ ]+ ){0,14}?تقرير|(?<!\w)تقرير"),
        ("consider", r"(?:تنظر|النظر) في"),
        ("pay-attention", r"(?:تولي|يولي|إيلاء) (?:[^ ]+ ){0,2}?(?:ال)?اهتمام"),
        ("contribute", r"تسهم|يسهم|المساهمة|الإسهام|تساهم"),
        ("promote", r"تعزيز|تعزز"),
        ("strengthen", r"تقوية|توطيد"),
        ("cooperate", r"(?<!\w)(?:تتعاون|يتعاون)"),
    ),
    "zh": (
        ("continue-consideration", r"继续审议"),
        ("continue-dialogue", r"继续(?:进行|开展)?(?:建设性)?对话"),
        ("hold-dialogue", r"(?:进行|开展)(?:建设性)?对话"),
        ("consult", r"协商|磋商|征求.{0,20}?意见"),
        ("provide-information", r"提供.{0,10}?(?:资料|信息)"),
        ("include-in-agenda", r"列入.{0,40}?议程"),
        ("report", r"提交.{0,80}?报告|报告(?!员)"),
        ("consider", r"审议"),
        ("pay-attention", r"关注|重视"),
        ("contribute", r"贡献|协助"),
        ("promote", r"促进|推动"),
        ("strengthen", r"加强"),
        ("cooperate", r"(?:开展|进行|充分|密切|通力)合作"),
    ),
}

ACTIONS: Final[tuple[str, ...]] = (*dict.fromkeys(k for k, _ in _ACTIONS["en"]), "act")
"""The action vocabulary; `act` when no verb of the subject is known."""

_NUMBER: Final = re.compile(r"\s*(?:\d+|[٠-٩]+)\s*(?:\.|-|–|—)?\s*")
_QUOTED: Final = re.compile(r"“[^”]*”|«[^»]*»|„[^“”]*[“”]|\"[^\"]*\"|「[^」]*」")
_TRAILING: Final = ";.,:؛،。；，：!"


@dataclass(frozen=True, slots=True)
class _Grammar:
    leads: re.Pattern[str]
    lead_keys: tuple[tuple[re.Pattern[str], str], ...]
    further: re.Pattern[str]
    lead_words: re.Pattern[str]
    decides_to_act: re.Pattern[str]
    partners: tuple[Introducer, ...]
    consultees: tuple[Introducer, ...]
    partner_words: tuple[str, ...]
    consultee_words: tuple[str, ...]
    particle: re.Pattern[str]
    actions: re.Pattern[str]
    """All actions in one alternation: where it matches, the first of `action_patterns` does."""
    action_patterns: tuple[tuple[re.Pattern[str], str], ...]


@cache
def _grammar(language: str) -> _Grammar:
    if language not in _LEADS:
        msg = f"no mandate grammar for language {language!r} (expected ar, zh, en, fr, ru or es)"
        raise ValueError(msg)
    leads = "|".join(f"(?:{p})" for _, p in _LEADS[language])
    return _Grammar(
        leads=compile_folded(leads),
        lead_keys=tuple((compile_folded(p), k) for k, p in _LEADS[language]),
        further=compile_folded(f"{_FURTHER[language]}(?P<lead>{leads})"),
        lead_words=compile_folded("|".join(map(re.escape, _LEAD_WORDS[language]))),
        decides_to_act=compile_folded(_DECIDES_TO_ACT[language]),
        partners=tuple(
            (compile_folded(p), compile_folded(s) if s else None) for p, s in _PARTNERS[language]
        ),
        consultees=tuple(
            (compile_folded(p), compile_folded(s) if s else None) for p, s in _CONSULTEES[language]
        ),
        partner_words=tuple(map(fold_text, _INTRODUCER_WORDS[language][0])),
        consultee_words=tuple(map(fold_text, _INTRODUCER_WORDS[language][1])),
        particle=compile_folded(_PARTICLE[language]),
        actions=compile_folded("|".join(_literal_first(p) for _, p in _ACTIONS[language])),
        action_patterns=tuple(
            (compile_folded(_literal_first(p)), k) for k, p in _ACTIONS[language]
        ),
    )


_LOOKBEHINDS: Final = re.compile(r"(?:\(\?<!(?:[^()\\]|\\.)+\))+")
_LITERAL: Final = re.compile(r"[^\\()\[\]{}|.*+?^$]+")
_LITERALS: Final = re.compile(r"\(\?:([^\\()\[\]{}|.*+?^$]+(?:\|[^\\()\[\]{}|.*+?^$]+)*)\)")


def _alternatives(pattern: str) -> list[str]:
    """`pattern` split at its top-level `|`."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


def _guarded(words: Sequence[str], looks: Sequence[str]) -> str:
    return "|".join(w + "".join(f"(?<!{look}{re.escape(w)})" for look in looks) for w in words)


def _moved(alternative: str) -> str:
    behind = _LOOKBEHINDS.match(alternative)
    if behind is None:
        return alternative
    looks = re.findall(r"\(\?<!((?:[^()\\]|\\.)+)\)", behind.group())
    group = _LITERALS.match(alternative, behind.end())
    if group is not None:  # (?<!A)(?:x|y) is (?:x(?<!Ax)|y(?<!Ay))
        words = group.group(1).split("|")
        return f"(?:{_guarded(words, looks)})" + alternative[group.end() :]
    literal = _LITERAL.match(alternative, behind.end())
    if literal is None:
        return alternative
    text = literal.group()
    if alternative[literal.end() : literal.end() + 1] in ("?", "*", "+", "{"):
        text = text[:-1]  # the last letter is repeated: not part of the literal
    if not text:
        return alternative
    return _guarded([text], looks) + alternative[behind.end() + len(text) :]


def _literal_first(pattern: str) -> str:
    """`pattern` with each alternative's leading lookbehinds moved after the literal that
    follows them: `(?<!A)lit` is `lit(?<!Alit)`. A pattern that starts with a lookbehind
    costs the engine its fast scan for the first letter (here 2-5× slower)."""
    return "|".join(_moved(alternative) for alternative in _alternatives(pattern))


# --- one paragraph -----------------------------------------------------------------------------


def _action(t: ActorText, g: _Grammar, start: int, end: int) -> str:
    # One search of the alternation finds the earliest position where any action matches;
    # the first action in the table that matches there wins: ties go to the earlier entry.
    masked = t.folded
    if _QUOTED.search(masked, 0, end):
        masked = _QUOTED.sub(lambda m: " " * len(m.group()), masked[:end])
    match = g.actions.search(masked, start, end)
    if match is not None:
        at = match.start()
        for pattern, action in g.action_patterns:
            if pattern.match(masked, at, end):
                return action
    return "act"


def _deadline_body(
    t: ActorText, session_start: int, addressees: Sequence[str], body: Body | None
) -> Body | None:
    """Whose session it is: the organ named just before it ("to the General Assembly at its
    …"), else an organ the mandate addresses ("Invites the Council to … at its tenth
    session"), else the adopting body."""
    for _, end, key in reversed(t.spans):
        if end <= session_start:
            gap = t.text[end:session_start]
            if key in _BODY_KEYS and len(gap) <= 25 and ";" not in gap:
                return Body(key)
            if session_start - end > 25:
                break
    for key in addressees:
        if key in _BODY_KEYS:
            return Body(key)
    return body


@dataclass(frozen=True, slots=True)
class _Lead:
    key: str
    start: int
    end: int
    text: str
    cut: int
    """Where the clause before this lead ends: the conjunction that introduces it."""


def _leads(t: ActorText, g: _Grammar, op: OperativeParagraph, limit: int) -> list[_Lead]:
    """The paragraph's first lead (when it asks to act) and every further mandate lead."""
    leads: list[_Lead] = []
    key, printed = op.lead_key, op.lead
    position = t.folded.find(fold_text(printed), 0, limit) if printed else -1
    if position >= 0 and printed:
        first_end = position + len(printed)
    else:  # the lead is not in the text as classified: read it with this stage's own table
        number = _NUMBER.match(t.folded, 0, limit)
        position = first_end = number.end() if number else 0
        match = g.leads.match(t.folded, position, limit)
        if match is not None:
            first_end = match.end()
            key = key or _lead_key(g, match.group())
            printed = t.text[position:first_end]
    if key in MANDATE_KEYS and key is not None:
        leads.append(_Lead(key, position, first_end, printed or "", position))
    folded = t.folded
    if not g.lead_words.search(folded, first_end, limit):
        return leads  # a cheap scan for literals: no lead verb after the first one
    for match in g.further.finditer(folded, first_end, limit):
        key = _lead_key(g, match.group("lead"))
        start, end = match.span("lead")
        lead = _Lead(key, start, end, t.text[start:end], match.start())
        if key == "decides":
            if g.decides_to_act.match(t.folded, end, limit):
                leads.append(lead)
        elif t.read_list(end, limit, partners=_partners(t, g, end, limit))[0]:
            leads.append(lead)
    return leads


def _has_word(t: ActorText, words: Sequence[str], start: int, end: int) -> bool:
    folded = t.folded
    return any(folded.find(word, start, end) >= 0 for word in words)


def _introduced(
    t: ActorText, introducers: Sequence[Introducer], words: Sequence[str], start: int, end: int
) -> list[str]:
    """`t.find_introduced`, after a cheap check for the words one of `introducers` needs."""
    if _has_word(t, words, start, end):
        return t.find_introduced(introducers, start, end)
    return []


def _partners(t: ActorText, g: _Grammar, start: int, end: int) -> tuple[Introducer, ...]:
    """The partner introducers a list read between `start` and `end` may hold: none when the
    words they need are not there."""
    return g.partners if _has_word(t, g.partner_words, start, end) else ()


def _lead_key(g: _Grammar, lead: str) -> str:
    for pattern, key in g.lead_keys:
        if pattern.fullmatch(lead):
            return key
    return "requests"  # unreachable: every lead alternative has a key


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


@dataclass(frozen=True, slots=True)
class _Context:
    language: str
    body: Body | None
    to_source: SourceSpan


def _mandate(
    t: ActorText,
    g: _Grammar,
    ctx: _Context,
    lead: _Lead,
    *,
    anchor: str,
    limit: int,
    inherited: Mandate | None = None,
) -> Mandate | None:
    """The mandate of one lead, its clause ending at `limit` (or one subparagraph's)."""
    addressees: list[str]
    partners: list[str]
    if inherited is not None:
        addressees, partners, subject_from = list(inherited.addressees), [], 0
    elif lead.key == "decides":
        if not g.decides_to_act.match(t.folded, lead.end, limit):
            return None
        addressees = [ctx.body.value] if ctx.body is not None else []
        partners, subject_from = [], lead.end
    else:
        addressees, partners, subject_from = t.read_list(
            lead.end, limit, partners=_partners(t, g, lead.end, limit)
        )
    particle = g.particle.match(t.folded, subject_from, limit)
    start, end = _trim(t.text, particle.end() if particle else subject_from, limit)
    partners += _introduced(t, g.partners, g.partner_words, start, end)
    if inherited is not None:
        partners = list(inherited.partners) + partners
    consultees = _introduced(t, g.consultees, g.consultee_words, start, end)
    sessions = find_sessions(t.folded[lead.start : limit], ctx.language, folded=True)
    deadline = None
    if sessions:
        session = sessions[0]
        session_start = lead.start + session[0]
        deadline = build_deadline(
            session[2], _deadline_body(t, session_start, addressees, ctx.body)
        )
    elif inherited is not None:
        deadline = inherited.deadline
    return Mandate(
        anchor=anchor,
        strength=lead.key,
        lead=lead.text,
        addressees=tuple(dict.fromkeys(addressees)),
        partners=tuple(dict.fromkeys(partners)),
        consultees=tuple(consultees),
        action=_action(t, g, start, end) if end > start else "act",
        subject=t.text[start:end],
        subject_span=ctx.to_source(anchor, start, end),
        deadline=deadline,
    )


def _chapeau_end(t: ActorText, op: OperativeParagraph) -> int:
    """Where the first subparagraph starts when the paragraph's text runs on into it."""
    first = op.subparagraphs[0]
    for needle in (first.label, first.text[:40]):
        if not needle:
            continue
        at = t.folded.find(fold_text(needle))
        if at > 0:
            return at
    return len(t.text)


def _paragraph(op: OperativeParagraph, ctx: _Context) -> list[Mandate]:
    g = _grammar(ctx.language)
    t = ActorText(op.text, ctx.language)
    limit = _chapeau_end(t, op) if op.subparagraphs else len(t.text)
    leads = _leads(t, g, op, limit)
    mandates: list[Mandate] = []
    for i, lead in enumerate(leads):
        clause_end = leads[i + 1].cut if i + 1 < len(leads) else limit
        mandate = _mandate(t, g, ctx, lead, anchor=op.anchor, limit=clause_end)
        if mandate is None:
            continue
        if op.subparagraphs and i == len(leads) - 1 and not mandate.subject:
            mandates.extend(_distributed(op.subparagraphs, mandate, lead, ctx))
        else:
            mandates.append(mandate)
    return mandates


def _distributed(
    subparagraphs: Sequence[Subparagraph], chapeau: Mandate, lead: _Lead, ctx: _Context
) -> list[Mandate]:
    """A chapeau that lists its actions in subparagraphs: one mandate per subparagraph."""
    g = _grammar(ctx.language)
    out = []
    for sub in subparagraphs:
        t = ActorText(sub.text, ctx.language)
        sub_lead = _Lead(lead.key, 0, 0, chapeau.lead, 0)
        mandate = _mandate(
            t, g, ctx, sub_lead, anchor=sub.anchor, limit=len(t.text), inherited=chapeau
        )
        if mandate is not None:
            out.append(mandate)
    return out


def extract_mandates(
    operative: Sequence[OperativeParagraph],
    *,
    language: str,
    body: Body | None,
    to_source: SourceSpan,
) -> tuple[Mandate, ...]:
    """One `Mandate` per lead verb and addressee set in a paragraph that asks someone to act.

    `language` is the text's ISO 639-1 code (one of the six; `ValueError` otherwise); `body`
    the adopting organ, which is the addressee when it "decides to" act and whose sessions a
    bare "at its sixty-fourth session" names (`None` when unknown: no addressee, no date).
    `to_source(anchor, start, end)` maps offsets in a paragraph's (or subparagraph's) clean
    text to the source text, for `Mandate.subject_span`.
    """
    ctx = _Context(language, body, to_source)
    mandates: list[Mandate] = []
    for op in operative:
        mandates.extend(_paragraph(op, ctx))
    return tuple(mandates)
