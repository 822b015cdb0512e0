"""What the dialogue pages show: a statement in the reader's language, the next statement to
vote on, and the results snapshot laid out for the template (opinion map as SVG shapes)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from hrdialogue.web.dialogues.models import Dialogue, Participant, Statement, StatementState
from hrdialogue.web.pages.languages import UN_LANGUAGE_CHOICES, text_direction

__all__ = ["Shown", "lay_out_results", "next_statement", "show_statement"]

# Colour-blind-safe palette (Okabe–Ito), one colour per opinion group.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
MAP_SIZE = 400
MAP_MARGIN = 20


@dataclass(frozen=True)
class Shown:
    statement: Statement
    text: str
    language: str
    direction: str
    note: str  # empty, "original in …" or "machine translation"


def _language_name(code: str) -> str:
    return str(dict(UN_LANGUAGE_CHOICES).get(code, code))


def show_statement(statement: Statement, language: str) -> Shown:
    """The human translation into `language` if any, else the original, labelled."""
    if statement.language == language:
        return Shown(statement, statement.text, language, text_direction(language), "")
    translations = {t.language: t for t in statement.translations.all()}
    translation = translations.get(language)
    if translation is not None:
        note = _("machine translation") if translation.machine else ""
        return Shown(statement, translation.text, language, text_direction(language), note)
    note = _("original in %(language)s") % {"language": _language_name(statement.language)}
    return Shown(
        statement, statement.text, statement.language, text_direction(statement.language), note
    )


def next_statement(dialogue: Dialogue, participant: Participant | None) -> Statement | None:
    """The accepted statement not yet voted on with the highest priority in the last results
    (the oldest first where there are none)."""
    candidates = dialogue.statements.filter(state=StatementState.ACCEPTED)
    if participant is not None:
        candidates = candidates.exclude(votes__participant=participant)
    snapshot = dialogue.snapshots.first()
    priority: dict[str, float] = snapshot.data.get("priority", {}) if snapshot else {}
    best: Statement | None = None
    best_key: tuple[float, int] = (math.inf, 0)
    for statement in candidates.prefetch_related("translations"):
        key = (-priority.get(str(statement.pk), 0.0), statement.pk)
        if key < best_key:
            best, best_key = statement, key
    return best


def _scale(values: list[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    return low, (MAP_SIZE - 2 * MAP_MARGIN) / span


def lay_out_results(data: dict[str, Any], language: str, dialogue: Dialogue) -> dict[str, Any]:
    """The snapshot's figures, with statements shown in `language` and map points placed."""
    statements = {str(s.pk): s for s in dialogue.statements.prefetch_related("translations")}

    def shown(pk: Any) -> Shown | None:
        statement = statements.get(str(pk))
        return show_statement(statement, language) if statement is not None else None

    placed = [
        (pid, p["group"], p["x"], p["y"])
        for pid, p in data.get("participants", {}).items()
        if p["group"] is not None
    ]
    points: list[dict[str, Any]] = []
    if placed:
        x0, sx = _scale([p[2] for p in placed])
        y0, sy = _scale([p[3] for p in placed])
        for pid, group, x, y in placed:
            points.append(
                {
                    "id": pid,
                    "group": group,
                    "cx": round(MAP_MARGIN + (x - x0) * sx, 1),
                    "cy": round(MAP_MARGIN + (y - y0) * sy, 1),
                    "fill": PALETTE[group % len(PALETTE)],
                }
            )
    groups = [
        {
            "id": g["id"],
            "label": _("Group %(letter)s") % {"letter": chr(ord("A") + g["id"])},
            "size": g["size"],
            "fill": PALETTE[g["id"] % len(PALETTE)],
            "representative": [
                {
                    "shown": shown(r["statement"]),
                    "direction": r["direction"],
                    "percent": round(100 * r["rate"]),
                }
                for r in g["representative"]
            ],
        }
        for g in data.get("groups", [])
    ]
    consensus = [
        {
            "shown": shown(c["statement"]),
            "direction": c["direction"],
            "percent": round(100 * c["rate"]),
        }
        for c in data.get("consensus", [])
    ]
    informed = sorted(
        data.get("group_informed_consensus", {}).items(), key=lambda kv: (-kv[1], kv[0])
    )[:5]
    participation = data.get("participation", [])
    most = max((d["votes"] for d in participation), default=1) or 1
    days = [{**d, "bar": round(200 * d["votes"] / most)} for d in participation]
    return {
        "points": points,
        "map_size": MAP_SIZE,
        "groups": groups,
        "consensus": consensus,
        "informed": [{"shown": shown(s), "score": round(v, 3)} for s, v in informed],
        "days": days,
        "days_height": 24 * len(days) + 4,
        "votes": data.get("votes", 0),
        "voters": data.get("voters", 0),
        "excluded": data.get("excluded", 0),
    }
