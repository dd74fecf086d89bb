import time
from urllib.parse import unquote

from django.conf import settings
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext as _

from hrportal.inputs import is_input_error


class PortalLocaleMiddleware(LocaleMiddleware):
    """Dutch unless the person chose English: their account's choice, else the language cookie, else
    LANGUAGE_CODE. The browser's Accept-Language is ignored on purpose — a Flemish civil servant on an
    English-configured laptop still gets the portal in Dutch (issue 12, item 9)."""

    def process_request(self, request):
        language = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            language = getattr(user, "language", "") or None
        if not language:
            language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # No Vary: Accept-Language: the language does not depend on it.
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


# The session's expiry is pushed forward at most once a minute: a session write per request would cost a
# database UPDATE on every page for nothing.
RENEW_EVERY_SECONDS = 60


class SessionIdleTimeoutMiddleware:
    """A signed-in session ends SESSION_IDLE_MINUTES after its last request (SESSION_COOKIE_AGE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and request.user.is_authenticated:
            now = int(time.time())
            if now - session.get("_seen", 0) >= RENEW_EVERY_SECONDS:
                session["_seen"] = now  # modifying the session saves it with a fresh SESSION_COOKIE_AGE
        return self.get_response(request)


class AdminStaffOnlyMiddleware:
    """The admin exists only for staff accounts: a signed-in person without `is_staff` gets 404 for
    every admin URL, its login page included (anonymous visitors see the admin's login, throttled by axes)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/admin/"

    def __call__(self, request):
        if request.path.startswith(self.prefix):
            user = request.user
            if user.is_authenticated and not (user.is_active and user.is_staff):
                raise Http404
        return self.get_response(request)


class RequestBoundsMiddleware:
    """Bad input answered before any view sees it: an API body larger than API_MAX_BODY_BYTES (413), and a
    NUL byte in a query or form parameter (400: PostgreSQL cannot store or compare it in text)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        is_api = request.path.startswith("/api/")
        if is_api:
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > settings.API_MAX_BODY_BYTES:
                message = _("The request is too large (at most %(size)s bytes).") % {
                    "size": settings.API_MAX_BODY_BYTES
                }
                return JsonResponse({"detail": message}, status=413)
        if "\x00" in unquote(request.META.get("QUERY_STRING", "")) or (
            request.method == "POST"
            and request.content_type == "application/x-www-form-urlencoded"
            and any("\x00" in value for values in request.POST.lists() for value in values[1])
        ):
            message = _("The request contains a character that is not allowed (NUL).")
            if is_api:
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message)
        return self.get_response(request)

    def process_exception(self, request, exception):
        # A page whose query received a value the database cannot hold: a bad request, not a server error.
        if is_input_error(exception):
            return HttpResponseBadRequest(_("A value in the request is out of range."))
        return None


def client_ip(request) -> str | None:
    """The client's address for the login lockout: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the
    address the outermost trusted proxy saw (X-Forwarded-For is only trusted that far)."""
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def session_mark_seen(sender, request, user, **kwargs) -> None:
    """Signal receiver (user_logged_in): a fresh session counts as just renewed."""
    if getattr(request, "session", None) is not None:
        request.session["_seen"] = int(time.time())
