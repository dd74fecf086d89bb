"""The pay-transparency report (EU Directive 2023/970, art. 9): registered with the core's report framework
(page, CSV and XLSX from hrportal.reports), run on demand and yearly (CELERY_BEAT_SCHEDULE)."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from hrportal.i18n_text import text
from hrportal.models import Entity, FunctionFamily
from hrportal.reports.registry import ReportDefinition, ReportResult, register
from hrportal.roles import Role
from hrportal.suppression import SMALL, suppress_table
from reward.paygap.selectors import GENDERS, NO_FAMILY, GenderStats, gap, pay_gap_figures

KIND = "reward_pay_gap"
CENTRAL = frozenset({Role.CENTRAL, Role.ADMIN})
F, M = GENDERS
ORG = "org"
TOP_CLASSES = 13  # classes 13-20: level A and management, where the demo (and most administrations) has fewer women

LEVEL_LABELS = {
    "all": _("All staff"),
    "class": _("Function class"),
    "cell": _("Function family × class"),
    "quartile": _("Pay quartile (hourly pay)"),
}


def _round(value, digits: int = 2):
    return None if value is None else round(value, digits)


def _share(part: int, whole: int):
    return round(100 * part / whole, 1) if whole else None


def reference_year(run) -> int:
    year = (run.parameters or {}).get("year") if run is not None else None
    try:
        return int(year)
    except (TypeError, ValueError):
        return timezone.localdate().year


def is_flagged(mean_gap: float | None, threshold: float) -> bool:
    """A category is flagged when its mean gap, as reported (2 decimals), is at least the threshold either way."""
    return mean_gap is not None and round(abs(mean_gap), 2) >= threshold


def category_key(scope_value, level: str, key: tuple) -> tuple[str, str]:
    """Stable keys for a justification: ("org" | "entity:<id>", "all" | "class:<n>" | "cell:<family>:<n>")."""
    scope = ORG if scope_value is None else f"entity:{scope_value}"
    if level == "all":
        return scope, "all"
    if level == "class":
        return scope, f"class:{key[-1]}"
    return scope, f"cell:{key[-2]}:{key[-1]}"


def build_pay_gap(*, run, progress) -> ReportResult:
    year = reference_year(run)
    on = date(year, 12, 31) if year < timezone.localdate().year else timezone.localdate()
    figures = pay_gap_figures(year=year, on=on)
    progress(60)
    threshold = float(figures.parameters["values"]["reward.paygap.flag_threshold_percent"])
    min_cell = int(figures.parameters["values"]["monitoring.min_cell_size"])
    units = {u for (scope, _level), table in figures.groups.items() if scope == "unit" for u in (k[0] for k in table)}
    unit_names = dict(Entity.objects.filter(pk__in=units).values_list("pk", "name"))
    family_names = dict(FunctionFamily.objects.values_list("pk", "name"))

    def category_label(level, key):
        if level == "all":
            return LEVEL_LABELS["all"]
        fclass = key[-1]
        class_label = text(gettext_noop("class %(number)s"), number=fclass) if fclass else _("no function")
        if level == "class":
            return class_label
        family = key[-2]
        family_label = family_names.get(family, "") if family != NO_FAMILY else _("top management / no family")
        return text(gettext_noop("%(family)s — %(class)s"), family=family_label, **{"class": class_label})

    rows, flagged, suppressed_count = [], [], 0
    for (scope, level), table in figures.groups.items():
        # suppress per published table: one scope value (organisation or one entity) x one level
        by_scope: dict = {}
        for key in table:
            scope_value = key[0] if scope == "unit" else None
            by_scope.setdefault(scope_value, []).append(key)
        # entities in id order: the database returns the groups in no particular order
        for scope_value, keys in sorted(by_scope.items(), key=lambda item: -1 if item[0] is None else item[0]):
            counts = {(key, g): (table[key].get(g) or GenderStats()).n for key in keys for g in GENDERS}
            hidden = suppress_table(counts, threshold=min_cell)
            for key in sorted(keys, key=lambda k: tuple(-1 if v is None else v for v in k)):
                women = table[key].get(F) or GenderStats()
                men = table[key].get(M) or GenderStats()
                reasons = {hidden[(key, g)] for g in GENDERS if (key, g) in hidden}
                scope_label = _("Whole organisation") if scope_value is None else unit_names.get(scope_value, "")
                row = {
                    "scope": scope_label,
                    "level": LEVEL_LABELS[level],
                    "category": category_label(level, key),
                    "women": women.n,
                    "men": men.n,
                }
                if reasons:
                    suppressed_count += 1
                    row["note"] = (
                        text(gettext_noop("hidden: fewer than %(n)s women or men"), n=min_cell)
                        if SMALL in reasons
                        else _("hidden so that a hidden cell cannot be recomputed from the totals")
                    )
                    row["women"] = row["men"] = None
                    row["flagged"] = None
                    rows.append(row)
                    continue
                basic_mean = gap(men.mean("basic"), women.mean("basic"))
                basic_hourly_mean = gap(men.mean("basic_hourly"), women.mean("basic_hourly"))
                comp_hourly_mean = gap(men.mean("comp_hourly"), women.mean("comp_hourly"))
                row |= {
                    "basic_mean_gap": _round(basic_mean),
                    "basic_median_gap": _round(gap(men.basic_median, women.basic_median)),
                    "basic_hourly_mean_gap": _round(basic_hourly_mean),
                    "basic_hourly_median_gap": _round(gap(men.basic_hourly_median, women.basic_hourly_median)),
                    "comp_women_share": _share(women.comp_n, women.n),
                    "comp_men_share": _share(men.comp_n, men.n),
                    "comp_mean_gap": _round(gap(men.mean("comp"), women.mean("comp"))),
                    "comp_median_gap": _round(gap(men.comp_median, women.comp_median)),
                    "comp_hourly_mean_gap": _round(comp_hourly_mean),
                }
                flag = level != "all" and (
                    is_flagged(basic_hourly_mean, threshold) or is_flagged(comp_hourly_mean, threshold)
                )
                row["flagged"] = flag
                if flag:
                    scope_key, cat_key = category_key(scope_value, level, key)
                    row["note"] = _("mean gap at or above the threshold: justify or remedy (art. 10)")
                    flagged.append(
                        {
                            "scope": scope_key,
                            "category": cat_key,
                            "scope_label": scope_label,
                            "category_label": row["category"],
                            "basic_hourly_mean_gap": row["basic_hourly_mean_gap"],
                            "comp_hourly_mean_gap": row["comp_hourly_mean_gap"],
                        }
                    )
                rows.append(row)
    quartile_labels = [_("lowest quartile"), _("second quartile"), _("third quartile"), _("highest quartile")]
    for scope_value in sorted(figures.quartiles, key=lambda v: -1 if v is None else v):
        bands = figures.quartiles[scope_value]
        counts = {(band, g): bands.get(band, {}).get(g, 0) for band in (1, 2, 3, 4) for g in GENDERS}
        hidden = suppress_table(counts, threshold=min_cell)
        for band in (1, 2, 3, 4):
            women, men = counts[(band, F)], counts[(band, M)]
            row = {
                "scope": _("Whole organisation") if scope_value is None else unit_names.get(scope_value, ""),
                "level": LEVEL_LABELS["quartile"],
                "category": quartile_labels[band - 1],
                "women": women,
                "men": men,
                "quartile_women_share": _share(women, women + men),
            }
            reasons = {hidden[(band, g)] for g in GENDERS if (band, g) in hidden}
            if reasons:
                suppressed_count += 1
                row |= {"women": None, "men": None, "quartile_women_share": None}
                row["note"] = (
                    text(gettext_noop("hidden: fewer than %(n)s women or men"), n=min_cell)
                    if SMALL in reasons
                    else _("hidden so that a hidden cell cannot be recomputed from the totals")
                )
            rows.append(row)
    progress(85)
    summary = _summary(figures, threshold=threshold, min_cell=min_cell, on=on)
    summary |= {"flagged": flagged, "flagged_count": len(flagged), "suppressed_count": suppressed_count}
    columns = [
        ("scope", _("Organisation or entity")),
        ("level", _("Category type")),
        ("category", _("Category of workers")),
        ("women", _("Women")),
        ("men", _("Men")),
        ("basic_mean_gap", _("Basic pay: mean gap, annual (%)")),
        ("basic_median_gap", _("Basic pay: median gap, annual (%)")),
        ("basic_hourly_mean_gap", _("Basic pay: mean gap, hourly (%)")),
        ("basic_hourly_median_gap", _("Basic pay: median gap, hourly (%)")),
        ("comp_women_share", _("Women receiving complementary pay (%)")),
        ("comp_men_share", _("Men receiving complementary pay (%)")),
        ("comp_mean_gap", _("Complementary pay: mean gap, annual (%)")),
        ("comp_median_gap", _("Complementary pay: median gap, annual (%)")),
        ("comp_hourly_mean_gap", _("Complementary pay: mean gap, hourly (%)")),
        ("quartile_women_share", _("Women in the quartile band (%)")),
        ("flagged", _("Flagged (art. 10)")),
        ("note", _("Note")),
    ]
    return ReportResult(
        columns=columns,
        rows=rows,
        charts=_charts(figures, min_cell=min_cell),
        summary=summary,
        filters={"scope": _("Whole organisation"), "level": LEVEL_LABELS["class"]},
    )


def _summary(figures, *, threshold: float, min_cell: int, on: date) -> dict:
    org = figures.groups[(ORG, "all")].get((), {})
    women, men = org.get(F) or GenderStats(), org.get(M) or GenderStats()
    overall = gap(men.mean("basic_hourly"), women.mean("basic_hourly"))
    # the gap within the same class, averaged over the classes weighted by their headcount
    weighted, weight = 0.0, 0
    for stats in figures.groups[(ORG, "class")].values():
        w, m = stats.get(F), stats.get(M)
        within = gap(m.mean("basic_hourly"), w.mean("basic_hourly")) if w and m else None
        if within is not None:
            weighted += within * (w.n + m.n)
            weight += w.n + m.n
    within_class = weighted / weight if weight else None
    top = [s for key, s in figures.groups[(ORG, "class")].items() if key[0] >= TOP_CLASSES]
    top_women = sum((s.get(F) or GenderStats()).n for s in top)
    top_all = top_women + sum((s.get(M) or GenderStats()).n for s in top)
    bands = figures.quartiles.get(None, {})
    summary = {
        "year": figures.year,
        "reference_date": on.isoformat(),
        "parameters": figures.parameters,
        "components": [c.label for c in figures.components],
        "women": women.n,
        "men": men.n,
        "basic_mean_gap": _round(gap(men.mean("basic"), women.mean("basic"))),
        "basic_median_gap": _round(gap(men.basic_median, women.basic_median)),
        "basic_hourly_mean_gap": _round(overall),
        "basic_hourly_median_gap": _round(gap(men.basic_hourly_median, women.basic_hourly_median)),
        "comp_mean_gap": _round(gap(men.mean("comp"), women.mean("comp"))),
        "comp_median_gap": _round(gap(men.comp_median, women.comp_median)),
        "comp_women_share": _share(women.comp_n, women.n),
        "comp_men_share": _share(men.comp_n, men.n),
        "within_class_gap": _round(within_class),
        "women_share_all": _share(women.n, women.n + men.n),
        "women_share_top": _share(top_women, top_all),
        "quartiles": [
            {
                "band": band,
                "women_share": _share(bands.get(band, {}).get(F, 0), sum(bands.get(band, {}).values())),
                "men_share": _share(bands.get(band, {}).get(M, 0), sum(bands.get(band, {}).values())),
            }
            for band in (1, 2, 3, 4)
        ],
        "threshold": threshold,
        "min_cell_size": min_cell,
        "due_on": (
            on + relativedelta(months=int(figures.parameters["values"]["reward.paygap.remedy_months"]))
        ).isoformat(),
    }
    if overall is not None and within_class is not None:
        summary["explanation"] = text(
            gettext_noop(
                "Within the same function class the mean hourly gap in basic pay is %(within)s %% (the classes "
                "weighted by headcount); over the whole organisation it is %(overall)s %%. The two differ because "
                "women and men sit in different classes: women are %(women_top)s %% of staff in classes 13 to 20 "
                "(level A and management), against %(women_all)s %% of all staff. Pay follows the class and "
                "seniority, not gender, so the gap for the same function is small while the overall gap is not."
            ),
            within=f"{within_class:.1f}",
            overall=f"{overall:.1f}",
            women_top=f"{summary['women_share_top'] or 0:.1f}",
            women_all=f"{summary['women_share_all'] or 0:.1f}",
        )
    return summary


def _charts(figures, *, min_cell: int) -> list[dict]:
    classes = figures.groups[(ORG, "class")]
    counts = {(key, g): (classes[key].get(g) or GenderStats()).n for key in classes for g in GENDERS}
    hidden = suppress_table(counts, threshold=min_cell)
    shown = sorted(k for k in classes if all((k, g) not in hidden and counts[(k, g)] for g in GENDERS))
    gap_chart = {
        "kind": "bar",
        "title": _("Mean hourly gap in basic pay per function class (%)"),
        "categories": [
            text(gettext_noop("class %(number)s"), number=k[0]) if k[0] else _("no function") for k in shown
        ],
        "series": [
            {
                "name": _("Mean gap (%)"),
                "values": [
                    _round(gap(classes[k][M].mean("basic_hourly"), classes[k][F].mean("basic_hourly")), 1)
                    for k in shown
                ],
            }
        ],
        "unit": "%",
        "decimals": 1,
        "max": 20,
    }
    bands = figures.quartiles.get(None, {})
    labels = [_("lowest quartile"), _("second quartile"), _("third quartile"), _("highest quartile")]
    quartile_chart = {
        "kind": "stacked",
        "title": _("Women and men in each pay quartile (hourly pay, %)"),
        "categories": labels,
        "series": [
            {
                "name": name,
                "values": [_share(bands.get(b, {}).get(g, 0), sum(bands.get(b, {}).values())) for b in (1, 2, 3, 4)],
            }
            for name, g in ((_("Women"), F), (_("Men"), M))
        ],
        "unit": "%",
        "decimals": 1,
        "max": 100,
    }
    return [gap_chart, quartile_chart]


register(
    ReportDefinition(
        kind=KIND,
        title=_("Gender pay gap (pay transparency)"),
        description=_(
            "Mean and median gender pay gap of basic pay and complementary components, per function class and "
            "family, for the organisation and per entity, with pay quartiles (EU Directive 2023/970, art. 9)."
        ),
        build=build_pay_gap,
        audience=CENTRAL,
    )
)
