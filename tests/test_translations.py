"""Django merges the apps' catalogs into one: for a text without a context, the first catalog that has it
(the core's, then INSTALLED_APPS in order) decides what every page shows. Two catalogs translating the same
text differently means one app silently shows the other's word; a text that must differ needs a context
(`pgettext`)."""

import gettext
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def catalogs() -> dict[str, dict]:
    found = {}
    for mo in sorted(ROOT.glob("**/locale/nl/LC_MESSAGES/django.mo")):
        if ".venv" in mo.parts or "node_modules" in mo.parts:
            continue
        with mo.open("rb") as handle:
            found[str(mo.relative_to(ROOT))] = gettext.GNUTranslations(handle)._catalog
    return found


def test_every_compiled_catalog_matches_its_source(tmp_path):
    """The pages use the .mo files: one compiled before the last edit of its .po shows the old words."""
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt (GNU gettext) is needed to compile the catalogs: apt-get install gettext"
    for po in ROOT.glob("**/locale/nl/LC_MESSAGES/django.po"):
        if ".venv" in po.parts or "node_modules" in po.parts:
            continue
        fresh = tmp_path / "fresh.mo"
        subprocess.run([msgfmt, "--check-format", "-o", str(fresh), str(po)], check=True)
        with fresh.open("rb") as handle:
            expected = gettext.GNUTranslations(handle)._catalog
        with po.with_suffix(".mo").open("rb") as handle:
            compiled = gettext.GNUTranslations(handle)._catalog
        assert compiled == expected, f"{po.relative_to(ROOT)} changed since it was compiled (make messages)"


def test_a_text_has_one_dutch_translation_across_the_apps():
    translations = defaultdict(dict)
    for name, catalog in catalogs().items():
        for msgid, msgstr in catalog.items():
            if msgid and msgstr:
                translations[msgid][name] = msgstr
    conflicts = {msgid: per for msgid, per in translations.items() if len(set(map(str, per.values()))) > 1}
    assert not conflicts, "translated differently by two catalogs (use one word, or pgettext):\n" + "\n".join(
        f"{msgid!r}: {per}" for msgid, per in sorted(conflicts.items(), key=str)
    )
