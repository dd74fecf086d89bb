"""Monitoring figures are organisation-wide and published with small cells suppressed; they are central HR's
(and admins'): HR officers of one entity do not get the organisation's breakdown by gender."""

from hrportal.roles import sees_everything


def can_see_monitoring(user) -> bool:
    return sees_everything(user)


def can_manage_monitoring(user) -> bool:
    return sees_everything(user)
