"""The test suite: fast hashing, tasks run at once, mail kept in memory."""

from __future__ import annotations

from hrdialogue.web.config.settings.base import *  # noqa: F403
from hrdialogue.web.config.settings.base import STORAGES, env

SECRET_KEY = "test-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# Argon2 is what production uses (tested in test_settings.py); MD5 keeps the suite fast.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Static files straight from the apps, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Every test client calls from 127.0.0.1: the live-server tests play hundreds of people voting
# at once from there. The tests of the limit set it (test_dialogue_participant_limits.py); so
# can the environment, to run other tests with the production default (30).
DIALOGUE_JOIN_LIMIT = env.int("DIALOGUE_JOIN_LIMIT", default=0)

# The second factor is tested where it is switched on (test_second_factor.py); elsewhere
# tests sign in with a password alone, as a deployment with SECOND_FACTOR_REQUIRED=false.
SECOND_FACTOR_REQUIRED = env.bool("SECOND_FACTOR_REQUIRED", default=False)
