"""TTS: voice each script segment with an engine registered by name.

Built-in engines: `kokoro` (the natural voice of the default preset, installed by `briefing
voices install`), `nanotts` (SVOX Pico: German, French, Spanish, Italian, English), `pyttsx3`,
`espeak-ng` (the command line) and `piper` (neural, optional extra `briefing[neural]`).
Each segment is voiced in the language it is said in (`chain_for_segment`). Importing this
package loads only the registry: every other name is imported on first use, and each
engine's module when an engine of that name is made. That keeps a spawned engine worker
(which imports its engine's module, so this package too) down to its own engine, and lets
the CLI start those workers before its heavy imports.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing._lazy import lazy_attributes
from briefing.tts.base import (
    EngineUnavailableError,
    EngineVoice,
    TTSEngine,
    VoiceSettings,
    engine_names,
    get_engine,
    register_engine,
    unavailable_reason,
)

if TYPE_CHECKING:
    from briefing.tts.cache import (
        SegmentCache,
        SegmentStore,
        cache_key,
        default_cache_dir,
        open_segment_cache,
    )
    from briefing.tts.espeak_engine import EspeakNgEngine
    from briefing.tts.kokoro_engine import KokoroEngine
    from briefing.tts.languages import (
        NoVoiceError,
        can_voice,
        chain_for_segment,
        engines_for,
    )
    from briefing.tts.nanotts_engine import NanoTtsEngine
    from briefing.tts.piper_engine import PiperEngine
    from briefing.tts.pool import EnginePool, EngineSet
    from briefing.tts.presets import (
        DEFAULT_PRESET,
        PartVoice,
        VoicePreset,
        load_preset,
        preset_paths,
    )
    from briefing.tts.pyttsx3_engine import Pyttsx3Engine
    from briefing.tts.synthesize import voice_one, voice_segments
    from briefing.tts.voicing import (
        ScriptVoicing,
        SegmentVoicing,
        voice_script,
        voice_segment,
    )

_LAZY: dict[str, str] = {
    **dict.fromkeys(
        ("SegmentCache", "SegmentStore", "cache_key", "default_cache_dir", "open_segment_cache"),
        "cache",
    ),
    "EspeakNgEngine": "espeak_engine",
    "KokoroEngine": "kokoro_engine",
    "NanoTtsEngine": "nanotts_engine",
    **dict.fromkeys(("NoVoiceError", "can_voice", "chain_for_segment", "engines_for"),
                    "languages"),
    "PiperEngine": "piper_engine",
    "Pyttsx3Engine": "pyttsx3_engine",
    **dict.fromkeys(
        ("DEFAULT_PRESET", "PartVoice", "VoicePreset", "load_preset", "preset_paths"), "presets"
    ),
    **dict.fromkeys(("voice_one", "voice_segments"), "synthesize"),
    **dict.fromkeys(("EnginePool", "EngineSet"), "pool"),
    **dict.fromkeys(
        ("ScriptVoicing", "SegmentVoicing", "voice_script", "voice_segment"), "voicing"
    ),
}
"""Public name → the module of this package that defines it."""


__getattr__ = lazy_attributes(__name__, _LAZY, globals())


def _builtin(module: str, class_name: str) -> Callable[[], TTSEngine]:
    """A factory that imports the engine's module when the first engine is made."""

    def make() -> TTSEngine:
        engine: TTSEngine = getattr(importlib.import_module(module), class_name)()
        return engine

    return make


register_engine("kokoro", _builtin("briefing.tts.kokoro_engine", "KokoroEngine"))
register_engine("nanotts", _builtin("briefing.tts.nanotts_engine", "NanoTtsEngine"))
register_engine("pyttsx3", _builtin("briefing.tts.pyttsx3_engine", "Pyttsx3Engine"))
register_engine("espeak-ng", _builtin("briefing.tts.espeak_engine", "EspeakNgEngine"))
register_engine("piper", _builtin("briefing.tts.piper_engine", "PiperEngine"))

__all__ = [
    "DEFAULT_PRESET",
    "EnginePool",
    "EngineSet",
    "EngineUnavailableError",
    "EngineVoice",
    "EspeakNgEngine",
    "KokoroEngine",
    "NanoTtsEngine",
    "NoVoiceError",
    "PartVoice",
    "PiperEngine",
    "Pyttsx3Engine",
    "ScriptVoicing",
    "SegmentCache",
    "SegmentStore",
    "SegmentVoicing",
    "TTSEngine",
    "VoicePreset",
    "VoiceSettings",
    "cache_key",
    "can_voice",
    "chain_for_segment",
    "default_cache_dir",
    "engine_names",
    "engines_for",
    "get_engine",
    "load_preset",
    "open_segment_cache",
    "preset_paths",
    "register_engine",
    "unavailable_reason",
    "voice_one",
    "voice_script",
    "voice_segment",
    "voice_segments",
]
