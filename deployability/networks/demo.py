"""Demo learning networks: "Zin? Ja!" and talent policy, with members (demo-staff among them), coming
sessions and a shared practice."""

from datetime import date, timedelta

from deployability.networks.models import (
    LearningNetwork,
    NetworkMembership,
    NetworkSession,
    SessionRegistration,
    SharedPractice,
)
from hrportal.models import Staff

MEMBERS = 60


def seed_demo(*, rng, today: date, out) -> None:
    zin, _created = LearningNetwork.objects.get_or_create(
        name="Zin? Ja!",
        defaults={
            "theme": LearningNetwork.Theme.ZIN_JA,
            "description": "Lerend netwerk over zinvol langer werken: ervaren medewerkers en leidinggevenden "
            "delen hoe werk haalbaar en boeiend blijft.",
        },
    )
    talent, _created = LearningNetwork.objects.get_or_create(
        name="Lerend netwerk talentbeleid",
        defaults={
            "theme": LearningNetwork.Theme.TALENT,
            "description": "HR-medewerkers en leidinggevenden delen praktijken van talentbeleid.",
        },
    )
    me = Staff.objects.filter(user__username="demo-staff").first()
    hr = Staff.objects.filter(user__username="demo-hr").first()
    if me is None:
        return
    pool = list(
        Staff.objects.filter(is_active=True).exclude(pk=me.pk).order_by("id").values_list("id", flat=True)[:2000]
    )
    zin_members = [me.pk] + rng.sample(pool, min(MEMBERS, len(pool)))
    talent_members = ([hr.pk] if hr else []) + rng.sample(pool, min(MEMBERS // 2, len(pool)))
    NetworkMembership.objects.bulk_create(
        [NetworkMembership(network=zin, staff_id=s) for s in dict.fromkeys(zin_members)]
        + [NetworkMembership(network=talent, staff_id=s) for s in dict.fromkeys(talent_members)],
        ignore_conflicts=True,
    )
    sessions = NetworkSession.objects.bulk_create(
        [
            NetworkSession(
                network=zin, title="Ervaring doorgeven", on=today + timedelta(days=10), place="Brussel", capacity=25
            ),
            NetworkSession(
                network=zin, title="Werkbaar werk na 55", on=today + timedelta(days=40), place="Gent", capacity=3
            ),
            NetworkSession(
                network=talent, title="Talentgesprekken", on=today + timedelta(days=21), place="Online", capacity=40
            ),
        ]
    )
    SessionRegistration.objects.bulk_create(
        [SessionRegistration(session=sessions[0], staff_id=s) for s in zin_members[:12]]
        + [SessionRegistration(session=sessions[1], staff_id=s) for s in zin_members[1:4]],
        ignore_conflicts=True,
    )
    SharedPractice.objects.create(
        network=zin,
        author_id=zin_members[1],
        title="Peter- en meterschap voor nieuwe collega's",
        text="Ervaren collega's begeleiden nieuwkomers een half jaar: zij geven kennis door en vinden er zelf "
        "nieuwe zin in hun werk.",
    )
    out.write(f"deployability networks: 2 networks, {len(set(zin_members)) + len(set(talent_members))} members.")
