from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from reward.upgrade.models import UpgradeAllowance, UpgradePeriod
from tests.factories import FunctionFactory, StaffFactory


class UpgradeAllowanceFactory(DjangoModelFactory):
    class Meta:
        model = UpgradeAllowance

    holder = factory.SubFactory(StaffFactory)
    function = factory.SubFactory(FunctionFactory, function_class=14)
    function_class = 14
    own_class = 13
    tasks = "Meewerken aan het project digitale dossiers"
    percentage = Decimal("8.00")
    decision_date = date(2026, 1, 5)


class UpgradePeriodFactory(DjangoModelFactory):
    class Meta:
        model = UpgradePeriod

    allowance = factory.SubFactory(UpgradeAllowanceFactory)
    holder = factory.SelfAttribute("allowance.holder")
    kind = UpgradePeriod.Kind.INITIAL
    start = date(2026, 2, 1)
    end = date(2026, 7, 31)
    planned_end = factory.SelfAttribute("end")
    decision_date = factory.SelfAttribute("allowance.decision_date")
