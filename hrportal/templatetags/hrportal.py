from django import template

register = template.Library()


@register.simple_tag
def chart_rows(chart: dict) -> list[dict]:
    """Turn a stored stacked-bar chart description into rows of segments sized relative to the largest row."""
    categories = chart.get("categories", [])
    series = chart.get("series", [])
    totals = [sum(s["values"][i] for s in series) for i in range(len(categories))]
    largest = max(totals, default=0) or 1
    return [
        {
            "label": label,
            "total": totals[i],
            "segments": [
                {
                    "index": n,
                    "name": s["name"],
                    "value": s["values"][i],
                    "percent": f"{100 * s['values'][i] / largest:.2f}",  # CSS: never "12,5"
                }
                for n, s in enumerate(series)
            ],
        }
        for i, label in enumerate(categories)
    ]


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
