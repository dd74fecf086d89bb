"""Every write of the international mobility pilots, external mobility and the detachment register.

Callers import this package; the modules inside split it by what is written.
"""

from mobility.international.services.applications import (
    HOST_OUTCOMES,
    REIMBURSED_KEY,
    application_check,
    application_host_decide,
    application_manager_decide,
    application_submit,
    application_withdraw,
    expense_claim_file,
)
from mobility.international.services.calls import DEFAULT_MONTH_KEYS, call_create, call_default_months, call_update
from mobility.international.services.external import (
    COMPENSATED_KEY,
    detachment_register,
    external_applicant_record,
    external_selection_record,
    vacancy_close,
    vacancy_create,
)
from mobility.international.services.stays import add_months, share_of, stay_bounds, stay_last_day

__all__ = [
    "COMPENSATED_KEY",
    "DEFAULT_MONTH_KEYS",
    "HOST_OUTCOMES",
    "REIMBURSED_KEY",
    "add_months",
    "application_check",
    "application_host_decide",
    "application_manager_decide",
    "application_submit",
    "application_withdraw",
    "call_create",
    "call_default_months",
    "call_update",
    "detachment_register",
    "expense_claim_file",
    "external_applicant_record",
    "external_selection_record",
    "share_of",
    "stay_bounds",
    "stay_last_day",
    "vacancy_close",
    "vacancy_create",
]
