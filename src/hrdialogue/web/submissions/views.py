"""Reply pages: the focal point's form and receipts, the Secretariat's dashboard and
publication, the public pages of published replies, and receipt verification.

Who may not read a reply gets 404, never a hint that it exists; who may read but not act
gets 403. Every file is served through a permission check, as an attachment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, TypedDict

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_stubs_ext import WithAnnotations

from hrdialogue.documents.mentions import find_paragraph_mentions
from hrdialogue.receipts import (
    Receipt,
    ReceiptError,
    comments_json,
    find_receipt_problem,
    read_comments_json,
)
from hrdialogue.web.accounts.requests import acting_account
from hrdialogue.web.audit.security import log_event
from hrdialogue.web.audit.services import anchor_receipt
from hrdialogue.web.consultations.access import consultation_for
from hrdialogue.web.consultations.models import Consultation
from hrdialogue.web.invitations.services import awaited_stakeholders
from hrdialogue.web.pages.downloads import attachment_disposition
from hrdialogue.web.pages.languages import current_un_language, text_direction
from hrdialogue.web.submissions.blobs import read_blob
from hrdialogue.web.submissions.dashboard import reply_statistics
from hrdialogue.web.submissions.forms import ReplyForm, VerifyForm
from hrdialogue.web.submissions.models import Reply, ReplyVersion, ReplyVisibility
from hrdialogue.web.submissions.services import (
    is_late,
    publish_reply,
    published_replies,
    resolution_anchors,
    submit_reply,
    visible_replies,
    withdraw_publication,
)
from hrdialogue.web.submissions.signing import public_key_pem, signing_key

__all__ = [
    "by_paragraph",
    "comments_file",
    "dashboard",
    "detail",
    "original",
    "public_key",
    "publish",
    "published",
    "published_file",
    "receipt",
    "reply",
    "verify",
    "version",
    "withdraw",
]


def _reply_for(request: HttpRequest, pk: int, perm: str = "submissions.view_reply") -> Reply:
    reply = get_object_or_404(
        Reply.objects.select_related("consultation", "stakeholder", "current"), pk=pk
    )
    if not request.user.has_perm("submissions.view_reply", reply):
        raise Http404
    if perm != "submissions.view_reply" and not request.user.has_perm(perm, reply):
        if perm == "submissions.view_reply_record":
            raise Http404  # a published reply's record is not public: no hint it exists
        raise PermissionDenied
    return reply


def _version_for(request: HttpRequest, pk: int, *, download: str = "") -> ReplyVersion:
    """The reply version `pk` if the visitor may see its record (else 404); a `download` of
    one of its files (the record is confidential) is a security event."""
    version = get_object_or_404(
        ReplyVersion.objects.select_related("reply__consultation", "reply__stakeholder"), pk=pk
    )
    if not request.user.has_perm("submissions.view_reply_record", version.reply):
        raise Http404
    if download:
        log_event(
            "download",
            outcome="success",
            actor=request.user,
            target=version,
            detail={"file": download},
        )
    return version


def _attachment(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = attachment_disposition(name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "typed": "text/plain; charset=utf-8",
}


def _apply_errors(form: forms.BaseForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@require_http_methods(["GET", "HEAD", "POST"])
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("submissions.submit_reply", consultation):
        raise PermissionDenied
    anchors = resolution_anchors(consultation)
    form = ReplyForm(anchors=anchors)
    status = 200
    if request.method == "POST":
        form = ReplyForm(request.POST, request.FILES, anchors=anchors)
        if form.is_valid():
            upload = form.cleaned_data.get("file")
            try:
                version = submit_reply(
                    actor=request.user,
                    consultation=consultation,
                    idempotency_key=form.cleaned_data["idempotency_key"],
                    text=form.cleaned_data["text"],
                    upload=(upload.read(), upload.name) if upload is not None else None,
                    visibility=form.cleaned_data["visibility"],
                    comments=form.comments(),
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("Your reply was received. Here is your receipt."))
                return redirect("submissions:version", pk=version.pk)
        status = 400
    stakeholder_id = request.user.stakeholder_id
    # `submissions.submit_reply` admits focal points alone, and a focal point has a stakeholder
    # (`accounts.rules.is_focal_point`; the focal_point_has_stakeholder constraint).
    assert stakeholder_id is not None, "a focal point without a stakeholder passed the rule"
    own = Reply.objects.filter(
        consultation=consultation, stakeholder_id=stakeholder_id
    ).select_related("current")
    return render(
        request,
        "submissions/reply_form.html",
        {
            "consultation": consultation,
            "form": form,
            "late": is_late(consultation, timezone.now()),
            "own_replies": own,
            "mandate_text": _mandate_text(consultation),
            "text_dir": text_direction(consultation.resolution.language),
        },
        status=status,
    )


def _mandate_text(consultation: Consultation) -> str:
    try:
        return consultation.resolution.resolution.paragraph(consultation.mandate_anchor).text
    except KeyError:
        return consultation.mandate_value.subject


def _shows_author(request: HttpRequest, reply_obj: Reply) -> bool:
    """Whoever reads the record sees who sent the reply; the public, unless the PUBLISHED
    version was sent without attribution (a later version's choice changes nothing public)."""
    if request.user.has_perm("submissions.view_reply_record", reply_obj):
        return True
    return reply_obj.public_visibility not in (None, ReplyVisibility.ANONYMOUS)


@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    reply_obj = _reply_for(request, pk)
    record = request.user.has_perm("submissions.view_reply_record", reply_obj)
    shown = reply_obj.current if record else reply_obj.published_version
    if shown is None:
        raise Http404
    return render(
        request,
        "submissions/detail.html",
        {
            "reply": reply_obj,
            "shown": shown,
            "record": record,
            "versions": reply_obj.versions.all() if record else [],
            "comments": shown.comments.all(),
            "shows_author": _shows_author(request, reply_obj),
            "can_publish": request.user.has_perm("submissions.publish_reply", reply_obj),
            "text_dir": text_direction(shown.language or "en"),
        },
    )


@require_safe
def version(request: HttpRequest, pk: int) -> HttpResponse:
    shown = _version_for(request, pk)
    return render(
        request,
        "submissions/version.html",
        {
            "version": shown,
            "reply": shown.reply,
            "receipt": Receipt.model_validate(shown.receipt),
            "comments": shown.comments.all(),
        },
    )


@require_safe
def receipt(request: HttpRequest, pk: int) -> HttpResponse:
    shown = _version_for(request, pk, download="receipt")
    signed = Receipt.model_validate(shown.receipt)
    name = f"receipt-{signed.reply_id}.json"
    return _attachment(signed.to_json().encode("utf-8"), "application/json", name)


@require_safe
def comments_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The version's comments on paragraphs, as the receipt covers them (`comments.json`)."""
    shown = _version_for(request, pk, download="comments")
    signed = Receipt.model_validate(shown.receipt)
    pairs = [(c.anchor, c.text) for c in shown.comments.all()]
    name = f"comments-{signed.reply_id}.json"
    return _attachment(comments_json(pairs).encode("utf-8"), "application/json", name)


@require_safe
def original(request: HttpRequest, pk: int) -> HttpResponse:
    """The content exactly as received (the bytes the receipt was given for)."""
    shown = _version_for(request, pk, download="original")
    if shown.file_key:
        data = read_blob(shown.file_key)
        name = shown.file_name or f"reply.{shown.source}"
    else:
        data = shown.text.encode("utf-8")
        name = f"reply-R{shown.reply.number}-v{shown.number}.txt"
    return _attachment(data, _TYPES[shown.source], name)


@require_safe
def published_file(request: HttpRequest, pk: int) -> HttpResponse:
    reply_obj = _reply_for(request, pk)
    if not reply_obj.published_file or reply_obj.published_version is None:
        raise Http404
    source = reply_obj.published_version.source
    name = f"reply-R{reply_obj.number}.{source}"
    return _attachment(read_blob(reply_obj.published_file), _TYPES[source], name)


@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    reply_obj = _reply_for(request, pk, "submissions.publish_reply")
    try:
        publish_reply(actor=acting_account(request), reply=reply_obj)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Reply %(label)s is published.") % {"label": reply_obj.label})
    return _back_to_dashboard(request, reply_obj.consultation_id)


@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    reply_obj = _reply_for(request, pk, "submissions.withdraw_reply")
    try:
        withdraw_publication(actor=acting_account(request), reply=reply_obj)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Reply %(label)s is no longer published.") % {"label": reply_obj.label}
        )
    return _back_to_dashboard(request, reply_obj.consultation_id)


def _back_to_dashboard(request: HttpRequest, consultation_pk: int) -> HttpResponse:
    """The dashboard page the button was on: its `?page=` and other parameters, passed on
    in the form's action (post/redirect/get)."""
    query = request.GET.urlencode()
    url = reverse("submissions:dashboard", args=[consultation_pk])
    return redirect(f"{url}?{query}" if query else url)


@require_safe
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    if not request.user.has_perm("submissions.view_dashboard", consultation):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    # Only what a row shows: not the current version's text, passages and receipt, which
    # `visible_replies` joins for the pages that show them (500 of each to decode).
    replies = (
        visible_replies(request.user, consultation)
        .select_related(None)
        .select_related("stakeholder")
        .only(*_DASHBOARD_FIELDS)
        .annotate(versions_count=Count("versions"))
        .order_by("number", "pk")
    )
    # One page of rows: the query reads DASHBOARD_PAGE_SIZE replies (LIMIT/OFFSET) and
    # `_dashboard_rows` builds only those.
    page = Paginator(replies, DASHBOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    here = request.GET.urlencode()
    language = _language()
    can_publish = request.user.has_perm("invitations.manage_invitations")
    return render(
        request,
        "submissions/dashboard.html",
        {
            "consultation": consultation,
            "stats": reply_statistics(consultation),
            "page": page,
            "query": query.urlencode(),
            "replies": _dashboard_rows(
                page.object_list, language, can_publish, f"?{here}" if here else ""
            ),
            "awaited": sorted(
                (s.name_in(language) for s in awaited_stakeholders(consultation)), key=str.casefold
            ),
        },
    )


DASHBOARD_PAGE_SIZE = 50
_DASHBOARD_FIELDS = (
    "number",
    "late",
    "needs_review",
    "language",
    "visibility",
    "published_at",
    "stakeholder__name",
    "stakeholder__names",
)


def _url_maker(name: str) -> Callable[[int], str]:
    """`reverse(name, args=[pk])` for many pks: reversed once, the pk put in by hand (a
    reversal costs about 25 µs, 1,000 of them a page of 500 replies)."""
    sentinel = 987654321987
    pattern = reverse(name, args=[sentinel])
    head, _sentinel, tail = pattern.partition(str(sentinel))
    return lambda pk: f"{head}{pk}{tail}"


class _ReplyCounts(TypedDict):
    versions_count: int


def _dashboard_rows(
    replies: Iterable[WithAnnotations[Reply, _ReplyCounts]],
    language: str,
    can_publish: bool,
    back: str = "",
) -> list[dict[str, Any]]:
    """What the dashboard shows of each reply (the replies of one page), read here once
    rather than tag by tag in the template: a `{% url %}` or `{% translate %}` per row made a
    page of 500 replies cost half a second of CPU (see the dashboard benchmark in
    benchmarks/bench_intake.py). `back` (`?page=…`) ends each button's action, so that the
    redirect after it comes back to the same page."""
    detail = _url_maker("submissions:detail")
    publish = _url_maker("submissions:publish")
    withdraw = _url_maker("submissions:withdraw")
    visibility = {value: str(label) for value, label in ReplyVisibility.choices}
    late, review = _("late: addendum"), _("needs review")
    rows = []
    for item in replies:
        status = " ".join(
            text for flag, text in ((item.late, late), (item.needs_review, review)) if flag
        )
        published = item.published_at is not None
        confidential = item.visibility == ReplyVisibility.CONFIDENTIAL
        action = ""
        if can_publish and published:
            action = withdraw(item.pk) + back
        elif can_publish and not confidential:
            action = publish(item.pk) + back
        rows.append(
            {
                "label": item.label,
                "url": detail(item.pk),
                "stakeholder": item.stakeholder.name_in(language),
                "language": item.language or "—",
                "versions": item.versions_count,
                "visibility": visibility.get(item.visibility, item.visibility),
                "status": status,
                "published": published,
                "confidential": confidential,
                "action": action,
                "publish_label": _("Publish %(label)s") % {"label": item.label},
            }
        )
    return rows


def _author(reply_obj: Reply) -> str:
    """Who the public pages name for a published reply: its published version's choice."""
    if reply_obj.public_visibility != ReplyVisibility.PUBLIC:
        return _("Published without attribution")
    return reply_obj.stakeholder.name_in(_language())


def _language() -> str:
    return current_un_language()


@require_safe
def published(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    groups: dict[str, list[Reply]] = defaultdict(list)
    for item in published_replies(consultation).select_related("stakeholder").order_by("number"):
        groups[_author(item)].append(item)
    return render(
        request,
        "submissions/published.html",
        {"consultation": consultation, "groups": sorted(groups.items())},
    )


@require_safe
def by_paragraph(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    anchors = resolution_anchors(consultation)
    resolution = consultation.resolution.resolution
    number = resolution.number  # "paragraph 3 of resolution 63/180", "… of resolution 69/96 B"
    symbol = resolution.symbol  # "paragraph 3 of draft resolution A/C.3/66/L.32": no number
    parts = [section.anchor for section in resolution.sections if section.is_part]
    found: dict[str, list[tuple[Reply, str]]] = defaultdict(list)
    rows = (
        published_replies(consultation)
        .select_related("stakeholder", "published_version")
        .prefetch_related("published_version__comments")
        .order_by("number")
    )
    for item in rows:
        shown = item.published_version
        if shown is None:
            continue
        for comment in shown.comments.all():
            found[comment.anchor].append((item, comment.text))
        if shown.language:
            mentions = find_paragraph_mentions(
                shown.text, shown.language, number=number, symbol=symbol, parts=parts
            )
            for start, end, anchor in mentions:
                excerpt = shown.text[max(0, start - 120) : end + 200].strip()
                found[anchor].append((item, "… " + excerpt + " …"))
    sections = [
        (anchor, [(item, _author(item), text) for item, text in found[anchor]])
        for anchor in anchors
        if found.get(anchor)
    ]
    return render(
        request,
        "submissions/by_paragraph.html",
        {"consultation": consultation, "sections": sections},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    form = VerifyForm()
    result: dict[str, Any] | None = None
    status = 200
    if request.method == "POST":
        form = VerifyForm(request.POST, request.FILES)
        if form.is_valid():
            raw = form.cleaned_data["receipt"].read()
            content = form.cleaned_data.get("content")
            comments_file = form.cleaned_data.get("comments")
            try:
                signed = Receipt.from_json(raw, source=_("the receipt"))
            except ReceiptError as error:
                form.add_error("receipt", _("This is not a receipt of this platform."))
                result = {"detail": str(error)}
                status = 400
            else:
                try:
                    comments = (
                        read_comments_json(comments_file.read(), source=comments_file.name)
                        if comments_file is not None
                        else None
                    )
                except ReceiptError as error:
                    form.add_error("comments", str(error))
                    status = 400
                else:
                    problem = find_receipt_problem(
                        signed,
                        signing_key().public_key(),
                        content.read() if content is not None else None,
                        comments,
                    )
                    result = {
                        "receipt": signed,
                        "problem": problem,
                        "content": content is not None,
                        "comments": comments is not None,
                        # a receipt signed by us: does the log still hold what it signed?
                        "anchor": anchor_receipt(signed) if problem is None else None,
                    }
        else:
            status = 400
    return render(
        request, "submissions/verify.html", {"form": form, "result": result}, status=status
    )


@require_safe
def public_key(request: HttpRequest) -> HttpResponse:
    return HttpResponse(public_key_pem(), content_type="text/plain; charset=us-ascii")
