"""The enacting formula is looked for in the document's language, then in the OTHER languages
only (`segment._OTHER_FORMULA_PATTERNS`), instead of in all six again: where the language's
own formulas are nowhere, the first of all six is another language's. Checked against the
plain way (language, then all six), with hypothesis. The pieces are HAND-WRITTEN from the
enacting formulas of `reference/un-documents.md`.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hrdialogue.documents.segment import _FORMULA_PATTERNS, Formula, find_enacting_formula


def _plain(text: str, language: str | None) -> Formula | None:
    """The language's formulas first, then every language's: the first valid one."""
    tables = [_FORMULA_PATTERNS.get(language, _FORMULA_PATTERNS[None])]
    if language is not None:
        tables.append(_FORMULA_PATTERNS[None])
    for table in tables:
        for pos in range(len(text)):
            if table.any.match(text, pos) and (
                pos == 0 or text[pos - 1].isspace() or text[pos - 1] == "|"
            ):
                for pattern, body in table.bodies:
                    found = pattern.match(text, pos)
                    if found is not None:
                        return Formula(pos, found.end(), found.group(), body)
    return None


_PIECES = [
    *" \n\t|,،，.xTLEГ大",
    *("The General Assembly", "The Human Rights Council", "The Security Council,"),
    *("L'Assemblée générale", "L’Assemblée générale,", "Le Conseil de sécurité", "La "),
    *("La Asamblea General", "El Consejo Económico y Social", "Генеральная Ассамблея"),
    *("Совет Безопасности,", "إن الجمعية العامة", "大会", "人权理事会，", "The Sub-Commission on "),
    *("Promotion and Protection of Human Rights", "the Prevention of Discrimination"),
]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=20).map("".join),
    st.sampled_from([None, "en", "fr", "es", "ru", "ar", "zh", "xx"]),
)
def test_the_formula_is_the_one_the_plain_way_finds(text: str, language: str | None) -> None:
    assert find_enacting_formula(text, language) == _plain(text, language)


def test_a_formula_in_another_language_is_found() -> None:
    text = "Report\nLa Asamblea General,\nThe General Assembly x"
    found = find_enacting_formula(text, "en")
    assert found is not None
    assert (found.start, found.text) == (7, "La Asamblea General,")
    assert find_enacting_formula("xThe General Assembly, y", "en") is None
