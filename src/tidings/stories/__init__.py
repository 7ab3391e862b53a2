"""Stories: one real-world event, many mentions, deduplicated across documents and outlets.

- ``features``: what clustering compares about a mention (block, date interval, words, places …);
- ``cluster``: deterministic, order-independent, incremental clustering of mentions into events;
- ``copies``: syndicated copies by MinHash/LSH;
- ``events``: the event record of a cluster, and clustering of mentions held in memory.

The store keeps them up to date as documents arrive (``tidings.store.stories``).
"""

from __future__ import annotations

from tidings.stories.events import DocInfo, cluster_events, summarize
from tidings.stories.features import StorySettings

__all__ = ["DocInfo", "StorySettings", "cluster_events", "story_settings", "summarize"]


def story_settings(settings: object) -> StorySettings:
    """The story part of ``tidings.config.Settings``."""
    return StorySettings(
        slack_days=int(getattr(settings, "story_slack_days", 1)), weak_days=int(getattr(settings, "story_weak_days", 5)),
        min_similarity=float(getattr(settings, "story_min_similarity", 0.2)),
        amount_ratio=float(getattr(settings, "story_amount_ratio", 1.6)),
        copy_threshold=float(getattr(settings, "copy_threshold", 0.5)),
    )
