"""Replies through the API: list with filters, detail, and submission with an Idempotency-Key
(typed as JSON, or a DOCX or PDF file as multipart/form-data).

A submission goes through `submissions.services.submit_reply`, the one way a reply is
accepted (no write path of the API's own). Who reads a reply reads what the pages show: the
staff and the stakeholder's own focal points its latest version and its receipt; everyone else
only the published version of a published, non-confidential reply of a consultation they may
see, without the stakeholder's name when that version was sent "public without
attribution" (the published version's own visibility: a later, unpublished version changes
nothing the public reads, nor what the filters find for them).
"""

from __future__ import annotations

import os
import signal
from typing import Annotated, Any, Literal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, File, Form, Header, Query, Router, Schema, Status, UploadedFile
from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticValidationError

from hrdialogue.documents.replies import ReplyParagraph
from hrdialogue.web.accounts.requests import AuthenticatedHttpRequest, Visitor
from hrdialogue.web.accounts.rules import is_focal_point
from hrdialogue.web.api.auth import PUBLIC
from hrdialogue.web.api.schemas import Code, Id, StakeholderRef, answers
from hrdialogue.web.consultations.access import consultation_for
from hrdialogue.web.consultations.models import Consultation
from hrdialogue.web.pages.uploads import exceeded_limit
from hrdialogue.web.submissions.models import Reply, ReplyVersion, ReplyVisibility
from hrdialogue.web.submissions.services import (
    request_differences,
    submit_reply,
    visible_replies,
)

__all__ = [
    "ReplyFilter",
    "ReplyOut",
    "filtered_replies",
    "reply_view",
    "router",
]

router = Router(tags=["replies"])

Language = Literal["ar", "zh", "en", "fr", "ru", "es"]
VisibilityCode = Literal["public", "anonymous", "confidential"]
# The submissions app's own rule for keys (letters, digits, - and _; 16 to 64 characters).
IdempotencyKey = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{16,64}$")]


class CommentOut(Schema):
    anchor: str = Field(description="The paragraph of the resolution: `OP10`, `OP8(a)`.")
    text: str


class ReplyOut(Schema):
    id: int
    label: str = Field(description="`R3`: the prefix of its paragraph anchors (`R3.P2`).")
    consultation_id: int
    stakeholder: StakeholderRef | None = Field(
        description="Null for a reply published without attribution (except to the staff "
        "and the stakeholder's own focal points)."
    )
    visibility: str = Field(description="public, anonymous (without attribution), confidential")
    late: bool = Field(description="Received after the deadline: an addendum.")
    published: bool
    needs_review: bool = Field(description="A file whose text came out empty: read the file.")
    language: str
    version: int = Field(description="The version shown: the latest, or the published one.")
    versions: int | None = Field(description="How many versions (staff and own only).")
    submitted_at: str
    source: str
    word_count: int
    text: str
    paragraphs: list[ReplyParagraph]
    comments: list[CommentOut]
    # The receipt exactly as signed (JSON of `hrdialogue.receipts.Receipt`), not re-encoded:
    # a re-encoded time (milliseconds only) would no longer match its signature.
    receipt: dict[str, Any] | None = Field(
        description="The signed receipt, as signed (staff and the stakeholder's own focal "
        "points); `hrdialogue receipt verify` checks it with the Secretariat's public key."
    )


class ReplyFilter(Schema):
    consultation: Id | None = None
    stakeholder: Code | None = None
    language: Language | None = None
    visibility: VisibilityCode | None = None
    late: bool | None = None
    published: bool | None = None


class ReplyPage(Schema):
    count: int
    items: list[ReplyOut]


class PageParams(ReplyFilter):
    limit: int = Field(100, ge=1, le=500)
    offset: int = Field(0, ge=0, le=2**31)


class CommentIn(Schema):
    anchor: str = Field(max_length=32)
    text: str = Field(max_length=5000)


class ReplyIn(Schema):
    text: str = Field(min_length=1, max_length=200_000, description="The reply, typed.")
    visibility: VisibilityCode = "public"
    comments: list[CommentIn] = Field(default=[], max_length=20)


class ReplyFileIn(Schema):
    """The form fields that come with a reply's file."""

    visibility: VisibilityCode = "public"
    comments: str = Field(
        default="[]",
        max_length=120_000,
        description="Comments anchored to paragraphs of the resolution, as a JSON list of "
        '`{"anchor": "OP10", "text": "…"}` (at most 20).',
    )


_COMMENTS = TypeAdapter(Annotated[list[CommentIn], Field(max_length=20)])


def _comments(raw: str) -> list[tuple[str, str]]:
    """The comments field read as JSON; a `ValidationError` (422) that says what is wrong."""
    try:
        comments = _COMMENTS.validate_json(raw or "[]")
    except PydanticValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        message = f"{where}: {problem['msg']}" if where else problem["msg"]
        raise ValidationError({"comments": message}) from None
    return [(c.anchor, c.text) for c in comments]


def _shown_version(
    user: Visitor, reply: Reply, accepted: ReplyVersion | None = None
) -> tuple[ReplyVersion | None, bool]:
    """The version `user` reads, and whether they read the record (latest, receipt, name);
    `accepted`, a version of the reply just accepted or replayed, instead of the latest."""
    if user.has_perm("submissions.view_reply_record", reply):
        return accepted or reply.current, True
    return reply.published_version, False


def reply_view(
    user: Visitor, reply: Reply, accepted: ReplyVersion | None = None
) -> dict[str, Any] | None:
    """The reply as `user` may read it; None when there is nothing they may read. Who reads
    the record reads `accepted` when given (the answer to a submission: the version it
    accepted, the same when the submission is replayed), else the latest version."""
    version, record = _shown_version(user, reply, accepted)
    if version is None:
        return None
    # The version shown says who may read it: the latest for the record, else the published.
    anonymous = not record and version.visibility != ReplyVisibility.PUBLIC
    stakeholder = reply.stakeholder
    return {
        "id": reply.pk,
        "label": reply.label,
        "consultation_id": reply.consultation_id,
        "stakeholder": None
        if anonymous
        else {"code": stakeholder.code, "kind": stakeholder.kind, "name": stakeholder.name},
        "visibility": version.visibility,
        "late": reply.late,
        "published": reply.published_at is not None,
        "needs_review": version.needs_review,
        "language": version.language,
        "version": version.number,
        "versions": reply.versions.count() if record else None,
        "submitted_at": version.submitted_at.isoformat(),
        "source": version.source,
        "word_count": version.word_count,
        "text": version.text,
        "paragraphs": version.paragraphs,
        "comments": [{"anchor": c.anchor, "text": c.text} for c in version.comments.all()],
        "receipt": version.receipt if record else None,
    }


def _own_stakeholder(user: Visitor) -> int | None:
    """The stakeholder whose replies' record `user` reads (a focal point's own), if any."""
    return getattr(user, "stakeholder_id", None) if is_focal_point(user) else None


def _as_read(user: Visitor, field: str, value: str) -> Q:
    """`field` (visibility, language) is `value` in the version `user` reads of each reply:
    the latest for the staff and the stakeholder's own focal points, else the published one
    (so that a filter tells nobody what an unpublished version says)."""
    if user.has_perm("submissions.view_dashboard"):
        return Q(**{field: value})
    own = Q(stakeholder_id=_own_stakeholder(user))
    return (own & Q(**{field: value})) | (~own & Q(**{f"published_version__{field}": value}))


def filtered_replies(user: Visitor, filters: ReplyFilter) -> QuerySet[Reply]:
    """The replies `user` may read (the submissions app's rule), narrowed by the filters."""
    replies = (
        visible_replies(user)
        .select_related("published_version")
        .prefetch_related("current__comments", "published_version__comments")
        .order_by("consultation_id", "number")
    )
    if filters.consultation is not None:
        replies = replies.filter(consultation_id=filters.consultation)
    if filters.stakeholder is not None:
        # A filter on the stakeholder must not reveal who sent a reply without attribution.
        replies = replies.filter(stakeholder__code=filters.stakeholder)
        if not user.has_perm("submissions.view_dashboard"):
            others = ~Q(stakeholder_id=_own_stakeholder(user))
            anonymous = Q(published_version__visibility=ReplyVisibility.ANONYMOUS)
            replies = replies.exclude(others & anonymous)
    if filters.language is not None:
        replies = replies.filter(_as_read(user, "language", filters.language))
    if filters.visibility is not None:
        replies = replies.filter(_as_read(user, "visibility", filters.visibility))
    if filters.late is not None:
        replies = replies.filter(late=filters.late)
    if filters.published is not None:
        replies = replies.filter(published_at__isnull=not filters.published)
    return replies


@router.get("/replies", response=answers(ReplyPage), url_name="replies", **PUBLIC)
def list_replies(request: HttpRequest, params: Query[PageParams]) -> dict[str, Any]:
    """The replies the caller may read, filtered; 100 a page by default."""
    replies = filtered_replies(request.user, params)
    rows = [reply_view(request.user, r) for r in replies]
    readable = [row for row in rows if row is not None]
    return {
        "count": len(readable),
        "items": readable[params.offset : params.offset + params.limit],
    }


@router.get("/replies/{pk}", response=answers(ReplyOut, 404), url_name="reply", **PUBLIC)
def get_reply(request: HttpRequest, pk: Id) -> dict[str, Any]:
    """One reply, as the caller may read it (404 when they may not: no hint it exists)."""
    reply = get_object_or_404(
        Reply.objects.select_related("consultation", "stakeholder", "current", "published_version"),
        pk=pk,
    )
    if not request.user.has_perm("submissions.view_reply", reply):
        raise Http404
    row = reply_view(request.user, reply)
    if row is None:
        raise Http404
    return row


def _replayed(
    request: AuthenticatedHttpRequest,
    key: str,
    consultation: Consultation,
    *,
    text: str,
    upload: tuple[bytes, str] | None,
    visibility: str,
    comments: list[tuple[str, str]],
) -> ReplyVersion | None:
    """The version already accepted under this key for the caller's stakeholder, if any; 422
    when the key was used for another reply, or the request differs from the one the key was
    first used with (IETF draft on the Idempotency-Key header)."""
    version = ReplyVersion.objects.select_related("reply").filter(idempotency_key=key).first()
    if version is None:
        return None
    if version.reply.stakeholder_id != request.user.stakeholder_id:
        raise ValidationError("This Idempotency-Key was already used for another reply.")
    differences = request_differences(
        version,
        consultation=consultation,
        text=text,
        upload=upload,
        visibility=visibility,
        comments=comments,
    )
    if differences:
        field = "file" if upload is not None else "text"  # the field that carries the reply
        named = ", ".join(field if name == "content" else name for name in differences)
        raise ValidationError(
            "This Idempotency-Key was already used for a reply with another "
            f"{named}: send a new key with a new reply, the same request with a retry."
        )
    return version


def _crash_after_commit() -> None:
    """Test-only (`HRDIALOGUE_CRASH_AFTER_REPLY_COMMIT`): die between commit and response."""
    if settings.CRASH_AFTER_REPLY_COMMIT and connection.get_autocommit():
        os.kill(os.getpid(), signal.SIGKILL)


@router.post(
    "/consultations/{pk}/replies",
    response=answers(ReplyOut, 400, 403, 404, status=201),
    url_name="submit_reply",
)
def post_reply(
    request: AuthenticatedHttpRequest,  # token_auth, the router's default
    pk: Id,
    body: ReplyIn,
    idempotency_key: Annotated[IdempotencyKey, Header(alias="Idempotency-Key")],
    response: HttpResponse,
) -> Status[dict[str, Any] | None]:
    """Submit a typed reply (or a new version of it) on behalf of the caller's stakeholder.

    Send a fresh `Idempotency-Key` with each new reply and the same key when retrying: a
    retry returns the reply already accepted (with `Idempotent-Replayed: true`), never a
    second one; the same key with another text, visibility, comments or consultation is
    refused (422, naming what differs).
    """
    return _submit(
        request,
        response,
        consultation_for(request, pk),
        idempotency_key,
        visibility=body.visibility,
        comments=[(c.anchor, c.text) for c in body.comments],
        text=body.text,
    )


@router.post(
    "/consultations/{pk}/replies/file",
    response=answers(ReplyOut, 400, 403, 404, 413, status=201),
    url_name="submit_reply_file",
)
def post_reply_file(
    request: AuthenticatedHttpRequest,  # token_auth, the router's default
    pk: Id,
    *,
    file: File[UploadedFile],
    details: Form[ReplyFileIn],
    idempotency_key: Annotated[IdempotencyKey, Header(alias="Idempotency-Key")],
    response: HttpResponse,
) -> Status[dict[str, Any] | None]:
    """Submit a reply as a DOCX or PDF file (multipart/form-data), with the same rules as a
    typed reply: the same `Idempotency-Key` on a retry returns the reply already accepted;
    the receipt is given for the file's bytes. A file over the limit (20 MB) gets 413 and is
    not stored; a file that is not a readable DOCX or PDF gets 422 with the reason. A PDF
    without a text layer is accepted and marked `needs_review`.
    """
    consultation = consultation_for(request, pk)
    name = file.name or "reply"
    limit = exceeded_limit(file, "REPLY_UPLOAD_MAX_BYTES")
    if limit is not None:
        return Status(
            413, {"detail": f"{name}: {file.size} bytes, more than the limit of {limit} bytes."}
        )
    comments = _comments(details.comments)
    data = file.read()
    return _submit(
        request,
        response,
        consultation,
        idempotency_key,
        visibility=details.visibility,
        comments=comments,
        upload=(data, name),
    )


def _submit(
    request: AuthenticatedHttpRequest,
    response: HttpResponse,
    consultation: Consultation,
    idempotency_key: str,
    *,
    visibility: str,
    comments: list[tuple[str, str]],
    text: str = "",
    upload: tuple[bytes, str] | None = None,
) -> Status[dict[str, Any] | None]:
    """The reply already accepted under this key (`Idempotent-Replayed`), or a new one through
    `submit_reply`; 201 with the reply as the caller may read it."""
    replayed = _replayed(
        request,
        idempotency_key,
        consultation,
        text=text,
        upload=upload,
        visibility=visibility,
        comments=comments,
    )
    if replayed is None and not request.user.has_perm("submissions.submit_reply", consultation):
        raise PermissionDenied
    version = replayed or submit_reply(
        actor=request.user,
        consultation=consultation,
        idempotency_key=idempotency_key,
        text=text,
        upload=upload,
        visibility=visibility,
        comments=comments,
    )
    if replayed is None:
        _crash_after_commit()
    reply = Reply.objects.select_related(
        "consultation", "stakeholder", "current", "published_version"
    ).get(pk=version.reply_id)
    if replayed is not None:
        response["Idempotent-Replayed"] = "true"
    return Status(201, reply_view(request.user, reply, version))
