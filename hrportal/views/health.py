from django.conf import settings
from django.db import connection
from django.http import JsonResponse

from hrportal.celery import app


def healthz(request):
    """Database and broker status, for the load balancer and the operators."""
    status = {"database": "ok", "broker": "eager" if settings.CELERY_TASK_ALWAYS_EAGER else "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # health checks report, they do not raise
        status["database"] = f"error: {exc.__class__.__name__}"
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        try:
            with app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=2)
        except Exception as exc:
            status["broker"] = f"error: {exc.__class__.__name__}"
    healthy = all(value in ("ok", "eager") for value in status.values())
    return JsonResponse({"status": "ok" if healthy else "degraded", **status}, status=200 if healthy else 503)
