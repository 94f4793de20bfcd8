from .indicators import Indicator, IndicatorActivity, IndicatorTarget, IndicatorValue, ManualEntry
from .ledger import Participation

__all__ = [
    "Indicator",
    "IndicatorActivity",
    "IndicatorTarget",
    "IndicatorValue",
    "ManualEntry",
    "Participation",
]
