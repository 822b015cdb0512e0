"""Upload a resolution; read it with its paragraph anchors and (Secretariat) its mandates."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from hrdialogue.documents.render import closing_line, part_ends
from hrdialogue.documents.runon import cut_run_on_text
from hrdialogue.web.accounts.decorators import require_perm
from hrdialogue.web.accounts.requests import AuthenticatedHttpRequest
from hrdialogue.web.consultations.mandates import describe_mandates
from hrdialogue.web.pages.languages import UN_LANGUAGE_CHOICES, text_direction
from hrdialogue.web.resolutions.forms import UploadForm
from hrdialogue.web.resolutions.models import ResolutionDocument
from hrdialogue.web.resolutions.reader import RefusedDocument
from hrdialogue.web.resolutions.services import upload_resolution

__all__ = ["detail", "resolution_list", "upload"]


@require_safe
def resolution_list(request: HttpRequest) -> HttpResponse:
    documents = ResolutionDocument.objects.defer("text", "data")
    return render(request, "resolutions/list.html", {"documents": documents})


@require_http_methods(["GET", "HEAD", "POST"])
@require_perm("resolutions.add_resolution")
def upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read(settings.RESOLUTION_UPLOAD_MAX_BYTES + 1)
            try:
                document = upload_resolution(
                    actor=request.user,
                    data=data,
                    name=upload.name,
                    language=form.cleaned_data["language"] or None,
                )
            except RefusedDocument as refusal:
                form.add_error("file", refusal.message)
                return render(
                    request,
                    "resolutions/upload.html",
                    {"form": form, "detail": refusal.detail},
                    status=400,
                )
            return redirect("resolutions:detail", pk=document.pk)
        return render(request, "resolutions/upload.html", {"form": form}, status=400)
    return render(request, "resolutions/upload.html", {"form": form})


@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(ResolutionDocument, pk=pk)
    resolution = document.resolution
    can_review = request.user.has_perm("resolutions.review_mandates")
    # each paragraph and subparagraph shows its own words once (the reader's text of a
    # paragraph runs on through its subparagraphs)
    shown = cut_run_on_text(resolution)
    parts = shown.parts()
    ends = part_ends(parts)  # where a composite's part ends: its closing follows
    return render(
        request,
        "resolutions/detail.html",
        {
            "document": document,
            "resolution": shown,
            # the paragraphs before the first section, then each section with its heading
            # (a composite's part also with its formula and its closing)
            "parts": [
                {
                    "section": part.section,
                    "preamble": part.preamble,
                    "operative": part.operative,
                    "closing": closing_line(ends[i].adoption, resolution.body, resolution.language)
                    if i in ends
                    else None,
                }
                for i, part in enumerate(parts)
            ],
            "mandates": describe_mandates(resolution) if can_review else [],
            "can_review": can_review,
            "can_open": request.user.has_perm("consultations.add_consultation"),
            "text_lang": resolution.language,
            "text_dir": text_direction(resolution.language),
            "language_name": dict(UN_LANGUAGE_CHOICES).get(
                resolution.language, resolution.language
            ),
        },
    )
