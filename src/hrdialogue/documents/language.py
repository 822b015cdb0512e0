"""`detect_language`: which language a text is in, accepting only the six UN languages.

Detection runs among many languages first and only then checks the answer against the six:
a detector restricted to the six would call a German text French. The steps:

1. Count the letters of the text's first ~2,000 characters by Unicode script.
2. Han letters mean Chinese (unless there is kana, Japanese, or hangul, Korean). Arabic,
   Cyrillic and Latin letters go to lingua restricted to the languages of that script, so
   Arabic is told from Persian and Urdu, Russian from Ukrainian and Bulgarian, English from
   German and Italian. Any other script goes to lingua among all its languages.
3. Only words are weighed, not digits, punctuation, acronyms or the letters of symbols such as
   `A/CONF.157/24` in a Russian text; and only the words written in the dominant script are
   given to lingua.

lingua runs in its low-accuracy mode (trigram models only): a detector built once, lazily,
per script (about 110 MB for Latin, about 1 s the first time), against 11 s and 1.3 GB for
every model preloaded. On a paragraph or more of text the two modes agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from typing import Final

from lingua import LanguageDetector, LanguageDetectorBuilder

from hrdialogue.documents.errors import UnsupportedLanguage
from hrdialogue.languages import LANGUAGES

__all__ = ["SAMPLE_CHARS", "detect_language"]

SAMPLE_CHARS: Final = 2000
"""Only the first characters of a text are looked at: enough for a reliable answer."""

_SIX: Final = ", ".join(LANGUAGES)
_WORD = re.compile(r"[^\W\d_]+")

# The first word of a letter's Unicode name, for the scripts that decide the route.
_LATIN, _CYRILLIC, _ARABIC, _HAN = "LATIN", "CYRILLIC", "ARABIC", "CJK"
_KANA = frozenset({"HIRAGANA", "KATAKANA"})
_HANGUL = "HANGUL"


def detect_language(text: str, *, source: str | None = None) -> str:
    """The ISO 639-1 code (`ar`, `zh`, `en`, `fr`, `ru`, `es`) of the language of `text`.

    Raises `UnsupportedLanguage` naming the language when it is not one of the six, or when
    the text has no letters to tell it by. `source` names the input in that error.
    """
    words = _words(text[:SAMPLE_CHARS])
    scripts = Counter(_script(ch) for word in words for ch in word)
    if not scripts:
        msg = "cannot tell the language: the text has no letters"
        raise UnsupportedLanguage(msg, source=source)
    script = scripts.most_common(1)[0][0]
    if script in {_HAN, _HANGUL} or script in _KANA:
        if scripts[_HANGUL] > 0:
            return _accept("ko", "Korean", source)
        if any(scripts[k] for k in _KANA):
            return _accept("ja", "Japanese", source)
        return "zh"
    same_script = [w for w in words if all(_script(ch) == script for ch in w)]
    language = _detector(script).detect_language_of(" ".join(same_script))
    if language is None:
        msg = "cannot tell the language of the text"
        raise UnsupportedLanguage(msg, source=source)
    return _accept(language.iso_code_639_1.name.lower(), language.name.title(), source)


def _words(sample: str) -> list[str]:
    """The words of `sample` that tell its language: not acronyms, not parts of symbols.

    `A/CONF.157/24 (Part I)` in a Russian footnote gives only `Part`; `E/CN.4/Sub.2` nothing.
    When nothing is left (a text of acronyms), every word is kept.
    """
    found = list(_WORD.finditer(sample))
    kept = [
        m.group()
        for m in found
        if not (m.group().isupper() and len(m.group()) <= 5)
        and sample[m.start() - 1 : m.start()] != "/"
        and sample[m.end() : m.end() + 1] != "/"
    ]
    return kept or [m.group() for m in found]


def _accept(code: str, name: str, source: str | None) -> str:
    if code in LANGUAGES:
        return code
    msg = f"the text is in {name} ({code}), not one of the six official UN languages ({_SIX})"
    raise UnsupportedLanguage(msg, source=source)


def _script(ch: str) -> str:
    """The script of a letter, as the first word of its Unicode name (`LATIN`, `CJK`, …)."""
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


@cache
def _detector(script: str) -> LanguageDetector:
    """A low-accuracy lingua detector over the languages written in `script` (or all)."""
    builder = {
        _LATIN: LanguageDetectorBuilder.from_all_languages_with_latin_script,
        _CYRILLIC: LanguageDetectorBuilder.from_all_languages_with_cyrillic_script,
        _ARABIC: LanguageDetectorBuilder.from_all_languages_with_arabic_script,
    }.get(script, LanguageDetectorBuilder.from_all_languages)
    return builder().with_low_accuracy_mode().build()
