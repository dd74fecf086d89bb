"""seed_demo(): each part's demo records, in an order that keeps the random sequence deterministic.
The pay-gap report needs no records of its own: seed_demo runs every registered report once."""

from reward.labourmarket import demo as labourmarket_demo


def seed_demo(*, rng, today, out) -> None:
    labourmarket_demo.seed_demo(rng=rng, today=today, out=out)
