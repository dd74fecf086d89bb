"""Learning networks: joining, registering for a session within its places, sharing a practice with a
small file of an allowed type."""

import re
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from deployability.networks.models import (
    PRACTICE_TEXT_MAX_LENGTH,
    LearningNetwork,
    NetworkMembership,
    NetworkSession,
    SessionRegistration,
    SharedPractice,
)
from deployability.networks.permissions import can_manage_networks
from hrportal.audit.services import audit_record
from hrportal.inputs import date_check_bounds, unique_or_invalid
from hrportal.jobs import job_enqueue
from hrportal.parameters.selectors import parameter, snapshot
from hrportal.roles import staff_of

FILE_MAX_KEY = "deployability.networks.practice_file_max_kb"
# Documents people share; no executables, archives or HTML (served back to other members).
ALLOWED_TYPES = {
    ".pdf": "application/pdf",
    ".txt": "text/plain",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# The first bytes each type must start with: a renamed file of another kind is refused.
SIGNATURES = {".pdf": b"%PDF", ".odt": b"PK", ".docx": b"PK", ".pptx": b"PK", ".xlsx": b"PK"}


def _me(actor):
    me = staff_of(actor)
    if me is None or not me.is_active:
        raise PermissionDenied
    return me


SESSION_MAX_PLACES = 1000


@transaction.atomic
def network_create(*, actor, name: str, theme: str, description: str = "") -> LearningNetwork:
    """Central HR creates a learning network ("Zin? Ja!" or talent policy)."""
    if not can_manage_networks(actor):
        raise PermissionDenied
    name, description = (name or "").strip(), (description or "").strip()
    errors = {}
    if not name:
        errors["name"] = _("Give the network a name.")
    elif len(name) > 150:
        errors["name"] = _("A name has at most 150 characters.")
    elif LearningNetwork.objects.filter(name__iexact=name).exists():
        errors["name"] = _("A network with this name already exists.")
    if theme not in LearningNetwork.Theme.values:
        errors["theme"] = _("Choose a theme.")
    if len(description) > PRACTICE_TEXT_MAX_LENGTH:
        errors["description"] = _("A description has at most %(n)s characters.") % {"n": PRACTICE_TEXT_MAX_LENGTH}
    if errors:
        raise ValidationError(errors)
    with unique_or_invalid(_("A network with this name already exists."), field="name"):
        network = LearningNetwork.objects.create(name=name, theme=theme, description=description)
    audit_record(
        actor=actor, action="deployability.networks.created", target=network, after={"name": name, "theme": theme}
    )
    return network


@transaction.atomic
def session_plan(*, actor, network_id: int, title: str, on, place: str = "", capacity: int) -> NetworkSession:
    """Central HR plans a session of an active network: a title, a date from today on, a place and 1 to
    1,000 places."""
    if not can_manage_networks(actor):
        raise PermissionDenied
    network = LearningNetwork.objects.select_for_update().get(pk=network_id)
    title, place = (title or "").strip(), (place or "").strip()
    errors = {}
    if not network.is_active:
        errors["network"] = _("This network is no longer active.")
    if not title:
        errors["title"] = _("Give the session a title.")
    elif len(title) > 200:
        errors["title"] = _("A title has at most 200 characters.")
    if len(place) > 200:
        errors["place"] = _("A place has at most 200 characters.")
    if on is None:
        errors["on"] = _("Give the date of the session.")
    else:
        try:
            date_check_bounds(field="on", value=on)
        except ValidationError as error:
            errors.update(error.message_dict)
        else:
            if on < timezone.localdate():
                errors["on"] = _("A session is planned from today on.")
    if capacity is None or not 1 <= capacity <= SESSION_MAX_PLACES:
        errors["capacity"] = _("A session has 1 to %(max)s places.") % {"max": SESSION_MAX_PLACES}
    if errors:
        raise ValidationError(errors)
    session = NetworkSession.objects.create(network=network, title=title, on=on, place=place, capacity=capacity)
    audit_record(
        actor=actor,
        action="deployability.networks.session_planned",
        target=session,
        after={"network": network.pk, "on": on, "capacity": capacity},
    )
    return session


@transaction.atomic
def network_join(*, actor, network_id: int) -> NetworkMembership:
    me = _me(actor)
    network = LearningNetwork.objects.get(pk=network_id)
    if not network.is_active:
        raise ValidationError(_("This network no longer takes new members."))
    existing = NetworkMembership.objects.filter(network=network, staff=me).first()
    if existing is not None:
        return existing
    with unique_or_invalid(_("You are already a member."), field=None):
        membership = NetworkMembership.objects.create(network=network, staff=me)
    audit_record(actor=actor, action="deployability.networks.joined", target=network, staff=me)
    return membership


@transaction.atomic
def network_leave(*, actor, network_id: int) -> None:
    me = _me(actor)
    deleted, _rows = NetworkMembership.objects.filter(network_id=network_id, staff=me).delete()
    if deleted:
        network = LearningNetwork.objects.get(pk=network_id)
        audit_record(actor=actor, action="deployability.networks.left", target=network, staff=me)


@transaction.atomic
def session_register(*, actor, session_id: int) -> SessionRegistration:
    """A member takes a place; the session row is locked so two people cannot take the last place."""
    me = _me(actor)
    session = NetworkSession.objects.select_for_update().select_related("network").get(pk=session_id)
    if not NetworkMembership.objects.filter(network_id=session.network_id, staff=me).exists():
        raise ValidationError(_("Join the network to register for its sessions."))
    if session.on < timezone.localdate():
        raise ValidationError(_("This session has taken place."))
    if SessionRegistration.objects.filter(session=session, staff=me).exists():
        raise ValidationError(_("You are already registered."))
    taken = SessionRegistration.objects.filter(session=session).count()
    if taken >= session.capacity:
        raise ValidationError(_("The session is full (%(places)s places).") % {"places": session.capacity})
    registration = SessionRegistration.objects.create(session=session, staff=me)
    audit_record(
        actor=actor,
        action="deployability.networks.registered",
        target=registration,
        staff=me,
        after={"session": session.pk, "places": session.capacity, "taken_before": taken},
    )
    return registration


@transaction.atomic
def session_unregister(*, actor, session_id: int) -> None:
    me = _me(actor)
    SessionRegistration.objects.filter(session_id=session_id, staff=me).delete()


def _check_file(upload, *, on) -> tuple[str, str, bytes]:
    max_kb = parameter(FILE_MAX_KEY, on=on)
    name = re.sub(r"[^\w.\- ]", "_", PurePath(upload.name or "").name)[-150:]
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED_TYPES:
        raise ValidationError(
            {
                "file": _("Attach a PDF, text, OpenDocument or Office file (%(types)s).")
                % {"types": ", ".join(sorted(ALLOWED_TYPES))}
            }
        )
    if upload.size > max_kb * 1024:
        raise ValidationError({"file": _("The file is larger than %(max)s KB.") % {"max": max_kb}})
    data = upload.read(max_kb * 1024 + 1)
    if len(data) > max_kb * 1024:
        raise ValidationError({"file": _("The file is larger than %(max)s KB.") % {"max": max_kb}})
    signature = SIGNATURES.get(suffix)
    if signature and not data.startswith(signature):
        raise ValidationError({"file": _("The file's content does not match its type.")})
    if suffix == ".txt":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError({"file": _("A text file must be UTF-8 text.")}) from None
    return name, ALLOWED_TYPES[suffix], data


@transaction.atomic
def practice_share(*, actor, network_id: int, title: str, text: str, upload=None) -> SharedPractice:
    me = _me(actor)
    network = LearningNetwork.objects.get(pk=network_id)
    if not NetworkMembership.objects.filter(network=network, staff=me).exists():
        raise PermissionDenied
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Give the practice a title.")
    if not (text or "").strip():
        errors["text"] = _("Describe the practice.")
    elif len(text) > PRACTICE_TEXT_MAX_LENGTH:
        errors["text"] = _("Keep it short: at most %(max)s characters.") % {"max": PRACTICE_TEXT_MAX_LENGTH}
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    name, kind, data = ("", "", None)
    if upload is not None:
        name, kind, data = _check_file(upload, on=today)
    practice = SharedPractice.objects.create(
        network=network,
        author=me,
        title=title.strip()[:200],
        text=text.strip(),
        file_name=name,
        file_type=kind,
        file_size=len(data) if data else 0,
        file_data=data,
    )
    audit_record(
        actor=actor,
        action="deployability.networks.practice_shared",
        target=practice,
        staff=me,
        after={"network": network.pk, "file": name, "size": practice.file_size},
        parameters=snapshot([FILE_MAX_KEY], on=today),
    )
    job_enqueue("deployability.networks.tasks.networks_notify_practice", practice.pk)
    return practice
