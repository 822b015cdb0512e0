"""Lead phrases in six languages: key and modifiers, at the position asked, or none.

The phrases are the UN's printed forms (`reference/un-documents.md` §2), HAND-WRITTEN here.
"""

from __future__ import annotations

import pytest

from hrdialogue.documents.leads import find_operative_leads, match_lead
from hrdialogue.documents.lexicon import OPERATIVE_LEADS, PREAMBULAR_LEADS

CASES = [
    ("en", "preambular", "Recalling also its resolution 62/160,", "recalling", ("also",)),
    ("en", "operative", "Also requests the Secretary-General", "requests", ("also",)),
    ("en", "operative", "Strongly urges all States", "urges", ("strongly",)),
    ("en", "preambular", "Deeply concerned at", "concerned", ("deeply",)),
    ("fr", "preambular", "Profondément préoccupée par", "concerned", ("deeply",)),
    ("fr", "operative", "Prie également le Secrétaire général", "requests", ("also",)),
    ("es", "operative", "Pide también al Secretario General", "requests", ("also",)),
    ("ru", "preambular", "напоминая также о", "recalling", ("also",)),
    ("ru", "preambular", "ссылаясь на свою резолюцию 60/251,", "recalling", ()),
    # the modifier inside the phrase (hand-written: "Recalling also its resolution")
    ("ru", "preambular", "ссылаясь также на свою резолюцию 62/160,", "recalling", ("also",)),
    ("ru", "preambular", "будучи глубоко убеждена, что", "convinced", ("deeply",)),
    ("ru", "operative", "настоятельно призывает государства", "urges", ()),
    ("ar", "preambular", "وإذ تشير أيضا إلى", "recalling", ("also",)),
    ("zh", "preambular", "又回顾其决议", "recalling", ("also",)),
    ("zh", "operative", "请秘书长", "requests", ()),
]


@pytest.mark.parametrize(("language", "kind", "text", "key", "modifiers"), CASES)
def test_lead_key_and_modifiers(
    language: str, kind: str, text: str, key: str, modifiers: tuple[str, ...]
) -> None:
    prefix = "12. "
    found = match_lead(prefix + text, len(prefix), language, kind)  # type: ignore[arg-type]
    assert found is not None
    assert (found.key, found.modifiers) == (key, modifiers)
    assert found.start == len(prefix)
    assert (prefix + text)[found.start : found.end] == found.lead


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "the Secretary-General to report"),
        ("en", "Recall"),  # a phrase is a whole word: "Recall" is not "Recalling"
        ("ru", "государства-члены"),
        ("zh", "秘书长"),
    ],
)
def test_no_lead(language: str, text: str) -> None:
    assert match_lead(text, 0, language, "preambular") is None
    assert match_lead(text, 0, language, "operative") is None


def test_every_lexicon_phrase_is_found_as_printed() -> None:
    for kind, table in (("preambular", PREAMBULAR_LEADS), ("operative", OPERATIVE_LEADS)):
        for language, source in table.items():
            for line in source.strip().splitlines():
                key, _, alternatives = line.partition(":")
                for phrase in alternatives.split("|"):
                    printed = phrase.strip().replace("[", "").replace("]", "").rstrip("*")
                    found = match_lead(printed + " ", 0, language, kind)  # type: ignore[arg-type]
                    assert found is not None, (language, printed)
                    assert found.key == key.strip() or found.end > len(printed), printed


def test_further_leads_after_a_conjunction() -> None:
    text = "призывает государства и рекомендует неправительственным организациям"
    assert [lead.key for lead in find_operative_leads(text, "ru")] == ["calls-upon", "recommends"]
