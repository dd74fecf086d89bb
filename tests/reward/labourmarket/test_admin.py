import pytest
from django.test import Client

from reward.paygap.models import PayGapJustification
from tests.reward.labourmarket.conftest import make_allowance

pytestmark = pytest.mark.django_db


def test_admin_reads_the_list_the_allowances_and_the_justifications(admin_user, doctor, listing):
    allowance = make_allowance(doctor, listing)
    client = Client()
    client.force_login(admin_user)
    for url in (
        "/admin/reward/shortagefunction/",
        f"/admin/reward/shortagefunction/{listing.pk}/change/",
        "/admin/reward/labourmarketallowance/",
        f"/admin/reward/labourmarketallowance/{allowance.pk}/change/",
        "/admin/reward/paygapjustification/",
    ):
        assert client.get(url).status_code == 200, url
    # decisions go through the services (locks, audit): the admin adds nothing
    assert client.get("/admin/reward/labourmarketallowance/add/").status_code == 403
    assert client.get("/admin/reward/shortagefunction/add/").status_code == 403
    assert not PayGapJustification.objects.exists()
