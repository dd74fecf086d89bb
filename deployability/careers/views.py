from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from deployability.careers import services
from deployability.careers.forms import ApplyForm, AppointForm, PostForm
from deployability.careers.models import PromotionApplication
from deployability.careers.permissions import (
    applications_visible_to,
    appointments_visible_to,
    appoints_anyone,
    can_publish_posts,
    can_see_applicants,
    post_entities_for,
    post_get_visible,
    posts_visible_to,
)
from deployability.careers.selectors import PATH_LABELS, career_paths
from hrportal.roles import staff_of
from hrportal.scoping import staff_get_visible, staff_visible_to
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors

LIST_LIMIT = 50


class CareersHomeView(ScopedMixin, TemplateView):
    template_name = "deployability/careers/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        today = timezone.localdate()
        me = staff_of(user)
        context["me"] = me
        context["open_posts"] = list(
            posts_visible_to(user)
            .filter(opens_on__lte=today, closes_on__gte=today)
            .select_related("function", "entity")
            .order_by("closes_on")[:LIST_LIMIT]
        )
        context["refusal"] = services.apply_refusal_reason(me) if me else None
        context["my_applications"] = (
            list(PromotionApplication.objects.filter(staff=me).select_related("post")[:LIST_LIMIT]) if me else []
        )
        context["can_publish"] = can_publish_posts(user)
        context["appoints"] = appoints_anyone(user)
        return context


class CareerPathsView(ScopedMixin, TemplateView):
    """Career paths on the matrix for oneself, or (?staff=<id>) for someone in the viewer's scope."""

    template_name = "deployability/careers/paths.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        staff_id = self.request.GET.get("staff")
        if staff_id:
            staff = staff_get_visible(user=user, staff_id=staff_id)
        else:
            staff = staff_of(user)
            if staff is None:
                raise Http404
        staff = type(staff).objects.select_related("function__family").get(pk=staff.pk)
        context["subject"] = staff
        paths = career_paths(staff=staff)
        context["paths"] = [(key, PATH_LABELS[key], entries) for key, entries in paths.items()]
        return context


class PostDetailView(ScopedMixin, TemplateView):
    template_name = "deployability/careers/post_detail.html"

    def _context(self, post, form=None):
        user = self.request.user
        me = staff_of(user)
        context = {
            "post": post,
            "form": form or ApplyForm(),
            "refusal": services.apply_refusal_reason(me) if me else None,
            "applied": me is not None and post.applications.filter(staff=me).exists(),
            "is_open": post.opens_on <= timezone.localdate() <= post.closes_on,
            "is_staff": me is not None,
        }
        if can_see_applicants(user=user, post=post):
            context["applications"] = list(post.applications.select_related("staff"))
        return context

    def get(self, request, pk):
        post = post_get_visible(user=request.user, post_id=pk)
        return self.render_to_response(self._context(post))

    def post(self, request, pk):
        post = post_get_visible(user=request.user, post_id=pk)
        form = ApplyForm(request.POST)
        if form.is_valid():
            try:
                services.post_apply(actor=request.user, post_id=post.pk, **form.cleaned_data)
            except PermissionDenied:
                raise Http404 from None
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your application was sent to HR."))
                return redirect("deployability:careers-post", pk=post.pk)
        return self.render_to_response(self._context(post, form), status=400)


class PostCreateView(RoleRequiredMixin, TemplateView):
    template_name = "deployability/careers/post_form.html"

    def allowed(self, user) -> bool:
        return can_publish_posts(user)

    def get(self, request):
        return self.render_to_response({"form": PostForm(entities=post_entities_for(request.user))})

    def post(self, request):
        form = PostForm(request.POST, entities=post_entities_for(request.user))
        if form.is_valid():
            try:
                post = services.post_publish(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The promotion post was published."))
                return redirect("deployability:careers-post", pk=post.pk)
        return self.render_to_response({"form": form}, status=400)


class ApplicationListView(ScopedMixin, TemplateView):
    template_name = "deployability/careers/applications.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["applications"] = list(
            applications_visible_to(self.request.user)
            .select_related("post__entity", "staff")
            .order_by("-created_at")[:LIST_LIMIT]
        )
        return context


class ProjectLeaderView(ScopedMixin, TemplateView):
    """Project leader appointments in the viewer's scope; managers and HR appoint (contractuals too)."""

    template_name = "deployability/careers/project_leaders.html"

    def _context(self, form=None):
        user = self.request.user
        context = {
            "appointments": list(
                appointments_visible_to(user).select_related("staff__entity").order_by("-start")[:LIST_LIMIT]
            ),
            "appoints": appoints_anyone(user),
        }
        if context["appoints"]:
            context["form"] = form or AppointForm(staff_scope=staff_visible_to(user))
        return context

    def get(self, request):
        return self.render_to_response(self._context())

    def post(self, request):
        if not appoints_anyone(request.user):
            raise Http404
        form = AppointForm(request.POST, staff_scope=staff_visible_to(request.user))
        if form.is_valid():
            try:
                services.project_leader_appoint(actor=request.user, **form.cleaned_data)
            except PermissionDenied:
                form.add_error("staff", _("You cannot appoint this person: not in your team or entities."))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The project leader was appointed."))
                return redirect("deployability:careers-project-leaders")
        return self.render_to_response(self._context(form), status=400)
