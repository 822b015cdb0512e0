"""Invitation pages: the Secretariat's list (who has not replied at a glance), preparing and
sending invitations, the notes verbales as DOCX and PDF, and the link a focal point follows.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from hrdialogue.drafting.notes_verbales import NoteVerbaleError
from hrdialogue.web.accounts.requests import acting_account
from hrdialogue.web.accounts.services import find_invitation
from hrdialogue.web.accounts.views import take_acceptance
from hrdialogue.web.consultations.access import consultation_for
from hrdialogue.web.invitations.forms import SendForm
from hrdialogue.web.invitations.models import ReplyInvitation
from hrdialogue.web.invitations.notes import note_file
from hrdialogue.web.invitations.services import (
    awaited_stakeholders,
    create_invitations,
    find_reply_invitation,
    send_invitation,
    update_invitation,
    use_invitation,
)
from hrdialogue.web.pages.downloads import attachment_disposition

__all__ = ["create", "follow", "invitation_list", "note", "send"]


def _invitation_for(request: HttpRequest, pk: int, perm: str) -> ReplyInvitation:
    invitation = get_object_or_404(
        ReplyInvitation.objects.select_related("consultation__resolution", "stakeholder"), pk=pk
    )
    if not request.user.has_perm("consultations.view_consultation", invitation.consultation):
        raise Http404
    if not request.user.has_perm(perm, invitation):
        if perm == "invitations.view_note":
            raise Http404  # another stakeholder's note: no hint that it exists
        raise PermissionDenied
    return invitation


@require_safe
def invitation_list(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("invitations.view_invitations"):
        raise PermissionDenied
    awaited = set(awaited_stakeholders(consultation).values_list("pk", flat=True))
    invitations = consultation.invitations.select_related("stakeholder").order_by(
        "stakeholder__kind", "stakeholder__name"
    )
    rows = [(invitation, invitation.stakeholder_id not in awaited) for invitation in invitations]
    return render(
        request,
        "invitations/list.html",
        {
            "consultation": consultation,
            "rows": rows,
            "awaited_count": len(awaited),
            "uninvited": consultation.consultees.exclude(
                reply_invitations__consultation=consultation
            ).count(),
            "can_manage": request.user.has_perm("invitations.manage_invitations"),
        },
    )


@require_POST
def create(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    if not request.user.has_perm("invitations.manage_invitations"):
        raise PermissionDenied
    try:
        count = create_invitations(actor=acting_account(request), consultation=consultation)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("%(count)d invitations were prepared.") % {"count": count})
    return redirect("invitations:list", pk=consultation.pk)


@require_http_methods(["GET", "HEAD", "POST"])
def send(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = _invitation_for(request, pk, "invitations.view_note")
    if not request.user.has_perm("invitations.manage_invitations"):
        raise PermissionDenied
    actor = acting_account(request)
    form = SendForm(
        initial={
            "language": invitation.language,
            "recipient_name": invitation.recipient_name,
            "email": invitation.email,
        }
    )
    status = 200
    if request.method == "POST":
        form = SendForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                update_invitation(
                    actor=actor,
                    invitation=invitation,
                    language=data["language"],
                    recipient_name=data["recipient_name"],
                )
                send_invitation(
                    actor=actor,
                    invitation=invitation,
                    email=data["email"],
                    link_for=lambda token: request.build_absolute_uri(
                        reverse("invitations:follow", args=[token])
                    ),
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.message_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, error.messages)
            else:
                messages.success(
                    request,
                    _("The invitation was sent to %(email)s.") % {"email": invitation.email},
                )
                return redirect("invitations:list", pk=invitation.consultation_id)
        status = 400
    return render(
        request, "invitations/send.html", {"invitation": invitation, "form": form}, status=status
    )


@require_safe
def note(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    invitation = _invitation_for(request, pk, "invitations.view_note")
    if fmt not in ("docx", "pdf"):
        raise Http404
    try:
        data, content_type, name = note_file(invitation, fmt)
    except NoteVerbaleError as error:
        return render(
            request,
            "invitations/note_error.html",
            {"invitation": invitation, "detail": str(error)},
            status=409,
        )
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = attachment_disposition(name)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def follow(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mailed link: it creates the account when there is none, then opens the form."""
    invitation = find_reply_invitation(token)
    if invitation is None:
        return render(request, "invitations/invalid.html", status=404)
    account_invitation = find_invitation(token)
    if account_invitation is not None and not request.user.is_authenticated:
        form, user = take_acceptance(request, token)
        if user is not None:
            use_invitation(user=user, invitation=invitation)
            return redirect("submissions:reply", pk=invitation.consultation_id)
        status = 400 if request.method == "POST" else 200
        return render(
            request,
            "invitations/accept.html",
            {"form": form, "invitation": invitation},
            status=status,
        )
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        use_invitation(user=request.user, invitation=invitation)
    except ValidationError:
        raise PermissionDenied from None
    return redirect("submissions:reply", pk=invitation.consultation_id)
