"""`ChainCheck`: each verification of the hash chain and what it found (no change to the
entries nor to the head)."""

from __future__ import annotations

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_hash_chain"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ChainCheck",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "at",
                    models.DateTimeField(
                        db_index=True, default=django.utils.timezone.now, verbose_name="when"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("full", "full"), ("incremental", "new entries only")],
                        max_length=16,
                        verbose_name="kind",
                    ),
                ),
                (
                    "from_sequence",
                    models.PositiveBigIntegerField(default=0, verbose_name="after entry"),
                ),
                ("count", models.PositiveBigIntegerField(verbose_name="entries verified")),
                (
                    "last_sequence",
                    models.PositiveBigIntegerField(verbose_name="verified up to entry"),
                ),
                ("head", models.CharField(max_length=64, verbose_name="hash of that entry")),
                ("ok", models.BooleanField(verbose_name="passed")),
                (
                    "problem_kind",
                    models.CharField(blank=True, max_length=16, verbose_name="problem"),
                ),
                (
                    "problem_sequence",
                    models.PositiveBigIntegerField(blank=True, null=True, verbose_name="entry"),
                ),
                ("missing_first", models.PositiveBigIntegerField(blank=True, null=True)),
                ("missing_last", models.PositiveBigIntegerField(blank=True, null=True)),
                (
                    "requested_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="requested by",
                    ),
                ),
            ],
            options={
                "verbose_name": "chain check",
                "verbose_name_plural": "chain checks",
                "ordering": ("-id",),
            },
        ),
    ]
