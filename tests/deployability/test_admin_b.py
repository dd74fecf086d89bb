import pytest
from django.test import Client

from deployability.models import LeaveRequest, ReintegrationCase
from tests.deployability.leave.factories import LeaveRequestFactory, LeaveRightFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_the_models_and_keeps_medical_details_out(admin_user, staff_member):
    from datetime import date

    case = ReintegrationCase.objects.create(staff=staff_member, intake_on=date(2026, 2, 2), medical_details="GEHEIM")
    leave = LeaveRequestFactory(staff=staff_member, right=LeaveRightFactory())
    client = Client()
    client.force_login(admin_user)
    for model in [
        "leaveright",
        "leaverequest",
        "reintegrationcase",
        "promotionpost",
        "projectleaderappointment",
        "functionprofilecompetency",
        "learningnetwork",
        "sharedpractice",
    ]:
        assert client.get(f"/admin/deployability/{model}/").status_code == 200, model
    page = client.get(f"/admin/deployability/reintegrationcase/{case.pk}/change/")
    assert page.status_code == 200 and "GEHEIM" not in page.content.decode()
    assert client.get(f"/admin/deployability/leaverequest/{leave.pk}/change/").status_code == 200  # read only
    assert client.get("/admin/deployability/leaverequest/add/").status_code == 403
    assert LeaveRequest.objects.count() == 1
