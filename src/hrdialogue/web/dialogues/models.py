"""A dialogue: statements, participants and their votes (last vote wins, history kept),
and the latest results computed by `hrdialogue.dialogue`."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

__all__ = [
    "Dialogue",
    "Moderation",
    "Participant",
    "Participation",
    "ResultSnapshot",
    "Statement",
    "StatementState",
    "StatementTranslation",
    "Vote",
    "VoteEvent",
    "VoteValue",
]


class Moderation(models.TextChoices):
    STRICT = "strict", pgettext_lazy("moderation", "Strict: statements wait for a moderator")
    OPEN = "open", pgettext_lazy("moderation", "Open: statements show at once")


class Participation(models.TextChoices):
    LOGIN = "login", pgettext_lazy("participation", "Signed-in users")
    INVITATION = "invitation", pgettext_lazy("participation", "Invitation list")
    ANONYMOUS = "anonymous", pgettext_lazy("participation", "Anyone (anonymous, signed cookie)")


class StatementState(models.TextChoices):
    PENDING = "pending", pgettext_lazy("statement", "Waiting for moderation")
    ACCEPTED = "accepted", pgettext_lazy("statement", "Accepted")
    REJECTED = "rejected", pgettext_lazy("statement", "Rejected")


class VoteValue(models.IntegerChoices):
    AGREE = 1, pgettext_lazy("vote", "Agree")
    DISAGREE = -1, pgettext_lazy("vote", "Disagree")
    PASS = 0, pgettext_lazy("vote", "Pass / unsure")


class Dialogue(models.Model):
    consultation = models.ForeignKey(
        "consultations.Consultation",
        verbose_name=_("consultation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dialogues",
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    moderation = models.CharField(
        _("moderation"), max_length=8, choices=Moderation.choices, default=Moderation.STRICT
    )
    participation = models.CharField(
        _("participation"),
        max_length=12,
        choices=Participation.choices,
        default=Participation.LOGIN,
    )
    invitees = models.JSONField(_("invited e-mail addresses"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return self.title


class Participant(models.Model):
    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    anonymous_id = models.CharField(max_length=64, blank=True)
    excluded = models.BooleanField(_("excluded"), default=False)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["dialogue", "user"], condition=Q(user__isnull=False), name="one_user_once"
            ),
            models.UniqueConstraint(
                fields=["dialogue", "anonymous_id"],
                condition=~Q(anonymous_id=""),
                name="one_cookie_once",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(anonymous_id=""), name="participant_is_someone"
            ),
        ]

    def __str__(self) -> str:
        return f"P{self.pk}"


class Statement(models.Model):
    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="statements")
    language = models.CharField(_("language"), max_length=2)
    text = models.TextField(_("statement"))
    anchor = models.CharField(_("paragraph"), max_length=32, blank=True)
    author = models.ForeignKey(
        Participant, on_delete=models.PROTECT, null=True, blank=True, related_name="statements"
    )
    seeded = models.BooleanField(_("seeded by a moderator"), default=False)
    state = models.CharField(
        _("moderation"),
        max_length=8,
        choices=StatementState.choices,
        default=StatementState.PENDING,
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("pk",)

    def __str__(self) -> str:
        return f"S{self.pk}: {self.text[:60]}"


class StatementTranslation(models.Model):
    """A human translation; `provenance` says who translated it (and how)."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("language"), max_length=2)
    text = models.TextField(_("translation"))
    provenance = models.CharField(_("translated by"), max_length=200)
    machine = models.BooleanField(_("machine translation"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["statement", "language"], name="one_per_language")
        ]


class Vote(models.Model):
    """The participant's current vote on a statement (the last one cast)."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField(choices=VoteValue.choices)
    cast_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["participant", "statement"], name="one_vote_each")
        ]


class VoteEvent(models.Model):
    """Every vote ever cast, in order: the history the opinion math reads."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="events")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="events")
    value = models.SmallIntegerField(choices=VoteValue.choices)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ("at", "pk")


class ResultSnapshot(models.Model):
    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="snapshots")
    data = models.JSONField()
    votes_counted = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-computed_at", "-pk")
