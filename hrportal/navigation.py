"""The main navigation: one list, so that a new area is one line here and the crawl test finds its pages.

An entry names a URL and who sees it. `in_preparation=True` marks an area that is still being built
(a small tag beside its name and a notice on its page); remove the flag when the area lands.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str | Promise
    visible: Callable[[dict], bool] = lambda ctx: True  # ctx: the roles context (see context_processors)
    in_preparation: bool = False


MAIN_NAVIGATION: list[NavEntry] = [
    NavEntry("home", _("Home")),
    NavEntry("mobility:index", _("Mobility")),
    NavEntry("deployability:index", _("Deployability")),
    NavEntry("reward:index", _("Reward")),
    NavEntry("telework:index", _("Telework")),
    NavEntry("leadership:index", _("Leadership")),
    NavEntry("staff-list", _("Staff"), visible=lambda ctx: ctx["sees_directory"]),
    NavEntry("entity-list", _("Entities")),
    NavEntry("portfolio", _("Portfolio")),
    NavEntry("report-list", _("Reports"), visible=lambda ctx: ctx["sees_reports"]),
    NavEntry("audit-list", _("Audit trail"), visible=lambda ctx: ctx["sees_audit"]),
]

# Areas still being built, by URL namespace: their landing page shows the "in preparation" notice.
IN_PREPARATION = {entry.url_name.split(":")[0] for entry in MAIN_NAVIGATION if entry.in_preparation}


def main_navigation(path: str, ctx: dict) -> list[dict]:
    """The entries `ctx`'s person may see, the one whose section holds `path` marked current."""
    items = []
    for entry in MAIN_NAVIGATION:
        if not ctx.get("user_roles") or not entry.visible(ctx):
            continue
        url = reverse(entry.url_name)
        current = path == url if url == "/" else path.startswith(url)
        items.append({"url": url, "label": entry.label, "current": current, "in_preparation": entry.in_preparation})
    return items
