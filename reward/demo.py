"""seed_demo(): each part's demo records, in an order that keeps the random sequence deterministic.
The pay-gap report needs no records of its own beyond the salary alignment in paygap/demo.py: seed_demo
runs every registered report once."""

from reward.experience import demo as experience_demo
from reward.labourmarket import demo as labourmarket_demo
from reward.matrix import demo as matrix_demo
from reward.paygap import demo as paygap_demo
from reward.upgrade import demo as upgrade_demo


def seed_demo(*, rng, today, out) -> None:
    matrix_demo.seed_demo(rng=rng, today=today, out=out)
    upgrade_demo.seed_demo(rng=rng, today=today, out=out)
    experience_demo.seed_demo(rng=rng, today=today, out=out)
    labourmarket_demo.seed_demo(rng=rng, today=today, out=out)
    paygap_demo.seed_demo(rng=rng, today=today, out=out)


def prepare_staff(staff: list) -> None:
    """Called by the core demo on the drawn people before they are written."""
    paygap_demo.prepare_staff(staff)
