from django.core import mail

from hrportal.notifications import mail_send
from telework.agreements.tasks import telework_notify_request
from tests.telework.agreements.factories import TeleworkAgreementFactory


def test_a_mail_links_to_the_portal_with_an_absolute_address(settings, staff_member):
    settings.SITE_URL = "https://hr.example.be/"
    agreement = TeleworkAgreementFactory(staff=staff_member)

    assert telework_notify_request(agreement.pk) == 1

    [message] = mail.outbox
    assert message.to == [staff_member.line_manager.email]
    assert f"https://hr.example.be/telework/agreements/{agreement.pk}/" in message.body
    assert "\n" not in message.subject


def test_a_mail_without_addresses_is_not_sent():
    assert mail_send(template="telework/agreements/email/request", context={}, to=["", None]) == 0
    assert mail.outbox == []
