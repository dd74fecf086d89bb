"""One settings module for every way of running: the environment decides.

Embedded default (nothing set): SQLite file, Celery eager, console e-mail.
Production: DATABASE_URL, CELERY_BROKER_URL, SECRET_KEY, ALLOWED_HOSTS, EMAIL_URL, ...
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
env.read_env(BASE_DIR / ".env") if (BASE_DIR / ".env").exists() else None

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default=None)
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (production).")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "csp",
    "rest_framework",
    "knox",
    "axes",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "hrportal",
    "reward",
    "mobility",
    "deployability",
    "telework",
    "leadership",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "hrportal.middleware.RequestBoundsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: the signed-in person's language choice wins (hrportal/middleware.py).
    "hrportal.middleware.PortalLocaleMiddleware",
    "csp.middleware.CSPMiddleware",
    "hrportal.middleware.SessionIdleTimeoutMiddleware",
    "hrportal.middleware.AdminStaffOnlyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that it sees every authentication attempt the views make (portal and admin login alike).
    "axes.middleware.AxesMiddleware",
]

# Axes first: it refuses an attempt while the account or the address is locked out, before a password is
# checked. OpenID Connect is added below when it is configured.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "hrportal.auth_backends.StaffAwareBackend"]

# A cache shared by all processes in production (Redis); one per process in the embedded default.
# Redis is reached through hrportal.cache.ResilientRedisCache: when it is down, the portal runs uncached.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# Sessions are read from the cache and written through to the database: a page view needs no session
# query, and a cache that is down or flushed loses nothing (the database copy is read instead).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "hrportal.cache.ResilientRedisCache"

ROOT_URLCONF = "hrportal.urls"
WSGI_APPLICATION = "hrportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hrportal.context_processors.roles",
            ],
            # A part keeps its template tags in its own folder; `{% load <name> %}` finds them here.
            "libraries": {"mobility_marketplace": "mobility.marketplace.templatetags"},
            # The design system's tags (error summary, sub-navigation, status tags): usable everywhere.
            "builtins": ["hrportal.templatetags.ui"],
        },
    },
]

# One form pattern for every page (docs/ui.md): GOV.UK markup, error summary, fieldsets for groups.
FORM_RENDERER = "hrportal.forms_rendering.PortalFormRenderer"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves one user at a time; wait for locks instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    # A file, not memory, so that a Celery worker process in the tests can share the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test_db.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "hrportal.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "hrportal_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # remembered for a year
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Our own date formats for English (day first, as in Belgium); Dutch uses Django's.
FORMAT_MODULE_PATH = ["hrportal.formats"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
# Production serves hashed, compressed files collected by `collectstatic`; development and tests serve
# the files where they are.
STATIC_MANIFEST = env.bool("STATIC_MANIFEST", default=not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="hrportal@localhost")
# Where people reach the portal: links in e-mails are made absolute with it.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# Production hardening; `manage.py check --deploy` is clean when DEBUG is off.
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = env.list("SILENCED_SYSTEM_CHECKS", default=["security.W008"])  # TLS ends at the proxy

# Content-Security-Policy (django-csp) without 'unsafe-inline': every script and style is a file the portal
# serves itself; charts are SVG with attributes, never style="…" (docs/ui.md, "CSP"). `data:` images only
# for the icons inside the Swagger UI's stylesheet.
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
# Sign-in (OWASP ASVS 5.0 level 2, chapters 6 and 7). Failed logins are counted per account and per
# address in the database (django-axes), so a Redis outage does not lift the lockout: after
# LOGIN_FAILURE_LIMIT failures the account, and separately the address, is refused for
# LOGIN_LOCKOUT_MINUTES; each further failure during the lockout starts the period again.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "hrportal.views.auth.locked_out"
AXES_CLIENT_IP_CALLABLE = "hrportal.middleware.client_ip"
AXES_VERBOSE = False
# Behind N reverse proxies that each append to X-Forwarded-For, the client is the Nth address from the right.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# A session ends after SESSION_IDLE_MINUTES without a request (hrportal.middleware renews it while in use).
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=30)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# OpenID Connect sign-in through the organisation's identity provider, when OIDC_RP_CLIENT_ID is set;
# local accounts keep working (the embedded default has nothing else). A person signs in with an
# existing account whose username equals the provider's `OIDC_USERNAME_CLAIM` (accounts are provisioned
# with the staff records, not created by a sign-in).
OIDC_ENABLED = bool(env("OIDC_RP_CLIENT_ID", default=""))
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", default="")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", default="openid email profile")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_OP_LOGOUT_ENDPOINT = env("OIDC_OP_LOGOUT_ENDPOINT", default="")
OIDC_USERNAME_CLAIM = env("OIDC_USERNAME_CLAIM", default="preferred_username")
OIDC_CREATE_USER = False
OIDC_USE_NONCE = True
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS = SESSION_COOKIE_AGE
LOGIN_REDIRECT_URL_FAILURE = "/login/?oidc=failed"
if OIDC_ENABLED:
    missing = [
        name
        for name in ("OIDC_OP_AUTHORIZATION_ENDPOINT", "OIDC_OP_TOKEN_ENDPOINT", "OIDC_OP_USER_ENDPOINT")
        if not globals()[name]
    ]
    if missing or (OIDC_RP_SIGN_ALGO.startswith("RS") and not OIDC_OP_JWKS_ENDPOINT):
        raise ImproperlyConfigured(
            "OIDC_RP_CLIENT_ID is set: also set " + ", ".join(missing or ["OIDC_OP_JWKS_ENDPOINT"]) + "."
        )
    AUTHENTICATION_BACKENDS.append("hrportal.auth_backends.OidcBackend")

# API tokens (django-rest-knox): only a SHA-512 digest is stored, each token expires after
# API_TOKEN_HOURS, a client revokes its own (POST /api/auth/logout/) or all of them, an admin any.
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=env.int("API_TOKEN_HOURS", default=8)),
    "TOKEN_LIMIT_PER_USER": 10,
    "AUTO_REFRESH": False,
}
# Every date a person enters lies between this many years back and ahead (hrportal.inputs).
INPUT_DATE_PAST_YEARS = env.int("INPUT_DATE_PAST_YEARS", default=70)
INPUT_DATE_FUTURE_YEARS = env.int("INPUT_DATE_FUTURE_YEARS", default=10)

# A JSON body larger than this is refused (413) before it is parsed; form posts keep Django's limits.
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=256 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)

REST_FRAMEWORK = {
    # The token class first: a bad or expired token answers 401 with a WWW-Authenticate header.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="60/minute"),
        "user": env("API_THROTTLE_USER", default="1200/minute"),
    },
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "hrportal.pagination.StandardPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "hrportal.apis.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "hrportal API",
    "DESCRIPTION": "HR portal of the Flemish government's Modern HR policy.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "StaffLevelEnum": "hrportal.models.org.Staff.Level",
        "CompetencyLevelEnum": [(1, "1"), (2, "2"), (3, "3"), (4, "4")],
        "PortfolioStatusEnum": "hrportal.models.portfolio.PortfolioAction.Status",
        "ReportRunStatusEnum": "hrportal.reports.models.ReportRun.Status",
        "PayGapOutcomeEnum": "reward.paygap.models.PayGapJustification.Outcome",
        "GuidanceTrajectoryStatusEnum": "deployability.redeployment.models.GuidanceTrajectory.Status",
        "GuidanceTrajectoryKindEnum": "deployability.redeployment.models.GuidanceTrajectory.Kind",
        "GuidanceTrajectoryReasonEnum": "deployability.redeployment.models.GuidanceTrajectory.Reason",
        "RedeploymentCandidateStatusEnum": "deployability.redeployment.models.RedeploymentCandidate.Status",
        "RedeploymentVacancyStatusEnum": "deployability.redeployment.models.Vacancy.Status",
        "RedeploymentOfferStatusEnum": "deployability.redeployment.models.Offer.Status",
        "EvaluationCaseStatusEnum": "deployability.evaluations.models.EvaluationCase.Status",
        "EvaluationCaseOutcomeEnum": "deployability.evaluations.models.EvaluationCase.Outcome",
        "LeadershipOpenClosedEnum": "leadership.selection.models.Selection.Status",  # also a top-management vacancy
        "LeadershipCandidateStatusEnum": "leadership.selection.models.Candidate.Status",
        "LeadershipEnrolmentStatusEnum": "leadership.development.models.Enrolment.Status",
        "LeadershipMatchStatusEnum": "leadership.mentoring.models.MentoringMatch.Status",
        "TopCandidateOutcomeEnum": "leadership.topmanagement.models.TopCandidate.Outcome",
        "TopSessionKindEnum": "leadership.topmanagement.models.TopSession.Kind",
        "TopVacancyKindEnum": "leadership.topmanagement.models.Vacancy.Kind",
        "TopMandateStatusEnum": "leadership.topmanagement.models.Mandate.Status",
        "LeadershipRoleEnum": "leadership.roles.models.LeadershipRole",
        "LeadershipManagementLevelEnum": "leadership.roles.models.ManagementLevel",
        "GenderTargetTierEnum": "leadership.monitoring.models.GenderTarget.Tier",
        "MandateEvaluationResultEnum": "leadership.topmanagement.models.MandateEvaluation.Result",
        "TopAnnualEvaluationRatingEnum": "leadership.topmanagement.models.AnnualEvaluation.Rating",
        "PotentialAssessmentResultEnum": "leadership.potential.models.Assessment.Result",
        "ReintegrationTeamRoleEnum": "deployability.reintegration.models.CaseTeamMember.Role",
    },
}

# Celery: without a broker every task runs eagerly in the calling process, after the commit (embedded
# default). Production (DEBUG off) refuses to start without CELERY_BROKER_URL unless the in-process mode
# is asked for explicitly with CELERY_TASK_ALWAYS_EAGER=true (the tests, a single-user installation).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
if not CELERY_BROKER_URL and not DEBUG and "CELERY_TASK_ALWAYS_EAGER" not in env:
    raise ImproperlyConfigured(
        "CELERY_BROKER_URL must be set when DEBUG is off (production); "
        "set CELERY_TASK_ALWAYS_EAGER=true to run jobs in the web process instead."
    )
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=600)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=660)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis hands an unacknowledged message (acks late) to another worker after the visibility timeout: it
# must outlast the longest task (its hard time limit) or a job still running would be started twice;
# it is also how long a job of a killed worker waits before it is redelivered. Hard limit + 5 minutes.
# The nightly full rematch is the longest task (its own limits, below); tests/hrportal/test_jobs.py checks
# that no registered task has a hard limit the visibility timeout does not cover.
CELERY_LONG_TASK_SOFT_TIME_LIMIT = env.int("CELERY_LONG_TASK_SOFT_TIME_LIMIT", default=1800)
CELERY_LONG_TASK_TIME_LIMIT = env.int("CELERY_LONG_TASK_TIME_LIMIT", default=1900)
CELERY_VISIBILITY_TIMEOUT = env.int(
    "CELERY_VISIBILITY_TIMEOUT", default=max(CELERY_TASK_TIME_LIMIT, CELERY_LONG_TASK_TIME_LIMIT) + 300
)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    # How often a worker looks for messages past their visibility timeout (one small Redis query).
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_SECONDS", default=10),
    "unacked_restore_throttle": 1,
}
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Publishing after a commit must not hold a web request while Redis is down: one quick try, then the
# outbox relay (hrportal.jobs) delivers the job when the broker is back.
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECTION_TIMEOUT", default=2.0)
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
# A job is recorded in the outbox with the write that implies it; the relay sends what was not sent
# (broker down at commit time) every OUTBOX_RELAY_SECONDS and when a worker starts.
OUTBOX_RELAY_SECONDS = env.int("OUTBOX_RELAY_SECONDS", default=60)
# A report run whose worker stopped sending heartbeats for this long is taken over (redelivered) or, by the
# periodic check, marked failed with the reason; it can then be run again from its page.
REPORT_RUN_STALE_SECONDS = env.int("REPORT_RUN_STALE_SECONDS", default=120)
REPORT_RUN_FAIL_SECONDS = env.int("REPORT_RUN_FAIL_SECONDS", default=600)
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "portfolio-progress-weekly": {
        "task": "hrportal.reports.tasks.report_run_scheduled",
        "schedule": crontab(minute=0, hour=6, day_of_week="monday"),
        "args": ("portfolio_progress",),
    },
    "telework-inventory-monthly": {
        "task": "hrportal.reports.tasks.report_run_scheduled",
        "schedule": crontab(minute=30, hour=6, day_of_month=1),
        "args": ("telework_inventory",),
    },
    # mobility marketplace: expire stale offers/requests first, then rematch everything
    # Through the outbox (job_schedule), so that a nightly run is tracked and runs once like any job.
    "mobility-marketplace-expire-nightly": {
        "task": "hrportal.jobs.tasks.job_schedule",
        "schedule": crontab(minute=30, hour=1),
        "args": ("mobility.marketplace.tasks.marketplace_expire",),
    },
    # deployability: vacancies past their priority period go to others and to the mobility marketplace, once
    "deployability-vacancies-open-to-others-daily": {
        "task": "hrportal.jobs.tasks.job_schedule",
        "schedule": crontab(minute=15, hour=1),
        "args": ("deployability.redeployment.tasks.vacancies_open_to_others_daily",),
    },
    "mobility-marketplace-rematch-nightly": {
        "task": "hrportal.jobs.tasks.job_schedule",
        "schedule": crontab(minute=0, hour=2),
        "args": ("mobility.marketplace.tasks.match_rematch_all",),
    },
    # reward: the function-upgrade allowance's expiry e-mails to managers (daily) and expiry list (weekly)
    "reward-upgrade-expiry-notices-daily": {
        "task": "hrportal.jobs.tasks.job_schedule",
        "schedule": crontab(minute=45, hour=5),
        "args": ("reward.upgrade.tasks.upgrade_expiry_notices_daily",),
    },
    "reward-upgrade-expiring-weekly": {
        "task": "hrportal.reports.tasks.report_run_scheduled",
        "schedule": crontab(minute=15, hour=6, day_of_week="monday"),
        "args": ("reward_upgrade_expiring",),
    },
    # reward: the pay-transparency report (EU Directive 2023/970) once a year, for the year that just ended
    "reward-pay-gap-yearly": {
        "task": "hrportal.jobs.tasks.job_schedule",
        "schedule": crontab(minute=0, hour=7, day_of_month=15, month_of_year=1),
        "args": ("reward.paygap.tasks.pay_gap_report_yearly",),
    },
    # leadership: the yearly snapshot of management by gender and headcount (1 January), then the reports
    "leadership-monitoring-snapshot-yearly": {
        "task": "hrportal.jobs.tasks.job_schedule",
        "schedule": crontab(minute=0, hour=5, day_of_month=1, month_of_year=1),
        "args": ("leadership.monitoring.tasks.snapshot_take_yearly",),
    },
    "leadership-gender-monitoring-yearly": {
        "task": "hrportal.reports.tasks.report_run_scheduled",
        "schedule": crontab(minute=0, hour=6, day_of_month=2, month_of_year=1),
        "args": ("leadership_gender_monitoring",),
    },
    "leadership-selection-probation-yearly": {
        "task": "hrportal.reports.tasks.report_run_scheduled",
        "schedule": crontab(minute=30, hour=6, day_of_month=2, month_of_year=1),
        "args": ("leadership_selection_probation",),
    },
    "leadership-headcount-yearly": {
        "task": "hrportal.reports.tasks.report_run_scheduled",
        "schedule": crontab(minute=15, hour=6, day_of_month=2, month_of_year=1),
        "args": ("leadership_headcount",),
    },
    # leadership: remind line manager and HR of a probation evaluation coming due (once per probation)
    "leadership-probation-reminders-daily": {
        "task": "hrportal.jobs.tasks.job_schedule",
        "schedule": crontab(minute=50, hour=5),
        "args": ("leadership.selection.tasks.probation_reminders_daily",),
    },
    "jobs-outbox-relay": {"task": "hrportal.jobs.tasks.outbox_relay", "schedule": OUTBOX_RELAY_SECONDS},
    "jobs-stale-runs": {"task": "hrportal.jobs.tasks.stale_runs_fail", "schedule": 60},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
