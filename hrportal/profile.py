"""Sections other apps add to the staff profile page (`/staff/<id>/`).

The core cannot import the apps built on it (tests/test_architecture.py), so an app registers a provider in its
AppConfig.ready(): `register_profile_section(fn)`, where `fn(*, user, staff) -> ProfileSection | None` decides
itself who may see the section (None: nothing to show to this viewer) and runs a bounded number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ProfileSection:
    template: str  # rendered inside the profile's grid, as one card; it reads `section`
    context: dict = field(default_factory=dict)


_PROVIDERS: list[Callable] = []


def register_profile_section(provider: Callable) -> Callable:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def profile_sections_for(*, user, staff) -> list[ProfileSection]:
    sections = []
    for provider in _PROVIDERS:
        section = provider(user=user, staff=staff)
        if section is not None:
            sections.append(section)
    return sections
