from mobility.international.demo import seed_international
from mobility.marketplace.demo import seed_marketplace


def seed_demo(*, rng, today, out) -> None:
    seed_marketplace(rng=rng, today=today, out=out)
    seed_international(rng=rng, today=today, out=out)
