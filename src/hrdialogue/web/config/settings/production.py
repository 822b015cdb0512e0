"""Production: every secret from the environment, HTTPS only. Passes `check --deploy`."""

from __future__ import annotations

from hrdialogue.web.config.settings.base import *  # noqa: F403
from hrdialogue.web.config.settings.base import env

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (see docs/deploy.md), and appends
# the client's address to X-Forwarded-For (one proxy unless TRUSTED_PROXY_COUNT says otherwise).
_BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=True)
if _BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1 if _BEHIND_TLS_PROXY else 0)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
RECEIPT_KEY_AUTOGENERATE = env.bool("RECEIPT_KEY_AUTOGENERATE", default=False)
CRASH_AFTER_REPLY_COMMIT = False  # a test-only switch: never in production
