"""The page where a signed-in person issues and revokes their own API tokens.

A new token is shown once, on the answer to the form that created it (never stored, never
put in a URL, a cookie or the session; the answer is not cached). Each issue and revocation is
audited by `api.services`.
"""

from __future__ import annotations

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
from hrdialogue.web.api.models import ApiToken
from hrdialogue.web.api.services import MAX_ACTIVE_TOKENS, issue_token, revoke_token

__all__ = ["revoke", "token_list"]


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("What the token is for"),
        max_length=100,
        help_text=gettext_lazy("For example, the system that will send your replies."),
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@require_perm("api.manage_own_tokens")
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    new_token = ""
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_token = issue_token(
                actor=request.user, user=request.user, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            form.add_error("name" if hasattr(error, "error_dict") else None, error)
        else:
            form = TokenForm()
    tokens = ApiToken.objects.filter(user=request.user)
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "new_token": new_token,
            "tokens": tokens,
            "limit": MAX_ACTIVE_TOKENS,
        },
        status=422 if request.method == "POST" and not new_token else 200,
    )


@require_POST
@require_perm("api.manage_own_tokens")
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)  # another's: 404
    revoke_token(actor=request.user, token=token)
    messages.success(
        request, _("The token %(prefix)s… no longer opens the API.") % {"prefix": token.prefix}
    )
    return redirect("api_tokens:list")
