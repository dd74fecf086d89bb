from . import agreements  # noqa: F401
