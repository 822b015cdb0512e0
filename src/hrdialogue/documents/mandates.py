"""Mandates: who must do what, with whom, reporting when, from the operative paragraphs.

A mandate is a lead verb that asks someone to act (requests, calls upon, urges, invites,
encourages, recommends; decides when the body decides to do something itself), the actors it
addresses, the partners it must work with ("in cooperation with …"), the actors it must consult
("to consult States …", "провести с государствами … консультации"), the action (a small
controlled vocabulary: `consult`, `report`, `continue-consideration`, …; `act` when none
applies), the subject (the clause after the addressees) and the session it names.

The operative paragraphs arrive classified: `lead`, `lead_key` describe the paragraph's FIRST
lead. Further lead verbs inside one paragraph ("… и рекомендует неправительственным
организациям …") are found here, with a small table of mandate verbs per language; a further
lead counts only after a conjunction and when actors follow it, so that a verb inside a clause
is not taken for a lead.

`extract_mandates(operative, language=…, body=…, to_source=…)` is the stage's one verb.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final, NamedTuple

from hrdialogue.documents.actors import ActorText, Introducer
from hrdialogue.documents.folding import compile_folded, fold_text
from hrdialogue.documents.mandate_lexicon import (
    ACTION_PATTERNS,
    CONSULTEES,
    DECIDES_TO_ACT,
    FURTHER,
    INTRODUCER_WORDS,
    LEAD_WORDS,
    LEADS,
    PARTICLE,
    PARTNERS,
)
from hrdialogue.documents.model import Body, Mandate, OperativeParagraph, Span, Subparagraph
from hrdialogue.documents.patterns import literal_first, pattern_openings, trie
from hrdialogue.documents.sessions import build_deadline, find_sessions, mentions_session

__all__ = ["ACTIONS", "MANDATE_KEYS", "SourceSpan", "extract_mandates"]

SourceSpan = Callable[[str, int, int], Span]
"""Maps `(anchor, start, end)` in a paragraph's clean text to a span in the source text."""

MANDATE_KEYS: Final = frozenset(
    {"requests", "calls-upon", "urges", "invites", "encourages", "recommends", "decides", "appeals"}
)
"""Lead keys that ask someone to act; `decides` only when followed by what is to be done."""

_BODY_KEYS: Final = frozenset(b.value for b in Body)

ACTIONS: Final[tuple[str, ...]] = (*dict.fromkeys(k for k, _ in ACTION_PATTERNS["en"]), "act")
"""The action vocabulary; `act` when no verb of the subject is known."""

_NUMBER: Final = re.compile(r"\s*(?:\d+|[٠-٩]+)\s*(?:\.|-|–|—)?\s*")
_QUOTED: Final = re.compile(r"“[^”]*”|«[^»]*»|„[^“”]*[“”]|\"[^\"]*\"|「[^」]*」")
_QUOTES: Final = '“«„"「'
"""The first characters of `_QUOTED`: a text without them holds no quotation."""
_TRAILING: Final = ";.,:؛،。；，：!"


@dataclass(frozen=True, slots=True)
class _Grammar:
    leads: re.Pattern[str]
    lead_keys: tuple[tuple[re.Pattern[str], str], ...]
    further: re.Pattern[str]
    lead_words: tuple[str, ...]
    decides_to_act: re.Pattern[str]
    partners: tuple[Introducer, ...]
    consultees: tuple[Introducer, ...]
    partner_words: tuple[str, ...]
    consultee_words: tuple[str, ...]
    particle: re.Pattern[str]
    action_scan: re.Pattern[str]
    """A trie of the openings every action starts with: finds each offset where one may match
    (and a few where none does), with the engine's fast scan for first letters."""
    actions: re.Pattern[str]
    """All actions in one alternation, action `i` in group `a{i}`: matched at an offset, the
    first action of the table that matches there is the group that closes."""
    action_keys: dict[str, str]


@cache
def _grammar(language: str) -> _Grammar:
    if language not in LEADS:
        msg = f"no mandate grammar for language {language!r} (expected ar, zh, en, fr, ru or es)"
        raise ValueError(msg)
    leads = "|".join(f"(?:{p})" for _, p in LEADS[language])
    actions = ACTION_PATTERNS[language]
    return _Grammar(
        leads=compile_folded(leads),
        lead_keys=tuple((compile_folded(p), k) for k, p in LEADS[language]),
        further=compile_folded(f"{FURTHER[language]}(?P<lead>{leads})"),
        lead_words=tuple(map(fold_text, LEAD_WORDS[language])),
        decides_to_act=compile_folded(DECIDES_TO_ACT[language]),
        partners=_introducers(PARTNERS[language]),
        consultees=_introducers(CONSULTEES[language]),
        partner_words=tuple(map(fold_text, INTRODUCER_WORDS[language][0])),
        consultee_words=tuple(map(fold_text, INTRODUCER_WORDS[language][1])),
        particle=compile_folded(PARTICLE[language]),
        action_scan=re.compile(trie(sorted(_openings(actions)))),
        actions=compile_folded(
            "|".join(f"(?P<a{i}>{literal_first(p)})" for i, (_, p) in enumerate(actions))
        ),
        action_keys={f"a{i}": k for i, (k, _) in enumerate(actions)},
    )


def _introducers(table: Sequence[tuple[str, str | None]]) -> tuple[Introducer, ...]:
    # `literal_first`: a prefix that opens with a lookbehind costs the engine its fast scan.
    return tuple(
        (compile_folded(literal_first(p)), compile_folded(s) if s else None) for p, s in table
    )


def _openings(patterns: Sequence[tuple[str, str]]) -> set[str]:
    """The openings every one of `patterns` starts with (folded, up to `HEAD` letters)."""
    out: set[str] = set()
    for _, pattern in patterns:
        openings = pattern_openings(compile_folded(literal_first(pattern)))
        if openings is None or "" in openings:
            msg = f"action pattern {pattern!r} has no opening letters to scan for"
            raise ValueError(msg)
        out |= openings
    return out


# --- one paragraph -----------------------------------------------------------------------------


def _action(t: ActorText, g: _Grammar, start: int, end: int) -> str:
    # The earliest position where any action matches; the first action in the table that
    # matches there wins: ties go to the earlier entry. The trie finds the positions where one
    # may start (searching the alternation itself would try every branch at every letter).
    masked = t.folded
    if _has_word(t, _QUOTES, 0, end) and _QUOTED.search(masked, 0, end):
        masked = _QUOTED.sub(lambda m: " " * len(m.group()), masked[:end])
    scan, actions = g.action_scan.search, g.actions.match
    at = scan(masked, start, end)
    while at is not None:
        match = actions(masked, at.start(), end)
        if match is not None:
            return g.action_keys[str(match.lastgroup)]
        at = scan(masked, at.start() + 1, end)
    return "act"


def _deadline_body(
    t: ActorText, session_start: int, addressees: Sequence[str], body: Body | None
) -> Body | None:
    """Whose session it is: the organ named just before it ("to the General Assembly at its
    …"), else an organ the mandate addresses ("Invites the Council to … at its tenth
    session"), else the adopting body."""
    # Actors that start after the session end after it too: they need not be found.
    for _, end, key in reversed(t.spans_to(session_start)):
        if end <= session_start:
            gap = t.text[end:session_start]
            if key in _BODY_KEYS and len(gap) <= 25 and ";" not in gap:
                return Body(key)
            if session_start - end > 25:
                break
    for key in addressees:
        if key in _BODY_KEYS:
            return Body(key)
    return body


class _Lead(NamedTuple):  # a tuple: built faster than a frozen dataclass
    key: str
    start: int
    end: int
    text: str
    cut: int
    """Where the clause before this lead ends: the conjunction that introduces it."""


def _leads(t: ActorText, g: _Grammar, op: OperativeParagraph, limit: int) -> list[_Lead]:
    """The paragraph's first lead (when it asks to act) and every further mandate lead."""
    leads: list[_Lead] = []
    key, printed = op.lead_key, op.lead
    position = t.folded.find(_folded(t, printed), 0, limit) if printed else -1
    if position >= 0 and printed:
        first_end = position + len(printed)
    else:  # the lead is not in the text as classified: read it with this stage's own table
        number = _NUMBER.match(t.folded, 0, limit)
        position = first_end = number.end() if number else 0
        match = g.leads.match(t.folded, position, limit)
        if match is not None:
            first_end = match.end()
            key = key or _lead_key(g, match.group())
            printed = t.text[position:first_end]
    if key in MANDATE_KEYS and key is not None:
        leads.append(_Lead(key, position, first_end, printed or "", position))
    folded = t.folded
    if not _has_word(t, g.lead_words, first_end, limit):
        return leads  # a cheap scan for literals: no lead verb after the first one
    for match in g.further.finditer(folded, first_end, limit):
        key = _lead_key(g, match.group("lead"))
        start, end = match.span("lead")
        lead = _Lead(key, start, end, t.text[start:end], match.start())
        if key == "decides":
            if g.decides_to_act.match(t.folded, end, limit):
                leads.append(lead)
        elif t.read_list(end, limit, partners=_partners(t, g, end, limit))[0]:
            leads.append(lead)
    return leads


def _folded(t: ActorText, part: str) -> str:
    """`fold_text(part)`: read off the folded text where `part` stands in the text (folding is
    by character), else folded anew."""
    at = t.text.find(part)
    return t.folded[at : at + len(part)] if at >= 0 else fold_text(part)


def _has_word(t: ActorText, words: Sequence[str], start: int, end: int) -> bool:
    part = t.folded[start:end]  # one slice, then `in`: cheaper than a `find` call a word
    for word in words:  # noqa: SIM110 - a loop: `any` of a generator costs more, called often
        if word in part:
            return True
    return False


def _introduced(
    t: ActorText, introducers: Sequence[Introducer], words: Sequence[str], start: int, end: int
) -> list[str]:
    """`t.find_introduced`, after a cheap check for the words one of `introducers` needs."""
    if _has_word(t, words, start, end):
        return t.find_introduced(introducers, start, end)
    return []


def _partners(t: ActorText, g: _Grammar, start: int, end: int) -> tuple[Introducer, ...]:
    """The partner introducers a list read between `start` and `end` may hold: none when the
    words they need are not there."""
    return g.partners if _has_word(t, g.partner_words, start, end) else ()


def _lead_key(g: _Grammar, lead: str) -> str:
    for pattern, key in g.lead_keys:
        if pattern.fullmatch(lead):
            return key
    return "requests"  # unreachable: every lead alternative has a key


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


@dataclass(frozen=True, slots=True)
class _Context:
    language: str
    body: Body | None
    to_source: SourceSpan


def _mandate(
    t: ActorText,
    g: _Grammar,
    ctx: _Context,
    lead: _Lead,
    *,
    anchor: str,
    limit: int,
    inherited: Mandate | None = None,
) -> Mandate | None:
    """The mandate of one lead, its clause ending at `limit` (or one subparagraph's)."""
    addressees: list[str]
    partners: list[str]
    if inherited is not None:
        addressees, partners, subject_from = list(inherited.addressees), [], 0
    elif lead.key == "decides":
        if not g.decides_to_act.match(t.folded, lead.end, limit):
            return None
        addressees = [ctx.body.value] if ctx.body is not None else []
        partners, subject_from = [], lead.end
    else:
        addressees, partners, subject_from = t.read_list(
            lead.end, limit, partners=_partners(t, g, lead.end, limit)
        )
    particle = g.particle.match(t.folded, subject_from, limit)
    start, end = _trim(t.text, particle.end() if particle else subject_from, limit)
    partners += _introduced(t, g.partners, g.partner_words, start, end)
    if inherited is not None:
        partners = list(inherited.partners) + partners
    consultees = _introduced(t, g.consultees, g.consultee_words, start, end)
    sessions = (
        find_sessions(t.folded[lead.start : limit], ctx.language, folded=True)
        if mentions_session(t.folded, ctx.language, lead.start, limit)
        else ()
    )
    deadline = None
    if sessions:
        session = sessions[0]
        session_start = lead.start + session[0]
        deadline = build_deadline(
            session[2], _deadline_body(t, session_start, addressees, ctx.body)
        )
    elif inherited is not None:
        deadline = inherited.deadline
    return Mandate(
        anchor=anchor,
        strength=lead.key,
        lead=lead.text,
        addressees=tuple(dict.fromkeys(addressees)),
        partners=tuple(dict.fromkeys(partners)),
        consultees=tuple(consultees),
        action=_action(t, g, start, end) if end > start else "act",
        subject=t.text[start:end],
        subject_span=ctx.to_source(anchor, start, end),
        deadline=deadline,
    )


def _chapeau_end(t: ActorText, op: OperativeParagraph) -> int:
    """Where the first subparagraph starts when the paragraph's text runs on into it."""
    first = op.subparagraphs[0]
    for needle in (first.label, first.text[:40]):
        if not needle:
            continue
        at = t.folded.find(_folded(t, needle))
        if at > 0:
            return at
    return len(t.text)


def _paragraph(op: OperativeParagraph, ctx: _Context) -> list[Mandate]:
    g = _grammar(ctx.language)
    t = ActorText(op.text, ctx.language)
    limit = _chapeau_end(t, op) if op.subparagraphs else len(t.text)
    leads = _leads(t, g, op, limit)
    mandates: list[Mandate] = []
    for i, lead in enumerate(leads):
        clause_end = leads[i + 1].cut if i + 1 < len(leads) else limit
        mandate = _mandate(t, g, ctx, lead, anchor=op.anchor, limit=clause_end)
        if mandate is None:
            continue
        if op.subparagraphs and i == len(leads) - 1 and not mandate.subject:
            mandates.extend(_distributed(op.subparagraphs, mandate, lead, ctx))
        else:
            mandates.append(mandate)
    return mandates


def _distributed(
    subparagraphs: Sequence[Subparagraph], chapeau: Mandate, lead: _Lead, ctx: _Context
) -> list[Mandate]:
    """A chapeau that lists its actions in subparagraphs: one mandate per subparagraph."""
    g = _grammar(ctx.language)
    out = []
    for sub in subparagraphs:
        t = ActorText(sub.text, ctx.language)
        sub_lead = _Lead(lead.key, 0, 0, chapeau.lead, 0)
        mandate = _mandate(
            t, g, ctx, sub_lead, anchor=sub.anchor, limit=len(t.text), inherited=chapeau
        )
        if mandate is not None:
            out.append(mandate)
    return out


def extract_mandates(
    operative: Sequence[OperativeParagraph],
    *,
    language: str,
    body: Body | None,
    to_source: SourceSpan,
) -> tuple[Mandate, ...]:
    """One `Mandate` per lead verb and addressee set in a paragraph that asks someone to act.

    `language` is the text's ISO 639-1 code (one of the six; `ValueError` otherwise); `body`
    the adopting organ, which is the addressee when it "decides to" act and whose sessions a
    bare "at its sixty-fourth session" names (`None` when unknown: no addressee, no date).
    `to_source(anchor, start, end)` maps offsets in a paragraph's (or subparagraph's) clean
    text to the source text, for `Mandate.subject_span`.
    """
    ctx = _Context(language, body, to_source)
    mandates: list[Mandate] = []
    for op in operative:
        mandates.extend(_paragraph(op, ctx))
    return tuple(mandates)
