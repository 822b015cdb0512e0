"""Use cases of the registry: load it, import organisations from CSV, add a contact."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from hrdialogue.web.accounts.models import User
from hrdialogue.web.audit.services import record_change, snapshot
from hrdialogue.web.stakeholders.csvimport import Rejection, parse_organisations_csv
from hrdialogue.web.stakeholders.models import Contact, Kind, Stakeholder
from hrdialogue.web.stakeholders.registry import read_organisations, read_states

__all__ = ["ImportReport", "add_contact", "import_organisations", "load_registry"]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.rejected


@transaction.atomic
def load_registry() -> tuple[int, int]:
    """Create or update the States and the listed organisations. Returns (created, updated)."""
    wanted: dict[str, dict[str, Any]] = {}
    for state in read_states():
        wanted[state.code.lower()] = {
            "kind": Kind.OBSERVER_STATE if state.observer else Kind.MEMBER_STATE,
            "name": state.names["en"],
            "names": state.names,
            "regional_group": state.regional_group,
            "group_observer": state.group_observer,
            "country": state.code,
        }
    for org in read_organisations():
        wanted[org.code] = {
            "kind": org.kind,
            "name": org.name,
            "names": org.names,
            "acronym": org.acronym,
        }
    existing = Stakeholder.objects.in_bulk(list(wanted), field_name="code")
    fields = sorted({name for values in wanted.values() for name in values})
    changed = []
    for code, stakeholder in existing.items():
        for name, value in wanted[code].items():
            setattr(stakeholder, name, value)
        changed.append(stakeholder)
    Stakeholder.objects.bulk_update(changed, fields)
    Stakeholder.objects.bulk_create(
        [
            Stakeholder(code=code, **values)
            for code, values in wanted.items()
            if code not in existing
        ]
    )
    return len(wanted) - len(existing), len(existing)


def import_organisations(*, actor: User, kind: str, data: bytes) -> ImportReport:
    """Import NGOs (ECOSOC status) or NHRIs (accreditation) from CSV: all rows or none."""
    if kind not in {Kind.NGO, Kind.NHRI}:
        raise ValueError(f"cannot import stakeholders of kind {kind!r} from CSV")
    countries = set(
        Stakeholder.objects.filter(kind__in=(Kind.MEMBER_STATE, Kind.OBSERVER_STATE)).values_list(
            "country", flat=True
        )
    )
    parsed = parse_organisations_csv(data, kind=kind, countries=countries)
    report = ImportReport(rejected=parsed.rejected, error=parsed.error)
    if not report.ok:
        return report
    status_field = "ecosoc_status" if kind == Kind.NGO else "nhri_status"
    with transaction.atomic():
        for row in parsed.rows:
            _obj, new = Stakeholder.objects.update_or_create(
                code=row.code,
                defaults={
                    "kind": kind,
                    "name": row.name,
                    "names": {"en": row.name},
                    "acronym": row.acronym,
                    "country": row.country,
                    "email": row.email,
                    status_field: row.status,
                },
            )
            report.created += new
            report.updated += not new
        anchor = Stakeholder.objects.get(code=parsed.rows[0].code)
        record_change(
            actor=actor,
            action="stakeholders.import",
            target=anchor,
            after={"kind": kind, "created": report.created, "updated": report.updated},
        )
    return report


@transaction.atomic
def add_contact(
    *, actor: User, stakeholder: Stakeholder, name: str, email: str, title: str, language: str
) -> Contact:
    contact = Contact.objects.create(
        stakeholder=stakeholder, name=name, email=email.lower(), title=title, language=language
    )
    record_change(
        actor=actor,
        action="stakeholders.contact.add",
        target=contact,
        after=snapshot(contact, ["stakeholder", "name", "email", "title", "language"]),
    )
    return contact
