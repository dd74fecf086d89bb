"""seed_demo(): each part's demo records, in an order that keeps the random sequence deterministic."""

from leadership.monitoring import demo as monitoring_demo
from leadership.topmanagement import demo as topmanagement_demo


def seed_demo(*, rng, today, out) -> None:
    topmanagement_demo.seed_demo(rng=rng, today=today, out=out)
    monitoring_demo.seed_demo(rng=rng, today=today, out=out)
