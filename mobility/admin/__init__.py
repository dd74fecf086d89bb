from . import marketplace  # noqa: F401
