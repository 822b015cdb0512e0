"""`AuditEntry`: written once, never changed nor deleted (PostgreSQL enforces it by trigger).

The entries form a hash chain (`hrdialogue.auditchain`): `sequence` counts them without a gap
from 1, `prev_hash` is the `entry_hash` of the entry before, `entry_hash` the hash of this one.
`AuditHead` (one row) records the last entry apart; `record_change` locks it to append, so two
writers never take the same number nor fork the chain. `ChainCheck` records each verification
of the chain (full or incremental): it is not an audit entry, and writing one locks nothing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hrdialogue.auditchain import GENESIS, ChainProblem, ChainReport

__all__ = ["AppendOnlyError", "AuditEntry", "AuditHead", "ChainCheck", "CheckKind"]


class AppendOnlyError(Exception):
    """An attempt to change or delete an audit entry."""


class AuditEntry(models.Model):
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(_("who"), max_length=254, help_text=_("As it was then."))
    action = models.CharField(_("action"), max_length=64, db_index=True)
    target_type = models.CharField(_("object type"), max_length=64, db_index=True)
    target_id = models.CharField(_("object"), max_length=64)
    target_label = models.CharField(max_length=300)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    sequence = models.PositiveBigIntegerField(_("number"), unique=True)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    entry_hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ("-sequence",)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit entries are append-only")


class AuditHead(models.Model):
    """The last entry of the log (one row, id 1), locked by every writer of an entry."""

    sequence = models.PositiveBigIntegerField(default=0)
    entry_hash = models.CharField(max_length=64, default=GENESIS)

    class Meta:
        constraints = (models.CheckConstraint(condition=models.Q(id=1), name="audit_head_one_row"),)

    def __str__(self) -> str:
        return f"{self.sequence} {self.entry_hash}"


class CheckKind(models.TextChoices):
    FULL = "full", pgettext_lazy("check of the audit log", "full")
    INCREMENTAL = "incremental", pgettext_lazy("check of the audit log", "new entries only")


class ChainCheck(models.Model):
    """One verification of the hash chain, and what it found.

    `full`: every entry from the first (`audit_verify`, or the button on the audit page);
    `incremental`: the entries after `from_sequence`, continued from the hash of that entry as
    an earlier sound check left it (each visit of the audit page). `count` entries were read
    in order up to the first problem; `last_sequence` and `head` are the last sound entry's
    number and hash: where the next incremental check starts when `ok`.
    """

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    kind = models.CharField(_("kind"), max_length=16, choices=CheckKind.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    from_sequence = models.PositiveBigIntegerField(_("after entry"), default=0)
    count = models.PositiveBigIntegerField(_("entries verified"))
    last_sequence = models.PositiveBigIntegerField(_("verified up to entry"))
    head = models.CharField(_("hash of that entry"), max_length=64)
    ok = models.BooleanField(_("passed"))
    problem_kind = models.CharField(_("problem"), max_length=16, blank=True)
    problem_sequence = models.PositiveBigIntegerField(_("entry"), null=True, blank=True)
    missing_first = models.PositiveBigIntegerField(null=True, blank=True)
    missing_last = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("chain check")
        verbose_name_plural = _("chain checks")
        ordering = ("-id",)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} {self.report.message}"

    @property
    def report(self) -> ChainReport:
        """The `ChainReport` this record keeps."""
        problem = None
        if self.problem_kind:
            missing = None
            if self.missing_first is not None and self.missing_last is not None:
                missing = (self.missing_first, self.missing_last)
            problem = ChainProblem(
                self.problem_kind,  # type: ignore[arg-type]  # written from a ChainProblem
                self.problem_sequence or 0,
                missing,
            )
        return ChainReport(self.count, self.head, self.last_sequence, problem)
