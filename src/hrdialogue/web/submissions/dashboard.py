"""The Secretariat's figures: who was consulted, who replied, in which language.

Counted in a few grouped queries (no row per stakeholder is loaded for the counts), and
drawn as bars in server-side SVG (the CSP allows no script and no inline style).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django_stubs_ext import StrOrPromise

from hrdialogue.web.consultations.models import Consultation
from hrdialogue.web.pages.languages import UN_LANGUAGE_CHOICES
from hrdialogue.web.stakeholders.models import Kind, RegionalGroup, Stakeholder
from hrdialogue.web.submissions.models import Reply

__all__ = ["Chart", "Row", "Statistics", "reply_statistics"]


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    consulted: int
    replied: int
    bar: int  # 0-100: the bar's length relative to the longest in its table
    y: int  # the bar's position in the chart

    @property
    def percent(self) -> int:
        return round(100 * self.replied / self.consulted) if self.consulted else 0


@dataclass(frozen=True, slots=True)
class Chart:
    rows: list[Row]

    @property
    def height(self) -> int:
        return max(24, 24 * len(self.rows))


@dataclass(frozen=True, slots=True)
class Statistics:
    consulted: int
    replied: int
    replies: int
    late: int
    needs_review: int
    by_kind: Chart
    by_group: Chart
    by_language: Chart


def _chart(
    labels: Sequence[tuple[str, StrOrPromise]], consulted: dict[str, int], replied: dict[str, int]
) -> Chart:
    present = [(code, label) for code, label in labels if consulted.get(code) or replied.get(code)]
    top = max((replied.get(code, 0) for code, _label in present), default=0) or 1
    return Chart(
        [
            Row(
                label=str(label),
                consulted=consulted.get(code, 0),
                replied=replied.get(code, 0),
                bar=round(100 * replied.get(code, 0) / top),
                y=index * 24,
            )
            for index, (code, label) in enumerate(present)
        ]
    )


def reply_statistics(consultation: Consultation) -> Statistics:
    consultees = consultation.consultees.all()
    replies = Reply.objects.filter(consultation=consultation)
    replying = consultees.filter(replies__consultation=consultation).distinct()

    def by(field: str, queryset: QuerySet[Stakeholder] | QuerySet[Reply]) -> dict[str, int]:
        rows = queryset.values(field).annotate(n=Count("pk", distinct=True))
        return {row[field] or "": row["n"] for row in rows}

    kinds = list(Kind.choices)
    groups = list(RegionalGroup.choices)
    languages = list(UN_LANGUAGE_CHOICES)
    reply_languages = by("language", replies)
    return Statistics(
        consulted=consultees.count(),
        replied=replying.count(),
        replies=replies.count(),
        late=replies.filter(late=True).count(),
        needs_review=replies.filter(needs_review=True).count(),
        by_kind=_chart(kinds, by("kind", consultees), by("kind", replying)),
        by_group=_chart(
            groups,
            by("regional_group", consultees.exclude(regional_group="")),
            by("regional_group", replying.exclude(regional_group="")),
        ),
        by_language=_chart(languages, reply_languages, reply_languages),
    )
