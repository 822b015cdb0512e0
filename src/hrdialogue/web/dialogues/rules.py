"""Who may see a dialogue (whoever may see its consultation; anyone for a standalone one) and
who runs it (moderators and the Secretariat). Who may vote is the participation mode's
business (`services.join_dialogue`). Tested in `tests/web/test_permission_matrix.py`."""

from __future__ import annotations

import rules

from hrdialogue.web.accounts.requests import Visitor
from hrdialogue.web.accounts.rules import is_staff_member
from hrdialogue.web.dialogues.models import Dialogue

__all__ = ["can_see_consultation", "is_standalone"]


@rules.predicate
def is_standalone(user: Visitor, dialogue: Dialogue | None) -> bool:
    return dialogue is not None and dialogue.consultation_id is None


@rules.predicate
def can_see_consultation(user: Visitor, dialogue: Dialogue | None) -> bool:
    return dialogue is not None and bool(
        user.has_perm("consultations.view_consultation", dialogue.consultation)
    )


rules.add_perm("dialogues.view_dialogue", is_standalone | can_see_consultation)
rules.add_perm("dialogues.add_dialogue", is_staff_member)
rules.add_perm("dialogues.manage_dialogue", is_staff_member)
