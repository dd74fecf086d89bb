from .demo_international import seed_international
from .demo_marketplace import seed_marketplace


def seed_demo(*, rng, today, out) -> None:
    seed_marketplace(rng=rng, today=today, out=out)
    seed_international(rng=rng, today=today, out=out)
