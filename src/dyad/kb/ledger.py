"""What the ledger counts: events at or above a minimum confidence.

An event dyad is unsure of (a statement read into "said", an act between the wrong pair) should
not move a dyad's timeline or its scores. The questions over the store (relations, timelines,
the web pages, exports) count the events at or above `min_confidence()`, the `[ledger]` setting
of dyad/default.toml, and say how many they left out; each takes an override.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources as importlib_resources

from dyad.errors import ConfigError


@lru_cache(maxsize=1)
def _default() -> float:
    text = importlib_resources.files("dyad").joinpath("default.toml").read_text(encoding="utf-8")
    try:
        value = float(tomllib.loads(text).get("ledger", {}).get("min_confidence", 0.0))
    except (tomllib.TOMLDecodeError, TypeError, ValueError) as exc:
        raise ConfigError(f"default.toml [ledger] min_confidence: {exc}") from exc
    return value


def min_confidence(override: float | None = None) -> float:
    """The minimum confidence the ledger counts: `override` when given, else the shipped default."""
    value = _default() if override is None else float(override)
    if not 0.0 <= value <= 1.0:
        raise ConfigError(f"a minimum confidence is between 0 and 1, not {value}")
    return value
