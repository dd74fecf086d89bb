"""seed_demo(): each part's demo records, in an order that keeps the random sequence deterministic."""

from leadership.development import demo as development_demo
from leadership.mentoring import demo as mentoring_demo
from leadership.monitoring import demo as monitoring_demo
from leadership.potential import demo as potential_demo
from leadership.roles import demo as roles_demo
from leadership.selection import demo as selection_demo
from leadership.topmanagement import demo as topmanagement_demo


def seed_demo(*, rng, today, out) -> None:
    roles_demo.seed_demo(rng=rng, today=today, out=out)
    selection_demo.seed_demo(rng=rng, today=today, out=out)
    potential_demo.seed_demo(rng=rng, today=today, out=out)
    development_demo.seed_demo(rng=rng, today=today, out=out)
    mentoring_demo.seed_demo(rng=rng, today=today, out=out)
    topmanagement_demo.seed_demo(rng=rng, today=today, out=out)
    monitoring_demo.seed_demo(rng=rng, today=today, out=out)
