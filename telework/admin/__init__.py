from . import pools  # noqa: F401
