from . import agreements, pools  # noqa: F401
