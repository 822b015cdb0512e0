"""A reply of one stakeholder to one consultation, every version of it, and its comments.

`Reply` is what the stakeholder answered (one on-time reply per stakeholder, plus late
replies, which become addenda); `ReplyVersion` is one accepted submission of it, never
changed after it is written, with its signed receipt; `ParagraphComment` is a comment of a
version on one paragraph of the resolution (`OP10`, `OP8(a)`).

Each version carries the visibility the focal point chose with it (and its receipt signs).
What the public reads is the PUBLISHED version under ITS visibility: a later version, sent
with another visibility and not published, changes nothing public (`Reply.visibility` is the
latest version's, what the record and the Secretariat's dashboard show).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

__all__ = ["ParagraphComment", "Reply", "ReplyVersion", "ReplyVisibility", "Source"]


class ReplyVisibility(models.TextChoices):
    PUBLIC = "public", pgettext_lazy("reply visibility", "Public")
    ANONYMOUS = "anonymous", pgettext_lazy("reply visibility", "Public without attribution")
    CONFIDENTIAL = "confidential", pgettext_lazy("reply visibility", "Confidential")


class Source(models.TextChoices):
    TYPED = "typed", pgettext_lazy("reply source", "Typed")
    DOCX = "docx", pgettext_lazy("reply source", "DOCX document")
    PDF = "pdf", pgettext_lazy("reply source", "PDF document")


class Reply(models.Model):
    """A stakeholder's reply; `R{number}` in paragraph anchors (`R12.P4`)."""

    consultation = models.ForeignKey(
        "consultations.Consultation",
        verbose_name=_("consultation"),
        on_delete=models.PROTECT,
        related_name="replies",
    )
    stakeholder = models.ForeignKey(
        "stakeholders.Stakeholder",
        verbose_name=_("stakeholder"),
        on_delete=models.PROTECT,
        related_name="replies",
    )
    number = models.PositiveIntegerField(_("number"))
    late = models.BooleanField(
        _("late (addendum)"), default=False, help_text=_("Received after the reply deadline.")
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=12,
        choices=ReplyVisibility.choices,
        default=ReplyVisibility.PUBLIC,
        help_text="As chosen with the latest version; the public pages follow the published "
        "version's own visibility.",
    )
    current = models.ForeignKey(
        "ReplyVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The latest accepted version.",
    )
    language = models.CharField(_("language"), max_length=2, blank=True)
    needs_review = models.BooleanField(_("needs review"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_version = models.ForeignKey(
        "ReplyVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    published_file = models.CharField(
        max_length=80, blank=True, help_text="Blob key of the published file (metadata stripped)."
    )

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ("consultation", "number")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["consultation", "number"], name="one_reply_number_per_consultation"
            ),
            models.UniqueConstraint(
                fields=["consultation", "stakeholder"],
                condition=Q(late=False),
                name="one_on_time_reply_per_stakeholder",
            ),
        ]

    def __str__(self) -> str:
        return f"R{self.number} ({self.stakeholder_id})"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def public_visibility(self) -> str | None:
        """The published version's own visibility (what the public pages follow); None when
        nothing is published."""
        if self.published_at is None or self.published_version is None:
            return None
        return self.published_version.visibility

    @property
    def label(self) -> str:
        return f"R{self.number}"


class ReplyVersion(models.Model):
    """One accepted submission of a reply. Written once with its receipt; never changed."""

    reply = models.ForeignKey(Reply, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    idempotency_key = models.CharField(max_length=64, unique=True, editable=False)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    visibility = models.CharField(
        _("visibility"),
        max_length=12,
        choices=ReplyVisibility.choices,
        default=ReplyVisibility.PUBLIC,
        help_text="Who may read this version once it is published, as sent with it.",
    )
    text = models.TextField(_("text"), blank=True)
    paragraphs = models.JSONField(
        default=list, help_text="SplitReply.paragraphs as JSON: anchor, kind, label, text, span."
    )
    language = models.CharField(_("language"), max_length=2, blank=True)
    word_count = models.PositiveIntegerField(default=0)
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("The text extracted from the file is empty: a person must read the file."),
    )
    review_reason = models.TextField(blank=True)
    file_key = models.CharField(max_length=80, blank=True, help_text="Blob key (SHA-256).")
    file_name = models.CharField(
        _("file name"), max_length=255, blank=True, help_text=_("As sent; shown only.")
    )
    content_sha256 = models.CharField(max_length=64)
    content_length = models.PositiveBigIntegerField()
    receipt = models.JSONField(help_text="The signed receipt (hrdialogue.receipts.Receipt).")
    submitted_at = models.DateTimeField(default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("reply version")
        verbose_name_plural = _("reply versions")
        ordering = ("reply", "number")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["reply", "number"], name="one_version_number_per_reply")
        ]

    def __str__(self) -> str:
        return f"R{self.reply.number} v{self.number}"

    @property
    def receipt_id(self) -> str:
        return str(self.receipt.get("reply_id", ""))


class ParagraphComment(models.Model):
    """A comment of a reply version on one paragraph of the resolution."""

    version = models.ForeignKey(ReplyVersion, on_delete=models.PROTECT, related_name="comments")
    anchor = models.CharField(_("paragraph"), max_length=32)
    text = models.TextField(_("comment"))

    class Meta:
        verbose_name = _("comment on a paragraph")
        verbose_name_plural = _("comments on paragraphs")
        ordering = ("version", "id")

    def __str__(self) -> str:
        return f"{self.version} → {self.anchor}"
