def seed_demo(*, rng, today, out) -> None:
    pass
