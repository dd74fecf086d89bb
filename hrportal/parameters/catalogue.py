"""Policy parameters: every number in a rule, with its seed value as default, changeable from a date on.

A service asks `parameter(key, on=decision_date)` and records `snapshot(...)` with its decision, so a
decision taken under an older regulation stays explainable after the value changes.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ParameterSpec:
    """One number of a rule. `minimum`..`maximum` is the range a new value must lie in: what the rule can
    sensibly take (a share is 0-100 %, a stay at least a month), so that a typo cannot break a job."""

    key: str
    default: int | float | str | bool
    label: str
    unit: str = ""
    source: str = ""
    minimum: int = field(kw_only=True)
    maximum: int = field(kw_only=True)

    def __post_init__(self):
        if not (self.minimum <= self.default <= self.maximum):
            raise ValueError(f"{self.key}: the default {self.default} lies outside {self.minimum}-{self.maximum}")


_SPECS = [
    # 1 Mobility
    ParameterSpec(
        "mobility.international.reimbursed_cost_share_percent",
        50,
        _("Share of travel and stay costs reimbursed centrally (international pilots)"),
        "%",
        "001, I.1",
        minimum=0,
        maximum=100,
    ),
    ParameterSpec(
        "mobility.detachment.compensated_salary_share_percent",
        50,
        _("Share of salary cost compensated centrally for detachments"),
        "%",
        "001, I.1",
        minimum=0,
        maximum=100,
    ),
    ParameterSpec(
        "mobility.international.exchange_min_months",
        1,
        _("Default minimum stay of an exchange with the Dutch government"),
        _("months"),
        "001, I.1",
        minimum=1,
        maximum=24,
    ),
    ParameterSpec(
        "mobility.international.exchange_max_months",
        6,
        _("Default maximum stay of an exchange with the Dutch government"),
        _("months"),
        "001, I.1",
        minimum=1,
        maximum=24,
    ),
    ParameterSpec(
        "mobility.international.work_visit_min_months",
        1,
        _("Default minimum stay of a work visit to a foreign office"),
        _("months"),
        "001, I.1",
        minimum=1,
        maximum=24,
    ),
    ParameterSpec(
        "mobility.international.work_visit_max_months",
        3,
        _("Default maximum stay of a work visit to a foreign office"),
        _("months"),
        "001, I.1",
        minimum=1,
        maximum=24,
    ),
    ParameterSpec(
        "mobility.international.claim_days_before_stay",
        60,
        _("Days before the stay from which travel or stay costs may be dated (bookings)"),
        _("days"),
        minimum=0,
        maximum=365,
    ),
    ParameterSpec(
        "mobility.international.claim_days_after_stay",
        90,
        _("Days after the stay until which costs may be dated (late invoices)"),
        _("days"),
        minimum=0,
        maximum=365,
    ),
    ParameterSpec(
        "mobility.marketplace.idle_days_before_expiry",
        90,
        _("Days without change after which an offer or request expires"),
        _("days"),
        minimum=7,
        maximum=730,
    ),
    ParameterSpec(
        "mobility.marketplace.unanswered_days_flag",
        14,
        _("Days after which an open request without candidates is flagged"),
        _("days"),
        minimum=1,
        maximum=365,
    ),
    ParameterSpec(
        "mobility.marketplace.min_match_score",
        50,
        _("Lowest matching score (0-100) for a candidate to be listed"),
        "",
        minimum=0,
        maximum=100,
    ),
    ParameterSpec(
        "mobility.marketplace.candidates_per_request",
        50,
        _("Best-ranked candidates kept per talent request"),
        "",
        minimum=1,
        maximum=500,
    ),
    # 2 Deployability
    ParameterSpec(
        "deployability.redeployment.max_refusals",
        2,
        _("Offered posts a redeployment candidate may refuse; the next offer is ex officio"),
        "",
        "001, II.5",
        minimum=0,
        maximum=10,
    ),
    ParameterSpec(
        "deployability.redeployment.priority_days",
        30,
        _("Days a published vacancy is reserved for redeployment candidates before it opens to others"),
        _("days"),
        "001, II.5 (length not in the seed)",
        minimum=0,
        maximum=365,
    ),
    ParameterSpec(
        "deployability.evaluation.min_months_after_insufficient",
        6,
        _("Minimum months before the evaluation after an 'insufficient'"),
        _("months"),
        "001, I.5",
        minimum=1,
        maximum=24,
    ),
    ParameterSpec(
        "deployability.evaluation.followup_window",
        4,
        _("Number of next evaluations in which a second 'insufficient' means dismissal"),
        "",
        "001, I.5",
        minimum=1,
        maximum=10,
    ),
    ParameterSpec(
        "deployability.networks.practice_file_max_kb",
        1024,
        _("Largest file a learning-network member may attach to a shared practice"),
        _("KB"),
        minimum=10,
        maximum=2048,
    ),
    # 3 Reward
    ParameterSpec(
        "reward.upgrade.min_days",
        30,
        _("Minimum length of a function-upgrade allowance period"),
        _("calendar days"),
        "001, III.4",
        minimum=1,
        maximum=365,
    ),
    ParameterSpec(
        "reward.upgrade.max_days",
        365,
        _("Maximum length of a function-upgrade allowance period"),
        _("calendar days"),
        "001, III.4",
        minimum=1,
        maximum=3650,
    ),
    # The statute from 1 June 2024 adds a regime for tasks of known duration (up to 5 years = 1825 days);
    # before it, both regimes take the one maximum of 365 days.
    ParameterSpec(
        "reward.upgrade.known_max_days",
        365,
        _("Maximum length of a function-upgrade allowance period of known duration (29 February not counted)"),
        _("calendar days"),
        "001, III.4",
        minimum=1,
        maximum=3650,
    ),
    ParameterSpec(
        "reward.upgrade.extension_max_days",
        365,
        _("Maximum length of one extension of a function-upgrade allowance"),
        _("calendar days"),
        "001, III.4",
        minimum=1,
        maximum=3650,
    ),
    ParameterSpec(
        "reward.upgrade.max_extensions",
        0,
        _("Maximum number of extensions (0: unlimited)"),
        "",
        "001, III.4",
        minimum=0,
        maximum=20,
    ),
    ParameterSpec(
        "reward.upgrade.min_class_difference",
        1,
        _("Function classes the heavier tasks must sit above the own function"),
        "",
        "SPEC 3",
        minimum=1,
        maximum=10,
    ),
    ParameterSpec(
        "reward.upgrade.expiry_notice_days",
        60,
        _("Days before its end that a function-upgrade allowance appears on the expiry list"),
        _("days"),
        "SPEC 3",
        minimum=1,
        maximum=365,
    ),
    ParameterSpec(
        "reward.upgrade.publication_month",
        9,
        _("Month in which the yearly list of function-upgrade allowance holders is published"),
        "",
        "SPEC 3",
        minimum=1,
        maximum=12,
    ),
    ParameterSpec(
        "reward.shortage_experience_cap_years",
        0,
        _("Cap on recognised private-sector experience for shortage occupations (0: no cap)"),
        _("years"),
        "001, III.3",
        minimum=0,
        maximum=50,
    ),
    ParameterSpec(
        "reward.private_experience_cap_years",
        0,
        _("Cap on recognised private-sector experience (0: no cap)"),
        _("years"),
        "001, III.3",
        minimum=0,
        maximum=50,
    ),
    # 4 Work organisation
    ParameterSpec(
        "telework.office_norm_percent",
        80,
        _("Desks planned per 100 staff (office-space norm)"),
        "%",
        "001, 2.4",
        minimum=1,
        maximum=100,
    ),
    # Expected presence is not headcount minus teleworkers: on an average day some staff are on leave, ill,
    # part-time or out of the office. Without it every entity showed over capacity every day.
    ParameterSpec(
        "telework.expected_absence_percent",
        15,
        _("Staff away on an average day for reasons other than telework (leave, sickness, part-time)"),
        "%",
        minimum=0,
        maximum=90,
    ),
    ParameterSpec(
        "telework.max_share_per_day_percent",
        50,
        _("Default maximum share of an entity's staff teleworking on one day"),
        "%",
        minimum=0,
        maximum=100,
    ),
    ParameterSpec(
        "telework.coach_time_share_percent",
        20,
        _("Share of working time a certified coach gives to the pool"),
        "%",
        "001, IV.3",
        minimum=0,
        maximum=100,
    ),
    ParameterSpec(
        "telework.standard_annual_hours",
        1520,
        _("Working hours a year of a full-timer, the base of a pool member's time budget"),
        _("hours"),
        "38 h/week",
        minimum=1,
        maximum=2500,
    ),
    # 5 Leadership
    ParameterSpec(
        "leadership.middle_management.min_experience_years",
        6,
        _("Years of relevant experience required for middle management"),
        _("years"),
        "001, V",
        minimum=0,
        maximum=40,
    ),
    ParameterSpec(
        "leadership.probation.min_months",
        6,
        _("Minimum probation of a new leader"),
        _("months"),
        "001, V",
        minimum=1,
        maximum=36,
    ),
    ParameterSpec(
        "leadership.probation.max_months",
        12,
        _("Maximum probation of a new leader"),
        _("months"),
        "001, V",
        minimum=1,
        maximum=36,
    ),
    ParameterSpec(
        "leadership.top_mandate_years", 6, _("Length of a top-management mandate"), _("years"), minimum=1, maximum=12
    ),
    # 3 Reward: pay transparency (EU Directive 2023/970)
    ParameterSpec(
        "reward.paygap.full_time_hours_per_year",
        1976,
        _("Paid hours a year of a full-timer, the base of hourly pay in the pay-gap report (38 h x 52 weeks)"),
        _("hours"),
        "Directive 2023/970 art. 9; 38 h/week",
        minimum=1000,
        maximum=2500,
    ),
    ParameterSpec(
        "reward.paygap.flag_threshold_percent",
        5,
        _("Mean gender pay gap in a category of workers from which a joint pay assessment is due"),
        "%",
        "Directive 2023/970 art. 10",
        minimum=1,
        maximum=50,
    ),
    ParameterSpec(
        "reward.paygap.remedy_months",
        6,
        _("Months to justify or remedy a flagged pay gap before the joint pay assessment"),
        _("months"),
        "Directive 2023/970 art. 10",
        minimum=1,
        maximum=24,
    ),
    ParameterSpec(
        "leadership.top_mandate_ending_months",
        12,
        _("Mandates ending within this many months are listed for central HR"),
        _("months"),
        minimum=1,
        maximum=36,
    ),
    # Monitoring
    ParameterSpec(
        "monitoring.min_cell_size",
        5,
        _("Smallest group shown in a published figure (smaller cells are suppressed)"),
        _("people"),
        minimum=1,
        maximum=100,
    ),
]


CATALOGUE: dict[str, ParameterSpec] = {spec.key: spec for spec in _SPECS}
