from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hrportal.inputs import TEXT_MAX_LENGTH, validate_input_date
from hrportal.models import Competency, Staff


class Mentor(models.Model):
    """A leader in a middle-management function who offers wo-mentoring."""

    staff = models.OneToOneField(
        Staff, on_delete=models.CASCADE, related_name="leadership_mentor", verbose_name=_("mentor")
    )
    is_active = models.BooleanField(_("available"), default=True)
    motivation = models.TextField(_("motivation"), max_length=TEXT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        ordering = ["staff__last_name", "staff__first_name"]
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")

    def __str__(self):
        return str(self.staff)


class Mentee(models.Model):
    """A member of staff (open to all, aimed mainly at women) with the ambition to step up to management."""

    staff = models.OneToOneField(
        Staff, on_delete=models.CASCADE, related_name="leadership_mentee", verbose_name=_("mentee")
    )
    ambition = models.TextField(_("ambition"), max_length=TEXT_MAX_LENGTH)
    competencies = models.ManyToManyField(
        Competency, related_name="+", blank=True, verbose_name=_("competencies to develop")
    )
    is_active = models.BooleanField(_("looking for a mentor"), default=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        ordering = ["staff__last_name", "staff__first_name"]
        verbose_name = _("mentee")
        verbose_name_plural = _("mentees")

    def __str__(self):
        return str(self.staff)


class MentoringMatch(models.Model):
    """A mentor proposed to a mentee; it starts when both accept, and ends with a closing evaluation."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        ACTIVE = "active", _("active")
        DECLINED = "declined", _("declined")
        CLOSED = "closed", _("closed")

    mentor = models.ForeignKey(Mentor, on_delete=models.PROTECT, related_name="matches", verbose_name=_("mentor"))
    mentee = models.ForeignKey(Mentee, on_delete=models.PROTECT, related_name="matches", verbose_name=_("mentee"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    mentor_accepted_at = models.DateTimeField(_("mentor accepted at"), null=True, blank=True)
    mentee_accepted_at = models.DateTimeField(_("mentee accepted at"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True, validators=[validate_input_date])
    evaluation = models.TextField(_("closing evaluation"), max_length=TEXT_MAX_LENGTH, blank=True)
    goal_reached = models.BooleanField(_("goal reached"), null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentee"],
                condition=Q(status__in=["proposed", "active"]),
                name="leadership_mentee_one_open_match",
            ),
        ]
        verbose_name = _("mentoring match")
        verbose_name_plural = _("mentoring matches")

    def __str__(self):
        return f"{self.mentor} → {self.mentee}"


class MentoringMeeting(models.Model):
    match = models.ForeignKey(MentoringMatch, on_delete=models.CASCADE, related_name="meetings")
    met_on = models.DateField(_("met on"), validators=[validate_input_date])
    topic = models.CharField(_("topic"), max_length=200)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-met_on", "-id"]
        verbose_name = _("mentoring meeting")
        verbose_name_plural = _("mentoring meetings")

    def __str__(self):
        return f"{self.match} {self.met_on}"
