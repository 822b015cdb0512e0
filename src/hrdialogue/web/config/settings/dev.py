"""Development (`make run`): debug pages, a fixed insecure key, mail printed on the console."""

from __future__ import annotations

from hrdialogue.web.config.settings.base import *  # noqa: F403
from hrdialogue.web.config.settings.base import VAR_DIR, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production-0123456789")

VAR_DIR.mkdir(parents=True, exist_ok=True)

# Static files straight from the apps, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# `make run`'s demo accounts sign in with their printed passwords: no authenticator app.
SECOND_FACTOR_REQUIRED = env.bool("SECOND_FACTOR_REQUIRED", default=False)
