"""Ten years of yearly snapshots (the ten years before this one) and the organisation's targets.

The latest snapshot reproduces the seed: 24% women in top management (N) and 31% in middle management
(N-1), from 11% and 24.8% ten years earlier; the staff outside management are the demo organisation's own
(by entity and gender), and the organisation counted 5.5% more people in the first year (the seed: "5.5%
fewer now, 6% by mid-2014"), with every entity's target 6% below its first-year headcount."""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Sum

from hrportal.models import Entity, Staff
from leadership.models import GenderTarget, SnapshotCount

YEARS = 10
# per size unit (about 11 entities): top and middle management, women in the latest year
TOP, TOP_WOMEN = 25, 6  # 24%
MIDDLE, MIDDLE_WOMEN = 100, 31  # 31%
TOP_FIRST_SHARE, MIDDLE_FIRST_SHARE = 11.0, 24.8
REDUCTION = Decimal("0.945")  # latest headcount = 94.5% of the first year's
TARGET = Decimal("0.94")


def _round(value) -> int:
    return int(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def seed_demo(*, rng, today, out) -> None:
    entities = list(Entity.objects.filter(kind=Entity.Kind.ENTITY).order_by("code").values("pk", "code", "name"))
    if not entities:
        return
    unit = max(1, round(len(entities) / 11))
    years = list(range(today.year - YEARS, today.year))
    by_code = {e["pk"]: e for e in entities}
    # Staff outside management, by entity (divisions counted with their entity) and gender: one query.
    live = (
        Staff.objects.filter(is_active=True, management_tier=Staff.Tier.NONE, entity__kind=Entity.Kind.DIVISION)
        .values("entity__parent_id", "gender")
        .annotate(n=Count("id"), fte=Sum("working_time_fraction"))
        .order_by()
    )
    base = {
        (d["entity__parent_id"], d["gender"]): (d["n"], Decimal(d["fte"]))
        for d in live
        if d["entity__parent_id"] in by_code
    }

    management = {}  # (year, tier) -> list of (entity pk, gender) positions
    for index, year in enumerate(years):
        t = index / (len(years) - 1)
        for tier, total, women_latest, first_share in (
            (Staff.Tier.TOP, TOP * unit, TOP_WOMEN * unit, TOP_FIRST_SHARE),
            (Staff.Tier.MIDDLE, MIDDLE * unit, MIDDLE_WOMEN * unit, MIDDLE_FIRST_SHARE),
        ):
            latest_share = 100 * women_latest / total
            women = (
                women_latest
                if index == len(years) - 1
                else _round(total * (first_share + (latest_share - first_share) * t) / 100)
            )
            positions = [entities[i % len(entities)]["pk"] for i in range(total)]
            female = set(rng.sample(range(total), women))
            management[(year, tier)] = [(pk, "F" if i in female else "M") for i, pk in enumerate(positions)]

    latest_total = sum(n for n, _fte in base.values()) + (TOP + MIDDLE) * unit
    first_total = _round(Decimal(latest_total) / REDUCTION)
    extra_first = first_total - latest_total
    keys = sorted(base, key=lambda k: (-base[k][0], k))
    share = {k: Decimal(base[k][0]) / max(1, sum(n for n, _f in base.values())) for k in keys}
    extra = {k: int(extra_first * share[k]) for k in keys}
    for k in keys[: extra_first - sum(extra.values())]:
        extra[k] += 1

    first_headcount = {pk: 0 for pk in by_code}
    for (pk, _g), (n, _fte) in base.items():
        first_headcount[pk] += n + extra[(pk, _g)]
    for pk, _g in management[(years[0], Staff.Tier.TOP)] + management[(years[0], Staff.Tier.MIDDLE)]:
        first_headcount[pk] += 1

    rows = []
    for index, year in enumerate(years):
        remaining = Decimal(len(years) - 1 - index) / (len(years) - 1)  # 1 in the first year, 0 in the latest
        for (pk, gender), (n, fte) in base.items():
            count = n + _round(extra[(pk, gender)] * remaining)
            if count == 0:
                continue
            entity = by_code[pk]
            rows.append(
                SnapshotCount(
                    year=year,
                    entity_id=pk,
                    entity_code=entity["code"],
                    entity_name=entity["name"],
                    headcount_target=_round(first_headcount[pk] * TARGET),
                    tier=Staff.Tier.NONE,
                    gender=gender,
                    headcount=count,
                    fte=(fte * count / n).quantize(Decimal("0.01")) if n else Decimal(count),
                )
            )
        for tier in (Staff.Tier.TOP, Staff.Tier.MIDDLE):
            cells: dict = {}
            for pk, gender in management[(year, tier)]:
                cells[(pk, gender)] = cells.get((pk, gender), 0) + 1
            for (pk, gender), count in cells.items():
                entity = by_code[pk]
                rows.append(
                    SnapshotCount(
                        year=year,
                        entity_id=pk,
                        entity_code=entity["code"],
                        entity_name=entity["name"],
                        headcount_target=_round(first_headcount[pk] * TARGET),
                        tier=tier,
                        gender=gender,
                        headcount=count,
                        fte=Decimal(count),
                    )
                )
    SnapshotCount.objects.bulk_create(rows, batch_size=2000)
    GenderTarget.objects.bulk_create(
        [
            GenderTarget(year=years[0], tier=GenderTarget.Tier.TOP, share_percent=Decimal("25.0")),
            GenderTarget(year=years[0], tier=GenderTarget.Tier.MIDDLE, share_percent=Decimal("33.0")),
            GenderTarget(year=years[5], tier=GenderTarget.Tier.TOP, share_percent=Decimal("30.0")),
            GenderTarget(year=years[5], tier=GenderTarget.Tier.MIDDLE, share_percent=Decimal("40.0")),
        ]
    )
    out.write(f"leadership/monitoring: {len(rows)} snapshot cells for {years[0]}-{years[-1]}")
