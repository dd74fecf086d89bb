from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from hrportal.models.portfolio import Objective
from hrportal.pagination import CountKeyMixin, PageColumnsPaginator
from hrportal.roles import Role, roles_of, staff_of
from hrportal.selectors.portfolio import portfolio_action_list
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors
from mobility.marketplace import selectors as sel
from mobility.marketplace import services as svc
from mobility.marketplace.filters import CandidateFilter, ForYouFilter, RequestFilter
from mobility.marketplace.forms import (
    OfferChoiceForm,
    OfferCompetencyFormSet,
    OfferForm,
    ReasonForm,
    RequestCompetencyFormSet,
    RequestForm,
    competency_rows,
)
from mobility.marketplace.permissions import (
    application_get_visible,
    can_consent,
    can_see_candidates,
    is_market_maker,
    is_provider,
    is_requester,
    offer_get_visible,
    request_get_visible,
)
from mobility.models import TalentApplication, TalentOffer, TalentRequest


def _query_string(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _with_names(matches) -> dict:
    return sel.competency_names(sel.explanation_competency_ids(matches))


class MobilityHomeView(ScopedMixin, TemplateView):
    """The mobility landing page: what waits for you, the marketplace's pages, international mobility."""

    template_name = "mobility/marketplace/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["objective"] = Objective(Objective.MOBILITY)
        context["actions"] = portfolio_action_list(objective=Objective.MOBILITY)
        context["waiting"] = sel.action_counts(viewer=user)
        context["is_staff_member"] = staff_of(user) is not None
        context["is_market_maker"] = is_market_maker(user)
        if context["is_staff_member"]:
            context["for_you"] = list(sel.matches_for_provider(viewer=user)[:5])
        return context


# --- offers ---------------------------------------------------------------------------------------


class OfferListView(ScopedMixin, TemplateView):
    template_name = "mobility/marketplace/offer_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["offers"] = sel.offer_list_own(viewer=user)
        roles = roles_of(user)
        if roles & {Role.MANAGER, Role.HR, Role.CENTRAL, Role.ADMIN}:
            # a line manager sees the offers of their team, HR those of their entities, central HR all
            context["scoped_offers"] = sel.offer_list_in_scope(viewer=user)[:50]
        return context


class _OfferFormView(ScopedMixin, TemplateView):
    template_name = "mobility/marketplace/offer_form.html"
    offer = None

    def forms(self, data=None):
        initial, comps = {}, []
        if self.offer is not None:
            o = self.offer
            initial = {
                "title": o.title,
                "description": o.description,
                "time_share_percent": o.time_share_percent,
                "start": o.start,
                "end": o.end,
                "where": o.where,
                "languages": o.languages,
            }
            comps = [{"competency": c.competency_id, "level": c.level} for c in o.competencies.all()]
        return OfferForm(data, initial=initial), OfferCompetencyFormSet(data, initial=comps, prefix="comp")

    def get(self, request, *args, **kwargs):
        form, formset = self.forms()
        return self.render_to_response(self.get_context_data(form=form, formset=formset, offer=self.offer))

    def post(self, request, *args, **kwargs):
        form, formset = self.forms(request.POST)
        if form.is_valid() and formset.is_valid():
            try:
                offer = self.save(form.cleaned_data, competency_rows(formset, with_required=False))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your offer is saved; matching requests appear shortly."))
                return redirect("mobility:offer-detail", pk=offer.pk)
        return self.render_to_response(self.get_context_data(form=form, formset=formset, offer=self.offer))


class OfferCreateView(_OfferFormView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and staff_of(request.user) is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def save(self, data, competencies):
        return svc.offer_create(actor=self.request.user, competencies=competencies, **data)


class OfferUpdateView(_OfferFormView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.offer = offer_get_visible(user=request.user, offer_id=kwargs["pk"])
            if not is_provider(user=request.user, offer=self.offer):
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def save(self, data, competencies):
        return svc.offer_update(actor=self.request.user, offer_id=self.offer.pk, competencies=competencies, **data)


class OfferDetailView(ScopedMixin, TemplateView):
    template_name = "mobility/marketplace/offer_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        offer = offer_get_visible(user=user, offer_id=self.kwargs["pk"])
        context["offer"] = offer
        context["competencies"] = offer.competencies.select_related("competency")
        context["is_provider"] = is_provider(user=user, offer=offer)
        context["applications"] = sel.application_list(viewer=user).filter(offer=offer).order_by("-created_at")
        context["assignments"] = offer.assignments.select_related("request").order_by("start")
        return context


class OfferTransitionView(ScopedMixin, View):
    def post(self, request, pk, action):
        offer_get_visible(user=request.user, offer_id=pk)
        if action not in svc.OFFER_TRANSITIONS:
            raise Http404
        try:
            svc.offer_transition(actor=request.user, offer_id=pk, action=action)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("mobility:offer-detail", pk=pk)


class ForYouView(ScopedMixin, ListView):
    """Requests ranked for the provider's own active offers."""

    template_name = "mobility/marketplace/for_you.html"
    context_object_name = "matches"
    paginate_by = 20

    def get_queryset(self):
        self.filterset = ForYouFilter(self.request.GET, queryset=sel.matches_for_provider(viewer=self.request.user))
        return self.filterset.qs if self.filterset.is_valid() else self.filterset.queryset.none()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filterset.form
        context["query_string"] = _query_string(self.request)
        context["names"] = _with_names(context["matches"])
        matches = context["matches"]
        context["applied"] = sel.application_status_by_pair(
            request_ids=[m.request_id for m in matches], offer_ids=[m.offer_id for m in matches]
        )
        return context


# --- requests -------------------------------------------------------------------------------------


class RequestListView(ScopedMixin, ListView):
    template_name = "mobility/marketplace/request_list.html"
    context_object_name = "requests"
    paginate_by = 20

    def get_queryset(self):
        data = self.request.GET.copy()
        data.setdefault("status", TalentRequest.Status.OPEN)
        self.filterset = RequestFilter(data, queryset=sel.request_list(viewer=self.request.user))
        return self.filterset.qs if self.filterset.is_valid() else self.filterset.queryset.none()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filterset.form
        context["query_string"] = _query_string(self.request)
        context["own"] = sel.request_list_own(viewer=self.request.user)
        return context


class _RequestFormView(ScopedMixin, TemplateView):
    template_name = "mobility/marketplace/request_form.html"
    talent_request = None

    def forms(self, data=None):
        initial, comps = {}, []
        r = self.talent_request
        if r is not None:
            initial = {
                "title": r.title,
                "description": r.description,
                "entity": r.entity_id,
                "time_share_percent": r.time_share_percent,
                "start": r.start,
                "end": r.end,
                "closing_date": r.closing_date,
            }
            comps = [
                {"competency": c.competency_id, "level": c.level, "required": c.required} for c in r.competencies.all()
            ]
        else:
            me = staff_of(self.request.user)
            initial = {"entity": me.entity_id if me else None}
        return RequestForm(data, initial=initial), RequestCompetencyFormSet(data, initial=comps, prefix="comp")

    def get(self, request, *args, **kwargs):
        form, formset = self.forms()
        return self.render_to_response(self.get_context_data(form=form, formset=formset, item=self.talent_request))

    def post(self, request, *args, **kwargs):
        form, formset = self.forms(request.POST)
        if form.is_valid() and formset.is_valid():
            try:
                item = self.save(form.cleaned_data, competency_rows(formset, with_required=True))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your request is saved; candidates appear shortly."))
                return redirect("mobility:request-detail", pk=item.pk)
        return self.render_to_response(self.get_context_data(form=form, formset=formset, item=self.talent_request))


class RequestCreateView(_RequestFormView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and staff_of(request.user) is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def save(self, data, competencies):
        return svc.request_create(actor=self.request.user, competencies=competencies, **data)


class RequestUpdateView(_RequestFormView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.talent_request = request_get_visible(user=request.user, request_id=kwargs["pk"])
            if not is_requester(user=request.user, request=self.talent_request):
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def save(self, data, competencies):
        return svc.request_update(
            actor=self.request.user, request_id=self.talent_request.pk, competencies=competencies, **data
        )


class RequestDetailView(ScopedMixin, TemplateView):
    template_name = "mobility/marketplace/request_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        item = request_get_visible(user=user, request_id=self.kwargs["pk"])
        own_offers = TalentOffer.objects.filter(
            staff_id=getattr(staff_of(user), "pk", None), status=TalentOffer.Status.ACTIVE
        )
        context.update(
            item=item,
            competencies=item.competencies.select_related("competency"),
            is_requester=is_requester(user=user, request=item),
            can_see_candidates=can_see_candidates(user=user, request=item),
            apply_form=OfferChoiceForm(offers=own_offers) if own_offers.exists() else None,
            applications=sel.application_list(viewer=user).filter(request=item).order_by("-created_at")[:100],
        )
        # why the visitor's own offer fits (or not yet: no match stored)
        match = item.matches.filter(offer__in=own_offers).select_related("offer").order_by("-score").first()
        context["my_match"] = match
        context["names"] = _with_names([match]) if match else {}
        return context


class RequestTransitionView(ScopedMixin, View):
    def post(self, request, pk, action):
        request_get_visible(user=request.user, request_id=pk)
        if action not in svc.REQUEST_TRANSITIONS:
            raise Http404
        try:
            svc.request_transition(actor=request.user, request_id=pk, action=action)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("mobility:request-detail", pk=pk)


class CandidatesView(ScopedMixin, CountKeyMixin, ListView):
    """The requester's ranked candidates, with the reasons of each score."""

    template_name = "mobility/marketplace/candidates.html"
    context_object_name = "matches"
    paginate_by = 20
    paginator_class = partial(PageColumnsPaginator, columns=sel.CANDIDATE_COLUMNS)

    def get_queryset(self):
        self.item = request_get_visible(
            user=self.request.user, request_id=self.kwargs["pk"], fields=sel.CANDIDATES_REQUEST_FIELDS
        )
        if not can_see_candidates(user=self.request.user, request=self.item):
            raise Http404
        self.filterset = CandidateFilter(self.request.GET, queryset=sel.candidates_for_request(request=self.item))
        return self.filterset.qs if self.filterset.is_valid() else self.filterset.queryset.none()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["item"] = self.item
        context["is_requester"] = is_requester(user=self.request.user, request=self.item)
        # the status of an application or invitation is shown in the requester's action column only
        if context["is_requester"]:
            context["applied"] = sel.application_status_by_pair(
                request_ids=[self.item.pk], offer_ids=[m.offer_id for m in context["matches"]]
            )
        context["filter_form"] = self.filterset.form
        context["query_string"] = _query_string(self.request)
        context["names"] = _with_names(context["matches"])
        return context


class ApplyView(ScopedMixin, View):
    def post(self, request, pk):
        item = request_get_visible(user=request.user, request_id=pk)
        me = staff_of(request.user)
        if me is None:
            raise Http404
        form = OfferChoiceForm(request.POST, offers=TalentOffer.objects.filter(staff=me))
        if not form.is_valid():
            messages.error(request, _("Choose one of your offers."))
            return redirect("mobility:request-detail", pk=item.pk)
        try:
            application = svc.application_apply(
                actor=request.user,
                request_id=item.pk,
                offer_id=form.cleaned_data["offer"].pk,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("mobility:request-detail", pk=item.pk)
        messages.success(request, _("You applied; your line manager is asked to consent."))
        return redirect("mobility:application-detail", pk=application.pk)


class InviteView(ScopedMixin, View):
    def post(self, request, pk):
        item = request_get_visible(user=request.user, request_id=pk)
        if not is_requester(user=request.user, request=item):
            raise Http404
        try:
            svc.application_invite(actor=request.user, request_id=item.pk, offer_id=request.POST.get("offer"))
        except PermissionDenied:
            raise Http404 from None
        except (ValidationError, ValueError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("The candidate is invited."))
        return redirect("mobility:request-candidates", pk=item.pk)


# --- applications and assignments ---------------------------------------------------------------


class ApplicationListView(ScopedMixin, TemplateView):
    template_name = "mobility/marketplace/application_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(sel.applications_by_role(viewer=self.request.user))
        return context


class ApplicationDetailView(ScopedMixin, TemplateView):
    template_name = "mobility/marketplace/application_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        application = application_get_visible(user=user, application_id=self.kwargs["pk"])
        status = TalentApplication.Status
        provider = is_provider(user=user, offer=application.offer)
        requester = is_requester(user=user, request=application.request)
        actions = []
        if provider and application.status == status.INVITED:
            actions += [
                ("accept-invitation", _("Accept the invitation"), False),
                ("decline-invitation", _("Decline the invitation"), True),
            ]
        if provider and application.status in (status.AWAITING_CONSENT, status.CONSENTED):
            actions.append(("withdraw", _("Withdraw"), False))
        if application.status == status.AWAITING_CONSENT and can_consent(user=user, application=application):
            actions += [("consent", _("Consent"), False), ("refuse", _("Refuse"), True)]
        if requester and application.status == status.CONSENTED:
            actions.append(("accept", _("Accept"), False))
        if requester and application.status in (status.AWAITING_CONSENT, status.CONSENTED):
            actions.append(("decline", _("Decline"), True))
        context.update(application=application, actions=actions, reason_form=ReasonForm())
        match = application.request.matches.filter(offer=application.offer).first()
        context["match"] = match
        context["names"] = _with_names([match]) if match else {}
        return context


ACTIONS = {
    "consent": lambda user, pk, reason: svc.application_consent(actor=user, application_id=pk),
    "refuse": lambda user, pk, reason: svc.application_refuse(actor=user, application_id=pk, reason=reason),
    "accept": lambda user, pk, reason: svc.application_accept(actor=user, application_id=pk),
    "decline": lambda user, pk, reason: svc.application_decline(actor=user, application_id=pk, reason=reason),
    "withdraw": lambda user, pk, reason: svc.application_withdraw(actor=user, application_id=pk, reason=reason),
    "accept-invitation": lambda user, pk, reason: svc.application_answer_invitation(
        actor=user, application_id=pk, accept=True
    ),
    "decline-invitation": lambda user, pk, reason: svc.application_answer_invitation(
        actor=user, application_id=pk, accept=False, reason=reason
    ),
}


class ApplicationActionView(ScopedMixin, View):
    def post(self, request, pk, action):
        application_get_visible(user=request.user, application_id=pk)
        if action not in ACTIONS:
            raise Http404
        form = ReasonForm(request.POST)
        reason = form.cleaned_data["reason"] if form.is_valid() else ""
        try:
            ACTIONS[action](request.user, pk, reason)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your decision is recorded."))
        return redirect(reverse("mobility:application-detail", args=[pk]))


class AssignmentListView(ScopedMixin, ListView):
    template_name = "mobility/marketplace/assignment_list.html"
    context_object_name = "assignments"
    paginate_by = 25

    def get_queryset(self):
        return sel.assignment_list(viewer=self.request.user)


class MarketView(RoleRequiredMixin, TemplateView):
    """Central HR as market maker: supply and demand, requests without candidates, time to first match."""

    template_name = "mobility/marketplace/market.html"

    def allowed(self, user) -> bool:
        return is_market_maker(user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(sel.market_overview())
        rows = [r for r in context["rows"] if r["supply"] or r["demand"]]
        context["chart"] = {
            "title": _("Supply and demand per competency"),
            "categories": [r["competency"].name for r in rows],
            "series": [
                {"name": _("Active offers"), "values": [r["supply"] for r in rows]},
                {"name": _("Open requests"), "values": [r["demand"] for r in rows]},
            ],
        }
        return context
