from __future__ import annotations

from typing import ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from hrdialogue.web.pages.languages import UN_LANGUAGE_CHOICES
from hrdialogue.web.pages.uploads import UploadLimitsMixin

__all__ = ["UploadForm"]


class UploadForm(UploadLimitsMixin):
    upload_limits: ClassVar[dict[str, str]] = {"file": "RESOLUTION_UPLOAD_MAX_BYTES"}

    file = forms.FileField(
        label=_("Resolution (PDF, DOCX or text)"),
        help_text=_(
            "The text of a resolution in any of the six official languages; 20 MB at most."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language of the text"),
        choices=[("", _("Detect it")), *UN_LANGUAGE_CHOICES],
        required=False,
    )
