"""Pages seen by a signed-in user are never stored by a shared or browser cache; a full reply
store is answered 503 with `Retry-After`, in the visitor's language (JSON on the API), never
as a server error."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _

from hrdialogue.web.submissions.blobs import StorageFull

__all__ = ["StorageFullMiddleware", "private_cache_middleware"]

RETRY_AFTER_SECONDS = 600


def private_cache_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        patch_vary_headers(response, ("Cookie", "Accept-Language"))
        return response

    return middleware


class StorageFullMiddleware:
    """A `StorageFull` raised by a view: 503, `Retry-After`, what happened and what to do."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, StorageFull):
            return None
        message = _(
            "The platform has no room to store files at the moment. Nothing was recorded: "
            "please send it again later."
        )
        response: HttpResponse
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=503)
        else:
            response = render(request, "503.html", {"message": message}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
