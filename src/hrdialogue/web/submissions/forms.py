"""Forms of replies. Each validates fully and reports problems in the user's language."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from hrdialogue.web.pages.uploads import UploadLimitsMixin
from hrdialogue.web.submissions.models import ReplyVisibility

__all__ = ["COMMENT_SLOTS", "ReplyForm", "VerifyForm"]

COMMENT_SLOTS = 3


class ReplyForm(UploadLimitsMixin):
    upload_limits: ClassVar[dict[str, str]] = {"file": "REPLY_UPLOAD_MAX_BYTES"}

    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    text = forms.CharField(
        label=_("Your reply"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Type the reply here, or upload it as a file below."),
    )
    file = forms.FileField(
        label=_("Or upload the reply (DOCX or PDF)"),
        required=False,
        help_text=_("20 MB at most. The text is taken from the file."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may read the reply once the Secretariat publishes replies"),
        choices=ReplyVisibility.choices,
        initial=ReplyVisibility.PUBLIC,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, anchors: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)
        choices = [("", _("(no comment)")), *((a, a) for a in anchors)]
        for slot in range(1, COMMENT_SLOTS + 1):
            self.fields[f"comment_anchor_{slot}"] = forms.ChoiceField(
                label=_("Paragraph of the resolution (comment %(number)d)") % {"number": slot},
                choices=choices,
                required=False,
            )
            self.fields[f"comment_text_{slot}"] = forms.CharField(
                label=_("Comment %(number)d") % {"number": slot},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def comments(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        return [
            (data.get(f"comment_anchor_{slot}") or "", data.get(f"comment_text_{slot}") or "")
            for slot in range(1, COMMENT_SLOTS + 1)
        ]

    def comment_slots(self) -> list[tuple[Any, Any]]:
        return [
            (self[f"comment_anchor_{slot}"], self[f"comment_text_{slot}"])
            for slot in range(1, COMMENT_SLOTS + 1)
        ]


class VerifyForm(UploadLimitsMixin):
    upload_limits: ClassVar[dict[str, str]] = {
        "content": "REPLY_UPLOAD_MAX_BYTES",
        "comments": "RECEIPT_MAX_BYTES",
    }

    receipt = forms.FileField(label=_("Receipt (JSON file)"))
    content = forms.FileField(
        label=_("The reply as sent (optional)"),
        required=False,
        help_text=_("The file you uploaded, or the text file of a typed reply."),
    )
    comments = forms.FileField(
        label=_("The comments on paragraphs (optional)"),
        required=False,
        help_text=_("The comments file downloaded with the receipt (comments.json)."),
    )

    def clean_receipt(self) -> Any:
        upload = self.cleaned_data["receipt"]
        if upload.size > settings.RECEIPT_MAX_BYTES:
            raise forms.ValidationError(_("This is not a receipt: the file is too large."))
        return upload
