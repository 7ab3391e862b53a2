"""The ``tidings`` command line: thin adapters over the library functions.

Exit codes: 0 success, 1 some documents failed (or an internal error), 2 usage error.
No traceback reaches the user unless ``--debug`` is given. Each command group lives in its own
module and registers itself on ``app``.
"""

from tidings.cli import commitments, places, query, run, serve, sources, spark, tools  # noqa: F401  (register the commands)
from tidings.cli.app import app, main

__all__ = ["app", "main"]
