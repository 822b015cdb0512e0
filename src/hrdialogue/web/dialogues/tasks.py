"""Background work of dialogues: recomputing the results after new votes."""

from __future__ import annotations

from django_tasks import task

from hrdialogue.web.dialogues.models import Dialogue
from hrdialogue.web.dialogues.results import recompute_results

__all__ = ["recompute_results_task"]


@task()
def recompute_results_task(dialogue_pk: int) -> int:
    """Recompute one dialogue's results; returns the number of votes counted."""
    snapshot = recompute_results(Dialogue.objects.get(pk=dialogue_pk))
    return snapshot.votes_counted
