"""Charts as server-rendered SVG (no script, no inline style, so they work under the CSP and without
JavaScript), each with its figures in a table beside it (docs/ui.md).

A chart is a dict, stored in report results as JSON:
    {"kind": "bar" | "stacked" | "line", "title": …, "categories": [...],
     "series": [{"name": …, "values": [...]}], "max": 100, "unit": "%", "decimals": 0}
`max` is the meaningful top of the scale (100 for a share, 5 for a 1-5 score); without it a bar chart of
counts scales to its largest total. Texts may be translatable (hrportal.i18n_text); they are put into the
reader's language here.
"""

from django.utils.formats import number_format

from hrportal.i18n_text import localize

LINE_WIDTH, LINE_HEIGHT = 640, 280
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 48, 16, 16, 36


def _fmt(value, decimals: int, unit: str) -> str:
    if value is None:
        return "—"
    text = number_format(value, decimal_pos=decimals, use_l10n=True)
    return f"{text}{unit}" if unit in ("%",) else (f"{text} {unit}" if unit else text)


def chart_context(chart: dict) -> dict:
    chart = localize(chart)
    kind = chart.get("kind") or ("stacked" if len(chart.get("series", [])) > 1 else "bar")
    categories = [str(c) for c in chart.get("categories", [])]
    series = chart.get("series", [])
    unit = chart.get("unit", "")
    decimals = int(chart.get("decimals", 0))
    values = [[(s["values"][i] if i < len(s["values"]) else None) for s in series] for i in range(len(categories))]
    if kind == "line":
        top = chart.get("max") or max((v or 0 for row in values for v in row), default=0) or 1
    else:
        totals = [sum(v or 0 for v in row) for row in values]
        top = chart.get("max") or max(totals, default=0) or 1
    context = {
        "chart": chart,
        "kind": kind,
        "title": chart.get("title", ""),
        "series_names": [s["name"] for s in series],
        "table_rows": [
            {"label": label, "cells": [_fmt(v, decimals, unit) for v in row]}
            for label, row in zip(categories, values, strict=True)
        ],
        "scale_label": _fmt(top, 0, unit),
    }
    if kind == "line":
        context["line"] = _line_geometry(categories, series, top, unit="%" if unit == "%" else "")
    else:
        context["rows"] = [
            {
                "label": label,
                "total": _fmt(sum(v or 0 for v in row), decimals, unit)
                if len(series) > 1
                else _fmt(row[0], decimals, unit),
                "segments": _segments(row, top),
            }
            for label, row in zip(categories, values, strict=True)
        ]
    return context


def _segments(row: list, top: float) -> list[dict]:
    segments, x = [], 0.0
    for index, value in enumerate(row):
        width = max(0.0, min(100.0 - x, 100.0 * (value or 0) / top))
        if width > 0:
            segments.append({"index": index, "x": f"{x:.2f}%", "width": f"{width:.2f}%"})
        x += width
    return segments


def _line_geometry(categories: list[str], series: list[dict], top: float, *, unit: str = "") -> dict:
    plot_w = LINE_WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = LINE_HEIGHT - PAD_TOP - PAD_BOTTOM
    n = max(len(categories), 1)

    def x_of(i):
        return PAD_LEFT + (plot_w * (i / (n - 1)) if n > 1 else plot_w / 2)

    def y_of(v):
        return PAD_TOP + plot_h * (1 - min(max(v, 0), top) / top)

    ticks = [
        {"y": f"{y_of(top * f):.1f}", "label": number_format(top * f, decimal_pos=0) + unit}
        for f in (0, 0.25, 0.5, 0.75, 1)
    ]
    step = max(1, n // 8)  # at most ~8 labels on the axis
    x_labels = [{"x": f"{x_of(i):.1f}", "label": c} for i, c in enumerate(categories) if i % step == 0 or i == n - 1]
    lines = []
    for index, s in enumerate(series):
        points = [(x_of(i), y_of(v)) for i, v in enumerate(s["values"]) if v is not None]
        lines.append(
            {
                "index": index,
                "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in points),
                "dots": [{"x": f"{x:.1f}", "y": f"{y:.1f}"} for x, y in points],
            }
        )
    return {
        "width": LINE_WIDTH,
        "height": LINE_HEIGHT,
        "left": PAD_LEFT,
        "right": LINE_WIDTH - PAD_RIGHT,
        "bottom": LINE_HEIGHT - PAD_BOTTOM,
        "label_y": LINE_HEIGHT - 10,
        "ticks": ticks,
        "x_labels": x_labels,
        "lines": lines,
    }
