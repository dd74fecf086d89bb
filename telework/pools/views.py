from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from hrportal.roles import staff_of
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors
from telework.models import Pool, PoolAssignment, SupportRequest
from telework.pools.forms import AssignForm, DeclineForm, PoolMemberForm, SupportRequestForm
from telework.pools.permissions import (
    can_coordinate_pool,
    can_manage_pools,
    can_request_support,
    coordinated_pool_ids,
    is_leader,
    requestable_entities,
    support_request_get_visible,
    support_requests_visible_to,
)
from telework.pools.selectors import (
    assignments_of,
    pool_list,
    pool_members_with_budget,
    requests_made_by,
    support_request_queue,
)
from telework.pools.services import (
    pool_assignment_complete,
    pool_member_save,
    support_request_assign,
    support_request_cancel,
    support_request_create,
    support_request_decline,
)

LIST_LIMIT = 50


class PoolsHomeView(ScopedMixin, TemplateView):
    """Each role's entry: ask support, follow own requests, own assignments, the coordinator's queue."""

    template_name = "telework/pools/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["pools"] = pool_list()
        context["can_request"] = can_request_support(user)
        context["my_requests"] = requests_made_by(viewer=user)[:LIST_LIMIT]
        context["my_assignments"] = assignments_of(viewer=user)[:LIST_LIMIT]
        context["coordinates"] = bool(coordinated_pool_ids(user))
        context["queue_count"] = support_request_queue(viewer=user).count() if context["coordinates"] else 0
        context["can_manage"] = can_manage_pools(user)
        return context


def _request_kinds(user) -> list[str]:
    kinds = []
    if is_leader(user):
        kinds.append(SupportRequest.Kind.LEADERSHIP_COACHING)
    if requestable_entities(user).exists():
        kinds += [SupportRequest.Kind.TEAM_COACHING, SupportRequest.Kind.PROCESS_SUPPORT]
    return kinds


class SupportRequestCreateView(RoleRequiredMixin, TemplateView):
    template_name = "telework/pools/request_form.html"

    def allowed(self, user) -> bool:
        return can_request_support(user)

    def _form(self, data=None):
        user = self.request.user
        initial = {"kind": self.request.GET.get("kind")}
        return SupportRequestForm(
            data, initial=initial, entities=requestable_entities(user), kinds=_request_kinds(user)
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response({"form": self._form()})

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if form.is_valid():
            try:
                created = support_request_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            except PermissionDenied:
                form.add_error("kind", _("You cannot ask this kind of support."))
            else:
                messages.success(request, _("Your request was sent to the pool's coordinator."))
                return redirect("telework:pools-request-detail", pk=created.pk)
        return self.render_to_response({"form": form})


class SupportRequestDetailView(ScopedMixin, TemplateView):
    template_name = "telework/pools/request_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        request = support_request_get_visible(user=user, request_id=self.kwargs["pk"])
        context["support_request"] = request
        is_open = request.status == SupportRequest.Status.OPEN
        context["coordinates"] = coordinates = is_open and can_coordinate_pool(user=user, pool_id=request.pool_id)
        context["can_cancel"] = is_open and request.requested_by_id == user.pk
        if coordinates:
            year = request.wanted_from.year
            members = pool_members_with_budget(pool_ids=[request.pool_id], year=year)
            context["members"] = members
            context["budget_year"] = year
            context.setdefault(
                "assign_form",
                AssignForm(
                    members=members,
                    initial={
                        "hours": request.estimated_hours,
                        "period_start": request.wanted_from,
                        # an assignment stays within the budget year of its start
                        "period_end": min(request.wanted_until, date(year, 12, 31)),
                    },
                ),
            )
            context.setdefault("decline_form", DeclineForm())
        assignment = getattr(request, "assignment", None) if request.status == SupportRequest.Status.ASSIGNED else None
        context["assignment"] = assignment
        me = staff_of(user)
        context["can_complete"] = (
            assignment is not None
            and assignment.status == PoolAssignment.Status.ACTIVE
            and (
                (me is not None and assignment.member.staff_id == me.pk)
                or can_coordinate_pool(user=user, pool_id=request.pool_id)
            )
        )
        return context


class SupportRequestAssignView(ScopedMixin, View):
    def post(self, request, pk):
        support_request = support_request_get_visible(user=request.user, request_id=pk)
        if not can_coordinate_pool(user=request.user, pool_id=support_request.pool_id):
            raise Http404
        members = pool_members_with_budget(pool_ids=[support_request.pool_id], year=support_request.wanted_from.year)
        form = AssignForm(request.POST, members=members)
        if form.is_valid():
            try:
                support_request_assign(
                    request_id=pk, actor=request.user, member_id=form.cleaned_data.pop("member"), **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The request was assigned."))
                return redirect("telework:pools-request-detail", pk=pk)
        view = SupportRequestDetailView(request=request, kwargs={"pk": pk}, args=())
        context = view.get_context_data(assign_form=form)
        return view.render_to_response(context)


class SupportRequestDeclineView(ScopedMixin, View):
    def post(self, request, pk):
        support_request = support_request_get_visible(user=request.user, request_id=pk)
        if not can_coordinate_pool(user=request.user, pool_id=support_request.pool_id):
            raise Http404
        form = DeclineForm(request.POST)
        if form.is_valid():
            try:
                support_request_decline(request_id=pk, actor=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The request was declined."))
                return redirect("telework:pools-request-detail", pk=pk)
        view = SupportRequestDetailView(request=request, kwargs={"pk": pk}, args=())
        return view.render_to_response(view.get_context_data(decline_form=form))


class SupportRequestCancelView(ScopedMixin, View):
    def post(self, request, pk):
        support_request_get_visible(user=request.user, request_id=pk)
        try:
            support_request_cancel(request_id=pk, actor=request.user)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your request was withdrawn."))
        return redirect("telework:pools-request-detail", pk=pk)


class AssignmentCompleteView(ScopedMixin, View):
    def post(self, request, pk):
        assignment = PoolAssignment.objects.filter(pk=pk).only("request_id").first()
        if assignment is None:
            raise Http404
        support_request_get_visible(user=request.user, request_id=assignment.request_id)
        try:
            pool_assignment_complete(assignment_id=pk, actor=request.user)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The assignment is completed."))
        return redirect("telework:pools-request-detail", pk=assignment.request_id)


class QueueView(RoleRequiredMixin, TemplateView):
    """The coordinator's desk: open requests and the members' remaining budgets this year."""

    template_name = "telework/pools/queue.html"

    def allowed(self, user) -> bool:
        return bool(coordinated_pool_ids(user))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = timezone.localdate().year
        context["queue"] = support_request_queue(viewer=self.request.user)[:LIST_LIMIT]
        context["members"] = pool_members_with_budget(pool_ids=coordinated_pool_ids(self.request.user), year=year)
        context["year"] = year
        return context


class AssignmentListView(ScopedMixin, TemplateView):
    template_name = "telework/pools/assignments.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["assignments"] = assignments_of(viewer=self.request.user)[:LIST_LIMIT]
        return context


class PoolMembersView(RoleRequiredMixin, TemplateView):
    """Central HR keeps the member list; the pool's coordinator may read it."""

    template_name = "telework/pools/members.html"

    def allowed(self, user) -> bool:
        return can_manage_pools(user) or can_coordinate_pool(user=user, pool_id=int(self.kwargs["pk"]))

    def _pool(self):
        try:
            return Pool.objects.get(pk=self.kwargs["pk"])
        except Pool.DoesNotExist:
            raise Http404 from None

    def _render(self, pool, form, status=200):
        year = timezone.localdate().year
        return self.render_to_response(
            {
                "pool": pool,
                "members": pool_members_with_budget(pool_ids=[pool.pk], year=year),
                "year": year,
                "form": form if can_manage_pools(self.request.user) else None,
            },
            status=status,
        )

    def get(self, request, *args, **kwargs):
        return self._render(self._pool(), PoolMemberForm(initial={"is_active": True}))

    def post(self, request, *args, **kwargs):
        pool = self._pool()
        if not can_manage_pools(request.user):
            raise Http404
        form = PoolMemberForm(request.POST)
        if form.is_valid():
            try:
                pool_member_save(actor=request.user, pool=pool, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The pool member was saved."))
                return redirect("telework:pools-members", pk=pool.pk)
        return self._render(pool, form)


class SupportRequestListView(ScopedMixin, ListView):
    """Every request the viewer may see (HR officers: their entities'; central HR: all), newest first."""

    template_name = "telework/pools/request_list.html"
    context_object_name = "requests"
    paginate_by = 25

    def get_queryset(self):
        self.status = self.request.GET.get("status", "")
        requests = support_requests_visible_to(self.request.user).select_related("entity", "coachee")
        if self.status in SupportRequest.Status.values:
            requests = requests.filter(status=self.status)
        return requests.order_by("-created_at", "-id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = SupportRequest.Status.choices
        context["status"] = self.status
        context["query_string"] = f"status={self.status}" if self.status else ""
        return context
