"""Each reply version keeps the visibility it was sent with (the public pages follow the
published version's own, not the latest version's). Existing versions take the visibility
their signed receipt names; a receipt without one, the reply's."""

from __future__ import annotations

from typing import Any

from django.db import migrations, models

_CHOICES = [
    ("public", "Public"),
    ("anonymous", "Public without attribution"),
    ("confidential", "Confidential"),
]


def _backfill(apps: Any, schema_editor: Any) -> None:
    version_model = apps.get_model("submissions", "ReplyVersion")
    known = {value for value, _label in _CHOICES}
    versions = version_model.objects.select_related("reply").only(
        "pk", "receipt", "reply__visibility"
    )
    for version in versions.iterator(chunk_size=500):
        signed = (version.receipt or {}).get("visibility")
        visibility = signed if signed in known else version.reply.visibility
        version_model.objects.filter(pk=version.pk).update(visibility=visibility)


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="replyversion",
            name="visibility",
            field=models.CharField(
                choices=_CHOICES,
                default="public",
                help_text="Who may read this version once it is published, as sent with it.",
                max_length=12,
                verbose_name="visibility",
            ),
        ),
        migrations.AlterField(
            model_name="reply",
            name="visibility",
            field=models.CharField(
                choices=_CHOICES,
                default="public",
                help_text="As chosen with the latest version; the public pages follow the "
                "published version's own visibility.",
                max_length=12,
                verbose_name="visibility",
            ),
        ),
        migrations.RunPython(_backfill, migrations.RunPython.noop),
    ]
