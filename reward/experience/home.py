def action_items(user) -> list:
    return []
