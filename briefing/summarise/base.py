"""The `Summarizer` protocol and its registry by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from briefing.errors import UnknownEngineError
from briefing.models import Article, Length, Summary


@runtime_checkable
class Summarizer(Protocol):
    """Condenses one article into a few speakable sentences, in article order."""

    name: str

    def summarize(self, article: Article, length: Length) -> Summary: ...


_REGISTRY: dict[str, Callable[[], Summarizer]] = {}


def register_summarizer(name: str, factory: Callable[[], Summarizer]) -> None:
    """Make a summariser available by name (built-ins register exactly like plug-ins)."""
    _REGISTRY[name] = factory


def get_summarizer(name: str) -> Summarizer:
    """Return a new summariser registered under `name`."""
    try:
        return _REGISTRY[name]()
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise UnknownEngineError(f"unknown summariser {name!r}; choose one of: {known}.") from None


def summarizer_names() -> list[str]:
    return sorted(_REGISTRY)
