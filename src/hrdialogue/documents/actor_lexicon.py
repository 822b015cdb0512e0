"""The actor lexicon: per actor key and language, the patterns that name the actor.

A key of the form "a+b" names two actors at once (an elliptic phrase such as "intergovernmental
and non-governmental organizations"). Patterns are written in lower case and folded like the
text (so "é" matches "e" and "É"); they never use upper-case escapes (\\S, \\W, \\D, \\B),
which folding would change. `actors` compiles them per language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["ACTOR_LEXICON"]


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
ACTOR_LEXICON: Final[Mapping[str, Mapping[str, tuple[str, ...]]]] = {
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
