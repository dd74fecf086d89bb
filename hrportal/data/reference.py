"""Organisation-wide reference data, loaded by a data migration: the 2013 competency dictionary, the
function families of the function-level matrix, and the HR action portfolio of 001_'s annex."""

import json
from pathlib import Path

COMPETENCY_CLUSTERS = [
    (
        "person",
        "Persoonsgebonden",
        "Person",
        [
            ("verantwoordelijkheid", "Verantwoordelijkheid nemen", "Taking responsibility"),
            ("flexibiliteit", "Flexibiliteit", "Flexibility"),
            ("zelfontwikkeling", "Zelfontwikkeling", "Self-development"),
        ],
    ),
    (
        "interaction",
        "Interactiegericht",
        "Interaction",
        [
            ("communiceren", "Communiceren", "Communicating"),
            ("overtuigen", "Overtuigen", "Persuading"),
            ("assertiviteit", "Assertiviteit", "Assertiveness"),
            ("empathie", "Empathie", "Empathy"),
            ("samenwerken", "Samenwerken", "Cooperating"),
            ("netwerken", "Netwerken", "Networking"),
        ],
    ),
    (
        "thinking",
        "Denkgericht",
        "Thinking",
        [
            ("analyseren", "Analyseren", "Analysis"),
            ("oordeelsvorming", "Oordeelsvorming", "Judgement"),
            ("visie", "Visie", "Vision"),
        ],
    ),
    (
        "solution",
        "Oplossingsgericht",
        "Solution",
        [
            ("beslissen", "Beslissen", "Deciding"),
            ("resultaatgerichtheid", "Resultaatgerichtheid", "Result orientation"),
            ("initiatief", "Initiatief", "Initiative"),
            ("innoveren", "Innoveren", "Innovating"),
            ("klantgerichtheid", "Klantgerichtheid", "Customer orientation"),
        ],
    ),
    (
        "management",
        "Leidinggevend",
        "Management",
        [
            ("plannen-organiseren", "Plannen en organiseren", "Planning and organising"),
            ("delegeren", "Delegeren", "Delegating"),
            ("richting-geven", "Richting geven", "Giving direction"),
            ("voortgangscontrole", "Voortgangscontrole", "Progress control"),
            ("nauwkeurigheid", "Nauwkeurigheid", "Accuracy"),
            ("coachen", "Coachen", "Coaching"),
        ],
    ),
]

BEHAVIOUR_LEVELS = {
    1: "Toont dit gedrag in eenvoudige, vertrouwde situaties binnen de eigen taken.",
    2: "Toont dit gedrag in wisselende situaties binnen de eigen functie, zelfstandig.",
    3: "Toont dit gedrag in complexe situaties en ondersteunt anderen erin.",
    4: "Toont dit gedrag op het niveau van de organisatie en vertaalt het in beleid.",
}

FUNCTION_FAMILIES = [
    # code, Dutch, English, management family
    ("middenkader", "Middenkader", "Middle management", True),
    ("lager-kader", "Lager kader", "Lower management", True),
    ("operationeel-leidinggevend", "Operationeel leidinggevenden", "Operational leadership", True),
    ("projectmanagement", "Projectmanagement", "Project management", False),
    ("administratieve-ondersteuning", "Administratieve ondersteuning", "Administrative support", False),
    ("controle-audit", "Controle en audit", "Control and audit", False),
    (
        "dossierbehandeling-extern",
        "Dossierbehandelaars externe aanvragen",
        "Case handlers for external requests",
        False,
    ),
    ("dossier-databeheer", "Dossier- en databeheerders", "Case and data managers", False),
    ("klantenadvies", "Klantenadviseurs", "Customer advisers", False),
    ("organisatieondersteuning", "Organisatieondersteuning", "Organisational support", False),
    ("themadeskundigen", "Themadeskundigen", "Theme specialists", False),
    ("technisch-specialisten", "Technisch specialisten", "Technical specialists", False),
    ("praktische-uitvoering", "Praktische uitvoering", "Practical execution", False),
    ("beleidsfuncties", "Beleidsfuncties", "Policy functions", False),
    ("onderzoeksfuncties", "Onderzoeksfuncties", "Research functions", False),
]

PORTFOLIO_FILE = Path(__file__).with_name("portfolio_2013.json")


def portfolio_actions() -> list[dict]:
    return json.loads(PORTFOLIO_FILE.read_text(encoding="utf-8"))


def load_reference_data(apps) -> None:
    """Idempotent: safe to run on a database that already holds (part of) the data."""
    Cluster = apps.get_model("hrportal", "CompetencyCluster")
    Competency = apps.get_model("hrportal", "Competency")
    BehaviourLevel = apps.get_model("hrportal", "CompetencyBehaviourLevel")
    Family = apps.get_model("hrportal", "FunctionFamily")
    Action = apps.get_model("hrportal", "PortfolioAction")

    for position, (code, name, name_en, competencies) in enumerate(COMPETENCY_CLUSTERS):
        cluster, _ = Cluster.objects.update_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "position": position}
        )
        for comp_code, comp_name, comp_en in competencies:
            competency, _ = Competency.objects.update_or_create(
                code=comp_code, defaults={"cluster": cluster, "name": comp_name, "name_en": comp_en}
            )
            for level, text in BEHAVIOUR_LEVELS.items():
                BehaviourLevel.objects.update_or_create(
                    competency=competency, level=level, defaults={"description": text}
                )
    for position, (code, name, name_en, is_management) in enumerate(FUNCTION_FAMILIES):
        Family.objects.update_or_create(
            code=code,
            defaults={"name": name, "name_en": name_en, "is_management": is_management, "position": position},
        )
    for action in portfolio_actions():
        Action.objects.update_or_create(
            code=action["code"],
            defaults={
                key: action[key]
                for key in (
                    "objective",
                    "title",
                    "title_en",
                    "description",
                    "sponsor",
                    "status",
                    "continues",
                    "term",
                    "planned_start",
                    "planned_end",
                    "status_text",
                )
            },
        )
