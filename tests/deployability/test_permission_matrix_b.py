"""Every role against the pages and endpoints of re-integration, careers and learning networks, with
another entity's ids. Out of scope answers 404, never the data."""

import json
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from deployability.models import (
    CaseTeamMember,
    LearningNetwork,
    NetworkMembership,
    NetworkSession,
    PromotionPost,
    ReintegrationCase,
    SharedPractice,
)
from tests.factories import FunctionFactory, StaffFactory

pytestmark = pytest.mark.django_db

ROLES = ["member", "manager", "hr", "central", "admin", "outsider"]


@pytest.fixture
def world(staff_member, line_manager, hr_officer, central_hr, admin_user, outsider, entity, other_entity):
    own_case = ReintegrationCase.objects.create(staff=staff_member, intake_on=date(2026, 2, 2), opened_by=hr_officer)
    other_staff = StaffFactory(entity=other_entity, line_manager=outsider)
    other_case = ReintegrationCase.objects.create(staff=other_staff, intake_on=date(2026, 2, 2))
    CaseTeamMember.objects.create(case=other_case, staff=outsider, role=CaseTeamMember.Role.HR)
    today = timezone.localdate()
    post = PromotionPost.objects.create(
        title="Post",
        function=FunctionFactory(),
        grade="A2",
        entity=other_entity,
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=10),
    )
    network = LearningNetwork.objects.create(name="Zin? Ja!", theme="zin_ja")
    NetworkMembership.objects.create(network=network, staff=outsider)
    session = NetworkSession.objects.create(network=network, title="S", on=today + timedelta(days=3), capacity=5)
    practice = SharedPractice.objects.create(
        network=network,
        author=outsider,
        title="P",
        text="t",
        file_name="a.txt",
        file_type="text/plain",
        file_size=1,
        file_data=b"a",
    )
    return {
        "users": {
            "member": staff_member.user,
            "manager": line_manager.user,
            "hr": hr_officer,
            "central": central_hr,
            "admin": admin_user,
            "outsider": outsider.user,
        },
        "ids": {
            "own_case": own_case.pk,
            "other_case": other_case.pk,
            "post": post.pk,
            "network": network.pk,
            "session": session.pk,
            "practice": practice.pk,
            "member_staff": staff_member.pk,
            "other_staff": other_staff.pk,
        },
    }


#                                                                       member manager hr central admin outsider
MATRIX = [
    ("get", "/deployability/reintegration/", [200, 200, 200, 200, 200, 200]),
    ("get", "/deployability/reintegration/new/", [404, 404, 200, 404, 404, 404]),
    ("get", "/deployability/reintegration/{own_case}/", [200, 200, 200, 200, 200, 404]),
    ("get", "/deployability/reintegration/{other_case}/", [404, 404, 404, 200, 200, 200]),
    ("post", "/deployability/reintegration/{own_case}/notes/", [404, 404, 302, 404, 404, 404]),
    ("post", "/deployability/reintegration/{other_case}/notes/", [404, 404, 404, 404, 404, 302]),
    ("get", "/api/deployability/reintegration/cases/", [200, 200, 200, 200, 200, 200]),
    ("get", "/api/deployability/reintegration/cases/{own_case}/", [200, 200, 200, 200, 200, 404]),
    ("get", "/api/deployability/reintegration/cases/{other_case}/", [404, 404, 404, 200, 200, 200]),
    ("post", "/api/deployability/reintegration/cases/{other_case}/close/", [404, 404, 404, 404, 404, 200]),
    ("get", "/deployability/careers/", [200, 200, 200, 200, 200, 200]),
    ("get", "/deployability/careers/paths/", [200, 200, 200, 404, 404, 200]),
    ("get", "/deployability/careers/paths/?staff={member_staff}", [200, 200, 200, 200, 200, 404]),
    ("get", "/deployability/careers/paths/?staff={other_staff}", [404, 404, 404, 200, 200, 200]),
    ("get", "/deployability/careers/posts/new/", [404, 404, 200, 200, 200, 404]),
    ("get", "/deployability/careers/posts/{post}/", [200, 200, 200, 200, 200, 200]),
    ("get", "/deployability/careers/applications/", [200, 200, 200, 200, 200, 200]),
    ("get", "/deployability/careers/project-leaders/", [200, 200, 200, 200, 200, 200]),
    ("get", "/api/deployability/careers/posts/", [200, 200, 200, 200, 200, 200]),
    ("get", "/api/deployability/careers/paths/?staff={other_staff}", [404, 404, 404, 200, 200, 200]),
    ("get", "/api/deployability/careers/project-leaders/", [200, 200, 200, 200, 200, 200]),
    ("get", "/deployability/networks/", [200, 200, 200, 200, 200, 200]),
    ("get", "/deployability/networks/{network}/", [200, 200, 200, 200, 200, 200]),
    ("get", "/deployability/networks/practices/{practice}/file/", [404, 404, 404, 404, 404, 200]),
    ("get", "/api/deployability/networks/", [200, 200, 200, 200, 200, 200]),
    ("get", "/api/deployability/networks/{network}/practices/", [404, 404, 404, 404, 404, 200]),
    ("get", "/api/deployability/networks/{network}/sessions/", [200, 200, 200, 200, 200, 200]),
    # creating networks and planning sessions: central HR and admins only (the others: 404)
    ("get", "/deployability/networks/new/", [404, 404, 404, 200, 200, 404]),
    ("get", "/deployability/networks/{network}/sessions/new/", [404, 404, 404, 200, 200, 404]),
    ("post", "/api/deployability/networks/{network}/sessions/", [404, 404, 404, 201, 201, 404]),
    # not members: refused with 400 (join first); central HR and admin without a staff record: 404
    ("post", "/api/deployability/networks/sessions/{session}/register/", [400, 400, 400, 404, 404, 201]),
]
BODIES = {
    "close": {"case_outcome": "own_function"},
    "sessions": {"title": "S", "on": (date.today() + timedelta(days=3)).isoformat(), "capacity": 3},
}


@pytest.mark.parametrize(("method", "template", "expected"), MATRIX, ids=[f"{m} {t}" for m, t, _ in MATRIX])
def test_permission_matrix(world, method, template, expected):
    url = template.format(**world["ids"])
    body = next((b for key, b in BODIES.items() if f"/{key}/" in url), {})
    got = []
    for role in ROLES:
        client = Client()
        client.force_login(world["users"][role])
        if method == "get":
            response = client.get(url)
        elif url.startswith("/api/"):
            response = client.post(url, data=json.dumps(body), content_type="application/json")
        else:
            response = client.post(url, {"medical_details": "", "shared_summary": "x"})
        got.append(response.status_code)
    assert got == expected, dict(zip(ROLES, got, strict=True))
