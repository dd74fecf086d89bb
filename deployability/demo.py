"""seed_demo(): each part's demo records, in an order that keeps the random sequence deterministic."""

from deployability.evaluations import demo as evaluations_demo
from deployability.redeployment import demo as redeployment_demo


def seed_demo(*, rng, today, out) -> None:
    redeployment_demo.seed_demo(rng=rng, today=today, out=out)
    evaluations_demo.seed_demo(rng=rng, today=today, out=out)
