"""Demo records of the international part: the 2013 pilots of seed 001, a call open today, external
mobility and the detachment register. Bulk inserts; a handful of rows whatever the organisation's size."""

from datetime import timedelta
from decimal import Decimal

from django.db.models import Q

from hrportal.data.demo import AGO_CODE
from hrportal.models import Entity, Staff, User
from mobility.international.services import share_of, stay_last_day
from mobility.models import (
    Detachment,
    ExpenseClaim,
    ExternalApplicant,
    ExternalVacancy,
    HostOrganisation,
    MobilityApplication,
    MobilityCall,
)

Status = MobilityApplication.Status


def _call(title, kind, opens_on, closes_on, levels, min_months, max_months, central, description=""):
    return MobilityCall(
        title=title,
        kind=kind,
        description=description,
        opens_on=opens_on,
        closes_on=closes_on,
        eligible_levels=levels,
        min_months=min_months,
        max_months=max_months,
        created_by=central,
    )


def seed_international(*, rng, today, out) -> None:
    central = User.objects.filter(username="demo-central").first()
    member = Staff.objects.filter(user__username="demo-staff").select_related("line_manager").first()
    ago = Entity.objects.filter(code=AGO_CODE).first()
    if member is None or ago is None:
        return
    ago_staff = list(
        Staff.objects.filter(Q(entity=ago) | Q(entity__parent=ago), is_active=True)
        .exclude(pk=member.pk)
        .exclude(user__isnull=False)
        .order_by("id")
        .values_list("id", "level")[:40]
    )
    others = list(
        Staff.objects.exclude(Q(entity=ago) | Q(entity__parent=ago))
        .filter(level="A", is_active=True)
        .order_by("id")
        .values_list("id", flat=True)[:60]
    )
    pilots_year = today.year - 1
    calls = MobilityCall.objects.bulk_create(
        [
            _call(
                f"Uitwisseling met de Nederlandse overheid {pilots_year}",
                MobilityCall.Kind.EXCHANGE,
                today.replace(year=pilots_year, month=3, day=1),
                today.replace(year=pilots_year, month=3, day=31),
                "A",
                1,
                6,
                central,
                "Samenwerking in concrete dossiers en kennismaking met een andere beleidscultuur.",
            ),
            _call(
                f"Werkbezoeken buitenlandkantoren {pilots_year}",
                MobilityCall.Kind.WORK_VISIT,
                today.replace(year=pilots_year, month=4, day=1),
                today.replace(year=pilots_year, month=4, day=30),
                "A",
                1,
                3,
                central,
                "Departement Internationaal Vlaanderen, FIT en Toerisme Vlaanderen.",
            ),
            _call(
                f"Uitwisseling met de Nederlandse overheid {today.year}",
                MobilityCall.Kind.EXCHANGE,
                today - timedelta(days=14),
                today + timedelta(days=45),
                "ABCD",
                1,
                6,
                central,
                "Hernomen en verruimd naar niveaus B, C en D; langere kandidaatstelling.",
            ),
        ]
    )
    exchange, visits, current = calls
    hosts = HostOrganisation.objects.bulk_create(
        [HostOrganisation(call=exchange, name=n) for n in ("Ministerie van BZK", "Ministerie van Financiën")]
        + [HostOrganisation(call=visits, name=n) for n in ("FIT New York", "Toerisme Vlaanderen Londen", "DIV Parijs")]
        + [HostOrganisation(call=current, name=n) for n in ("Ministerie van BZK", "Rijkswaterstaat")]
    )
    by_call = {}
    for host in hosts:
        by_call.setdefault(host.call_id, []).append(host)

    applicants = [sid for sid, level in ago_staff if level == "A"][:6] + others
    applications = []
    # 2013-like exchange: two green lights, two counterparts sought, one waiting for a host (a forester).
    statuses = [Status.HOST_APPROVED, Status.HOST_APPROVED, Status.COUNTERPART_SOUGHT, Status.COUNTERPART_SOUGHT]
    statuses.append(Status.AWAITING_HOST)
    for index, status in enumerate(statuses[: len(applicants)]):
        start = exchange.closes_on + timedelta(days=60 + 7 * index)
        applications.append(
            MobilityApplication(
                call=exchange,
                staff_id=applicants[index],
                host=by_call[exchange.pk][index % 2] if status == Status.HOST_APPROVED else None,
                start=start,
                end=stay_last_day(start, rng.choice([1, 2, 3, 6])),
                status=status,
            )
        )
    for index in range(max(0, min(8, len(applicants) - 5))):
        start = visits.closes_on + timedelta(days=45 + 5 * index)
        applications.append(
            MobilityApplication(
                call=visits,
                staff_id=applicants[5 + index],
                host=by_call[visits.pk][index % 3],
                start=start,
                end=stay_last_day(start, rng.choice([1, 2, 3])),
                status=Status.HOST_APPROVED if index < 3 else Status.AWAITING_HOST,
            )
        )
    start = current.closes_on + timedelta(days=30)
    applications.append(
        MobilityApplication(
            call=current,
            staff=member,
            host=by_call[current.pk][0],
            start=start,
            end=stay_last_day(start, 1),
            motivation="Ik wil de Nederlandse aanpak van dossiers leren kennen.",
            status=Status.SUBMITTED,
        )
    )
    applications = MobilityApplication.objects.bulk_create(applications)
    claims = []
    for application in applications:
        if application.status != Status.HOST_APPROVED:
            continue
        for kind, amount in (
            (ExpenseClaim.Kind.TRAVEL, rng.randint(150, 900)),
            (ExpenseClaim.Kind.STAY, rng.randint(800, 4000)),
        ):
            amount = Decimal(amount)
            claims.append(
                ExpenseClaim(
                    application=application,
                    kind=kind,
                    claim_date=min(application.end, today),
                    amount=amount,
                    description=str(kind.label),
                    reimbursed_percent=50,
                    reimbursed_amount=share_of(amount, 50),
                )
            )
    ExpenseClaim.objects.bulk_create(claims)

    vacancies = ExternalVacancy.objects.bulk_create(
        [
            ExternalVacancy(
                title="Beleidsmedewerker HR-beleid", entity=ago, level="A", closes_on=today + timedelta(days=30)
            ),
            ExternalVacancy(
                title="Dossierbeheerder personeelsadministratie",
                entity=ago,
                level="C",
                closes_on=today + timedelta(days=20),
            ),
        ]
    )
    ExternalApplicant.objects.bulk_create(
        [
            ExternalApplicant(
                vacancy=vacancies[0],
                first_name="Lotte",
                last_name="Peeters",
                email="lotte.peeters@gent.example",
                origin=ExternalApplicant.Origin.LOCAL_GOVERNMENT,
                employer="Stad Gent",
                permanently_appointed=True,
                seniority_years=12,
                seniority_months=4,
                selection=ExternalApplicant.Selection.PASSED,
                selection_date=today - timedelta(days=3),
                selection_note="Verkorte selectie: gesprek met de selectiecommissie.",
            ),
            ExternalApplicant(
                vacancy=vacancies[0],
                first_name="Jonas",
                last_name="Maes",
                email="jonas.maes@onderwijs.example",
                origin=ExternalApplicant.Origin.EDUCATION_INSPECTION,
                employer="Onderwijsinspectie",
                permanently_appointed=True,
                seniority_years=8,
                seniority_months=0,
            ),
            ExternalApplicant(
                vacancy=vacancies[1],
                first_name="Sara",
                last_name="Claes",
                email="sara.claes@parlement.example",
                origin=ExternalApplicant.Origin.FLEMISH_PARLIAMENT,
                employer="Vlaams Parlement",
                permanently_appointed=True,
                seniority_years=5,
                seniority_months=9,
            ),
        ]
    )
    institutions = [
        ("Europese Commissie", "België", False),
        ("OESO", "Frankrijk", True),
        ("Raad van Europa", "Frankrijk", False),
        ("UNESCO", "Frankrijk", False),
    ]
    detached = [ago_staff[-1][0]] + others[-3:] if ago_staff else others[-4:]
    detachments = []
    for staff_id, (institution, country, pays) in zip(detached, institutions, strict=False):
        cost = Decimal(rng.randint(60, 110) * 1000)
        detachments.append(
            Detachment(
                staff_id=staff_id,
                institution=institution,
                country=country,
                start=today - timedelta(days=rng.randint(30, 700)),
                end=today + timedelta(days=rng.randint(90, 900)),
                annual_salary_cost=cost,
                institution_pays_salary=pays,
                compensated_percent=50,
                compensation_amount=Decimal("0.00") if pays else share_of(cost, 50),
                created_by=central,
            )
        )
    Detachment.objects.bulk_create(detachments)
    out.write(
        f"International mobility: {len(calls)} calls, {len(applications)} applications, {len(claims)} claims, "
        f"{len(vacancies)} external vacancies, {len(detachments)} detachments."
    )
