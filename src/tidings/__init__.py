"""tidings: political event data from news text.

The public API is small: read documents, code them into events, store and query them.
"""

from tidings.about import __version__
from tidings.records import Actor, Document, Event, Failure, Quantity, Trigger

__all__ = ["Actor", "Document", "Event", "Failure", "Quantity", "Trigger", "__version__"]
