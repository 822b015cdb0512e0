"""The mandate lexicon: per language, the lead verbs that ask someone to act, the words that
introduce partners and consultees, and the verbs of the action vocabulary.

Patterns are written in lower case and folded like the text they search
(`folding.compile_folded`); no upper-case regex escapes. `mandates` compiles them per language.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ACTION_PATTERNS",
    "CONSULTEES",
    "DECIDES_TO_ACT",
    "FURTHER",
    "INTRODUCER_WORDS",
    "LEADS",
    "LEAD_WORDS",
    "PARTICLE",
    "PARTNERS",
]


# Mandate verbs, with the modifiers that may stand around them. Earlier entries win ties.
LEADS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
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
FURTHER: Final[dict[str, str]] = {
    "en": r"(?:[,;]\s*|\s)and\s+",
    "ru": r"(?:,\s*|\s)(?:и|а также)\s+",
    "fr": r"(?:,\s*|\s)et\s+",
    "es": r"(?:,\s*|\s)[ye]\s+",
    "ar": r"(?:\s|،)(?:كما\s+|و\s*)",
    "zh": r"(?:[，,；;]\s*(?:并|同时)?|并|同时)",
}

# A word that every lead of `LEADS` contains: a text with none of them has no further lead,
# and is not scanned for one.
LEAD_WORDS: Final[dict[str, tuple[str, ...]]] = {
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
DECIDES_TO_ACT: Final[dict[str, str]] = {
    "en": r"\s*,?\s*to\s",
    "ru": r"\s*[а-я]+(?:ть|ти|чь|ться|тись)(?!\w)",
    "fr": r"\s*(?:de\s|d')",
    "es": r"\s*[a-zñ]+(?:ar|er|ir)(?:se)?(?!\w)",
    "ar": r"\s*(?:أن\s+ت|إدراج|مواصلة|النظر|عقد|إنشاء|تمديد)",
    "zh": r"\s*[^\s，,：:；;。]",
}

# `(prefix, suffix)`: prefix, then a list of actors, then the suffix when there is one. A prefix
# opens with a literal or alternatives of literals ("(?:x)?y" is written "xy|y"), so that the
# engine scans fast for its first letters.
PARTNERS: Final[dict[str, tuple[tuple[str, str | None], ...]]] = {
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
    "ar": (
        (r"(?:وبالتشاور|وبالتعاون|وبالتنسيق|بالتشاور|بالتعاون|بالتنسيق)(?: الوثيق)? مع\s+", None),
    ),
    "zh": (
        (r"在与|在同|在会同|与|同|会同", r"(?:协商|磋商|合作|协作|协调)(?:下|的情况下)?\s*[，,]"),
    ),
}

CONSULTEES: Final[dict[str, tuple[tuple[str, str | None], ...]]] = {
    "en": (
        (r"(?<!in )(?<!\w)consult(?:ing)?(?: with)?\s+", None),
        (r"(?:hold|holding|conduct|conducting|carry out)\s+(?:\w+ )?consultations with\s+", None),
        (r"seek(?:ing)? the views of\s+", None),
    ),
    "ru": (
        (r"(?:провести|проводить|проведения|проведение) с\s+", r"\s*(?:\w+ )?консультаци"),
        (r"консультаци\w*\s+с\s+", None),
        (r"(?:проконсультироваться|консультироваться)\s+с\s+", None),
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
INTRODUCER_WORDS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
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
PARTICLE: Final[dict[str, str]] = {
    "en": r"[\s,:]*(?:to\s+)?",
    "ru": r"[\s,:]*",
    "fr": r"[\s,:]*(?:à\s+|de\s+|d')?",
    "es": r"[\s,:]*(?:a\s+que\s+|que\s+|a\s+)?",
    "ar": r"[\s،,:]*(?:(?:إلى|على)\s+)?(?:ب?أن\s+)?",
    "zh": r"[\s，,：:]*",
}

# Action vocabulary: the earliest match in the subject wins; ties go to the earlier entry.
ACTION_PATTERNS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
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
