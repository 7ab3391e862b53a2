"""tidings: political event data from news text.

The public API is small: read documents, code them into events, store and query them, and
explain the coder's decisions::

    import tidings
    events = tidings.code_text("Russia will lend Belarus $630 million.", published="2021-09-10")
    store = tidings.Store("sqlite:///events.db")
    unique = store.happenings()       # one record per real-world event (tidings.Happening)

Heavy parts (spaCy, the store) load on first use of the name that needs them.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from tidings.about import __version__
from tidings.records import Actor, Document, Event, Failure, Happening, Quantity, Trigger

__all__ = [
    "Actor", "Document", "Event", "EventQuery", "Failure", "Happening", "Quantity", "Settings", "Store", "Trigger",
    "__version__", "code_documents", "code_paths", "code_text", "evaluate", "explain_text", "ingest",
    "code_stories", "load_pipeline", "load_settings", "read_inputs", "recode",
]

_LAZY = {
    "EventQuery": "tidings.store", "Store": "tidings.store", "Settings": "tidings.config",
    "load_settings": "tidings.config", "code_documents": "tidings.pipeline", "code_text": "tidings.pipeline",
    "code_paths": "tidings.service", "ingest": "tidings.service", "recode": "tidings.service",
    "evaluate": "tidings.evaluate", "explain_text": "tidings.explain", "load_pipeline": "tidings.nlp",
    "read_inputs": "tidings.ingest", "code_stories": "tidings.service",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'tidings' has no attribute {name!r}")
