"""Texts stored untranslated and put into the reader's language when a page or file is rendered.

Report results, audit descriptions and chart titles are stored as JSON. A text in them is either data
(an entity's name: stored as is) or a message of the interface, stored as its msgid with its parameters:

    text("Teleworkers per weekday in %(year)s", year=2026)  ->  {"msgid": "...", "params": {"year": 2026}}
    gettext_lazy("Done")                                        ->  {"msgid": "Done"}  (see `storable`)

`localize(value)` walks such a structure and translates every message into the active language.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext


def text(msgid: str, *, context: str | None = None, **params) -> dict:
    """A message of the interface with its parameters, to be translated when it is shown."""
    value = {"msgid": msgid}
    if context:
        value["context"] = context
    if params:
        value["params"] = {key: storable(v) for key, v in params.items()}
    return value


def _msgid_of(promise: Promise) -> dict | None:
    # gettext_lazy("…") keeps its arguments: the msgid, or for pgettext_lazy the context and the msgid.
    args = getattr(promise, "_args", ())
    if len(args) == 1 and isinstance(args[0], str):
        return {"msgid": args[0]}
    if len(args) == 2 and all(isinstance(a, str) for a in args):
        return {"msgid": args[1], "context": args[0]}
    return None


def storable(value):
    """`value` made JSON-storable with its messages kept untranslated (lazy strings become msgids)."""
    if isinstance(value, Promise):
        return _msgid_of(value) or str(value)
    if isinstance(value, dict):
        return {str(k): storable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [storable(v) for v in value]
    return value


def is_message(value) -> bool:
    return isinstance(value, dict) and "msgid" in value and set(value) <= {"msgid", "params", "context"}


def localize(value):
    """Every message in `value` translated into the active language; data left as it is."""
    if is_message(value):
        msgid = value["msgid"]
        translated = pgettext(value["context"], msgid) if value.get("context") else gettext(msgid)
        params = value.get("params")
        if params:
            try:
                return translated % {k: localize(v) for k, v in params.items()}
            except (KeyError, TypeError, ValueError):  # a catalogue with a broken placeholder: the source text
                return msgid % {k: localize(v) for k, v in params.items()}
        return translated
    if isinstance(value, dict):
        return {k: localize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [localize(v) for v in value]
    return value
