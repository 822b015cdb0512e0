from hrdialogue.languages import LANGUAGES, fold_homoglyphs, get_language, normalise_text


def test_six_official_languages_with_arabic_right_to_left() -> None:
    assert sorted(LANGUAGES) == ["ar", "en", "es", "fr", "ru", "zh"]
    assert [c for c, lang in LANGUAGES.items() if lang.direction == "rtl"] == ["ar"]
    assert get_language("ru").iso639_2 == "rus"


def test_cyrillic_look_alikes_fold_to_latin_in_symbols() -> None:
    # "А/63/53" in the seed is written with a Cyrillic А.
    assert fold_homoglyphs("\u0410/63/53") == "A/63/53"


def test_dashes_and_spaces_are_folded() -> None:
    assert normalise_text("31 августа\u00a0\u2014 8 сентября") == "31 августа - 8 сентября"
