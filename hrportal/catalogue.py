"""Small reference tables (entities, functions, competencies) as this process read them last, per version.

A list names each row's entity or function; taking them from here instead of joining them on every page
costs nothing per row. A model's version moves whenever one of its rows is saved or deleted
(`hrportal.widgets.choices_changed`, connected in `hrportal.apps`), in this process or, with the shared
cache of production, in any. A row the catalogue lacks (written without signals, e.g. `bulk_create`)
makes it read again.
"""

from django.db import models

from hrportal.widgets import choices_version

_CATALOGUES: dict[str, tuple[str, dict[int, models.Model]]] = {}


def catalogue(model: type[models.Model], *, reread: bool = False) -> dict[int, models.Model]:
    """Every row of `model` by id, read once per version of the model."""
    label = model._meta.label_lower
    version = choices_version(label)
    kept = _CATALOGUES.get(label)
    if reread or kept is None or kept[0] != version:
        kept = _CATALOGUES[label] = (version, model._default_manager.order_by().in_bulk())
    return kept[1]


def catalogue_with(model: type[models.Model], ids) -> dict[int, models.Model]:
    """The catalogue of `model`, read again when it lacks one of `ids` (a row written without signals)."""
    by_id = catalogue(model)
    return by_id if set(ids) <= by_id.keys() else catalogue(model, reread=True)


def name_rows(rows, field_name: str) -> None:
    """Sets the foreign key `field_name` of each of `rows` to its row in the catalogue of the related model:
    reading it then makes no query, and the list's query joins nothing for it."""
    field = rows[0]._meta.get_field(field_name) if rows else None
    if field is None:
        return
    by_id = catalogue_with(field.related_model, {getattr(row, field.attname) for row in rows} - {None})
    for row in rows:
        related = by_id.get(getattr(row, field.attname))
        if related is not None:  # else (deleted meanwhile) the descriptor reads it, as without a catalogue
            setattr(row, field_name, related)
