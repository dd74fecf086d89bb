"""Random markets in two shapes: the scalar engine's objects and the vectorised engine's arrays.

Periods are short and shares and levels few, so that ties (equal scores, broken by the older offer) and
values ending in exactly .5 (rounded half to even) are frequent.
"""

import random
from datetime import date, timedelta

from mobility.marketplace.matching.market import Offers, Requests
from tests.mobility.marketplace.scalar_matching import OfferData, RequestData

BASE = date(2026, 3, 1)


def random_market(rng: random.Random, *, offers: int, requests: int, competencies: int = 8):
    comps = list(range(101, 101 + competencies))
    staff = list(range(1, max(4, offers // 3)))
    homes = [7, 8, 9]
    scalar_offers, offer_rows, offer_comp_rows = {}, [], []
    oid = 0
    for _ in range(offers):
        oid += rng.randint(1, 3)
        start = BASE + timedelta(days=rng.randint(0, 30))
        end = start + timedelta(days=rng.choice([0, 5, 20, 39, 60, 120]))
        item = OfferData(
            oid, rng.choice(staff), rng.choice(homes), rng.random() < 0.2, start, end, rng.choice([10, 20, 50, 100])
        )
        for cid in rng.sample(comps, rng.randint(1, min(5, competencies))):
            item.competencies[cid] = rng.randint(1, 4)
            offer_comp_rows.append((oid, cid, item.competencies[cid]))
        scalar_offers[oid] = item
        offer_rows.append((oid, item.staff_id, item.home_entity_id, item.own_entity_only, start.toordinal(),
                           end.toordinal(), item.share))  # fmt: skip
    index: dict[int, list] = {}
    for item in scalar_offers.values():
        for cid, level in item.competencies.items():
            index.setdefault(cid, []).append((item.id, level))
    scalar_requests, request_rows, request_comp_rows = [], [], []
    for rid in range(1, requests + 1):
        start = BASE + timedelta(days=rng.randint(0, 40))
        end = start + timedelta(days=rng.choice([0, 1, 3, 7, 11, 39, 40, 99]))
        item = RequestData(rid, rng.choice(staff), rng.choice(homes), start, end, rng.choice([10, 20, 50]))
        chosen = rng.sample(comps, rng.randint(1, min(6, competencies)))
        n_required = rng.choice([0, 1, 1, 2, 2, 3, 3, 4]) if rid > 1 else 0  # the first request: none required
        for n, cid in enumerate(chosen):
            level = rng.randint(1, 4)
            (item.required if n < n_required else item.nice).append((cid, level))
            request_comp_rows.append((rid, cid, level, n < n_required))
        scalar_requests.append(item)
        request_rows.append((rid, item.owner_id, item.home_entity_id, start.toordinal(), end.toordinal(), item.share))
    return (
        (scalar_requests, scalar_offers, index),
        (Requests.build(request_rows, request_comp_rows), Offers.build(offer_rows, offer_comp_rows)),
    )


def store_random_market(rng: random.Random, *, offers: int, requests: int) -> None:
    """A random market in the database (offers, requests, their competencies), for the job tests."""
    from django.utils import timezone

    from hrportal.models import Competency, Entity
    from mobility.models import TalentOffer, TalentRequest, TalentRequestCompetency
    from tests.factories import EntityFactory, StaffFactory

    today = timezone.localdate()
    first, second = EntityFactory(), EntityFactory()
    division = EntityFactory(kind=Entity.Kind.DIVISION, parent=first)
    entities = [first, second, division]
    people = [StaffFactory(entity=rng.choice(entities)) for _ in range(10)]
    comps = list(Competency.objects.order_by("pk").values_list("pk", flat=True)[:5])
    for _ in range(offers):
        offer_add(rng, people, comps, today)
    for _ in range(requests):
        start = today + timedelta(days=rng.randint(0, 15))
        item = TalentRequest.objects.create(
            owner=rng.choice(people), entity=rng.choice(entities), title="Vraag", description="-",
            time_share_percent=rng.choice([10, 20, 50]), start=start,
            end=start + timedelta(days=rng.choice([0, 3, 9, 39, 79])),
            closing_date=today + timedelta(days=rng.randint(0, 3)),
        )  # fmt: skip
        chosen = rng.sample(comps, rng.randint(1, 4))
        n_required = rng.randint(1, min(3, len(chosen)))
        TalentRequestCompetency.objects.bulk_create(
            TalentRequestCompetency(request=item, competency_id=cid, level=rng.randint(1, 4), required=n < n_required)
            for n, cid in enumerate(chosen)
        )
    assert TalentOffer.objects.exists() or not offers


def offer_add(rng: random.Random, people, comps, today):
    from mobility.models import TalentOffer, TalentOfferCompetency

    start = today - timedelta(days=rng.randint(0, 20))
    offer = TalentOffer.objects.create(
        staff=rng.choice(people), title="Aanbod", time_share_percent=rng.choice([10, 20, 50, 100]), start=start,
        end=start + timedelta(days=rng.choice([25, 30, 60, 120])),
        where=TalentOffer.Where.OWN_ENTITY if rng.random() < 0.25 else TalentOffer.Where.ANY_ENTITY,
    )  # fmt: skip
    TalentOfferCompetency.objects.bulk_create(
        TalentOfferCompetency(offer=offer, competency_id=cid, level=rng.randint(1, 4))
        for cid in rng.sample(comps, rng.randint(1, 4))
    )
    return offer
