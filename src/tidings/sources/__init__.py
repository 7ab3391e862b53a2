"""Where documents come from over the network: web pages, RSS/Atom feeds, and polling them.

Files and WARC archives are read by ``tidings.ingest``; this package downloads. Every source yields
the same ``Document`` and ``Failure`` records, so nothing downstream knows where a text came from.
"""

from tidings.sources.feeds import FeedItem, looks_like_feed, parse_feed
from tidings.sources.fetch import FetchSession, read_url_list
from tidings.sources.http import Fetcher, Page, user_agent
from tidings.sources.watch import parse_every, run_polls

__all__ = ["FeedItem", "FetchSession", "Fetcher", "Page", "looks_like_feed", "parse_every", "parse_feed",
           "read_url_list", "run_polls", "user_agent"]
