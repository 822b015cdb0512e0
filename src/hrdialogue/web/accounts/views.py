"""Sign-in, password reset, invitations and account management."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from hrdialogue.web.accounts.decorators import require_perm
from hrdialogue.web.accounts.forms import AcceptInvitationForm, InvitationForm, RoleForm
from hrdialogue.web.accounts.models import STAFF_ROLES, Invitation, Role, User
from hrdialogue.web.accounts.requests import AuthenticatedHttpRequest
from hrdialogue.web.accounts.services import (
    ASSIGNABLE_ROLES,
    accept_invitation,
    change_role,
    deactivate_user,
    find_invitation,
    invite_focal_point,
    invite_staff_member,
)
from hrdialogue.web.accounts.tasks import send_invitation_email
from hrdialogue.web.accounts.tokens import password_reset_tokens

__all__ = [
    "LoginView",
    "PasswordResetConfirmView",
    "PasswordResetView",
    "accept",
    "deactivate",
    "invite",
    "role",
    "take_acceptance",
    "user_list",
]


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    token_generator = password_reset_tokens
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    token_generator = password_reset_tokens
    success_url = reverse_lazy("accounts:password_reset_complete")


@require_http_methods(["GET", "HEAD", "POST"])
@require_perm("accounts.manage_accounts")
def invite(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Invite a focal point (with the stakeholder) or a staff member (`?role=moderator` or
    `?role=secretariat` chooses the role the form starts with)."""
    initial = request.GET.get("role")
    form = InvitationForm(initial={"role": initial} if initial in STAFF_ROLES else None)
    status = 200
    if request.method == "POST":
        form = InvitationForm(request.POST)
        if form.is_valid():
            role, email = form.cleaned_data["role"], form.cleaned_data["email"]
            stakeholder = form.cleaned_data["stakeholder"]
            try:
                if role == Role.FOCAL_POINT:
                    invitation, token = invite_focal_point(
                        actor=request.user, email=email, stakeholder=stakeholder
                    )
                else:
                    invitation, token = invite_staff_member(
                        actor=request.user, email=email, role=role
                    )
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field, errors)
            else:
                link = request.build_absolute_uri(reverse("accounts:accept", args=[token]))
                send_invitation_email.enqueue(
                    invitation.email,
                    stakeholder.name if stakeholder is not None else "",
                    link,
                    get_language() or "en",
                    invitation.role,
                )
                messages.success(
                    request,
                    _("The invitation was sent to %(email)s.") % {"email": invitation.email},
                )
                return redirect("accounts:users")
        status = 400
    return render(request, "accounts/invite.html", {"form": form}, status=status)


def take_acceptance(request: HttpRequest, token: str) -> tuple[AcceptInvitationForm, User | None]:
    """The form that accepts the account invitation `token` (bound to the data of a POST), and
    the account it created and signed in when the POST was valid (else None: the form holds
    the errors, a weak password's on its field)."""
    if request.method != "POST":
        return AcceptInvitationForm(), None
    form = AcceptInvitationForm(request.POST)
    if not form.is_valid():
        return form, None
    try:
        user = accept_invitation(
            token=token,
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            password=form.cleaned_data["password1"],
        )
    except ValidationError as error:
        form.add_error("password1" if hasattr(error, "error_list") else None, error)
        return form, None
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Welcome. Your account is ready."))
    return form, user


@require_http_methods(["GET", "HEAD", "POST"])
def accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = find_invitation(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form, user = take_acceptance(request, token)
    if user is not None:
        return redirect("home")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "accounts/accept.html", {"form": form, "invitation": invitation}, status=status
    )


@require_safe
@require_perm("accounts.manage_accounts")
def user_list(request: HttpRequest) -> HttpResponse:
    users = User.objects.select_related("stakeholder").order_by("role", "email")
    invitations = Invitation.objects.select_related("stakeholder").filter(
        accepted_at__isnull=True, revoked_at__isnull=True
    )
    roles = [(role.value, role.label) for role in ASSIGNABLE_ROLES]
    return render(
        request,
        "accounts/users.html",
        {"users": users, "invitations": invitations, "roles": roles},
    )


@require_POST
@require_perm("accounts.manage_accounts")
def role(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Change an account's role (the rules are the service's: `change_role`)."""
    user = get_object_or_404(User, pk=pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the new role of %(email)s.") % {"email": user.email})
        return redirect("accounts:users")
    try:
        change = change_role(actor=request.user, user=user, role=form.cleaned_data["role"])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(email)s now has the role: %(role)s.")
            % {"email": change.user.email, "role": change.user.get_role_display()},
        )
        if change.demotion:
            messages.info(
                request,
                _(
                    "A lower role keeps nothing of the higher one: the sessions of %(email)s "
                    "were ended and their API tokens revoked (revoked now: %(count)d)."
                )
                % {"email": change.user.email, "count": change.tokens_revoked},
            )
    return redirect("accounts:users")


@require_POST
@require_perm("accounts.manage_accounts")
def deactivate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    user = get_object_or_404(User, pk=pk)
    try:
        deactivate_user(actor=request.user, user=user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("%(email)s was deactivated.") % {"email": user.email})
    return redirect("accounts:users")
