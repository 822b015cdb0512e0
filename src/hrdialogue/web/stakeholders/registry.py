"""The registry's source data, read offline: States from hdx-python-country, groups from us.

Pure functions that return plain values; `services.load_registry` persists them.
"""

from __future__ import annotations

import csv
import io
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

__all__ = [
    "OrganisationRecord",
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
    name: str


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


def read_organisations() -> list[OrganisationRecord]:
    """UN entities, specialized agencies and IGOs (our own list, English names)."""
    text = (_DATA / "organisations.csv").read_text(encoding="utf-8")
    return [
        OrganisationRecord(r["kind"], r["code"], r["acronym"], r["name"])
        for r in csv.DictReader(io.StringIO(text))
    ]
