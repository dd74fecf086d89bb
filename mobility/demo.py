from .demo_marketplace import seed_marketplace


def seed_demo(*, rng, today, out) -> None:
    seed_marketplace(rng=rng, today=today, out=out)
