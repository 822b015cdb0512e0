"""What a mandate means for a consultation: whom to consult, and by which session.

The reader names actors by keys (`states`, `non-governmental-organizations`…); this module
maps them to kinds of stakeholder in the registry and finds the session the report is for.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

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
_STATES = (Kind.MEMBER_STATE, Kind.OBSERVER_STATE)
# Actor keys of `hrdialogue.documents.actors` → who in the registry is consulted. Organs and
# officials (the Secretary-General, the Council…) are addressees, never consultees.
ACTOR_KINDS: dict[str, tuple[Kind, ...]] = {
    "states": _STATES,
    "governments": _STATES,
    "states-parties": _STATES,  # the registry does not know treaty ratifications: edit by hand
    "member-states": (Kind.MEMBER_STATE,),
    "observer-states": (Kind.OBSERVER_STATE,),
    "intergovernmental-organizations": (Kind.IGO,),
    "regional-organizations": (Kind.IGO,),
    "non-governmental-organizations": (Kind.NGO,),
    "civil-society": (Kind.NGO,),
    "national-human-rights-institutions": (Kind.NHRI,),
    "un-system": _UN_SYSTEM,
    "specialized-agencies": (Kind.SPECIALIZED_AGENCY,),
    "all-actors": (*_STATES, *_UN_SYSTEM, Kind.IGO, Kind.NHRI, Kind.NGO),
}

_ACTOR_LABELS: dict[str, Promise] = {
    "general-assembly": _("the General Assembly"),
    "secretary-general": _("the Secretary-General"),
    "high-commissioner-for-human-rights": _("the High Commissioner for Human Rights"),
    "office-of-the-high-commissioner": _("the Office of the High Commissioner"),
    "human-rights-council": _("the Human Rights Council"),
    "economic-and-social-council": _("the Economic and Social Council"),
    "security-council": _("the Security Council"),
    "commission-on-human-rights": _("the Commission on Human Rights"),
    "sub-commission": _("the Sub-Commission"),
    "member-states": _("Member States"),
    "states": _("States"),
    "states-parties": _("States parties"),
    "observer-states": _("observer States"),
    "governments": _("Governments"),
    "specialized-agencies": _("specialized agencies"),
    "intergovernmental-organizations": _("intergovernmental organizations"),
    "non-governmental-organizations": _("non-governmental organizations"),
    "regional-organizations": _("regional organizations"),
    "national-human-rights-institutions": _("national human rights institutions"),
    "un-human-rights-mechanisms": _("United Nations human rights mechanisms"),
    "un-system": _("the United Nations system"),
    "special-procedures": _("the special procedures"),
    "all-actors": _("all relevant actors"),
    "civil-society": _("civil society"),
    "secretariat": _("the Secretariat"),
    "inter-parliamentary-union": _("the Inter-Parliamentary Union"),
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
