"""Reading documents: text, HTML, JSON-lines and WARC files, directories and standard input.

``read_inputs`` yields a ``Document`` for every usable input and a ``Failure`` (with a one-line
reason) for every unusable one; a bad input never stops the good ones beside it.
"""

from tidings.ingest.decode import decode_bytes, looks_english
from tidings.ingest.readers import (
                                    JSONL_SUFFIXES,
                                    count_inputs,
                                    document_from_html,
                                    iter_paths,
                                    read_inputs,
                                    read_jsonl,
                                    selected,
)
from tidings.ingest.select import Selection
from tidings.ingest.warc import read_warc

__all__ = ["JSONL_SUFFIXES", "Selection", "count_inputs", "decode_bytes", "document_from_html", "iter_paths",
           "looks_english", "read_inputs", "read_jsonl", "read_warc", "selected"]
