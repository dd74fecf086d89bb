"""The flow and its rules, each at its limit and one past it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from hrportal.audit.models import AuditEvent
from mobility.marketplace import services as svc
from mobility.models import Assignment, Match, TalentApplication, TalentOffer, TalentRequest
from tests.factories import StaffFactory
from tests.mobility.marketplace.factories import request_with, today

pytestmark = pytest.mark.django_db


def _consented(*, offer, item, manager):
    application = svc.application_apply(actor=offer.staff.user, request_id=item.pk, offer_id=offer.pk)
    return svc.application_consent(actor=manager.user, application_id=application.pk)


def test_offer_create_validates_and_queues_matching(
    staff_member, talent_request, skills, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        offer = svc.offer_create(
            actor=staff_member.user,
            title="Analyses",
            description="",
            time_share_percent=30,
            start=today(),
            end=today() + timedelta(days=200),
            languages=["nl", "en"],
            competencies=[(skills["analyseren"].pk, 4)],
        )
    assert offer.staff == staff_member
    assert Match.objects.filter(offer=offer, request=talent_request).exists()  # eager job ran on commit
    event = AuditEvent.objects.get(action="mobility.offer.published")
    assert event.after["time_share_percent"] == 30


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"time_share_percent": 0}, "time_share_percent"),
        ({"time_share_percent": 101}, "time_share_percent"),
        ({"end": today() - timedelta(days=1), "start": today() - timedelta(days=5)}, "end"),
        ({"end": today(), "start": today() + timedelta(days=1)}, "end"),
        ({"languages": ["xx"]}, "languages"),
        ({"competencies": []}, "competencies"),
        ({"competencies": "dup"}, "competencies"),
    ],
)
def test_offer_create_refuses_bad_input_and_writes_nothing(staff_member, skills, changes, field):
    data = {
        "title": "X",
        "description": "",
        "time_share_percent": 20,
        "start": today(),
        "end": today() + timedelta(days=10),
        "competencies": [(skills["analyseren"].pk, 2)],
    }
    data.update(changes)
    if data["competencies"] == "dup":
        data["competencies"] = [(skills["analyseren"].pk, 2), (skills["analyseren"].pk, 3)]
    with pytest.raises(ValidationError) as error:
        svc.offer_create(actor=staff_member.user, **data)
    assert field in error.value.message_dict
    assert not TalentOffer.objects.exists()


def test_offer_share_limited_to_own_working_time(entity, skills):
    part_time = StaffFactory(entity=entity, with_user=True, working_time_fraction=Decimal("0.50"))
    base = {
        "title": "X",
        "description": "",
        "start": today(),
        "end": today() + timedelta(days=9),
        "competencies": [(skills["analyseren"].pk, 2)],
    }
    assert svc.offer_create(actor=part_time.user, time_share_percent=50, **base).pk
    with pytest.raises(ValidationError):
        svc.offer_create(actor=part_time.user, time_share_percent=51, **base)


def test_request_needs_a_required_competency_and_a_closing_date_within_the_period(requester, other_entity, skills):
    base = {
        "title": "R",
        "description": "d",
        "entity": other_entity.pk,
        "time_share_percent": 20,
        "start": today(),
        "end": today() + timedelta(days=30),
    }
    with pytest.raises(ValidationError) as error:
        svc.request_create(
            actor=requester.user, closing_date=today(), competencies=[(skills["coachen"].pk, 2, False)], **base
        )
    assert "competencies" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        svc.request_create(
            actor=requester.user,
            closing_date=today() + timedelta(days=31),
            competencies=[(skills["coachen"].pk, 2, True)],
            **base,
        )
    assert "closing_date" in error.value.message_dict
    item = svc.request_create(
        actor=requester.user,
        closing_date=today() + timedelta(days=30),
        competencies=[(skills["coachen"].pk, 2, True)],
        **base,
    )
    assert item.status == TalentRequest.Status.OPEN


def test_offer_can_be_paused_resumed_closed_only_by_its_provider(
    offer, talent_request, django_capture_on_commit_callbacks
):
    svc.match_refresh_offer(offer_id=offer.pk)
    assert Match.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        svc.offer_transition(actor=offer.staff.user, offer_id=offer.pk, action="pause")
    assert not Match.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        svc.offer_transition(actor=offer.staff.user, offer_id=offer.pk, action="resume")
    assert Match.objects.exists()
    with pytest.raises(ValidationError):
        svc.offer_transition(actor=offer.staff.user, offer_id=offer.pk, action="resume")
    svc.offer_transition(actor=offer.staff.user, offer_id=offer.pk, action="close")
    with pytest.raises(ValidationError):
        svc.offer_update(
            actor=offer.staff.user,
            offer_id=offer.pk,
            competencies=[],
            title="x",
            description="",
            time_share_percent=10,
            start=offer.start,
            end=offer.end,
            where="any_entity",
            languages=[],
        )
    with pytest.raises(PermissionDenied):
        svc.request_transition(actor=offer.staff.user, request_id=talent_request.pk, action="pause")


def test_whole_flow_apply_consent_accept_creates_the_assignment(
    offer, talent_request, team_leader, line_manager, django_capture_on_commit_callbacks
):
    # given: the provider applies; their direct line manager is asked by e-mail
    with django_capture_on_commit_callbacks(execute=True):
        application = svc.application_apply(actor=offer.staff.user, request_id=talent_request.pk, offer_id=offer.pk)
    assert application.status == TalentApplication.Status.AWAITING_CONSENT
    assert mail.outbox[-1].to == [team_leader.email]
    assert offer.staff.full_name in mail.outbox[-1].subject
    # when: the (indirect) line manager consents and the requester accepts
    with django_capture_on_commit_callbacks(execute=True):
        svc.application_consent(actor=line_manager.user, application_id=application.pk)
    assert mail.outbox[-1].to == [talent_request.owner.email]
    with django_capture_on_commit_callbacks(execute=True):
        assignment = svc.application_accept(actor=talent_request.owner.user, application_id=application.pk)
    assert {m for e in mail.outbox[-3:] for m in e.to} == {
        offer.staff.email,
        talent_request.owner.email,
        team_leader.email,
    }
    # then
    application.refresh_from_db()
    assert application.status == TalentApplication.Status.ACCEPTED
    assert (assignment.start, assignment.end) == (talent_request.start, talent_request.end)
    assert assignment.time_share_percent == 20
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-4:] == [
        "mobility.application.applied",
        "mobility.application.consented",
        "mobility.application.accepted",
        "mobility.assignment.created",
    ]
    accepted = AuditEvent.objects.get(action="mobility.application.accepted")
    assert accepted.parameters == {"offered_share": 40, "peak_before": 0}


def test_only_the_providers_line_managers_may_consent(offer, talent_request, colleague, outsider, requester):
    application = svc.application_apply(actor=offer.staff.user, request_id=talent_request.pk, offer_id=offer.pk)
    for someone in (offer.staff, requester, outsider):
        with pytest.raises(PermissionDenied):
            svc.application_consent(actor=someone.user, application_id=application.pk)


def test_refusal_and_decline_need_a_reason(offer, talent_request, line_manager):
    application = svc.application_apply(actor=offer.staff.user, request_id=talent_request.pk, offer_id=offer.pk)
    with pytest.raises(ValidationError) as error:
        svc.application_refuse(actor=line_manager.user, application_id=application.pk, reason="  ")
    assert "reason" in error.value.message_dict
    svc.application_refuse(actor=line_manager.user, application_id=application.pk, reason="Piekperiode in het team")
    application.refresh_from_db()
    assert application.status == TalentApplication.Status.REFUSED
    assert application.reason == "Piekperiode in het team"
    with pytest.raises(ValidationError):
        svc.application_consent(actor=line_manager.user, application_id=application.pk)


def test_invitation_is_answered_by_the_provider_before_consent(offer, talent_request, line_manager):
    svc.match_refresh_request(request_id=talent_request.pk)
    application = svc.application_invite(
        actor=talent_request.owner.user, request_id=talent_request.pk, offer_id=offer.pk
    )
    assert application.status == TalentApplication.Status.INVITED
    with pytest.raises(ValidationError):
        svc.application_consent(actor=line_manager.user, application_id=application.pk)
    svc.application_answer_invitation(actor=offer.staff.user, application_id=application.pk, accept=True)
    svc.application_consent(actor=line_manager.user, application_id=application.pk)
    application.refresh_from_db()
    assert application.status == TalentApplication.Status.CONSENTED


def test_requester_cannot_invite_an_offer_they_may_not_see(offer, talent_request):
    with pytest.raises(PermissionDenied):
        svc.application_invite(actor=talent_request.owner.user, request_id=talent_request.pk, offer_id=offer.pk)


def test_one_live_application_per_offer_and_request(offer, talent_request):
    svc.application_apply(actor=offer.staff.user, request_id=talent_request.pk, offer_id=offer.pk)
    with pytest.raises(ValidationError):
        svc.application_apply(actor=offer.staff.user, request_id=talent_request.pk, offer_id=offer.pk)


def test_apply_refused_after_the_closing_date(offer, talent_request):
    TalentRequest.objects.filter(pk=talent_request.pk).update(closing_date=today() - timedelta(days=1))
    with pytest.raises(ValidationError):
        svc.application_apply(actor=offer.staff.user, request_id=talent_request.pk, offer_id=offer.pk)


def _three_requests(skills, owner, entity, share=20):
    return [
        request_with({skills["analyseren"]: 1}, owner=owner, entity=entity, time_share_percent=share) for _ in range(3)
    ]


def test_two_assignments_exactly_at_the_offered_share_are_allowed_a_third_is_refused(
    offer, skills, requester, other_entity, line_manager
):
    # offer 40%, three overlapping requests of 20% each
    first, second, third = _three_requests(skills, requester, other_entity)
    apps = [_consented(offer=offer, item=item, manager=line_manager) for item in (first, second, third)]
    svc.application_accept(actor=requester.user, application_id=apps[0].pk)
    svc.application_accept(actor=requester.user, application_id=apps[1].pk)
    with pytest.raises(ValidationError) as error:
        svc.application_accept(actor=requester.user, application_id=apps[2].pk)
    assert "60%" in str(error.value)
    assert Assignment.objects.count() == 2
    apps[2].refresh_from_db()
    assert apps[2].status == TalentApplication.Status.CONSENTED


def test_assignments_that_do_not_overlap_in_time_do_not_add_up(offer, skills, requester, other_entity, line_manager):
    early = request_with(
        {skills["analyseren"]: 1},
        owner=requester,
        entity=other_entity,
        time_share_percent=40,
        start=today(),
        end=today() + timedelta(days=30),
    )
    late = request_with(
        {skills["analyseren"]: 1},
        owner=requester,
        entity=other_entity,
        time_share_percent=40,
        start=today() + timedelta(days=31),
        end=today() + timedelta(days=60),
    )
    for item in (early, late):
        application = _consented(offer=offer, item=item, manager=line_manager)
        svc.application_accept(actor=requester.user, application_id=application.pk)
    assert Assignment.objects.count() == 2


def test_assignments_touching_on_one_day_add_up(offer, skills, requester, other_entity, line_manager):
    early = request_with(
        {skills["analyseren"]: 1},
        owner=requester,
        entity=other_entity,
        time_share_percent=40,
        start=today(),
        end=today() + timedelta(days=30),
    )
    late = request_with(
        {skills["analyseren"]: 1},
        owner=requester,
        entity=other_entity,
        time_share_percent=40,
        start=today() + timedelta(days=30),
        end=today() + timedelta(days=60),
    )
    first = _consented(offer=offer, item=early, manager=line_manager)
    second = _consented(offer=offer, item=late, manager=line_manager)
    svc.application_accept(actor=requester.user, application_id=first.pk)
    with pytest.raises(ValidationError):
        svc.application_accept(actor=requester.user, application_id=second.pk)


def test_peak_share_finds_the_busiest_day():
    d = today()
    periods = [
        (d, d + timedelta(days=10), 20),
        (d + timedelta(days=5), d + timedelta(days=20), 20),
        (d + timedelta(days=11), d + timedelta(days=30), 20),
    ]
    assert svc.peak_share(periods, d, d + timedelta(days=30)) == 40
    assert svc.peak_share(periods, d + timedelta(days=21), d + timedelta(days=30)) == 20
    assert svc.peak_share([], d, d) == 0


def test_expiry_of_stale_and_past_offers_and_requests(offer, talent_request, skills, requester, other_entity):
    from django.utils import timezone

    svc.match_refresh_offer(offer_id=offer.pk)
    idle = request_with({skills["analyseren"]: 1}, owner=requester, entity=other_entity)
    fresh = request_with({skills["analyseren"]: 1}, owner=requester, entity=other_entity)
    # 90 days without change expires, 89 does not
    TalentRequest.objects.filter(pk=idle.pk).update(changed_at=timezone.now() - timedelta(days=90, minutes=1))
    TalentRequest.objects.filter(pk=fresh.pk).update(changed_at=timezone.now() - timedelta(days=89))
    TalentOffer.objects.filter(pk=offer.pk).update(end=today() - timedelta(days=1), start=today() - timedelta(days=9))
    result = svc.marketplace_expire()
    assert result == {"offers": 1, "requests": 1, "applications_withdrawn": 0}
    assert TalentRequest.objects.get(pk=idle.pk).status == TalentRequest.Status.EXPIRED
    assert TalentRequest.objects.get(pk=fresh.pk).status == TalentRequest.Status.OPEN
    assert TalentOffer.objects.get(pk=offer.pk).status == TalentOffer.Status.EXPIRED
    assert not Match.objects.filter(offer=offer).exists()
    event = AuditEvent.objects.get(action="mobility.request.expired")
    assert event.parameters["values"] == {"mobility.marketplace.idle_days_before_expiry": 90}


def _offer(actor, skills, share, start, end):
    return svc.offer_create(
        actor=actor,
        title="T",
        description="",
        time_share_percent=share,
        start=start,
        end=end,
        competencies=[(skills["analyseren"].pk, 3)],
    )


def test_two_overlapping_offers_exactly_at_the_working_time_are_allowed_a_third_is_refused(staff_member, skills):
    d = today()
    _offer(staff_member.user, skills, 50, d, d + timedelta(days=60))
    _offer(staff_member.user, skills, 50, d + timedelta(days=30), d + timedelta(days=90))
    with pytest.raises(ValidationError) as error:
        _offer(staff_member.user, skills, 1, d + timedelta(days=45), d + timedelta(days=45))
    assert "time_share_percent" in error.value.message_dict
    # after both offers end, the whole working time is free again
    assert _offer(staff_member.user, skills, 100, d + timedelta(days=91), d + timedelta(days=120)).pk
    assert TalentOffer.objects.filter(staff=staff_member).count() == 3


def test_a_paused_offer_still_counts_and_resuming_it_is_checked(staff_member, skills):
    d = today()
    first = _offer(staff_member.user, skills, 60, d, d + timedelta(days=30))
    svc.offer_transition(actor=staff_member.user, offer_id=first.pk, action="pause")
    with pytest.raises(ValidationError):
        _offer(staff_member.user, skills, 50, d, d + timedelta(days=30))
    svc.offer_transition(actor=staff_member.user, offer_id=first.pk, action="close")
    second = _offer(staff_member.user, skills, 50, d, d + timedelta(days=30))
    assert second.pk


def test_assignments_under_two_offers_each_within_its_share_are_allowed(
    staff_member, skills, requester, other_entity, line_manager
):
    d = today()
    first = _offer(staff_member.user, skills, 20, d, d + timedelta(days=200))
    second = _offer(staff_member.user, skills, 20, d, d + timedelta(days=200))
    items = [request_with({skills["analyseren"]: 1}, owner=requester, entity=other_entity) for _ in range(3)]
    for offer, item in zip((first, second), items, strict=False):
        application = _consented(offer=offer, item=item, manager=line_manager)
        svc.application_accept(actor=requester.user, application_id=application.pk)
    third = _consented(offer=first, item=items[2], manager=line_manager)
    with pytest.raises(ValidationError):
        svc.application_accept(actor=requester.user, application_id=third.pk)
    assert Assignment.objects.filter(staff=staff_member).count() == 2


def test_an_expiring_request_withdraws_its_live_applications_and_keeps_decided_ones(
    offer, talent_request, line_manager
):
    application = _consented(offer=offer, item=talent_request, manager=line_manager)
    TalentRequest.objects.filter(pk=talent_request.pk).update(closing_date=today() - timedelta(days=1))

    result = svc.marketplace_expire()

    assert result["applications_withdrawn"] == 1
    application.refresh_from_db()
    assert application.status == TalentApplication.Status.WITHDRAWN
    assert application.reason
    assert AuditEvent.objects.filter(action="mobility.application.withdrawn", target_id=str(application.pk)).exists()
    with pytest.raises(ValidationError):
        svc.application_accept(actor=talent_request.owner.user, application_id=application.pk)


def test_closing_an_offer_withdraws_its_live_applications(offer, talent_request, line_manager):
    application = _consented(offer=offer, item=talent_request, manager=line_manager)

    svc.offer_transition(actor=offer.staff.user, offer_id=offer.pk, action="close")

    application.refresh_from_db()
    assert application.status == TalentApplication.Status.WITHDRAWN
    with pytest.raises(ValidationError):
        svc.application_accept(actor=talent_request.owner.user, application_id=application.pk)


def test_closing_a_request_withdraws_its_live_applications(offer, talent_request, line_manager):
    application = _consented(offer=offer, item=talent_request, manager=line_manager)

    svc.request_transition(actor=talent_request.owner.user, request_id=talent_request.pk, action="close")

    application.refresh_from_db()
    assert application.status == TalentApplication.Status.WITHDRAWN
    assert AuditEvent.objects.filter(action="mobility.request.close", target_id=str(talent_request.pk)).exists()
