"""The leave catalogue of the Flemish staff regulations (Vlaams personeelsstatuut, VPS), loaded
idempotently by the demo seed (and by a deployment through `leave_catalogue_load()`). Names are data
(Dutch, as the regulations name them); entitlements in working days for a full-time year."""

from deployability.leave.models import LeaveRight

Source = LeaveRight.Source

# code, name, source, legal basis, yearly entitlement, paid, half days allowed
RIGHTS = [
    ("jaarlijkse-vakantie", "Jaarlijkse vakantie", Source.OWN, "VPS, deel X, hoofdstuk 1", 35, True, True),
    (
        "dwingende-familiale-redenen",
        "Verlof om dwingende familiale redenen",
        Source.EU,
        "Richtlijn (EU) 2019/1158; VPS, deel X",
        10,
        True,
        True,
    ),
    ("omstandigheidsverlof", "Omstandigheidsverlof", Source.OWN, "VPS, deel X, hoofdstuk 3", None, True, False),
    (
        "moederschapsrust",
        "Moederschapsrust",
        Source.FEDERAL,
        "Arbeidswet van 16 maart 1971, art. 39",
        None,
        True,
        False,
    ),
    ("geboorteverlof", "Geboorteverlof", Source.FEDERAL, "Wet van 3 juli 1978, art. 30", None, True, False),
    (
        "ouderschapsverlof",
        "Ouderschapsverlof",
        Source.EU,
        "Richtlijn (EU) 2019/1158; KB van 29 oktober 1997",
        None,
        False,
        True,
    ),
]
FAVOUR = (
    "gunstverlof",
    "Gestandaardiseerd gunstverlof",
    "VPS, deel X (gestandaardiseerd gunstverlof; Modern HR-beleid, doelstelling 2)",
)


def leave_catalogue_load() -> int:
    """Create or refresh the catalogue; returns the number of rights."""
    for position, (code, name, source, basis, days, paid, halves) in enumerate(RIGHTS):
        LeaveRight.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "source": source,
                "legal_basis": basis,
                "yearly_entitlement_days": days,
                "paid": paid,
                "half_days_allowed": halves,
                "position": position,
            },
        )
    code, name, basis = FAVOUR
    LeaveRight.objects.update_or_create(
        code=code,
        defaults={
            "name": name,
            "source": Source.OWN,
            "legal_basis": basis,
            "yearly_entitlement_days": None,
            "is_favour_leave": True,
            "paid": False,
            "counts_as_service": True,
            "half_days_allowed": False,
            "position": len(RIGHTS),
        },
    )
    return len(RIGHTS) + 1
