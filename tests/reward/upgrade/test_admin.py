import pytest
from django.test import Client

from reward.experience.models import ExperienceRequest
from reward.matrix.models import FunctionReclassification, StaffFunctionHistory
from tests.factories import FunctionFactory
from tests.reward.upgrade.factories import UpgradePeriodFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_and_opens_every_reward_model_of_this_part(admin_user, staff_member):
    period = UpgradePeriodFactory()
    function = FunctionFactory()
    reclassification = FunctionReclassification.objects.create(
        function=function, from_class=12, to_class=13, effective_date="2025-01-01", reason="x"
    )
    history = StaffFunctionHistory.objects.create(
        staff=staff_member, function=function, function_class=13, valid_from="2025-01-01"
    )
    request = ExperienceRequest.objects.create(staff=staff_member)
    client = Client()
    client.force_login(admin_user)
    objects = {
        "upgradeallowance": period.allowance_id,
        "functionreclassification": reclassification.pk,
        "stafffunctionhistory": history.pk,
        "experiencerequest": request.pk,
    }
    for model, pk in objects.items():
        assert client.get(f"/admin/reward/{model}/?q=a").status_code == 200, model
        assert client.get(f"/admin/reward/{model}/{pk}/change/").status_code == 200, model
    # decisions go through the services: the admin does not add them by hand
    assert client.get("/admin/reward/upgradeallowance/add/").status_code == 403
