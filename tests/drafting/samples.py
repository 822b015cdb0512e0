"""Notes verbales for the drafting tests: one to a Permanent Mission in each language.

The State names, questions, reference number and link are written by hand for these tests
(the names in the form each language's note needs: genitive in Russian, with the article in
French and Spanish); no text is copied from a UN note verbale.
"""

from __future__ import annotations

import datetime as dt

from hrdialogue.drafting.notes_verbales import NoteVerbale, compose_note_verbale

STATES = {
    "en": "Egypt",
    "fr": "le Mexique",
    "es": "el Perú",
    "ru": "Российской Федерации",
    "ar": "جمهورية مصر العربية",
    "zh": "中华人民共和国",
}
QUESTIONS = {
    "en": ["Which obstacles has your Government met?", "Which good practices would you share?"],
    "fr": ["Quels obstacles votre gouvernement a-t-il rencontrés ?", "Quelles bonnes pratiques ?"],
    "es": ["¿Qué obstáculos ha encontrado su Gobierno?", "¿Qué buenas prácticas desea compartir?"],
    "ru": ["С какими препятствиями сталкивалось правительство?", "Какой опыт вы предложите?"],
    "ar": ["ما هي العقبات التي واجهتها حكومتكم؟", "ما هي الممارسات الجيدة التي تودون تقاسمها؟"],
    "zh": ["贵国政府遇到了哪些障碍？", "贵国愿意分享哪些良好做法？"],
}
TITLES = {
    "en": "A title written for the tests",
    "fr": "Un titre écrit pour les tests",
    "es": "Un título escrito para las pruebas",
    "ru": "Заголовок, написанный для тестов",
    "ar": "عنوان كتب للاختبار",
    "zh": "为测试而写的标题",
}
OP10 = {
    "en": "Requests the Secretary-General to consult States on the ways and means of cooperation;",
    "fr": "Prie le Secrétaire général de consulter les États sur les moyens de coopérer ;",
    "es": "Solicita al Secretario General que consulte a los Estados sobre los medios;",
    "ru": "просит Генерального секретаря провести консультации с государствами;",
    "ar": "تطلب إلى الأمين العام أن يتشاور مع الدول بشأن سبل التعاون؛",
    "zh": "请秘书长就合作方式与各国进行协商；",
}
LANGUAGES = tuple(STATES)


def state_note(sample: str, **overrides: object) -> NoteVerbale:
    """A note in the language `sample` to its State, quoting OP10 in that language;
    `overrides` replace any argument of `compose_note_verbale` (the language too)."""
    language = sample
    arguments: dict[str, object] = {
        "language": language,
        "recipient_kind": "state",
        "recipient_name": STATES[language],
        "reference": "G/SO 214 (52-1)",
        "date": dt.date(2009, 3, 2),
        "deadline": dt.date(2009, 5, 15),
        "reply_url": "https://consult.example.org/r/x7Hk2",
        "questions": QUESTIONS[language],
        "word_limit": 2000,
        "resolution_number": "63/180",
        "resolution_body": "general-assembly",
        "resolution_date": dt.date(2008, 12, 18),
        "resolution_title": TITLES[language],
        "mandate_anchor": "OP10",
        "mandate_text": OP10[language],
        "mandate_language": language,
    }
    arguments.update(overrides)
    return compose_note_verbale(**arguments)  # type: ignore[arg-type]
