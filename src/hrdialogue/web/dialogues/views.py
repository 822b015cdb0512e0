"""Dialogue pages: the list, creating a dialogue, voting one statement at a time, proposing a
statement, moderation, results, and Polis CSV export and import.

Who may not see a dialogue gets 404; who may see it but not run it 403. Taking part follows
the dialogue's participation mode: signed-in users, its invitation list, or anyone with a
signed cookie.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.signing import BadSignature
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from hrdialogue.web.accounts.requests import acting_account
from hrdialogue.web.audit.security import log_event
from hrdialogue.web.dialogues.forms import DialogueForm, ImportForm, StatementForm, TranslationForm
from hrdialogue.web.dialogues.models import (
    Dialogue,
    Participant,
    Participation,
    StatementState,
    VoteEvent,
)
from hrdialogue.web.dialogues.polis import export_polis, import_polis
from hrdialogue.web.dialogues.presentation import lay_out_results, next_statement, show_statement
from hrdialogue.web.dialogues.results import latest_results
from hrdialogue.web.dialogues.services import (
    RateLimited,
    add_statement,
    add_translation,
    create_dialogue,
    exclude_participant,
    join_dialogue,
    moderate_statement,
    record_vote,
    seed_statements_from_mandate,
    start_anonymous_participant,
)
from hrdialogue.web.dialogues.tasks import recompute_results_task
from hrdialogue.web.pages.downloads import attachment_disposition
from hrdialogue.web.pages.languages import current_un_language

__all__ = [
    "add",
    "create",
    "dialogue_list",
    "export",
    "import_csv",
    "moderation",
    "results",
    "vote",
]

COOKIE = "hrdialogue_participant"
_SALT = "hrdialogue.dialogues.participant"
_VOTES: dict[str, int] = {"agree": 1, "disagree": -1, "pass": 0}  # VoteValue


def _dialogue_for(request: HttpRequest, pk: int) -> Dialogue:
    dialogue = get_object_or_404(Dialogue.objects.select_related("consultation"), pk=pk)
    if not request.user.has_perm("dialogues.view_dialogue", dialogue):
        raise Http404
    return dialogue


def _staff_gate(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("dialogues.manage_dialogue"):
        raise PermissionDenied
    return None


def _cookie_id(request: HttpRequest) -> str:
    try:
        return str(request.get_signed_cookie(COOKIE, salt=_SALT))
    except (KeyError, BadSignature):
        return ""


def _participation_gate(request: HttpRequest, dialogue: Dialogue) -> HttpResponse | None:
    """The sign-in page or 403 for who may not take part; None for who may."""
    if request.user.is_authenticated:
        if dialogue.participation == Participation.INVITATION and (
            request.user.email.lower() not in dialogue.invitees
        ):
            raise PermissionDenied
        return None
    if dialogue.participation == Participation.ANONYMOUS:
        return None
    return redirect_to_login(request.get_full_path())


def _find_participant(request: HttpRequest, dialogue: Dialogue) -> Participant | None:
    if request.user.is_authenticated:
        return Participant.objects.filter(dialogue=dialogue, user=request.user).first()
    cookie = _cookie_id(request)
    return (
        Participant.objects.filter(dialogue=dialogue, anonymous_id=cookie).first()
        if cookie
        else None
    )


def _client_address(request: HttpRequest) -> str:
    """The client's address: `REMOTE_ADDR`, or behind `TRUSTED_PROXY_COUNT` proxies the one
    the outermost of them saw: that many entries from the right of `X-Forwarded-For` (each
    proxy appends the address it was called from; whatever a client sends sits further left)."""
    proxies: int = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return str(request.META.get("REMOTE_ADDR", ""))


def _join(request: HttpRequest, dialogue: Dialogue) -> tuple[Participant, str]:
    """The participant (created on first action) and a new cookie id to set, if any.

    Raises `RateLimited` when too many anonymous participants started from this client's
    address (`settings.DIALOGUE_JOIN_LIMIT`); a signed-in user is never counted.
    """
    if request.user.is_authenticated:
        return join_dialogue(dialogue=dialogue, user=request.user), ""
    cookie = _cookie_id(request)
    if cookie:
        return join_dialogue(dialogue=dialogue, anonymous_id=cookie), ""
    participant = start_anonymous_participant(dialogue=dialogue, address=_client_address(request))
    return participant, participant.anonymous_id


def _too_many(request: HttpRequest, dialogue: Dialogue, error: RateLimited) -> HttpResponse:
    """429 with the voting page, the reason as a message and when to try again."""
    log_event(
        "rate-limit",
        outcome="denied",
        actor=request.user,
        target=dialogue,
        detail={"retry_after": error.retry_after},
    )
    messages.error(request, error.messages[0])
    response = _voting_page(request, dialogue, status=429)
    response["Retry-After"] = str(error.retry_after)
    return response


def _back_to_voting(dialogue: Dialogue, cookie: str) -> HttpResponse:
    response = redirect("dialogues:vote", pk=dialogue.pk)
    if cookie:
        response.set_signed_cookie(
            COOKIE, cookie, salt=_SALT, max_age=365 * 24 * 3600, httponly=True, samesite="Lax"
        )
    return response


@require_safe
def dialogue_list(request: HttpRequest) -> HttpResponse:
    dialogues = [
        d
        for d in Dialogue.objects.select_related("consultation")
        if request.user.has_perm("dialogues.view_dialogue", d)
    ]
    return render(
        request,
        "dialogues/list.html",
        {"dialogues": dialogues, "can_add": request.user.has_perm("dialogues.add_dialogue")},
    )


@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("dialogues.add_dialogue"):
        raise PermissionDenied
    form = DialogueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            dialogue = create_dialogue(
                actor=request.user,
                title=data["title"],
                consultation=data["consultation"],
                description=data["description"],
                moderation=data["moderation"],
                participation=data["participation"],
                invitees=form.invitee_list(),
            )
            if data["seed"]:
                seed_statements_from_mandate(actor=request.user, dialogue=dialogue)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("dialogues:moderation", pk=dialogue.pk)
    return render(request, "dialogues/create.html", {"form": form})


@require_http_methods(["GET", "POST"])
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = _dialogue_for(request, pk)
    gate = _participation_gate(request, dialogue)
    if gate is not None:
        return gate
    if request.method == "POST":
        if request.POST.get("website"):  # the honeypot: only robots fill it
            return redirect("dialogues:vote", pk=dialogue.pk)
        value = _VOTES.get(request.POST.get("vote", ""))
        statement_pk = _int(request.POST.get("statement"))
        statement = (
            dialogue.statements.filter(pk=statement_pk).first()
            if statement_pk is not None
            else None
        )
        if value is None or statement is None:
            messages.error(request, _("Choose agree, disagree or pass on a statement."))
            return redirect("dialogues:vote", pk=dialogue.pk)
        try:
            voter, cookie = _join(request, dialogue)
            record_vote(participant=voter, statement=statement, value=value)
        except RateLimited as error:
            return _too_many(request, dialogue, error)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("dialogues:vote", pk=dialogue.pk)
        else:
            return _back_to_voting(dialogue, cookie)
    return _voting_page(request, dialogue)


def _voting_page(request: HttpRequest, dialogue: Dialogue, status: int = 200) -> HttpResponse:
    participant = _find_participant(request, dialogue)
    statement = next_statement(dialogue, participant)
    language = current_un_language()
    accepted = dialogue.statements.filter(state=StatementState.ACCEPTED).count()
    voted = participant.votes.count() if participant is not None else 0
    return render(
        request,
        "dialogues/vote.html",
        {
            "dialogue": dialogue,
            "shown": show_statement(statement, language) if statement is not None else None,
            "voted": voted,
            "accepted": accepted,
            "form": StatementForm(),
            "excluded": participant is not None and participant.excluded,
            "can_manage": request.user.has_perm("dialogues.manage_dialogue"),
        },
        status=status,
    )


def _int(text: str | None) -> int | None:
    try:
        return int(text or "")
    except ValueError:
        return None


@require_POST
def add(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = _dialogue_for(request, pk)
    gate = _participation_gate(request, dialogue)
    if gate is not None:
        return gate
    form = StatementForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a statement of at most 1000 characters."))
        return redirect("dialogues:vote", pk=dialogue.pk)
    if form.cleaned_data["website"]:
        return redirect("dialogues:vote", pk=dialogue.pk)
    try:
        participant, cookie = _join(request, dialogue)
        statement = add_statement(
            # An anonymous participant has no account: the entry names the participant.
            actor=request.user if request.user.is_authenticated else None,
            dialogue=dialogue,
            text=form.cleaned_data["text"],
            language=current_un_language(),
            participant=participant,
        )
    except RateLimited as error:
        return _too_many(request, dialogue, error)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("dialogues:vote", pk=dialogue.pk)
    if statement.state == StatementState.PENDING:
        messages.success(request, _("Thank you. Your statement shows once a moderator accepts it."))
    else:
        messages.success(request, _("Thank you. Your statement is open for votes."))
    return _back_to_voting(dialogue, cookie)


@require_http_methods(["GET", "POST"])
def moderation(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = _dialogue_for(request, pk)
    gate = _staff_gate(request)
    if gate is not None:
        return gate
    translation_form = TranslationForm(request.POST if "translate" in request.POST else None)
    if request.method == "POST":
        try:
            _moderate(request, dialogue, translation_form)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        return redirect("dialogues:moderation", pk=dialogue.pk)
    return render(
        request,
        "dialogues/moderation.html",
        {
            "dialogue": dialogue,
            "pending": dialogue.statements.filter(state=StatementState.PENDING),
            "statements": dialogue.statements.exclude(
                state=StatementState.PENDING
            ).prefetch_related("translations"),
            "participants": dialogue.participants.select_related("user").order_by("pk"),
            "translation_form": translation_form,
        },
    )


def _moderate(request: HttpRequest, dialogue: Dialogue, translation_form: TranslationForm) -> None:
    actor = acting_account(request)
    action = request.POST.get("action", "")
    if action in ("accept", "reject"):
        statement = get_object_or_404(dialogue.statements, pk=_int(request.POST.get("statement")))
        moderate_statement(actor=actor, statement=statement, accept=action == "accept")
    elif action in ("exclude", "include"):
        participant = get_object_or_404(
            dialogue.participants, pk=_int(request.POST.get("participant"))
        )
        exclude_participant(actor=actor, participant=participant, excluded=action == "exclude")
    elif action == "translate":
        if not translation_form.is_valid():
            raise ValidationError(_("A translation needs its language, text and translator."))
        data = translation_form.cleaned_data
        statement = get_object_or_404(dialogue.statements, pk=data["statement"])
        add_translation(
            actor=actor,
            statement=statement,
            language=data["language"],
            text=data["text"],
            provenance=data["provenance"],
        )
    elif action == "recompute":
        recompute_results_task.enqueue(dialogue.pk)
    elif action == "seed":
        seed_statements_from_mandate(actor=actor, dialogue=dialogue)
    else:
        raise ValidationError(_("Unknown action."))
    messages.success(request, _("Done."))


@require_safe
def results(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = _dialogue_for(request, pk)
    snapshot = latest_results(dialogue)
    context: dict[str, object] = {"dialogue": dialogue, "snapshot": snapshot}
    if snapshot is not None:
        context.update(lay_out_results(snapshot.data, current_un_language(), dialogue))
        total = VoteEvent.objects.filter(
            statement__dialogue=dialogue, participant__excluded=False
        ).count()
        context["votes_since"] = max(total - snapshot.votes_counted, 0)
    return render(request, "dialogues/results.html", context)


@require_safe
def export(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = _dialogue_for(request, pk)
    gate = _staff_gate(request)
    if gate is not None:
        return gate
    response = HttpResponse(export_polis(dialogue), content_type="application/zip")
    response["Content-Disposition"] = attachment_disposition(f"dialogue-{dialogue.pk}-polis.zip")
    return response


@require_http_methods(["GET", "POST"])
def import_csv(request: HttpRequest, pk: int) -> HttpResponse:
    dialogue = _dialogue_for(request, pk)
    gate = _staff_gate(request)
    if gate is not None:
        return gate
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            counts = import_polis(
                actor=acting_account(request),
                dialogue=dialogue,
                comments=form.cleaned_data["comments"].read(),
                votes=form.cleaned_data["votes"].read(),
                language=form.cleaned_data["language"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Imported %(s)d statements, %(p)d participants and %(v)d votes.")
                % {"s": counts[0], "p": counts[1], "v": counts[2]},
            )
            recompute_results_task.enqueue(dialogue.pk)
            return redirect(reverse("dialogues:results", kwargs={"pk": dialogue.pk}))
    return render(request, "dialogues/import.html", {"dialogue": dialogue, "form": form})
