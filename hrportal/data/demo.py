"""Names and structures for the demo organisation (public facts: the Flemish policy domains and agencies)."""

AGO_CODE = "ago"

# (code, policy domain, [(entity code, entity name), ...]); the first entities are used first.
POLICY_DOMAINS = [
    (
        "kb",
        "Kanselarij en Bestuur",
        [
            (AGO_CODE, "Agentschap Overheidspersoneel"),
            ("dkb", "Departement Kanselarij en Bestuur"),
            ("abb", "Agentschap Binnenlands Bestuur"),
            ("fb", "Agentschap Facilitair Bedrijf"),
            ("digv", "Digitaal Vlaanderen"),
            ("sv", "Statistiek Vlaanderen"),
        ],
    ),
    (
        "fb-dom",
        "Financiën en Begroting",
        [
            ("dfb", "Departement Financiën en Begroting"),
            ("vlabel", "Vlaamse Belastingdienst"),
        ],
    ),
    (
        "iv",
        "Internationaal Vlaanderen",
        [
            ("div", "Departement Internationaal Vlaanderen"),
            ("fit", "Flanders Investment & Trade"),
            ("tv", "Toerisme Vlaanderen"),
        ],
    ),
    (
        "ewi",
        "Economie, Wetenschap en Innovatie",
        [
            ("dewi", "Departement Economie, Wetenschap en Innovatie"),
            ("vlaio", "Agentschap Innoveren en Ondernemen"),
        ],
    ),
    (
        "ov",
        "Onderwijs en Vorming",
        [
            ("dov", "Departement Onderwijs en Vorming"),
            ("agodi", "Agentschap voor Onderwijsdiensten"),
            ("insp", "Onderwijsinspectie"),
        ],
    ),
    (
        "wvg",
        "Welzijn, Volksgezondheid en Gezin",
        [
            ("dwvg", "Departement Zorg"),
            ("opgroeien", "Opgroeien"),
            ("zorg", "Agentschap Zorg en Gezondheid"),
        ],
    ),
    ("cjm", "Cultuur, Jeugd en Media", [("dcjm", "Departement Cultuur, Jeugd en Media")]),
    ("wse", "Werk en Sociale Economie", [("dwse", "Departement Werk en Sociale Economie")]),
    ("lv", "Landbouw en Visserij", [("dlv", "Departement Landbouw en Visserij")]),
    (
        "omg",
        "Omgeving",
        [
            ("domg", "Departement Omgeving"),
            ("anb", "Agentschap Natuur en Bos"),
            ("vmm", "Vlaamse Milieumaatschappij"),
        ],
    ),
    (
        "mow",
        "Mobiliteit en Openbare Werken",
        [
            ("dmow", "Departement Mobiliteit en Openbare Werken"),
            ("awv", "Agentschap Wegen en Verkeer"),
            ("mdk", "Agentschap Maritieme Dienstverlening en Kust"),
        ],
    ),
]

FEMALE_FIRST_NAMES = [
    "An",
    "Annelies",
    "Els",
    "Sofie",
    "Lies",
    "Katrien",
    "Nathalie",
    "Sarah",
    "Inge",
    "Veerle",
    "Ellen",
    "Hilde",
    "Griet",
    "Lotte",
    "Emma",
    "Marie",
    "Nora",
    "Fatima",
    "Leen",
    "Karolien",
    "Eva",
    "Charlotte",
]
MALE_FIRST_NAMES = [
    "Jan",
    "Pieter",
    "Koen",
    "Bart",
    "Tom",
    "Wim",
    "Stijn",
    "Geert",
    "Dirk",
    "Jeroen",
    "Thomas",
    "Lucas",
    "Wouter",
    "Kris",
    "Filip",
    "Mohamed",
    "Steven",
    "Joris",
    "Bram",
    "Pieterjan",
    "Johan",
    "Dries",
]
LAST_NAMES = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Lambert",
    "Dupont",
    "Martens",
    "Vermeulen",
    "Pauwels",
    "Hermans",
    "Aerts",
    "Van Damme",
    "De Backer",
    "Verhoeven",
    "Stevens",
    "Smets",
    "Coppens",
    "De Clercq",
    "Van den Broeck",
    "Vandenberghe",
    "De Wilde",
    "Michiels",
    "Segers",
    "Desmet",
    "Lemmens",
    "Leroy",
    "Van de Velde",
    "Bogaert",
    "Cools",
]

_FAMILY_FUNCTIONS = {
    "middenkader": [("Afdelingshoofd", 17), ("Algemeen directeur", 18)],
    "lager-kader": [("Diensthoofd", 14), ("Teamverantwoordelijke", 15)],
    "operationeel-leidinggevend": [("Ploegleider", 12), ("Teamcoördinator", 12)],
    "projectmanagement": [("Projectleider", 15), ("Programmamanager", 16)],
    "administratieve-ondersteuning": [("Administratief medewerker", 9), ("Directiesecretaris", 10)],
    "controle-audit": [("Interne auditor", 14), ("Inspecteur", 13)],
    "dossierbehandeling-extern": [("Dossierbehandelaar", 10), ("Dossierbeheerder subsidies", 11)],
    "dossier-databeheer": [("Databeheerder", 11), ("Data-analist", 13)],
    "klantenadvies": [("Klantenadviseur", 9), ("Klantenconsulent", 11)],
    "organisatieondersteuning": [("HR-consulent", 12), ("Financieel deskundige", 13)],
    "themadeskundigen": [("Themadeskundige", 13), ("Senior themadeskundige", 16)],
    "technisch-specialisten": [("ICT-specialist", 14), ("Ingenieur", 15), ("Technicus", 11)],
    "praktische-uitvoering": [("Boswachter", 10), ("Wegenwerker", 8), ("Logistiek medewerker", 7)],
    "beleidsfuncties": [("Beleidsmedewerker", 13), ("Senior beleidsadviseur", 16)],
    "onderzoeksfuncties": [("Onderzoeker", 14), ("Wetenschappelijk attaché", 16)],
}
# Jobs that cannot be done elsewhere (SPEC 4): not teleworkable.
_NOT_TELEWORKABLE = [
    ("Loods", "praktische-uitvoering", 12),
    ("Schoonmaakmedewerker", "praktische-uitvoering", 7),
    ("Cateringmedewerker", "praktische-uitvoering", 7),
    ("Onthaalmedewerker", "klantenadvies", 8),
    ("Bode", "administratieve-ondersteuning", 7),
    ("Magazijnier", "praktische-uitvoering", 8),
]


def demo_functions() -> list[tuple[str, str | None, int, bool]]:
    """(name, family code, function class, teleworkable); top management sits outside the families."""
    functions = [("Leidend ambtenaar", None, 20, True), ("Secretaris-generaal", None, 20, True)]
    for family, entries in _FAMILY_FUNCTIONS.items():
        functions.extend(
            (name, family, function_class, family != "praktische-uitvoering") for name, function_class in entries
        )
    functions.extend((name, family, function_class, False) for name, family, function_class in _NOT_TELEWORKABLE)
    return functions
