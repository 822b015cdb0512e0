"""Hand-written sectioned resolutions in the six languages (not real UN texts).

Written from the rules in `reference/un-documents.md` §1.2 ("Mid-body preambular text",
"Composite resolutions", the Arabic section labels `أولا -`, `بـــاء -`) on the model of the
budget resolution 68/247: an enacting formula, one preambular paragraph before the first
section, then two sections, each with a label, a heading, its own preambular paragraph and
operative paragraphs numbered from 1 again; the second section's paragraph 2 has two
subparagraphs. Each text is a template: `{I}` and `{II}` are the two labels, so the same text
serves with numbered sections (`I`, `أولا`, `一`) and lettered ones (`A`, `А`, `ألف`, `甲`).
"""

from __future__ import annotations

from typing import Final

__all__ = ["HEADINGS", "LABELS", "TEXTS", "sectioned"]

TEXTS: Final[dict[str, str]] = {
    "en": """68/247. Special subjects relating to the programme budget

The General Assembly,

Reaffirming its resolution 67/246 of 24 December 2012,

{I}
Human rights questions

Recalling its resolution 60/251 of 15 March 2006,

1. Takes note of the report of the Secretary-General;

2. Requests the Secretary-General to report thereon to the General Assembly at its
sixty-ninth session;

{II}
Cooperation in the field
of human rights

Recalling also its resolution 63/180 of 18 December 2008,

1. Decides to continue its consideration of the question at its sixty-ninth session;

2. Invites Member States:

(a) To submit their views to the Secretary-General;

(b) To cooperate with the Office of the High Commissioner.

72nd plenary meeting
27 December 2013
""",
    "fr": """68/247. Questions spéciales relatives au budget-programme

L'Assemblée générale,

Réaffirmant sa résolution 67/246 du 24 décembre 2012,

{I}. Questions relatives aux droits de l'homme

Rappelant sa résolution 60/251 du 15 mars 2006,

1. Prend note du rapport du Secrétaire général;

2. Prie le Secrétaire général de lui présenter un rapport à ce sujet à sa
soixante-neuvième session;

{II}. Coopération dans le domaine des droits de l'homme

Rappelant également sa résolution 63/180 du 18 décembre 2008,

1. Décide de poursuivre l'examen de la question à sa soixante-neuvième session;

2. Invite les États Membres :

a) À communiquer leurs vues au Secrétaire général;

b) À coopérer avec le Haut-Commissariat.

72e séance plénière
27 décembre 2013
""",
    "es": """68/247. Cuestiones especiales relacionadas con el presupuesto por programas

La Asamblea General,

Reafirmando su resolución 67/246, de 24 de diciembre de 2012,

{I}
Cuestiones de derechos humanos

Recordando su resolución 60/251, de 15 de marzo de 2006,

1. Toma nota del informe del Secretario General;

2. Solicita al Secretario General que la informe al respecto en su sexagésimo noveno
período de sesiones;

{II}
Cooperación en la esfera de los derechos humanos

Recordando también su resolución 63/180, de 18 de diciembre de 2008,

1. Decide seguir examinando la cuestión en su sexagésimo noveno período de sesiones;

2. Invita a los Estados Miembros:

a) A que presenten sus opiniones al Secretario General;

b) A que cooperen con la Oficina del Alto Comisionado.

72ª sesión plenaria
27 de diciembre de 2013
""",
    "ru": """68/247. Особые вопросы, касающиеся бюджета по программам

Генеральная Ассамблея,

вновь подтверждая свою резолюцию 67/246 от 24 декабря 2012 года,

{I}
Вопросы прав человека

ссылаясь на свою резолюцию 60/251 от 15 марта 2006 года,

1. принимает к сведению доклад Генерального секретаря;

2. просит Генерального секретаря представить ей доклад по этому вопросу на ее
шестьдесят девятой сессии;

{II}
Сотрудничество в области прав человека

напоминая также о своей резолюции 63/180 от 18 декабря 2008 года,

1. постановляет продолжить рассмотрение этого вопроса на своей шестьдесят девятой сессии;

2. предлагает государствам-членам:

a) представить свои мнения Генеральному секретарю;

b) сотрудничать с Управлением Верховного комиссара.

72-е пленарное заседание
27 декабря 2013 года
""",
    "ar": """68/247 - مسائل خاصة تتعلق بالميزانية البرنامجية

إن الجمعية العامة،

إذ تعيد تأكيد قرارها 67/246 المؤرخ 24 كانون الأول/ديسمبر 2012،

{I} - مسائل حقوق الإنسان

وإذ تشير إلى قرارها 60/251 المؤرخ 15 آذار/مارس 2006،

1 - تحيط علما بتقرير الأمين العام؛

2 - تطلب إلى الأمين العام أن يقدم إليها تقريرا عن ذلك في دورتها التاسعة والستين؛

{II} - التعاون في ميدان حقوق الإنسان

وإذ تشير أيضا إلى قرارها 63/180 المؤرخ 18 كانون الأول/ديسمبر 2008،

1 - تقرر أن تواصل النظر في المسألة في دورتها التاسعة والستين؛

2 - تدعو الدول الأعضاء إلى ما يلي:

(أ) تقديم آرائها إلى الأمين العام؛

(ب) التعاون مع مفوضية حقوق الإنسان.

الجلسة العامة 72
27 كانون الأول/ديسمبر 2013
""",
    "zh": """68/247. 与方案预算有关的特别问题

大会，

重申其2012年12月24日第67/246号决议，

{I}、人权问题

回顾其2006年3月15日第60/251号决议，

1. 注意到秘书长的报告；

2. 请秘书长就此向大会第六十九届会议提出报告；

{II}、人权领域的合作

又回顾其2008年12月18日第63/180号决议，

1. 决定在第六十九届会议上继续审议该问题；

2. 邀请会员国：

(a) 向秘书长提交意见；

(b) 与人权高专办合作。

2013年12月27日
第72次全体会议
""",
}

# (numbered, lettered) labels of the two sections, as printed in each language.
LABELS: Final[dict[str, tuple[tuple[str, str], tuple[str, str]]]] = {
    "en": (("I", "II"), ("A", "B")),
    "fr": (("I", "II"), ("A", "B")),
    "es": (("I", "II"), ("A", "B")),
    "ru": (("I", "II"), ("А", "Б")),  # Cyrillic letters
    "ar": (("أولا", "ثانيا"), ("ألف", "بـــاء")),  # the letter name with tatweel
    "zh": (("一", "二"), ("甲", "乙")),
}

HEADINGS: Final[dict[str, tuple[str, str]]] = {
    "en": ("Human rights questions", "Cooperation in the field of human rights"),
    "fr": (
        "Questions relatives aux droits de l'homme",
        "Coopération dans le domaine des droits de l'homme",
    ),
    "es": ("Cuestiones de derechos humanos", "Cooperación en la esfera de los derechos humanos"),
    "ru": ("Вопросы прав человека", "Сотрудничество в области прав человека"),
    "ar": ("مسائل حقوق الإنسان", "التعاون في ميدان حقوق الإنسان"),
    "zh": ("人权问题", "人权领域的合作"),
}


def sectioned(language: str, *, lettered: bool = False) -> str:
    """The sectioned text in `language`, with numbered (`I`) or lettered (`A`) sections."""
    first, second = LABELS[language][1 if lettered else 0]
    return TEXTS[language].format(I=first, II=second)
