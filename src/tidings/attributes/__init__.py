"""Attributes of events: resolved dates and deadlines, and quantities (money, prices, counts)."""

from tidings.attributes.dates import TimeExpr, find_times
from tidings.attributes.quantities import QuantityMention, find_quantities

__all__ = ["QuantityMention", "TimeExpr", "find_quantities", "find_times"]
