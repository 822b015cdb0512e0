"""A password a guesser would find early is refused (battery C5).

Django's validators refuse short, numeric, listed-common passwords and ones like the e-mail
address; they let "Welcome2026!", "unitednations2026" or "chile2026chile" through (73 of the
100 weak passwords of `tests/web/test_password_policy.py`). zxcvbn estimates how many guesses
an attacker needs, knowing dictionary words, names, keyboard walks, repeats, sequences, years
and l33t spellings; here it also knows the person's own name and e-mail words and the words
of this platform's world (the UN, human rights, Geneva). A password is refused below
10^`min_guesses_log10` guesses (10^10 by default: well beyond a slow-hash offline attack's
reach at the 12 characters asked for, while a passphrase of three or four words, or 12
random characters, passes with a wide margin).

zxcvbn's own advice is English only; the message shown is this platform's, in six languages.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from zxcvbn import zxcvbn

__all__ = ["GuessabilityValidator"]

# The words of the platform's world that a person here is likely to build a password on.
_CONTEXT = (
    "hrdialogue",
    "unitednations",
    "united",
    "nations",
    "humanrights",
    "human",
    "rights",
    "ohchr",
    "geneva",
    "genève",
    "newyork",
    "secretariat",
    "consultation",
    "delegation",
    "mission",
    "resolution",
    "dialogue",
    "council",
    "assembly",
)
_SPLIT = re.compile(r"[\W_]+")
# zxcvbn's matching is quadratic in the length: past this, the rest adds strength anyway.
_CHECKED = 100


def _person_words(user: Any) -> list[str]:
    words: list[str] = []
    for attribute in ("email", "first_name", "last_name"):
        value = str(getattr(user, attribute, "") or "")
        if value:
            words.append(value)
            words += [w for w in _SPLIT.split(value.lower()) if len(w) > 2]
    return words


class GuessabilityValidator:
    """Refuse a password that zxcvbn estimates takes fewer than 10^`min_guesses_log10`
    guesses, counting the person's own words and the platform's as known."""

    def __init__(self, min_guesses_log10: float = 10) -> None:
        self.min_guesses_log10 = min_guesses_log10

    def validate(self, password: str, user: Any = None) -> None:
        known = [*_CONTEXT, *_person_words(user)]
        estimate = zxcvbn(password[:_CHECKED], user_inputs=known)
        if float(estimate["guesses_log10"]) < self.min_guesses_log10:
            raise ValidationError(
                _(
                    "This password would be guessed too soon: it is built on words, names, "
                    "dates, sequences or repeats. A few unrelated words make a strong one."
                ),
                code="password_too_guessable",
            )

    def get_help_text(self) -> str:
        return _(
            "Your password must not be easy to guess: no words, names or dates with a few "
            "characters added. A few unrelated words make a strong one."
        )
