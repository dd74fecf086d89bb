from .agreements import TeleworkAgreement, TeleworkExplanation

__all__ = ["TeleworkAgreement", "TeleworkExplanation"]
