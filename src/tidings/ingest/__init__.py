"""Reading documents: text, HTML and JSON-lines files, directories and standard input.

``read_inputs`` yields a ``Document`` for every usable input and a ``Failure`` (with a one-line
reason) for every unusable one; a bad input never stops the good ones beside it.
"""

from tidings.ingest.decode import decode_bytes, looks_english
from tidings.ingest.readers import iter_paths, read_inputs

__all__ = ["decode_bytes", "iter_paths", "looks_english", "read_inputs"]
