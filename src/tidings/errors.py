"""Exceptions raised by tidings.

    TidingsError                 base class; its message is a one-line reason fit for a user
    ├── InputError               a document cannot be read or is not usable
    │   ├── UnsupportedInput     unknown file type, binary content
    │   ├── EmptyInput           nothing left after decoding and cleaning
    │   ├── TooLarge             above the configured size limit
    │   ├── NotEnglish           the language check failed
    │   ├── BadRecord            a JSON line that is not a valid document record
    │   ├── CorruptRecord        a WARC record that cannot be parsed (truncated, garbled)
    │   └── FetchError           a URL could not be downloaded or used (see ``sources``)
    │       ├── DnsError         the host name does not resolve
    │       ├── FetchTimeout     no answer within the timeout, after the retries
    │       ├── HttpError        an HTTP error status (code ``http-404``, ``http-500``, ...)
    │       ├── Disallowed       robots.txt forbids the URL
    │       ├── TooManyRedirects more redirects than ``fetch_max_redirects``
    │       └── NotHtml          the answer is neither an HTML page nor a feed
    ├── KnowledgeError           a data file (lexicon, actors, codebook) is malformed
    ├── StoreError               the database cannot be opened or written
    │   └── DatabaseUnavailable  bad URL, unknown driver, server down, login refused, unknown schema;
    │                            also a UsageError: the user must fix the URL or the server (exit 2)
    ├── SparkError               a ``tidings spark`` job failed on the cluster
    └── UsageError               bad options or arguments on the command line

Documents that fail are recorded with ``reason`` (the exception's message) and ``code`` (a short
stable tag such as ``"language"``), never dropped silently.
"""


class TidingsError(Exception):
    """Base class of every error tidings raises on purpose."""

    code = "error"

    @property
    def reason(self) -> str:
        return str(self)


class InputError(TidingsError):
    code = "input"


class UnsupportedInput(InputError):
    code = "unsupported"


class EmptyInput(InputError):
    code = "empty"


class TooLarge(InputError):
    code = "too-large"


class NotEnglish(InputError):
    code = "language"


class BadRecord(InputError):
    code = "bad-record"


class CorruptRecord(InputError):
    code = "corrupt"


class FetchError(InputError):
    code = "fetch"


class DnsError(FetchError):
    code = "dns"


class FetchTimeout(FetchError):
    code = "timeout"


class HttpError(FetchError):
    """An HTTP error status; ``code`` carries the status, e.g. ``http-404``."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.code = f"http-{status}"


class Disallowed(FetchError):
    code = "robots"


class TooManyRedirects(FetchError):
    code = "redirects"


class NotHtml(FetchError):
    code = "not-html"


class KnowledgeError(TidingsError):
    code = "knowledge"


class StoreError(TidingsError):
    code = "store"


class SparkError(TidingsError):
    code = "spark"


class UsageError(TidingsError):
    code = "usage"


class DatabaseUnavailable(StoreError, UsageError):
    """The database named by a URL cannot be used: the URL is malformed, its driver is not installed,
    the server is down or refuses the login, or the schema is from a newer tidings."""

    code = "database"
