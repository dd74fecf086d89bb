from datetime import date

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from hrportal.audit.selectors import audit_events_described, audit_events_visible_to
from hrportal.home import ActionItem, action_items_for
from hrportal.models import PortfolioAction, Staff
from hrportal.reports.models import ReportRun
from hrportal.roles import Role, roles_of, staff_of
from hrportal.scoping import hr_entities_of, team_ids_sql
from hrportal.selectors.portfolio import portfolio_action_list
from hrportal.views.mixins import ScopedMixin


def foundation_action_items(user) -> list[ActionItem]:
    roles = roles_of(user)
    items = []
    me = staff_of(user)
    if me is not None and not me.competencies.exists():
        items.append(ActionItem(_("Complete your competency profile"), reverse("staff-profile-edit"), 1))
    failed = ReportRun.objects.filter(
        requested_by=user,
        status=ReportRun.Status.FAILED,
        finished_at__gte=timezone.now() - timezone.timedelta(days=7),
    ).count()
    items.append(ActionItem(_("Report runs that failed this week"), reverse("report-list"), failed))
    if roles & {Role.CENTRAL, Role.ADMIN}:
        overdue = portfolio_action_list(overdue_on=date.today()).count()
        # The link opens the portfolio filtered to exactly these actions.
        url = reverse("portfolio") + "?overdue=on#actions"
        items.append(ActionItem(_("Portfolio actions past their planned end"), url, overdue))
    return items


class HomeView(ScopedMixin, TemplateView):
    template_name = "hrportal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        roles = roles_of(user)
        me = staff_of(user)
        context["me"] = me
        context["action_items"] = action_items_for(user)
        if Role.MANAGER in roles:
            team = Staff.objects.filter(pk__in=team_ids_sql(me.pk), is_active=True)
            context["team_size"] = team.count()
            context["direct_reports"] = Staff.objects.filter(line_manager=me, is_active=True).select_related("entity")[
                :12
            ]
        if Role.HR in roles or Role.CENTRAL in roles:
            entities = hr_entities_of(user)
            context["hr_entities"] = entities.filter(hr_officers__user=user) if Role.HR in roles else entities.none()
            context["recent_audit"] = audit_events_described(audit_events_visible_to(user)[:5])
        if Role.CENTRAL in roles or Role.ADMIN in roles:
            context["portfolio_counts"] = PortfolioAction.objects.aggregate(
                total=Count("id"), running=Count("id", filter=Q(status=PortfolioAction.Status.RUNNING))
            )
        return context
