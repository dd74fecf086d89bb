"""What needs a user's action, gathered from every app for the home page.

An app registers a provider in its AppConfig.ready(): `register_action_provider(fn)`, where
`fn(user) -> list[ActionItem]` must run a bounded number of queries (one count per item).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ActionItem:
    label: str
    url: str
    count: int
    area: str = ""


_PROVIDERS: list[Callable] = []


def register_action_provider(provider: Callable) -> Callable:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def action_items_for(user) -> list[ActionItem]:
    items = []
    for provider in _PROVIDERS:
        items.extend(item for item in provider(user) if item.count)
    return items
