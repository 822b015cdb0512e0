"""The lead-phrase lexicon: preambular and operative lead phrases and their modifiers, in six
languages.

Data only; `leads` reads it. A key is the English phrase in lowercase kebab-case without its
modifiers. The seed is `reference/un-documents.md` §2 and the phrases seen in the corpus, not a
closed list.

Notation of the phrase tables, one key per line: `key: phrase | phrase`; `[word]` is an
optional modifier word (its modifier key comes from `INNER_MODIFIERS`, else the word itself); a
trailing `*` marks a stem that matches to the end of the word ("убежден*" matches "убеждена"
and "убежден"). A key may take several lines.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "INNER_MODIFIERS",
    "OPERATIVE_LEADS",
    "PREAMBULAR_LEADS",
    "PREFIX_MODIFIERS",
    "SUFFIX_MODIFIERS",
]

# Modifier words by language: printed form → modifier key. Prefix ones stand before the
# phrase ("Also requests", "又回顾"), suffix ones after it ("Recalling also", "просит также").
PREFIX_MODIFIERS: Final[dict[str, dict[str, str]]] = {
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
SUFFIX_MODIFIERS: Final[dict[str, dict[str, str]]] = {
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
INNER_MODIFIERS: Final[dict[str, str]] = {
    "также": "also",  # "ссылаясь также на"
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

PREAMBULAR_LEADS: Final[dict[str, str]] = {
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
recalling: ссылаясь [также] на | напоминая
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

OPERATIVE_LEADS: Final[dict[str, str]] = {
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
