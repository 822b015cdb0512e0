"""Language detection: the six UN languages are told apart, and every other language refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hrdialogue.documents.errors import UnsupportedLanguage
from hrdialogue.documents.language import detect_language


def _header_and_body(path: Path) -> tuple[dict[str, str], str]:
    """A corpus file's `#` header (as a dict) and its body, which the reader alone sees."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header: dict[str, str] = {}
    while lines and lines[0].startswith("#"):
        key, _, value = lines.pop(0).lstrip("# ").partition(":")
        header[key.strip()] = value.strip()
    return header, "\n".join(lines)


def test_the_seed_is_russian(seed_text: str) -> None:
    assert detect_language(seed_text) == "ru"


def test_each_corpus_text_is_in_the_language_its_header_names(shared: Path) -> None:
    checked = []
    for path in sorted((shared / "corpus" / "un").glob("*.txt")):
        header, body = _header_and_body(path)
        if "bitext" in path.name:  # English and Arabic on every line: no single language
            continue
        assert detect_language(body) == header["language"], path.name
        checked.append(header["language"])
    # the corpus holds all six languages
    assert set(checked) == {"ar", "zh", "en", "fr", "ru", "es"}


# Hand-written sentences in the style of a resolution's opening, one per language that is
# not one of the six (each a translation of "The General Assembly, reaffirming its commitment
# to promote international cooperation, as provided for in the Charter of the United Nations").
OTHER_LANGUAGES = [
    (
        "German",
        "de",
        "Die Generalversammlung, in Bekräftigung ihrer Verpflichtung, die internationale "
        "Zusammenarbeit zu fördern, wie in der Charta der Vereinten Nationen vorgesehen,",
    ),
    (
        "Italian",
        "it",
        "L'Assemblea generale, riaffermando il proprio impegno a promuovere la cooperazione "
        "internazionale, come previsto dalla Carta delle Nazioni Unite,",
    ),
    (
        "Portuguese",
        "pt",
        "A Assembleia Geral, reafirmando o seu compromisso de promover a cooperação "
        "internacional, tal como previsto na Carta das Nações Unidas,",
    ),
    (
        "Ukrainian",
        "uk",
        "Генеральна Асамблея, підтверджуючи свою відданість розвитку міжнародного "
        "співробітництва, як це передбачено Статутом Організації Об'єднаних Націй,",
    ),
    (
        "Persian",
        "fa",
        "مجمع عمومی، با تأکید مجدد بر تعهد خود به گسترش همکاری‌های بین‌المللی، چنانکه در "
        "منشور سازمان ملل متحد پیش‌بینی شده است،",
    ),
    ("Japanese", "ja", "総会は、国際協力の促進へのコミットメントを再確認し、"),
    ("Korean", "ko", "총회는 국제 협력 증진에 대한 약속을 재확인하며,"),
]


@pytest.mark.parametrize(
    ("name", "code", "text"), OTHER_LANGUAGES, ids=[c for _, c, _ in OTHER_LANGUAGES]
)
def test_a_seventh_language_is_refused_by_name(name: str, code: str, text: str) -> None:
    with pytest.raises(UnsupportedLanguage) as error:
        detect_language(text, source="motion.txt")
    message = str(error.value)
    assert message.startswith("motion.txt: ")
    assert f"{name} ({code})" in message
    assert "(ar, zh, en, fr, ru, es)" in message


# Hand-written openings in the six languages (the lead phrases of reference/un-documents.md).
SIX = [
    (
        "ar",
        "إن الجمعية العامة، إذ تؤكد من جديد التزامها بتعزيز التعاون الدولي في ميدان حقوق الإنسان،",
    ),
    ("zh", "大会，重申其致力于按照《联合国宪章》的规定促进国际合作，"),
    (
        "en",
        "The General Assembly, reaffirming its commitment to promoting international cooperation,",
    ),
    (
        "fr",
        "L'Assemblée générale, réaffirmant sa volonté de promouvoir la coopération internationale,",
    ),
    ("ru", "Генеральная Ассамблея, подтверждая свою приверженность развитию сотрудничества,"),
    (
        "es",
        "La Asamblea General, reafirmando su compromiso de promover la cooperación internacional,",
    ),
]


@pytest.mark.parametrize(("code", "text"), SIX, ids=[c for c, _ in SIX])
def test_each_of_the_six_is_recognised(code: str, text: str) -> None:
    assert detect_language(text) == code


def test_symbols_and_numbers_do_not_sway_the_answer() -> None:
    # Russian words amid Latin document symbols: only the Cyrillic words are weighed.
    text = "См. A/CONF.157/24 (Part I), E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, глава II, раздел A."
    assert detect_language(text) == "ru"


def test_only_the_opening_of_a_long_text_is_read() -> None:
    # 2,000 characters of French, then German: the opening decides.
    french = ("L'Assemblée générale réaffirme sa volonté de promouvoir la coopération. " * 40)[
        :2000
    ]
    german = "Die Generalversammlung bekräftigt ihre Verpflichtung. " * 200
    assert detect_language(french + german) == "fr"


@pytest.mark.parametrize("text", ["", "   \n", "63/180. 2008 — 1993 (1)", "§ 1, 2, 3 …"])
def test_a_text_without_letters_cannot_be_told(text: str) -> None:
    with pytest.raises(UnsupportedLanguage, match="no letters"):
        detect_language(text)


def test_the_message_is_one_line() -> None:
    with pytest.raises(UnsupportedLanguage) as error:
        detect_language(OTHER_LANGUAGES[0][2])
    assert "\n" not in str(error.value)
    assert re.fullmatch(r"the text is in German \(de\), not one of .*", str(error.value))
