"""Settings shared by every environment. Everything that varies comes from `Env`."""

from __future__ import annotations

from pathlib import Path

import django_stubs_ext
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from hrdialogue.web.config.env import Env

# Django's generic classes subscriptable at run time (`ModelAdmin[Reply]`, `ModelForm[Contact]`),
# as django-stubs types them. django-tasks does the same when it is imported; done here first.
django_stubs_ext.monkeypatch()

env = Env()

WEB_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = env.path("HRDIALOGUE_VAR_DIR", Path.cwd() / "var")

SECRET_KEY = env.str("SECRET_KEY", "")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "hrdialogue.web.pages",
    "hrdialogue.web.accounts",
    "hrdialogue.web.audit",
    "hrdialogue.web.stakeholders",
    "hrdialogue.web.resolutions",
    "hrdialogue.web.consultations",
    "hrdialogue.web.invitations",
    "hrdialogue.web.submissions",
    "hrdialogue.web.api",
    "hrdialogue.web.dialogues",
    "hrdialogue.web.twofactor",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # the API docs page from its own static files (no CDN, nothing inline)
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "hrdialogue.web.audit.security.RequestIdMiddleware",  # first: every event names its request
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # `user.is_verified()`: a code given this session
    "hrdialogue.web.twofactor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "hrdialogue.web.pages.middleware.private_cache_middleware",
    "axes.middleware.AxesMiddleware",
    "hrdialogue.web.pages.middleware.StorageFullMiddleware",
]

ROOT_URLCONF = "hrdialogue.web.config.urls"
WSGI_APPLICATION = "hrdialogue.web.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hrdialogue.web.pages.context.site",
            ],
        },
    }
]

DATABASES = {"default": env.database("DATABASE_URL", default_sqlite=VAR_DIR / "hrdialogue.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out account before anything else
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # verifies older hashes, then upgrades
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # zxcvbn's estimate: "Welcome2026!" passes the four above, not this one
    {
        "NAME": "hrdialogue.web.accounts.passwords.GuessabilityValidator",
        "OPTIONS": {"min_guesses_log10": 10},
    },
]
# A second factor (an authenticator app's one-time code) in every session of the accounts
# that can read every confidential reply: the roles listed, and staff and superusers (the
# Django admin). Off only where no person signs in for real (the test suite, `make run`).
SECOND_FACTOR_REQUIRED = env.bool("SECOND_FACTOR_REQUIRED", default=True)
SECOND_FACTOR_ROLES = env.list("SECOND_FACTOR_ROLES", ["secretariat"])
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", "hrdialogue")
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link lives one day
INVITATION_TIMEOUT_DAYS = env.int("INVITATION_TIMEOUT_DAYS", default=30)
# The audit page warns when no full check of the hash chain ran within this many hours.
AUDIT_FULL_CHECK_MAX_AGE_HOURS = env.int("AUDIT_FULL_CHECK_MAX_AGE_HOURS", default=24)

# Rate-limited login: five failures lock the account (not the IP, which a proxy header could
# spoof) for fifteen minutes; the correct password is refused during the lockout.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_FORM_FIELD = "username"  # the sign-in form's field (it holds the e-mail)
AXES_USERNAME_CALLABLE = "hrdialogue.web.accounts.lockout.lockout_username"
AXES_COOLOFF_TIME = 0.25  # hours
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False  # its records are in the admin as `accounts.admin` puts them: audited
# axes.W006 asks for a lockout per IP address too. Not here: delegations on UN premises share
# a few addresses (one typing mistake too many would lock a whole building out), and an address
# behind a proxy can be forged. The per-account lockout above is the defence; tested.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Proxies in front of the platform that append the caller's address to X-Forwarded-For (nginx:
# `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`). 0: the client's address is
# REMOTE_ADDR. A wrong count lets a client forge its address, or puts every visitor on the
# proxy's one.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# New anonymous participants of one dialogue that one client address may start in an hour (a
# visitor who drops the cookie is a new participant: without a limit, one machine votes as
# hundreds); then 429 with Retry-After. Generous for a meeting room behind one address; raise it
# (0: no limit) for a larger one, or let people take part signed in (never counted).
DIALOGUE_JOIN_LIMIT = env.int("DIALOGUE_JOIN_LIMIT", default=30)

SESSION_COOKIE_AGE = 60 * 60 * 8
# The reply form warns this long before the session ends, with a button that extends it
# (WCAG 2.2.1); what was typed is kept in the browser tab either way.
SESSION_EXPIRY_WARNING_SECONDS = env.int("SESSION_EXPIRY_WARNING_SECONDS", default=300)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy on every response: nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Six languages; English is the source language of the catalogs.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [
    env.path("HRDIALOGUE_LOCALE_DIR", WEB_DIR / "locale")
]  # overridden by the catalog check
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", VAR_DIR / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = env.path("MEDIA_ROOT", VAR_DIR / "media")
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Uploads are counted while they arrive (`pages.uploads`): past UPLOAD_MAX_BYTES nothing more of
# a file is stored; each form then holds its own file fields to their own (smaller) limits.
FILE_UPLOAD_HANDLERS = [
    "hrdialogue.web.pages.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=64_000_000)  # a Polis votes.csv may be large
RESOLUTION_UPLOAD_MAX_BYTES = 20_000_000  # the reader's limit (documents.source.MAX_BYTES)
REPLY_UPLOAD_MAX_BYTES = 20_000_000  # a reply's DOCX or PDF (the reader's limit)
STAKEHOLDER_CSV_MAX_BYTES = 2 * 1024 * 1024  # a registry import (CSV)
RECEIPT_MAX_BYTES = 64 * 1024  # a signed receipt is a small JSON file

# The public https address printed in notes verbales and reminder e-mails.
SITE_URL = env.str("SITE_URL", "https://hrdialogue.example.org")
# The Secretariat's Ed25519 key that signs receipts of replies (PEM, PKCS #8). Generated on
# first use unless RECEIPT_KEY_AUTOGENERATE is off (production: create it, back it up).
RECEIPT_KEY_PATH = env.path("RECEIPT_KEY_PATH", VAR_DIR / "keys" / "receipt-ed25519.pem")
RECEIPT_KEY_AUTOGENERATE = env.bool("RECEIPT_KEY_AUTOGENERATE", default=True)
# Test-only: the API's reply intake kills its own process right after the reply is committed
# and before the answer is sent (tests/web/test_reliability.py). Never set it elsewhere.
CRASH_AFTER_REPLY_COMMIT = env.bool("HRDIALOGUE_CRASH_AFTER_REPLY_COMMIT", default=False)

EMAIL_BACKEND = env.str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_FILE_PATH = env.path("EMAIL_FILE_PATH", VAR_DIR / "mail")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "hrdialogue <noreply@localhost>")

# Background work: the database backend runs on SQLite and PostgreSQL alike
# (`python -m hrdialogue.web db_worker`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Security events (`audit/security.py`): one JSON line each, on standard error beside the
# rest, or in their own file with SECURITY_LOG_FILE (reopened when logrotate moves it).
SECURITY_LOG_FILE = env.str("SECURITY_LOG_FILE", "")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "hrdialogue.web.audit.security.JsonLinesFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "security": (
            {
                "class": "logging.handlers.WatchedFileHandler",
                "filename": SECURITY_LOG_FILE,
                "formatter": "json",
            }
            if SECURITY_LOG_FILE
            else {"class": "logging.StreamHandler", "formatter": "json"}
        ),
    },
    "loggers": {
        "hrdialogue.security": {"handlers": ["security"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "WARNING")},
}

# No `__all__`: `from base import *` in the other settings modules takes every public name
# (Django reads the upper-case ones). A computed `__all__` is opaque to mypy, which then sees
# none of these settings through the star import, and django-stubs reads their types there.
