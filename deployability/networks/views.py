from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from deployability.networks import services
from deployability.networks.forms import NetworkForm, PracticeForm, SessionForm
from deployability.networks.models import NetworkSession, SessionRegistration
from deployability.networks.permissions import (
    can_manage_networks,
    is_member,
    network_get_visible,
    practice_get_for_member,
)
from deployability.networks.selectors import networks_with_counts, practices_of, sessions_of
from hrportal.roles import staff_of
from hrportal.views.mixins import RoleRequiredMixin, ScopedMixin, add_service_errors


class NetworkListView(ScopedMixin, TemplateView):
    template_name = "deployability/networks/list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        me = staff_of(self.request.user)
        context["networks"] = list(networks_with_counts())
        context["can_manage"] = can_manage_networks(self.request.user)
        context["mine"] = set()
        context["registrations"] = []
        if me is not None:
            context["mine"] = {n.pk for n in context["networks"] if is_member(user=self.request.user, network=n)}
            context["registrations"] = list(
                SessionRegistration.objects.filter(staff=me, session__on__gte=timezone.localdate())
                .select_related("session__network")
                .order_by("session__on")
            )
        return context


class NetworkDetailView(ScopedMixin, TemplateView):
    template_name = "deployability/networks/detail.html"

    def _context(self, network, form=None):
        user = self.request.user
        me = staff_of(user)
        member = is_member(user=user, network=network)
        sessions = list(sessions_of(network_id=network.pk))
        registered = set()
        if me is not None:
            registered = set(
                SessionRegistration.objects.filter(staff=me, session__network=network).values_list(
                    "session_id", flat=True
                )
            )
        context = {
            "network": network,
            "member": member,
            "is_staff": me is not None,
            "sessions": sessions,
            "registered": registered,
            "today": timezone.localdate(),
            "can_manage": can_manage_networks(user),
        }
        if member:
            context["practices"] = list(practices_of(network_id=network.pk)[:50])
            context["form"] = form or PracticeForm()
        return context

    def get(self, request, pk):
        return self.render_to_response(self._context(network_get_visible(user=request.user, network_id=pk)))

    def post(self, request, pk):
        """Share a practice (members only)."""
        network = network_get_visible(user=request.user, network_id=pk)
        if not is_member(user=request.user, network=network):
            raise Http404
        form = PracticeForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.practice_share(actor=request.user, network_id=network.pk, **form.cleaned_data)
            except PermissionDenied:
                raise Http404 from None
            except ValidationError as error:
                if hasattr(error, "error_dict") and "file" in error.error_dict:
                    error.error_dict["upload"] = error.error_dict.pop("file")
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your practice was shared with the network."))
                return redirect("deployability:networks-detail", pk=network.pk)
        return self.render_to_response(self._context(network, form), status=400)


class NetworkActionView(ScopedMixin, View):
    def post(self, request, pk, action):
        network = network_get_visible(user=request.user, network_id=pk)
        try:
            if action == "join":
                services.network_join(actor=request.user, network_id=network.pk)
                messages.success(request, _("You joined the network."))
            elif action == "leave":
                services.network_leave(actor=request.user, network_id=network.pk)
                messages.success(request, _("You left the network."))
            else:
                raise Http404
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("deployability:networks-detail", pk=network.pk)


class SessionActionView(ScopedMixin, View):
    def post(self, request, pk, action):
        try:
            session = NetworkSession.objects.get(pk=pk)
        except NetworkSession.DoesNotExist:
            raise Http404 from None
        try:
            if action == "register":
                services.session_register(actor=request.user, session_id=session.pk)
                messages.success(request, _("You are registered."))
            elif action == "unregister":
                services.session_unregister(actor=request.user, session_id=session.pk)
                messages.success(request, _("Your registration was cancelled."))
            else:
                raise Http404
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("deployability:networks-detail", pk=session.network_id)


class PracticeFileView(ScopedMixin, View):
    """The practice's file, to members only, as an attachment (never rendered inline)."""

    def get(self, request, pk):
        practice = practice_get_for_member(user=request.user, practice_id=pk)
        if not practice.file_data:
            raise Http404
        response = HttpResponse(bytes(practice.file_data), content_type=practice.file_type)
        response["Content-Disposition"] = f'attachment; filename="{practice.file_name}"'
        response["X-Content-Type-Options"] = "nosniff"
        return response


class NetworkCreateView(RoleRequiredMixin, TemplateView):
    """Central HR creates a learning network."""

    template_name = "deployability/networks/network_form.html"

    def allowed(self, user) -> bool:
        return can_manage_networks(user)

    def get(self, request, *args, **kwargs):
        return self.render_to_response({"form": NetworkForm()})

    def post(self, request, *args, **kwargs):
        form = NetworkForm(request.POST)
        if form.is_valid():
            try:
                network = services.network_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The network was created."))
                return redirect("deployability:networks-detail", pk=network.pk)
        return self.render_to_response({"form": form}, status=400)


class SessionCreateView(RoleRequiredMixin, TemplateView):
    """Central HR plans a session of a network."""

    template_name = "deployability/networks/session_form.html"

    def allowed(self, user) -> bool:
        return can_manage_networks(user)

    def get(self, request, pk):
        network = network_get_visible(user=request.user, network_id=pk)
        return self.render_to_response({"form": SessionForm(), "network": network})

    def post(self, request, pk):
        network = network_get_visible(user=request.user, network_id=pk)
        form = SessionForm(request.POST)
        if form.is_valid():
            try:
                services.session_plan(actor=request.user, network_id=network.pk, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The session was planned."))
                return redirect("deployability:networks-detail", pk=network.pk)
        return self.render_to_response({"form": form, "network": network}, status=400)
