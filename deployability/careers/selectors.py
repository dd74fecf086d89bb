"""Career paths across function families on the function-level matrix, in a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from deployability.careers.models import FunctionProfileCompetency
from hrportal.models import Function, Staff, StaffCompetency

VERTICAL, HORIZONTAL, DIAGONAL = "vertical", "horizontal", "diagonal"
PATH_LABELS = {
    VERTICAL: _("Vertical: one class up, same family"),
    HORIZONTAL: _("Horizontal: same class, another family"),
    DIAGONAL: _("Diagonal: one class up, another family"),
}


@dataclass
class PathFunction:
    function: Function
    path: str
    required: int = 0
    met: int = 0
    missing: list = field(default_factory=list)  # (competency name, asked level, own level or 0)

    @property
    def has_profile(self) -> bool:
        return self.required > 0

    @property
    def fits(self) -> bool:
        return self.has_profile and self.met == self.required


def career_paths(*, staff: Staff) -> dict[str, list[PathFunction]]:
    """For `staff`'s function (class c, family f): functions of class c+1 in f (vertical), of class c in
    another family (horizontal) and of class c+1 in another family (diagonal), each with how many of its
    job profile's competencies the person has at the level asked. Top management (no family) is outside
    the paths. Three queries, whatever the size of the matrix."""
    paths = {VERTICAL: [], HORIZONTAL: [], DIAGONAL: []}
    own = staff.function
    if own is None or own.family_id is None:
        return paths
    c, family = own.function_class, own.family_id
    candidates = list(
        Function.objects.filter(family__isnull=False)
        .filter(Q(function_class=c + 1) | (Q(function_class=c) & ~Q(family_id=family)))
        .exclude(pk=own.pk)
        .select_related("family")
        .order_by("family__position", "function_class", "name")
    )
    mine = dict(StaffCompetency.objects.filter(staff=staff).values_list("competency_id", "level"))
    asked: dict[int, list] = {}
    for row in (
        FunctionProfileCompetency.objects.filter(function__in=[f.pk for f in candidates])
        .select_related("competency")
        .order_by("competency__name")
    ):
        asked.setdefault(row.function_id, []).append(row)
    for function in candidates:
        if function.function_class == c + 1:
            path = VERTICAL if function.family_id == family else DIAGONAL
        else:
            path = HORIZONTAL
        entry = PathFunction(function=function, path=path)
        for row in asked.get(function.pk, []):
            entry.required += 1
            level = mine.get(row.competency_id, 0)
            if level >= row.level:
                entry.met += 1
            else:
                entry.missing.append((row.competency.name, row.level, level))
        paths[path].append(entry)
    for entries in paths.values():
        entries.sort(key=lambda e: (not e.fits, -(e.met / e.required if e.required else 0)))
    return paths
