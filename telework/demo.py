"""seed_demo(): each part's demo records, in an order that keeps the random sequence deterministic."""

from telework.agreements import demo as agreements_demo
from telework.climate import demo as climate_demo
from telework.pools import demo as pools_demo


def seed_demo(*, rng, today, out) -> None:
    agreements_demo.seed_demo(rng=rng, today=today, out=out)
    pools_demo.seed_demo(rng=rng, today=today, out=out)
    climate_demo.seed_demo(rng=rng, today=today, out=out)
