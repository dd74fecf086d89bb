"""seed_demo(): each part's demo records, in an order that keeps the random sequence deterministic."""

from deployability.careers import demo as careers_demo
from deployability.evaluations import demo as evaluations_demo
from deployability.leave import demo as leave_demo
from deployability.networks import demo as networks_demo
from deployability.redeployment import demo as redeployment_demo
from deployability.reintegration import demo as reintegration_demo


def seed_demo(*, rng, today, out) -> None:
    redeployment_demo.seed_demo(rng=rng, today=today, out=out)
    evaluations_demo.seed_demo(rng=rng, today=today, out=out)
    leave_demo.seed_demo(rng=rng, today=today, out=out)
    reintegration_demo.seed_demo(rng=rng, today=today, out=out)
    careers_demo.seed_demo(rng=rng, today=today, out=out)
    networks_demo.seed_demo(rng=rng, today=today, out=out)
