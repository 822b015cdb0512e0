"""The page where a signed-in person issues and revokes their own API tokens.

A new token is shown once, on the answer to the form that created it (never stored, never
put in a URL, a cookie or the session; the answer is not cached). Each issue and revocation is
audited by `api.services`.

Because the token is on the answer to a POST, reloading that answer sends the form again. Each
form carries a one-time number (`once`); the session keeps the numbers already used (they are
not secrets), so a form sent twice creates one token and the second answer says what happened.
"""

from __future__ import annotations

import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from hrdialogue.web.accounts.decorators import require_perm
from hrdialogue.web.accounts.requests import AuthenticatedHttpRequest
from hrdialogue.web.api.models import ApiToken
from hrdialogue.web.api.services import MAX_ACTIVE_TOKENS, issue_token, revoke_token

__all__ = ["revoke", "token_list"]

_USED = "api_token_forms_used"
_KEEP_USED = 20  # the last forms sent from one session


def _new_once() -> str:
    return secrets.token_urlsafe(16)


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("What the token is for"),
        max_length=100,
        help_text=gettext_lazy("For example, the system that will send your replies."),
    )
    once = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)


def _sent_before(request: HttpRequest, once: str) -> bool:
    """Whether a token was created already from this form, in this session."""
    return bool(once) and once in request.session.get(_USED, [])


def _note_sent(request: HttpRequest, once: str) -> None:
    if once:
        request.session[_USED] = [*request.session.get(_USED, []), once][-_KEEP_USED:]


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@require_perm("api.manage_own_tokens")
def token_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None, initial={"once": _new_once()})
    new_token = ""
    if request.method == "POST" and form.is_valid():
        if _sent_before(request, form.cleaned_data["once"]):
            form = TokenForm(initial={"once": _new_once()})
            messages.warning(
                request,
                _(
                    "This form was sent already, and the token it created was shown then. A"
                    " token is shown only once: if you did not copy it, revoke it below and"
                    " create another."
                ),
            )
            return _page(request, form, "", status=409)
        try:
            _token, new_token = issue_token(
                actor=request.user, user=request.user, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            form.add_error("name" if hasattr(error, "error_dict") else None, error)
        else:
            _note_sent(request, form.cleaned_data["once"])
            form = TokenForm(initial={"once": _new_once()})
    status = 422 if request.method == "POST" and not new_token else 200
    return _page(request, form, new_token, status=status)


def _page(
    request: AuthenticatedHttpRequest, form: TokenForm, new_token: str, *, status: int
) -> HttpResponse:
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "new_token": new_token,
            "tokens": ApiToken.objects.filter(user=request.user),
            "limit": MAX_ACTIVE_TOKENS,
        },
        status=status,
    )


@require_POST
@require_perm("api.manage_own_tokens")
def revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)  # another's: 404
    revoke_token(actor=request.user, token=token)
    messages.success(
        request, _("The token %(prefix)s… no longer opens the API.") % {"prefix": token.prefix}
    )
    return redirect("api_tokens:list")
