from .demo_pools import seed_pools_demo


def seed_demo(*, rng, today, out) -> None:
    seed_pools_demo(rng=rng, today=today, out=out)
