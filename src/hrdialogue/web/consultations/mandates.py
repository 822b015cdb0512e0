"""What a mandate means for a consultation: whom to consult, and by which session.

The reader names actors by keys (`states`, `non-governmental-organizations`…); this module
maps them to kinds of stakeholder in the registry and finds the session the report is for.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.functional import Promise

from hrdialogue.documents.model import Deadline, Mandate, Resolution
from hrdialogue.web.stakeholders.models import Kind

__all__ = [
    "MandateView",
    "actor_label",
    "consultee_kinds",
    "describe_mandates",
    "session_deadline",
]

_UN_SYSTEM = (Kind.UN_ENTITY, Kind.SPECIALIZED_AGENCY)
ACTOR_KINDS: dict[str, tuple[Kind, ...]] = {
    "states": (Kind.MEMBER_STATE, Kind.OBSERVER_STATE),
    "member-states": (Kind.MEMBER_STATE,),
    "observer-states": (Kind.OBSERVER_STATE,),
    "intergovernmental-organizations": (Kind.IGO,),
    "regional-organizations": (Kind.IGO,),
    "non-governmental-organizations": (Kind.NGO,),
    "civil-society": (Kind.NGO,),
    "national-human-rights-institutions": (Kind.NHRI,),
    "united-nations-system": _UN_SYSTEM,
    "specialized-agencies": (Kind.SPECIALIZED_AGENCY,),
    "united-nations-entities": _UN_SYSTEM,
    "funds-and-programmes": (Kind.UN_ENTITY,),
}

_ACTOR_LABELS: dict[str, Promise] = {
    "states": _("States"),
    "member-states": _("Member States"),
    "observer-states": _("Observer States"),
    "intergovernmental-organizations": _("intergovernmental organizations"),
    "regional-organizations": _("regional organizations"),
    "non-governmental-organizations": _("non-governmental organizations"),
    "civil-society": _("civil society"),
    "national-human-rights-institutions": _("national human rights institutions"),
    "united-nations-system": _("the United Nations system"),
    "specialized-agencies": _("specialized agencies"),
    "united-nations-entities": _("United Nations entities"),
    "funds-and-programmes": _("funds and programmes"),
    "secretary-general": _("the Secretary-General"),
    "high-commissioner": _("the High Commissioner for Human Rights"),
    "human-rights-council": _("the Human Rights Council"),
}


def actor_label(key: str) -> str:
    """A readable, translated name for an actor key; the key itself when unknown."""
    label = _ACTOR_LABELS.get(key)
    return str(label) if label is not None else key


def consultee_kinds(mandate: Mandate) -> list[Kind]:
    """Kinds of stakeholder to consult: from the mandate's consultees, else its addressees."""
    keys = mandate.consultees or mandate.addressees
    kinds: list[Kind] = []
    for key in keys:
        for kind in ACTOR_KINDS.get(key, ()):
            if kind not in kinds:
                kinds.append(kind)
    return kinds


def session_deadline(resolution: Resolution, mandate: Mandate) -> tuple[Deadline | None, str]:
    """The session the report is for, and where it was found (`mandate`, `resolution`, ``).

    A mandate to consult often names no session itself; the resolution's own follow-up
    ("decides to continue consideration at its sixty-fourth session") then gives it.
    """
    if mandate.deadline is not None:
        return mandate.deadline, "mandate"
    for other in resolution.mandates:
        if other.deadline is not None:
            return other.deadline, "resolution"
    return None, ""


@dataclass(frozen=True)
class MandateView:
    index: int
    mandate: Mandate
    paragraph_text: str
    kinds: list[Kind]
    deadline: Deadline | None
    deadline_source: str

    @property
    def addressee_labels(self) -> list[str]:
        return [actor_label(k) for k in self.mandate.addressees]

    @property
    def consultee_labels(self) -> list[str]:
        return [actor_label(k) for k in self.mandate.consultees]

    @property
    def kind_labels(self) -> list[str]:
        return [str(Kind(k).label) for k in self.kinds]

    @property
    def can_open(self) -> bool:
        return bool(self.kinds)


def describe_mandates(resolution: Resolution) -> list[MandateView]:
    views = []
    for index, mandate in enumerate(resolution.mandates):
        try:
            text = resolution.paragraph(mandate.anchor).text
        except KeyError:
            text = mandate.subject
        deadline, source = session_deadline(resolution, mandate)
        views.append(MandateView(index, mandate, text, consultee_kinds(mandate), deadline, source))
    return views
