from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import Http404
from django.shortcuts import render
from drf_spectacular.utils import extend_schema, inline_serializer
from knox import views as knox_views
from mozilla_django_oidc import views as oidc_views
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication

TOKEN_RESPONSE = inline_serializer(
    "ApiToken", {"token": serializers.CharField(), "expiry": serializers.DateTimeField()}
)


class LoginView(auth_views.LoginView):
    """Local sign-in (throttled and locked out by django-axes), with the organisation's sign-in offered
    first when OpenID Connect is configured."""

    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "oidc_enabled": settings.OIDC_ENABLED,
            "oidc_failed": self.request.GET.get("oidc") == "failed",
        }


class _OidcOnly:
    """The OpenID Connect pages exist only when the portal is configured for it (OIDC_RP_CLIENT_ID)."""

    def dispatch(self, request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class OidcAuthenticateView(_OidcOnly, oidc_views.OIDCAuthenticationRequestView):
    pass


class OidcCallbackView(_OidcOnly, oidc_views.OIDCAuthenticationCallbackView):
    pass


class ApiTokenCreateApi(knox_views.LoginView):
    """POST with the session of a signed-in person: a new API token, shown once (only its digest is kept),
    valid for API_TOKEN_HOURS. Tokens cannot create tokens, so a stolen token cannot outlive its expiry."""

    authentication_classes = [SessionAuthentication]

    @extend_schema(request=None, responses={200: TOKEN_RESPONSE})
    def post(self, request, format=None):
        return super().post(request, format=format)


class ApiTokenRevokeApi(knox_views.LogoutView):
    """POST with a token: that token is revoked."""

    @extend_schema(request=None, responses={204: None})
    def post(self, request, format=None):
        return super().post(request, format=format)


class ApiTokenRevokeAllApi(knox_views.LogoutAllView):
    """POST with a token or the session: every token of the person is revoked."""

    authentication_classes = [*knox_views.LogoutAllView.authentication_classes, SessionAuthentication]

    @extend_schema(request=None, responses={204: None})
    def post(self, request, format=None):
        return super().post(request, format=format)


def locked_out(request, response=None, credentials=None):
    """django-axes: the answer to a sign-in while the account or the address is locked out (429)."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return render(request, "registration/locked_out.html", {"lockout_minutes": minutes}, status=429)
