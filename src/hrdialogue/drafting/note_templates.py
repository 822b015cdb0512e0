"""The sentences of a note verbale (and of a letter to an NGO) in the six UN languages.

Every entry is a whole sentence with named placeholders, written for this project in the
forms UN notes verbales use ("presents his compliments to … and has the honour to refer to
…", "avails himself of this opportunity to renew to … the assurances of his highest
consideration"). THE TRANSLATIONS AWAIT REVIEW BY UN LANGUAGE STAFF: they follow the
formulas the UN translation services publish, but no language unit has read them yet.

Placeholders (filled by `notes_verbales`):

- `{name}`: the recipient's name in the form that follows "of" in the language (see
  `compose_note_verbale`); `{de_name}` (fr, es) and `{li_name}` (ar) add the preposition,
  contracted ("du Mexique", "del Perú", "للأرجنتين").
- `{addressee}`: the addressee phrase of `ADDRESSEES` (Russian: dative); `{to_addressee}`
  (en, fr, es) adds "to"/"à"/"a"; `{li_addressee}` (ar) adds لـ.
- `{views}`: whose views are asked for (`VIEWS`; Russian: genitive); `{of_views}` (fr, es)
  adds "de", contracted.
- `{resolution}`: the `RESOLUTION` phrase; `{body}`, `{number}`, `{date}`, `{title}` in it.
- `{paragraph}`, `{language_in}`, `{deadline}`, `{words}`, `{sender_of}`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "ADDRESSEES",
    "BODIES",
    "LANGUAGE_IN",
    "LETTER",
    "NOTE",
    "NOTE_TEXTS",
    "RESOLUTION",
    "SENDER_NAMES",
    "TITLES",
    "VIEWS",
    "LetterVoice",
    "NoteTexts",
    "NoteVoice",
    "RecipientKind",
    "SenderKey",
]

SenderKey = Literal["secretary-general", "ohchr"]
RecipientKind = Literal["state", "igo", "un-entity", "nhri", "ngo"]


@dataclass(frozen=True, slots=True)
class NoteVoice:
    """The sentences a note verbale says in the sender's voice (third person)."""

    opening: str
    views: str
    closing: str


@dataclass(frozen=True, slots=True)
class LetterVoice:
    """The sentences of a letter (to an NGO), first person, on behalf of the sender."""

    salutation: str
    opening: str
    views: str
    closing: str


@dataclass(frozen=True, slots=True)
class NoteTexts:
    """The sentences that do not depend on who sends the note."""

    quote_intro: str
    quote_note: str
    deadline: str
    deadline_words: str
    reply: str
    publication: str


NOTE: Final[dict[tuple[str, SenderKey], NoteVoice]] = {
    ("en", "secretary-general"): NoteVoice(
        opening="The Secretary-General of the United Nations presents his compliments "
        "{to_addressee} and has the honour to refer to {resolution}.",
        views="The Secretary-General would be grateful to receive the views of {views} "
        "on the following questions:",
        closing="The Secretary-General avails himself of this opportunity to renew "
        "{to_addressee} the assurances of his highest consideration.",
    ),
    ("en", "ohchr"): NoteVoice(
        opening="The Office of the United Nations High Commissioner for Human Rights presents "
        "its compliments {to_addressee} and has the honour to refer to {resolution}.",
        views="The Office would be grateful to receive the views of {views} "
        "on the following questions:",
        closing="The Office of the United Nations High Commissioner for Human Rights avails "
        "itself of this opportunity to renew {to_addressee} the assurances of its highest "
        "consideration.",
    ),
    ("fr", "secretary-general"): NoteVoice(
        opening="Le Secrétaire général de l'Organisation des Nations Unies présente ses "
        "compliments {to_addressee} et a l'honneur de se référer à {resolution}.",
        views="Le Secrétaire général souhaiterait recevoir les vues {of_views} "
        "sur les questions suivantes :",
        closing="Le Secrétaire général saisit cette occasion pour renouveler {to_addressee} "
        "les assurances de sa très haute considération.",
    ),
    ("fr", "ohchr"): NoteVoice(
        opening="Le Haut-Commissariat des Nations Unies aux droits de l'homme présente ses "
        "compliments {to_addressee} et a l'honneur de se référer à {resolution}.",
        views="Le Haut-Commissariat souhaiterait recevoir les vues {of_views} "
        "sur les questions suivantes :",
        closing="Le Haut-Commissariat des Nations Unies aux droits de l'homme saisit cette "
        "occasion pour renouveler {to_addressee} les assurances de sa très haute considération.",
    ),
    ("es", "secretary-general"): NoteVoice(
        opening="El Secretario General de las Naciones Unidas saluda atentamente "
        "{to_addressee} y tiene el honor de referirse a {resolution}.",
        views="El Secretario General agradecería recibir las opiniones {of_views} "
        "sobre las siguientes cuestiones:",
        closing="El Secretario General aprovecha la oportunidad para reiterar {to_addressee} "
        "las seguridades de su más alta consideración.",
    ),
    ("es", "ohchr"): NoteVoice(
        opening="La Oficina del Alto Comisionado de las Naciones Unidas para los Derechos "
        "Humanos saluda atentamente {to_addressee} y tiene el honor de referirse a "
        "{resolution}.",
        views="La Oficina agradecería recibir las opiniones {of_views} "
        "sobre las siguientes cuestiones:",
        closing="La Oficina del Alto Comisionado de las Naciones Unidas para los Derechos "
        "Humanos aprovecha la oportunidad para reiterar {to_addressee} las seguridades de su "
        "más alta consideración.",
    ),
    ("ru", "secretary-general"): NoteVoice(
        opening="Генеральный секретарь Организации Объединенных Наций свидетельствует свое "
        "уважение {addressee} и имеет честь сослаться на {resolution}.",
        views="Генеральный секретарь был бы признателен за представление мнений {views} "
        "по следующим вопросам:",
        closing="Генеральный секретарь пользуется случаем, чтобы возобновить {addressee} "
        "уверения в своем самом высоком уважении.",
    ),
    ("ru", "ohchr"): NoteVoice(
        opening="Управление Верховного комиссара Организации Объединенных Наций по правам "
        "человека свидетельствует свое уважение {addressee} и имеет честь сослаться на "
        "{resolution}.",
        views="Управление было бы признательно за представление мнений {views} "
        "по следующим вопросам:",
        closing="Управление Верховного комиссара Организации Объединенных Наций по правам "
        "человека пользуется случаем, чтобы возобновить {addressee} уверения в своем самом "
        "высоком уважении.",
    ),
    ("ar", "secretary-general"): NoteVoice(
        opening="يهدي الأمين العام للأمم المتحدة أطيب تحياته إلى {addressee}، "
        "ويتشرف بأن يشير إلى {resolution}.",
        views="ويرجو الأمين العام موافاته بآراء {views} بشأن الأسئلة التالية:",
        closing="وينتهز الأمين العام هذه الفرصة ليعرب مجددا {li_addressee} عن أسمى آيات تقديره.",
    ),
    ("ar", "ohchr"): NoteVoice(
        opening="تهدي مفوضية الأمم المتحدة السامية لحقوق الإنسان أطيب تحياتها إلى "
        "{addressee}، وتتشرف بأن تشير إلى {resolution}.",
        views="وترجو المفوضية موافاتها بآراء {views} بشأن الأسئلة التالية:",
        closing="وتغتنم المفوضية هذه الفرصة لتعرب مجددا {li_addressee} عن أسمى آيات تقديرها.",
    ),
    ("zh", "secretary-general"): NoteVoice(
        opening="联合国秘书长向{addressee}致意，并谨提及{resolution}。",
        views="秘书长希望收到{views}对以下问题的意见：",
        closing="秘书长借此机会向{addressee}重申最崇高的敬意。",
    ),
    ("zh", "ohchr"): NoteVoice(
        opening="联合国人权事务高级专员办事处向{addressee}致意，并谨提及{resolution}。",
        views="人权高专办希望收到{views}对以下问题的意见：",
        closing="人权高专办借此机会向{addressee}重申最崇高的敬意。",
    ),
}

LETTER: Final[dict[str, LetterVoice]] = {
    "en": LetterVoice(
        salutation="Dear Sir or Madam,",
        opening="I have the honour to write to you on behalf of {sender_of} with reference "
        "to {resolution}.",
        views="I should be grateful to receive the views of your organization on the "
        "following questions:",
        closing="Please accept the assurances of my highest consideration.",
    ),
    "fr": LetterVoice(
        salutation="Madame, Monsieur,",
        opening="J'ai l'honneur de vous écrire au nom {sender_of} au sujet de {resolution}.",
        views="Je vous saurais gré de bien vouloir me faire part des vues de votre "
        "organisation sur les questions suivantes :",
        closing="Je vous prie d'agréer, Madame, Monsieur, l'assurance de ma très haute "
        "considération.",
    ),
    "es": LetterVoice(
        salutation="Señora, Señor:",
        opening="Tengo el honor de dirigirme a usted en nombre {sender_of} en relación con "
        "{resolution}.",
        views="Le agradecería que me hiciera llegar las opiniones de su organización sobre "
        "las siguientes cuestiones:",
        closing="Aprovecho la oportunidad para saludarle atentamente.",
    ),
    "ru": LetterVoice(
        salutation="Уважаемые дамы и господа!",
        opening="Имею честь обратиться к Вам от имени {sender_of} со ссылкой на {resolution}.",
        views="Просим Вас представить мнения Вашей организации по следующим вопросам:",
        closing="Примите уверения в моем самом высоком уважении.",
    ),
    "ar": LetterVoice(
        salutation="حضرات السيدات والسادة،",
        opening="يشرفني أن أكتب إليكم باسم {sender_of} بالإشارة إلى {resolution}.",
        views="وأرجو موافاتي بآراء منظمتكم بشأن الأسئلة التالية:",
        closing="وتفضلوا بقبول فائق الاحترام والتقدير.",
    ),
    "zh": LetterVoice(
        salutation="尊敬的先生/女士：",
        opening="谨代表{sender_of}致函，并谨提及{resolution}。",
        views="请贵组织就以下问题提出意见：",
        closing="顺致崇高的敬意。",
    ),
}

NOTE_TEXTS: Final[dict[str, NoteTexts]] = {
    "en": NoteTexts(
        quote_intro="Paragraph {paragraph} of the resolution reads as follows:",
        quote_note="The paragraph is quoted {language_in}, the language of the version of "
        "the resolution available to the Secretariat.",
        deadline="Replies should be submitted no later than {deadline}.",
        deadline_words="Replies should be submitted no later than {deadline} and should not "
        "exceed {words} words.",
        reply="Replies may be submitted in any of the six official languages of the United "
        "Nations through the following secure link, where a signed receipt is issued for "
        "each reply:",
        publication="When submitting a reply, the sender may indicate whether it may be "
        "published, published without attribution or kept confidential.",
    ),
    "fr": NoteTexts(
        quote_intro="Le paragraphe {paragraph} de la résolution se lit comme suit :",
        quote_note="Le paragraphe est cité {language_in}, langue de la version de la "
        "résolution dont dispose le Secrétariat.",
        deadline="Les réponses devraient être soumises au plus tard le {deadline}.",
        deadline_words="Les réponses devraient être soumises au plus tard le {deadline} et "
        "ne pas dépasser {words} mots.",
        reply="Les réponses peuvent être soumises dans l'une quelconque des six langues "
        "officielles de l'Organisation des Nations Unies au moyen du lien sécurisé suivant, "
        "qui délivre un accusé de réception signé pour chaque réponse :",
        publication="Lors de la soumission, l'expéditeur peut indiquer si la réponse peut "
        "être publiée, publiée sans attribution ou doit rester confidentielle.",
    ),
    "es": NoteTexts(
        quote_intro="El párrafo {paragraph} de la resolución dice lo siguiente:",
        quote_note="El párrafo se cita {language_in}, idioma de la versión de la "
        "resolución de que dispone la Secretaría.",
        deadline="Las respuestas deberán presentarse a más tardar el {deadline}.",
        deadline_words="Las respuestas deberán presentarse a más tardar el {deadline} y no "
        "deberán exceder de {words} palabras.",
        reply="Las respuestas pueden presentarse en cualquiera de los seis idiomas oficiales "
        "de las Naciones Unidas a través del siguiente enlace seguro, que expide un acuse de "
        "recibo firmado por cada respuesta:",
        publication="Al presentar su respuesta, el remitente podrá indicar si esta puede "
        "publicarse, publicarse sin atribución o debe mantenerse confidencial.",
    ),
    "ru": NoteTexts(
        quote_intro="Пункт {paragraph} резолюции гласит:",
        quote_note="Пункт приводится {language_in} — на языке имеющейся в распоряжении "
        "Секретариата версии резолюции.",
        deadline="Ответы следует представить не позднее {deadline}.",
        deadline_words="Ответы следует представить не позднее {deadline}; их объем не "
        "должен превышать {words}.",
        reply="Ответы могут быть представлены на любом из шести официальных языков "
        "Организации Объединенных Наций по следующей защищенной ссылке; на каждый ответ "
        "выдается подписанное подтверждение о получении:",
        publication="При представлении ответа отправитель может указать, может ли ответ "
        "быть опубликован, опубликован без указания авторства или должен остаться "
        "конфиденциальным.",
    ),
    "ar": NoteTexts(
        quote_intro="وتنص الفقرة {paragraph} من القرار على ما يلي:",
        quote_note="ويرد نص الفقرة {language_in}، وهي لغة نسخة القرار المتاحة للأمانة العامة.",
        deadline="ويرجى تقديم الردود في موعد أقصاه {deadline}.",
        deadline_words="ويرجى تقديم الردود في موعد أقصاه {deadline}، "
        "على ألا يتجاوز عدد كلماتها {words}.",
        reply="ويمكن تقديم الردود بأي من اللغات الرسمية الست للأمم المتحدة عن طريق الرابط "
        "الآمن التالي، الذي يصدر إشعارا موقعا باستلام كل رد:",
        publication="ويجوز للجهة المرسلة، عند تقديم ردها، أن تبين ما إذا كان يجوز نشر الرد، "
        "أو نشره دون ذكر مصدره، أو وجوب الحفاظ على سريته.",
    ),
    "zh": NoteTexts(
        quote_intro="该决议{paragraph}段内容如下：",  # {paragraph}: 第10, 第二节第2
        quote_note="该段{language_in}引述，即秘书处所掌握的决议文本的语文。",
        deadline="答复应不迟于{deadline}提交。",
        deadline_words="答复应不迟于{deadline}提交，篇幅不超过{words}字。",
        reply="答复可使用联合国六种正式语文中的任何一种，通过以下安全链接提交；"
        "每份答复均会获得一份经签名的回执：",
        publication="提交答复时，提交方可说明答复可以公开、可以不署名公开还是应予保密。",
    ),
}

# The resolution a note refers to: {body} {number} {date} {title}; the `untitled` form
# leaves the title out (the reader may not have found it).
RESOLUTION: Final[dict[str, tuple[str, str]]] = {
    "en": (
        "{body} resolution {number} of {date}, entitled “{title}”",
        "{body} resolution {number} of {date}",
    ),
    "fr": (
        "la résolution {number} {body} en date du {date}, intitulée « {title} »",
        "la résolution {number} {body} en date du {date}",
    ),
    "es": (
        "la resolución {number} {body}, de {date}, titulada “{title}”",
        "la resolución {number} {body}, de {date}",
    ),
    "ru": (
        "резолюцию {number} {body} от {date}, озаглавленную «{title}»",
        "резолюцию {number} {body} от {date}",
    ),
    "ar": (
        'قرار {body} {number} المؤرخ {date} والمعنون "{title}"',
        "قرار {body} {number} المؤرخ {date}",
    ),
    "zh": ("{body}{date}题为“{title}”的第{number}号决议", "{body}{date}第{number}号决议"),
}

# The body in the form the `RESOLUTION` phrase needs (fr, es: with "de"; ru: genitive).
BODIES: Final[dict[str, dict[str, str]]] = {
    "en": {"general-assembly": "General Assembly", "human-rights-council": "Human Rights Council"},
    "fr": {
        "general-assembly": "de l'Assemblée générale",
        "human-rights-council": "du Conseil des droits de l'homme",
    },
    "es": {
        "general-assembly": "de la Asamblea General",
        "human-rights-council": "del Consejo de Derechos Humanos",
    },
    "ru": {
        "general-assembly": "Генеральной Ассамблеи",
        "human-rights-council": "Совета по правам человека",
    },
    "ar": {"general-assembly": "الجمعية العامة", "human-rights-council": "مجلس حقوق الإنسان"},
    "zh": {"general-assembly": "大会", "human-rights-council": "人权理事会"},
}

# Addressee of a note verbale, by recipient kind ("state@ohchr": a mission in Geneva, where
# the Office writes from). Russian: dative. Not used for NGOs, who get a letter.
ADDRESSEES: Final[dict[str, dict[str, str]]] = {
    "en": {
        "state": "the Permanent Mission of {name} to the United Nations",
        "state@ohchr": "the Permanent Mission of {name} to the United Nations Office at Geneva",
        "igo": "the secretariat of {name}",
        "un-entity": "the executive head of {name}",
        "nhri": "the Chair of {name}",
    },
    "fr": {
        "state": "la Mission permanente {de_name} auprès de l'Organisation des Nations Unies",
        "state@ohchr": "la Mission permanente {de_name} auprès de l'Office des Nations Unies "
        "à Genève",
        "igo": "le secrétariat {de_name}",
        "un-entity": "le chef de secrétariat {de_name}",
        "nhri": "la présidence {de_name}",
    },
    "es": {
        "state": "la Misión Permanente {de_name} ante las Naciones Unidas",
        "state@ohchr": "la Misión Permanente {de_name} ante la Oficina de las Naciones Unidas "
        "en Ginebra",
        "igo": "la secretaría {de_name}",
        "un-entity": "el jefe ejecutivo {de_name}",
        "nhri": "la Presidencia {de_name}",
    },
    "ru": {
        "state": "Постоянному представительству {name} при Организации Объединенных Наций",
        "state@ohchr": "Постоянному представительству {name} при Отделении Организации "
        "Объединенных Наций в Женеве",
        "igo": "секретариату {name}",
        "un-entity": "административному руководителю {name}",
        "nhri": "председателю {name}",
    },
    "ar": {
        "state": "البعثة الدائمة {li_name} لدى الأمم المتحدة",
        "state@ohchr": "البعثة الدائمة {li_name} لدى مكتب الأمم المتحدة في جنيف",
        "igo": "أمانة {name}",
        "un-entity": "الرئيس التنفيذي {li_name}",
        "nhri": "رئاسة {name}",
    },
    "zh": {
        "state": "{name}常驻联合国代表团",
        "state@ohchr": "{name}常驻联合国日内瓦办事处代表团",
        "igo": "{name}秘书处",
        "un-entity": "{name}行政首长",
        "nhri": "{name}主席",
    },
}

# Whose views a note asks for: a State's Government, or the body itself. Russian: genitive.
VIEWS: Final[dict[str, tuple[str, str]]] = {
    "en": ("the Government of {name}", "{name}"),
    "fr": ("le Gouvernement {de_name}", "{name}"),
    "es": ("el Gobierno {de_name}", "{name}"),
    "ru": ("правительства {name}", "{name}"),
    "ar": ("حكومة {name}", "{name}"),
    "zh": ("{name}政府", "{name}"),
}

# The sender as a letter names it after "on behalf of" (fr, es: with "de"; ru: genitive),
# and as a signature.
SENDER_NAMES: Final[dict[str, dict[SenderKey, tuple[str, str]]]] = {
    "en": {
        "secretary-general": (
            "the Secretary-General of the United Nations",
            "Secretary-General of the United Nations",
        ),
        "ohchr": (
            "the Office of the United Nations High Commissioner for Human Rights",
            "Office of the United Nations High Commissioner for Human Rights",
        ),
    },
    "fr": {
        "secretary-general": (
            "du Secrétaire général de l'Organisation des Nations Unies",
            "Secrétaire général de l'Organisation des Nations Unies",
        ),
        "ohchr": (
            "du Haut-Commissariat des Nations Unies aux droits de l'homme",
            "Haut-Commissariat des Nations Unies aux droits de l'homme",
        ),
    },
    "es": {
        "secretary-general": (
            "del Secretario General de las Naciones Unidas",
            "Secretario General de las Naciones Unidas",
        ),
        "ohchr": (
            "de la Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos",
            "Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos",
        ),
    },
    "ru": {
        "secretary-general": (
            "Генерального секретаря Организации Объединенных Наций",
            "Генеральный секретарь Организации Объединенных Наций",
        ),
        "ohchr": (
            "Управления Верховного комиссара Организации Объединенных Наций по правам человека",
            "Управление Верховного комиссара Организации Объединенных Наций по правам человека",
        ),
    },
    "ar": {
        "secretary-general": ("الأمين العام للأمم المتحدة", "الأمين العام للأمم المتحدة"),
        "ohchr": (
            "مفوضية الأمم المتحدة السامية لحقوق الإنسان",
            "مفوضية الأمم المتحدة السامية لحقوق الإنسان",
        ),
    },
    "zh": {
        "secretary-general": ("联合国秘书长", "联合国秘书长"),
        "ohchr": ("联合国人权事务高级专员办事处", "联合国人权事务高级专员办事处"),
    },
}

# "in <language>" in each language: LANGUAGE_IN[note language][language of the quote].
LANGUAGE_IN: Final[dict[str, dict[str, str]]] = {
    "en": {
        "ar": "in Arabic",
        "zh": "in Chinese",
        "en": "in English",
        "fr": "in French",
        "ru": "in Russian",
        "es": "in Spanish",
    },
    "fr": {
        "ar": "en arabe",
        "zh": "en chinois",
        "en": "en anglais",
        "fr": "en français",
        "ru": "en russe",
        "es": "en espagnol",
    },
    "es": {
        "ar": "en árabe",
        "zh": "en chino",
        "en": "en inglés",
        "fr": "en francés",
        "ru": "en ruso",
        "es": "en español",
    },
    "ru": {
        "ar": "на арабском языке",
        "zh": "на китайском языке",
        "en": "на английском языке",
        "fr": "на французском языке",
        "ru": "на русском языке",
        "es": "на испанском языке",
    },
    "ar": {
        "ar": "باللغة العربية",
        "zh": "باللغة الصينية",
        "en": "باللغة الإنكليزية",
        "fr": "باللغة الفرنسية",
        "ru": "باللغة الروسية",
        "es": "باللغة الإسبانية",
    },
    "zh": {
        "ar": "以阿拉伯文",
        "zh": "以中文",
        "en": "以英文",
        "fr": "以法文",
        "ru": "以俄文",
        "es": "以西班牙文",
    },
}

# Document titles for the file's metadata: (note verbale, letter).
TITLES: Final[dict[str, tuple[str, str]]] = {
    "en": ("Note verbale", "Letter"),
    "fr": ("Note verbale", "Lettre"),
    "es": ("Nota verbal", "Carta"),
    "ru": ("Вербальная нота", "Письмо"),
    "ar": ("مذكرة شفوية", "رسالة"),
    "zh": ("普通照会", "信函"),
}
