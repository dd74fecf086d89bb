from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone
from django.views.generic import DetailView, ListView

from hrportal.forms import PortfolioFilterForm
from hrportal.models import Entity
from hrportal.models.portfolio import Objective
from hrportal.selectors.portfolio import portfolio_action_list, portfolio_status_by_objective
from hrportal.selectors.staff import staff_directory
from hrportal.views.mixins import ScopedMixin


def _with_headcount(entities):
    return entities.annotate(headcount=Count("staff", filter=Q(staff__is_active=True)))


class EntityListView(ScopedMixin, ListView):
    """The organisation chart is known to every member of staff; staff records stay scoped."""

    template_name = "hrportal/entity_list.html"
    context_object_name = "entities"

    def get_queryset(self):
        return _with_headcount(Entity.objects.select_related("parent")).order_by("kind", "name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        children: dict = {}
        for entity in context["entities"]:
            children.setdefault(entity.parent_id, []).append(entity)
        tree = []

        def walk(parent_id, depth):
            for entity in sorted(children.get(parent_id, []), key=lambda e: e.name):
                tree.append((entity, depth))
                walk(entity.pk, depth + 1)

        walk(None, 0)
        context["tree"] = tree
        return context


class EntityDetailView(ScopedMixin, DetailView):
    template_name = "hrportal/entity_detail.html"
    context_object_name = "entity"

    def get_object(self, queryset=None):
        try:
            return _with_headcount(Entity.objects.select_related("parent")).get(pk=self.kwargs["pk"])
        except Entity.DoesNotExist:
            raise Http404 from None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entity = self.object
        context["children"] = _with_headcount(entity.children.all()).order_by("name")
        visible = staff_directory(viewer=self.request.user).filter(entity=entity)
        context["visible_staff"] = visible[:50]
        context["visible_staff_count"] = visible.count()
        return context


class PortfolioView(ScopedMixin, ListView):
    template_name = "hrportal/portfolio.html"
    context_object_name = "actions"

    def get_queryset(self):
        self.filter_form = PortfolioFilterForm(self.request.GET or None)
        filters = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        return portfolio_action_list(
            objective=filters.get("objective"),
            status=filters.get("status"),
            overdue_on=timezone.localdate() if filters.get("overdue") else None,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["figures"] = portfolio_status_by_objective()
        return context


class AreaView(ScopedMixin, ListView):
    """The landing page of one strategic objective: its policy actions, and the app's own pages."""

    template_name = "hrportal/area.html"
    context_object_name = "actions"
    objective: str = ""
    links: list = []
    # Templates of the app's parts, each a <section> linking the part's pages for the viewer's roles
    # (context: user, user_roles, …); set in the app's urls.py: AreaView.as_view(objective=…, sections=[…]).
    sections: list = []

    def get_queryset(self):
        return portfolio_action_list(objective=self.objective)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["objective"] = Objective(self.objective)
        context["links"] = self.links
        context["sections"] = self.sections
        return context
