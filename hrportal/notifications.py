"""E-mail to people who must act: one way to render and send, for every app's Celery tasks.

`<template>_subject.txt` and `<template>.txt` are rendered in the portal's language with `site_url` in
the context, so links in a mail are absolute (`{{ site_url }}{{ url }}`).
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def absolute_url(viewname: str, *args) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(viewname, args=args)


def mail_send(*, template: str, context: dict, to: Iterable[str]) -> int:
    """Send one mail to `to` (empty addresses dropped, duplicates once); returns the number sent."""
    recipients = sorted({address for address in to if address})
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"site_url": settings.SITE_URL.rstrip("/"), **context}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
