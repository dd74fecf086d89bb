from hrportal.roles import Role, roles_of


def roles(request):
    user_roles = roles_of(request.user) if hasattr(request, "user") else frozenset()
    return {
        "user_roles": user_roles,
        "is_manager": Role.MANAGER in user_roles,
        "is_hr": Role.HR in user_roles,
        "is_central": Role.CENTRAL in user_roles or Role.ADMIN in user_roles,
        "sees_reports": bool(user_roles & {Role.MANAGER, Role.HR, Role.CENTRAL, Role.ADMIN}),
        "sees_audit": bool(user_roles & {Role.HR, Role.CENTRAL, Role.ADMIN}),
    }
