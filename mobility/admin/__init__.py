from . import international, marketplace  # noqa: F401
