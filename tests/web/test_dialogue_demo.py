"""`manage.py demo` opens a dialogue on the seed consultation: one statement per operative
paragraph of A/RES/63/180 (read from the seed: eleven numbered paragraphs, OP1 begins
«подтверждает, что одной из целей», OP11 «постановляет продолжить рассмотрение»)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_demo_seeds_a_dialogue_with_one_statement_per_operative_paragraph(shared: Path) -> None:
    from django.core.management import call_command

    from hrdialogue.web.dialogues.models import Dialogue

    seed = shared / "seeds" / "000_8dba0c578e5ca190.txt"
    out = io.StringIO()
    call_command("demo", str(seed), stdout=out)
    call_command("demo", str(seed), stdout=io.StringIO())  # a second run adds nothing
    (dialogue,) = Dialogue.objects.all()
    assert f"/dialogues/{dialogue.pk}/" in out.getvalue()
    assert dialogue.participation == "anonymous"
    anchors = list(dialogue.statements.values_list("anchor", flat=True))
    assert anchors == [f"OP{i}" for i in range(1, 12)]
    statements: Any = dialogue.statements
    assert statements.get(anchor="OP1").text.startswith("подтверждает, что одной из целей")
    assert statements.get(anchor="OP11").text.startswith("постановляет продолжить рассмотрение")
    assert set(statements.values_list("language", "state", "seeded")) == {("ru", "accepted", True)}
