from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse

from hrportal.cache import ResilientRedisCache
from hrportal.celery import app


def healthz(request):
    """Database, broker and cache status, for the load balancer and the operators.

    Without the database nothing works: 503. Without Redis the portal still serves every page and records
    its jobs in the outbox (sent when Redis is back): "degraded", but 200, so that a load balancer keeps it.
    """
    status = {"database": "ok", "broker": "ok" if settings.CELERY_BROKER_URL else "eager", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # health checks report, they do not raise
        status["database"] = f"error: {exc.__class__.__name__}"
    if settings.CELERY_BROKER_URL:
        try:
            with app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=2)
        except Exception as exc:
            status["broker"] = f"error: {exc.__class__.__name__}"
    status["cache"] = _cache_status()
    healthy = all(value in ("ok", "eager", "local") for value in status.values())
    code = 503 if status["database"] != "ok" else 200
    return JsonResponse({"status": "ok" if healthy else "degraded", **status}, status=code)


def _cache_status() -> str:
    backend = caches["default"]
    if not isinstance(backend, ResilientRedisCache):
        return "local"
    try:
        backend._cache.get_client(write=False).ping()
    except Exception as exc:
        return f"error: {exc.__class__.__name__}"
    return "ok"
