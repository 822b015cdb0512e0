"""Use cases of replies; views, the API, commands and tests all go through these functions.

`submit_reply` is the one way a reply is accepted: the file is written to disk first, then
the reply, its version, its comments, its signed receipt and its audit entry are committed
in ONE transaction; only then does the caller show the receipt. An idempotency key (unique
in the database) makes a resubmitted form or a double click return the version already
accepted instead of a second one. Bad input raises `ValidationError` (a dict keyed by form
field, messages in the active language) and changes nothing.

Signatures (stable; the REST API calls them):

- `submit_reply(*, actor, consultation, idempotency_key, text="", upload=None,
  visibility="public", comments=(), now=None) -> ReplyVersion`; `upload` is
  `(bytes, file name)`; `comments` are `(anchor, text)` pairs.
- `request_differences(version, *, consultation, text, upload, visibility, comments)
  -> list[str]`: what a request retried with `version`'s key asks differently.
- `publish_reply(*, actor, reply) -> Reply`, `withdraw_publication(*, actor, reply) -> Reply`:
  the published version's own visibility is what the public pages follow.
- `visible_replies(user, consultation=None) -> QuerySet[Reply]`: every reply `user` may read,
  the same rule as the permission `submissions.view_reply`.
- `published_replies(consultation) -> QuerySet[Reply]`.
- `resolution_anchors(consultation) -> list[str]`: the anchors a comment may point at.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator, RegexValidator
from django.db import IntegrityError, transaction
from django.db.models import Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from hrdialogue.documents.runon import iter_subparagraphs
from hrdialogue.receipts import sign_receipt
from hrdialogue.web.accounts.models import User
from hrdialogue.web.accounts.requests import Visitor
from hrdialogue.web.audit.security import log_event
from hrdialogue.web.audit.services import lock_head, record_change
from hrdialogue.web.consultations.models import Consultation, Phase
from hrdialogue.web.consultations.services import visible_consultations
from hrdialogue.web.stakeholders.models import Stakeholder
from hrdialogue.web.submissions import publication
from hrdialogue.web.submissions.blobs import store_blob
from hrdialogue.web.submissions.intake import (
    Content,
    RefusedReply,
    count_words,
    detect_reply_language,
    read_typed,
    read_upload,
    split_content,
)
from hrdialogue.web.submissions.models import ParagraphComment, Reply, ReplyVersion, ReplyVisibility
from hrdialogue.web.submissions.signing import signing_key

__all__ = [
    "REPLY_PHASES",
    "is_late",
    "publish_reply",
    "published_replies",
    "request_differences",
    "resolution_anchors",
    "submit_reply",
    "visible_replies",
    "withdraw_publication",
]

REPLY_PHASES = (Phase.OPEN, Phase.CLOSED, Phase.DRAFTING)
"""Replies are taken while the consultation is open; after it, late, as addenda."""

MAX_COMMENTS = 20
MAX_COMMENT_CHARS = 5000
_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")


def resolution_anchors(consultation: Consultation) -> list[str]:
    """Every paragraph a comment may point at, in the resolution's order."""
    resolution = consultation.resolution.resolution
    anchors = [pp.anchor for pp in resolution.preamble]
    anchors += [item.anchor for _depth, item in iter_subparagraphs(resolution.operative)]
    return anchors


def is_late(consultation: Consultation, now: dt.datetime) -> bool:
    """After the reply deadline (the whole deadline day counts), or the call is closed."""
    return consultation.phase != Phase.OPEN or now.date() > consultation.reply_deadline


def _check_submitter(actor: User, consultation: Consultation) -> Stakeholder:
    """The stakeholder `actor` replies for; `ValidationError` when `actor` may not reply."""
    # `submissions.submit_reply` admits focal points alone, and a focal point has a stakeholder
    # (`accounts.rules.is_focal_point`; the focal_point_has_stakeholder constraint).
    stakeholder = (
        actor.stakeholder if actor.has_perm("submissions.submit_reply", consultation) else None
    )
    if stakeholder is None:
        raise ValidationError(_("You cannot reply to this consultation."))
    return stakeholder


def _trimmed_comments(comments: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The comments stripped, the empty pairs (an unused slot of the form) left out."""
    trimmed = ((anchor.strip(), text.strip()) for anchor, text in comments)
    return [(anchor, text) for anchor, text in trimmed if anchor or text]


def _clean_comments(
    consultation: Consultation, comments: Iterable[tuple[str, str]]
) -> list[tuple[str, str]]:
    anchors = set(resolution_anchors(consultation))
    cleaned: list[tuple[str, str]] = []
    for anchor, text in _trimmed_comments(comments):
        if anchor not in anchors:
            raise ValidationError(
                {
                    "comments": _("“%(anchor)s” is not a paragraph of the resolution.")
                    % {"anchor": anchor}
                }
            )
        if not text:
            raise ValidationError(
                {"comments": _("Write the comment on paragraph %(anchor)s.") % {"anchor": anchor}}
            )
        if len(text) > MAX_COMMENT_CHARS:
            raise ValidationError(
                {
                    "comments": _("A comment may be %(limit)d characters long at most.")
                    % {"limit": MAX_COMMENT_CHARS}
                }
            )
        cleaned.append((anchor, text))
    if len(cleaned) > MAX_COMMENTS:
        raise ValidationError({"comments": _("Twenty comments at most.")})
    return cleaned


_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")
"""NUL, which PostgreSQL's text cannot hold, and lone surrogates, which UTF-8 cannot."""


def _check_storable(field: str, text: str) -> None:
    """`ValidationError` on `field` when `text` holds a character no database can store."""
    found = _UNSTORABLE.search(text)
    if found is None:
        return
    char = found.group()
    # Django's own messages, translated in the six languages; the place is language-neutral.
    validator = ProhibitNullCharactersValidator if char == "\x00" else RegexValidator
    message = validator.message
    where = f"U+{ord(char):04X}, character {found.start() + 1}"
    raise ValidationError({field: f"{message} ({where})"})


def _read_content(
    text: str, upload: tuple[bytes, str] | None, *, actor: User, consultation: Consultation
) -> Content:
    if upload is not None and text.strip():
        raise ValidationError({"text": _("Type the reply or upload a file, not both.")})
    try:
        if upload is not None:
            return read_upload(upload[0], upload[1])
        return read_typed(text)
    except RefusedReply as refusal:
        if upload is not None:  # uploads are hostile until read: a refusal is worth a look
            log_event(
                "upload.refused",
                outcome="failure",
                actor=actor,
                target=consultation,
                detail={
                    "file": upload[1][:255],
                    "bytes": len(upload[0]),
                    "reason": refusal.detail or str(refusal.message),
                },
            )
        raise ValidationError({"file" if upload is not None else "text": refusal.message}) from None


def _existing(idempotency_key: str, actor: User) -> ReplyVersion | None:
    version = (
        ReplyVersion.objects.select_related("reply").filter(idempotency_key=idempotency_key).first()
    )
    if version is not None and version.reply.stakeholder_id != actor.stakeholder_id:
        raise ValidationError(_("This form was already used; reload the page and try again."))
    return version


def _check_same_request(
    version: ReplyVersion,
    *,
    consultation: Consultation,
    text: str,
    upload: tuple[bytes, str] | None,
    visibility: str,
    comments: Sequence[tuple[str, str]],
) -> None:
    """A form sent again (a retry, a double click) is answered with the version it gave; a
    form sent again with other content (edited after going back in the browser) is refused,
    so that the edit is never taken for received."""
    differences = request_differences(
        version,
        consultation=consultation,
        text=text,
        upload=upload,
        visibility=visibility,
        comments=comments,
    )
    if differences:
        raise ValidationError(
            _(
                "This form was already sent, with other content, as version %(number)d of your "
                "reply; what you changed was not received. To send it as a new version, open "
                "the reply form again."
            )
            % {"number": version.number}
        )


def _content_sha256(text: str, upload: tuple[bytes, str] | None) -> str | None:
    """The SHA-256 a version of this request would record: of the file, or of the typed text
    as `read_typed` keeps it (None for text it refuses)."""
    if upload is not None:
        return hashlib.sha256(upload[0]).hexdigest()
    try:
        return hashlib.sha256(read_typed(text).data).hexdigest()
    except RefusedReply:
        return None


def request_differences(
    version: ReplyVersion,
    *,
    consultation: Consultation,
    text: str = "",
    upload: tuple[bytes, str] | None = None,
    visibility: str,
    comments: Sequence[tuple[str, str]],
) -> list[str]:
    """What a request sent again with `version`'s idempotency key asks differently from the
    request that version was accepted from: among `consultation`, `content` (the `text` typed
    or the file `upload`), `visibility` and `comments`, in that order; empty for an exact
    retry."""
    accepted = [(c.anchor, c.text) for c in version.comments.order_by("id")]
    checks = [
        ("consultation", version.reply.consultation_id == consultation.pk),
        ("content", version.content_sha256 == _content_sha256(text, upload)),
        ("visibility", version.visibility == visibility),
        ("comments", accepted == _trimmed_comments(comments)),
    ]
    return [name for name, same in checks if not same]


def submit_reply(
    *,
    actor: User,
    consultation: Consultation,
    idempotency_key: str,
    text: str = "",
    upload: tuple[bytes, str] | None = None,
    visibility: str = ReplyVisibility.PUBLIC,
    comments: Sequence[tuple[str, str]] = (),
    now: dt.datetime | None = None,
) -> ReplyVersion:
    """Accept a reply (or a new version of it) from a focal point; see the module docstring.

    Before the deadline a second submission is a new version of the same reply; after the
    deadline every submission is a late reply of its own, marked as an addendum.
    """
    if not _KEY.fullmatch(idempotency_key or ""):
        raise ValidationError(_("This form has expired; reload the page and try again."))
    already = _existing(idempotency_key, actor)
    if already is not None:
        _check_same_request(
            already,
            consultation=consultation,
            text=text,
            upload=upload,
            visibility=visibility,
            comments=comments,
        )
        return already
    stakeholder = _check_submitter(actor, consultation)
    if visibility not in ReplyVisibility.values:
        raise ValidationError({"visibility": _("Choose who may read the reply.")})
    _check_storable("text", text)
    for anchor, comment in comments:
        _check_storable("comments", anchor)
        _check_storable("comments", comment)
    cleaned_comments = _clean_comments(consultation, comments)
    content = _read_content(text, upload, actor=actor, consultation=consultation)
    language = ""
    if not content.needs_review:
        try:
            language = detect_reply_language(content.text, list(consultation.languages))
        except RefusedReply as refusal:
            raise ValidationError({"file" if upload else "text": refusal.message}) from None
    file_key = store_blob(content.data) if content.source != "typed" else ""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            return _write(
                actor=actor,
                stakeholder=stakeholder,
                consultation=consultation,
                idempotency_key=idempotency_key,
                content=content,
                language=language,
                file_key=file_key,
                visibility=visibility,
                comments=cleaned_comments,
                now=now,
            )
    except IntegrityError:
        # The same key committed by a concurrent request (a double click): that one stands.
        version = _existing(idempotency_key, actor)
        if version is None:
            raise
        return version


def _write(
    *,
    actor: User,
    stakeholder: Stakeholder,
    consultation: Consultation,
    idempotency_key: str,
    content: Content,
    language: str,
    file_key: str,
    visibility: str,
    comments: list[tuple[str, str]],
    now: dt.datetime,
) -> ReplyVersion:
    locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
    late = is_late(locked, now)
    reply = None
    if not late:
        reply = (
            Reply.objects.select_for_update()
            .filter(consultation=locked, stakeholder_id=stakeholder.pk, late=False)
            .first()
        )
    if reply is None:
        last = Reply.objects.filter(consultation=locked).aggregate(n=Max("number"))["n"] or 0
        reply = Reply.objects.create(
            consultation=locked,
            stakeholder_id=stakeholder.pk,
            number=last + 1,
            late=late,
            visibility=visibility,
            created_at=now,
        )
    number = (reply.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    split = split_content(content, reply.number)
    # The receipt signs the audit log as it stands; the head stays locked until this
    # transaction commits, so this reply's own entry comes right after the signed head.
    audit_head = lock_head()
    receipt = sign_receipt(
        content.data,
        submitted_at=now,
        reply_id=f"C{locked.pk}-R{reply.number}-v{number}",
        stakeholder=stakeholder.code,
        key=signing_key(),
        comments=comments,
        visibility=visibility,
        audit_head=audit_head,
    )
    version = ReplyVersion.objects.create(
        reply=reply,
        number=number,
        idempotency_key=idempotency_key,
        source=content.source,
        text=content.text,
        paragraphs=[p.model_dump(mode="json") for p in split.paragraphs] if split else [],
        language=language,
        word_count=count_words(content.text),
        needs_review=content.needs_review,
        review_reason=content.review_reason,
        file_key=file_key,
        file_name=content.file_name,
        visibility=visibility,
        content_sha256=receipt.content_sha256,
        content_length=receipt.content_length,
        receipt=receipt.model_dump(mode="json"),
        submitted_at=now,
        submitted_by=actor,
    )
    ParagraphComment.objects.bulk_create(
        ParagraphComment(version=version, anchor=anchor, text=text) for anchor, text in comments
    )
    reply.current = version
    reply.language = language
    reply.needs_review = content.needs_review
    reply.visibility = visibility
    reply.save(update_fields=["current", "language", "needs_review", "visibility"])
    record_change(
        actor=actor,
        action="submissions.submit",
        target=version,
        after={
            "reply": reply.label,
            "version": number,
            "stakeholder": stakeholder.code,
            "late": reply.late,
            "visibility": visibility,
            "source": content.source,
            "content_sha256": receipt.content_sha256,
            "needs_review": content.needs_review,
            "comments": [anchor for anchor, _text in comments],
        },
    )
    return version


def publish_reply(*, actor: User, reply: Reply) -> Reply:
    """Publish the reply's latest version (its file with the metadata stripped), under the
    visibility it was sent with: from now on that version's visibility is what the public
    pages follow, whatever later versions say, until another publication or a withdrawal."""
    current = reply.current
    if current is None:
        raise ValidationError(_("This reply has no accepted version."))
    if current.visibility == ReplyVisibility.CONFIDENTIAL:
        raise ValidationError(_("This reply is confidential: it is never published."))
    if reply.published_version_id == current.pk:
        raise ValidationError(_("This version of the reply is already published."))
    published_key = ""
    if current.file_key:
        published_key = store_blob(publication.strip_metadata(current.file_key, current.source))
    with transaction.atomic():
        before = _publication_state(reply)
        reply.published_at = timezone.now()
        reply.published_version = current
        reply.published_by = actor
        reply.published_file = published_key
        reply.save(
            update_fields=["published_at", "published_version", "published_by", "published_file"]
        )
        record_change(
            actor=actor,
            action="submissions.publish",
            target=reply,
            before=before,
            after={"published_version": current.number, "visibility": current.visibility},
        )
    return reply


def withdraw_publication(*, actor: User, reply: Reply) -> Reply:
    """Take a published reply off the public pages (it stays on the record). Allowed
    whatever the latest version's visibility."""
    if not reply.is_published:
        raise ValidationError(_("This reply is not published."))
    with transaction.atomic():
        before = _publication_state(reply)
        reply.published_at = None
        reply.published_version = None
        reply.published_by = None
        reply.published_file = ""
        reply.save(
            update_fields=["published_at", "published_version", "published_by", "published_file"]
        )
        record_change(
            actor=actor, action="submissions.withdraw", target=reply, before=before, after={}
        )
    return reply


def _publication_state(reply: Reply) -> dict[str, object]:
    """What the audit log keeps of a reply's publication before a change."""
    published = reply.published_version if reply.published_at is not None else None
    if published is None:
        return {"published_version": None}
    return {"published_version": published.number, "visibility": published.visibility}


def _published() -> Q:
    """Published, under a visibility the public may read (the published version's own)."""
    return Q(published_at__isnull=False, published_version__isnull=False) & ~Q(
        published_version__visibility=ReplyVisibility.CONFIDENTIAL
    )


def published_replies(consultation: Consultation) -> QuerySet[Reply]:
    """The published replies of a consultation (never a confidential one)."""
    return Reply.objects.filter(_published(), consultation=consultation).select_related(
        "stakeholder", "published_version"
    )


def visible_replies(user: Visitor, consultation: Consultation | None = None) -> QuerySet[Reply]:
    """The replies `user` may read: staff all; a focal point its own stakeholder's and the
    published ones; everyone else the published replies of consultations they may see."""
    replies = Reply.objects.select_related("stakeholder", "consultation", "current")
    if consultation is not None:
        replies = replies.filter(consultation=consultation)
    if user.is_authenticated and user.is_active and user.role in ("secretariat", "moderator"):
        return replies
    published = _published() & Q(consultation__in=visible_consultations(user).values("pk"))
    if (
        user.is_authenticated
        and user.is_active
        and user.role == "focal-point"
        and user.stakeholder_id is not None
    ):
        return replies.filter(published | Q(stakeholder_id=user.stakeholder_id))
    return replies.filter(published)
