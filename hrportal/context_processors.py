from hrportal.navigation import IN_PREPARATION, main_navigation
from hrportal.roles import Role, roles_of


def roles(request):
    user_roles = roles_of(request.user) if hasattr(request, "user") else frozenset()
    ctx = {
        "user_roles": user_roles,
        "is_manager": Role.MANAGER in user_roles,
        "is_hr": Role.HR in user_roles,
        "is_central": Role.CENTRAL in user_roles or Role.ADMIN in user_roles,
        "sees_reports": bool(user_roles & {Role.MANAGER, Role.HR, Role.CENTRAL, Role.ADMIN}),
        "sees_audit": bool(user_roles & {Role.HR, Role.CENTRAL, Role.ADMIN}),
        # A staff member alone sees a directory of one: their own profile is on the home page instead.
        "sees_directory": bool(user_roles - {Role.STAFF}),
        # The API docs are for those who build on the API: HR, central HR and administrators.
        "sees_api_docs": bool(user_roles & {Role.HR, Role.CENTRAL, Role.ADMIN}),
        # "Beheer" leads to the Django admin, which lets in only accounts marked as staff.
        "sees_admin": bool(getattr(request, "user", None) and request.user.is_authenticated and request.user.is_staff),
    }
    match = getattr(request, "resolver_match", None)
    ctx["area_in_preparation"] = bool(match and match.namespace in IN_PREPARATION)
    ctx["main_navigation"] = main_navigation(request.path, ctx) if user_roles else []
    return ctx
