"""The catalogue of leave rights and the standardised favour leave, so that a deployment has it after migrate
(the demo seed refreshes it with the same function)."""

from django.db import migrations


def load(apps, schema_editor):
    from deployability.leave.services import FAVOUR, RIGHTS

    LeaveRight = apps.get_model("deployability", "LeaveRight")
    for position, (code, name, source, basis, days, paid, halves) in enumerate(RIGHTS):
        LeaveRight.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "source": str(source),
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
            "source": "own",
            "legal_basis": basis,
            "yearly_entitlement_days": None,
            "is_favour_leave": True,
            "paid": False,
            "counts_as_service": True,
            "half_days_allowed": False,
            "position": len(RIGHTS),
        },
    )


class Migration(migrations.Migration):
    dependencies = [("deployability", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
