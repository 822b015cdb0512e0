"""The consultation a page or an API operation is about, fetched under the viewer's rights."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from hrdialogue.web.consultations.models import Consultation

__all__ = ["consultation_for"]


def consultation_for(request: HttpRequest, pk: int, perm: str | None = None) -> Consultation:
    """Consultation `pk` (with its resolution) when the user may see it, else `Http404`: a
    consultation the user may not see is answered as one that does not exist, so that a
    draft's existence is not disclosed. `perm` (e.g. `consultations.change_consultation`):
    one the user must also hold on it, else `PermissionDenied`."""
    consultation = get_object_or_404(Consultation.objects.select_related("resolution"), pk=pk)
    if not request.user.has_perm("consultations.view_consultation", consultation):
        raise Http404
    if perm is not None and not request.user.has_perm(perm, consultation):
        raise PermissionDenied
    return consultation
