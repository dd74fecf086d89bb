from . import international  # noqa: F401
