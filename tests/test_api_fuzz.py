"""Issue 14 §3: property-based fuzzing of the whole API from its OpenAPI schema (schemathesis), as each
role, failing on any server error. Bounded: HRPORTAL_FUZZ_EXAMPLES cases per operation and role (default 6),
so that the whole run stays within a few minutes on the CI machine."""

import os

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase, settings
from knox.models import AuthToken

from tests.factories import UserFactory

EXAMPLES = int(os.environ.get("HRPORTAL_FUZZ_EXAMPLES", "6"))
ROLES = ["member", "manager", "hr", "central", "admin", "nobody"]


def _openapi() -> dict:
    import json

    from drf_spectacular.renderers import OpenApiJsonRenderer

    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document, renderer_context={}))


schema = schemathesis.openapi.from_dict(_openapi())
schema.app = get_wsgi_application()


@pytest.fixture
def tokens(db, staff_member, line_manager, hr_officer, central_hr, admin_user, outsider, settings, monkeypatch):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections
    from rest_framework.throttling import SimpleRateThrottle

    settings.ALLOWED_HOSTS = ["*"]
    # As Django's test client does: the test's transaction must outlive each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": None, "user": None})
    users = {
        "member": staff_member.user,
        "manager": line_manager.user,
        "hr": hr_officer,
        "central": central_hr,
        "admin": admin_user,
        "nobody": UserFactory(username="nobody"),
    }
    yield {role: AuthToken.objects.create(user=user)[1] for role, user in users.items()}
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.generate],  # the schema-derived explicit cases number in the hundreds per operation
    suppress_health_check=list(HealthCheck),
)
def test_no_input_makes_the_api_answer_a_server_error(case, tokens):
    # Each generated request is sent as every role: what is harmless for one may reach code only another gets to.
    for role in ROLES:
        case.headers = {**(case.headers or {}), "Authorization": f"Token {tokens[role]}"}
        response = case.call()
        assert response.status_code < 500, (
            f"{role}: {case.method} {case.formatted_path} -> {response.status_code}\n{case}"
        )
