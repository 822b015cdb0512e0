"""Template tags of the reply pages: the session expiry warning's figures, computed on the
server (`{% session_seconds_left %}`, `{% session_warning_seconds %}`), and the pages' own
scripts (`{% deferred_script %}`)."""

from __future__ import annotations

from typing import Any

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

from hrdialogue.web.submissions.expiry import session_seconds_left as _seconds_left
from hrdialogue.web.submissions.expiry import warning_seconds

__all__ = ["deferred_script", "register", "session_seconds_left", "session_warning_seconds"]

register = template.Library()


@register.simple_tag(takes_context=True)
def session_seconds_left(context: dict[str, Any]) -> int:
    """Seconds until the session of the page's request ends (0 without a request)."""
    request = context.get("request")
    if request is None:
        return 0
    return _seconds_left(request.session)


@register.simple_tag
def session_warning_seconds() -> int:
    return warning_seconds()


@register.simple_tag
def deferred_script(path: str) -> SafeString:
    """`<script src="…" defer></script>` for the static file `path`: a script of this site,
    run after the page is parsed, and never inline code (the Content Security Policy allows
    `script-src 'self'` alone, and the templates hold no `<script` of their own)."""
    if not path.endswith(".js") or "//" in path or path.startswith("/"):
        raise template.TemplateSyntaxError(f"deferred_script: {path!r} is not a static .js path")
    return format_html('<script src="{}" defer></script>', static(path))
