from ..pages import ImpactPage, ImpactPageIndicator
from .indicators import Indicator, IndicatorActivity, IndicatorTarget, IndicatorValue, ManualEntry
from .ledger import Participation

__all__ = [
    "ImpactPage",
    "ImpactPageIndicator",
    "Indicator",
    "IndicatorActivity",
    "IndicatorTarget",
    "IndicatorValue",
    "ManualEntry",
    "Participation",
]
