from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


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
