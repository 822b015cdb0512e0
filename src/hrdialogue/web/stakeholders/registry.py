"""The registry's source data, read offline: States from hdx-python-country, groups from us.

Pure functions that return plain values; `services.load_registry` persists them. Our list of
UN entities, specialized agencies and IGOs (`data/organisations.csv`) names each in the six
languages, as the organisation and the UN's six language services write it; a row that lacks
a name, or whose name is not written in its language's script, is refused with its line.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

__all__ = [
    "OrganisationRecord",
    "RegistryDataError",
    "StateRecord",
    "read_organisations",
    "read_regional_groups",
    "read_states",
]

_DATA = Path(__file__).resolve().parent / "data"
_HDX_TABLE = "hdx/location/Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"
# The UNTERM list also names two non-member States that are not UN observers.
_NOT_OBSERVERS = {"COK", "NIU"}
_OBSERVERS = {"VAT", "PSE"}
_NAME_COLUMNS = {
    "en": "English Short",
    "fr": "French Short",
    "es": "Spanish Short",
    "ru": "Russian Short",
    "zh": "Chinese Short",
    "ar": "Arabic Short",
}


@dataclass(frozen=True, slots=True)
class StateRecord:
    code: str  # ISO 3166-1 alpha-3
    observer: bool
    names: dict[str, str]  # UN language code → UNTERM short name
    regional_group: str  # "" for the Holy See
    group_observer: bool


@dataclass(frozen=True, slots=True)
class OrganisationRecord:
    kind: str
    code: str
    acronym: str
    names: dict[str, str]  # UN language code → the organisation's name in that language

    @property
    def name(self) -> str:
        """The English name (the registry sorts by it)."""
        return self.names["en"]


class RegistryDataError(ValueError):
    """A row of the registry's own data is incomplete or malformed (a packaging mistake)."""


# The letters each language's name must contain (a name pasted into the wrong column shows).
_SCRIPTS = {
    "ar": re.compile(r"[\u0600-\u06ff]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "en": re.compile(r"[A-Za-z]"),
    "fr": re.compile(r"[A-Za-z]"),
    "es": re.compile(r"[A-Za-z]"),
}


def read_regional_groups() -> tuple[dict[str, str], set[str], dict[str, str]]:
    """(Member State → group, observers of their group, observer State → group)."""
    data = tomllib.loads((_DATA / "regional_groups.toml").read_text(encoding="utf-8"))
    member_group: dict[str, str] = {}
    for group, codes in data["groups"].items():
        for code in codes:
            if code in member_group:
                raise ValueError(f"regional_groups.toml: {code} is in two groups")
            member_group[code] = group
    return member_group, set(data["observers_of_group"]), dict(data["observer_states"])


def _hdx_table() -> str:
    dist = metadata.distribution("hdx-python-country")
    path = Path(str(dist.locate_file(_HDX_TABLE)))
    return path.read_text(encoding="utf-8")


def read_states(table: str | None = None) -> list[StateRecord]:
    """The 193 Member States and 2 observer States, with UNTERM short names in six languages."""
    member_group, group_observers, observer_group = read_regional_groups()
    states: list[StateRecord] = []
    for row in csv.DictReader(io.StringIO(table if table is not None else _hdx_table())):
        code = row["ISO 3166-1 Alpha 3-Codes"].strip()
        if row["Appears in UNTERM list"].strip() != "Y" or code in _NOT_OBSERVERS:
            continue
        names = {lang: row[col].strip() for lang, col in _NAME_COLUMNS.items() if row[col].strip()}
        observer = code in _OBSERVERS
        group = observer_group.get(code, "") if observer else member_group.get(code, "")
        if not observer and not group:
            raise ValueError(f"regional_groups.toml: Member State {code} has no regional group")
        states.append(StateRecord(code, observer, names, group, code in group_observers))
    return states


def read_organisations(text: str | None = None) -> list[OrganisationRecord]:
    """UN entities, specialized agencies and IGOs (our own list), named in the six languages.

    `text` is the CSV (the packaged `organisations.csv` when not given). `RegistryDataError`,
    naming the line and the column, for a row without a name in one of the six languages or
    with a name in another script.
    """
    if text is None:
        text = (_DATA / "organisations.csv").read_text(encoding="utf-8")
    records = []
    for line, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        names = {}
        for language, script in _SCRIPTS.items():
            name = (row.get(language) or "").strip()
            if not name:
                raise RegistryDataError(
                    f"organisations.csv, line {line}: no name in column {language!r}"
                )
            if script.search(name) is None:
                raise RegistryDataError(
                    f"organisations.csv, line {line}, column {language!r}: {name!r} is not"
                    " written in that language's script"
                )
            names[language] = name
        records.append(OrganisationRecord(row["kind"], row["code"], row["acronym"], names))
    return records
