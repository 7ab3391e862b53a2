"""The web view of a store (``tidings serve``): overview, dyads, events, documents and a map, each
page with a JSON API behind it. ``create_app(store)`` returns the ASGI application; it only reads."""

from tidings.web.app import create_app

__all__ = ["create_app"]
