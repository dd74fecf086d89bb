from django.conf import settings
from django.contrib.auth import get_user_model
from django.views.i18n import set_language as django_set_language


def set_language(request):
    """Django's language switch (cookie), and for a signed-in person also their account's choice, so the
    portal speaks their language on every device."""
    response = django_set_language(request)
    language = request.POST.get("language")
    user = request.user
    if request.method == "POST" and user.is_authenticated and language in dict(settings.LANGUAGES):
        get_user_model().objects.filter(pk=user.pk).update(language=language)
    return response
