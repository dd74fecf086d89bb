from . import reports_pools  # noqa: F401  (registers the mobile-pool and innovation-climate reports)
