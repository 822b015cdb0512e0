"""hrdialogue.dialogue: Polis-class opinion math (domain package; never imports Django).

vote events → last-vote matrix (`votes`) → who is in (`participation`) → opinion map
(`projection`) → opinion groups (`groups`) → representative and consensus statements
(`statements`) → what to show next (`priority`); `conversation.Conversation` keeps the state
between updates; `polis_csv` reads and writes Polis exports. The algorithm is written down in
docs/dialogue-algorithm.md.
"""

from __future__ import annotations

from hrdialogue.dialogue.conversation import (
    Conversation,
    DialogueResult,
    OpinionGroup,
    analyse_votes,
)
from hrdialogue.dialogue.statements import ConsensusStatement, RepresentativeStatement
from hrdialogue.dialogue.votes import VoteEvents, VoteStore, build_vote_store

__all__ = [
    "ConsensusStatement",
    "Conversation",
    "DialogueResult",
    "OpinionGroup",
    "RepresentativeStatement",
    "VoteEvents",
    "VoteStore",
    "analyse_votes",
    "build_vote_store",
]
