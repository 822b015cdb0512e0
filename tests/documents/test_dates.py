"""The one month table of the reader (`dates.MONTHS`) as a pattern other stages embed."""

from __future__ import annotations

import re

from hrdialogue.documents.dates import MONTH_NAMES, MONTHS


def test_month_names_pattern_reads_every_month_of_the_table() -> None:
    pattern = re.compile(MONTH_NAMES, re.IGNORECASE)
    for name in MONTHS:
        assert pattern.fullmatch(name), name
        assert pattern.fullmatch(name.upper()), name
    # Arabic month pairs may be split over a line: any white space between the two words.
    assert pattern.fullmatch("كانون\nالأول")
    assert pattern.fullmatch("kanun") is None
