"""The `TTSEngine` protocol, the settings a voice is made of, and the engine registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from briefing.errors import EngineError, UnknownEngineError


@dataclass(frozen=True)
class VoiceSettings:
    """Everything that changes how a voice sounds; part of every cache key."""

    voice: str | None = None
    """The engine's own voice id (None: the engine's default)."""
    rate_wpm: int = 175
    """Speaking rate in words per minute."""
    volume: float = 1.0
    """0.0 to 1.0."""
    pitch: int | None = None
    """0 to 99 where the engine supports it."""
    language: str = "en"


@dataclass(frozen=True)
class EngineVoice:
    """A voice an engine offers on this machine."""

    id: str
    name: str
    languages: tuple[str, ...] = ()


@runtime_checkable
class TTSEngine(Protocol):
    """Speaks one piece of text into a WAV file. Callers verify the file; engines may fail."""

    name: str

    def synthesize(self, text: str, out_path: Path, settings: VoiceSettings) -> None: ...

    def list_voices(self) -> list[EngineVoice]: ...

    def close(self) -> None:
        """Release worker processes; the engine may be used again after (it restarts)."""
        ...


# Optional methods an engine may add (looked up with getattr, so plug-ins need not):
#   unavailable_reason(settings=None) -> str | None   why it cannot run here (for this voice)
#   set_threads(n: int) -> None           CPU threads per worker, so parallel workers share cores
#   cache_identity(settings) -> str       extra text for the cache key (e.g. a model's version)
#   start() -> None                       begin starting a worker process now, without waiting
# and an optional attribute:
#   reads_ipa: bool    True: the user's phonemes come as "[word](/ipa/)" markup in the text
#                      (briefing.tts.lexicon); otherwise the engine gets their respellings


class EngineUnavailableError(EngineError):
    """The engine cannot run here at all (not installed, no model): retrying is pointless."""


def unavailable_reason(engine: TTSEngine, settings: VoiceSettings | None = None) -> str | None:
    """Why `engine` (with this voice) cannot run on this machine, or None when it can."""
    check = getattr(engine, "unavailable_reason", None)
    if not callable(check):
        return None
    reason = check(settings)
    return str(reason) if reason else None


_REGISTRY: dict[str, Callable[[], TTSEngine]] = {}


def register_engine(name: str, factory: Callable[[], TTSEngine]) -> None:
    """Make a TTS engine available by name (built-ins register exactly like plug-ins)."""
    _REGISTRY[name] = factory


def get_engine(name: str) -> TTSEngine:
    """Return a new instance of the engine registered under `name`."""
    try:
        return _REGISTRY[name]()
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise UnknownEngineError(f"unknown TTS engine {name!r}; choose one of: {known}.") from None


def engine_names() -> list[str]:
    return sorted(_REGISTRY)
