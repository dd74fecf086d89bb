"""Matching talent offers with talent requests (rules: docs/mobility.md, "Matching job").

`engine` holds the rules on arrays, `market` the arrays, `load` fills them from the database, `explain`
writes the explanation of a kept match, `store` writes only what changed, `jobs` ties them together.
"""

from mobility.marketplace.matching.jobs import (
    match_refresh_offer,
    match_refresh_offers,
    match_refresh_request,
    match_refresh_requests,
    match_rematch_all,
    rematch,
)

__all__ = [
    "match_refresh_offer",
    "match_refresh_offers",
    "match_refresh_request",
    "match_refresh_requests",
    "match_rematch_all",
    "rematch",
]
