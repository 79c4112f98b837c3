"""TTS: voice each script segment with an engine registered by name.

Built-in engines: `pyttsx3` (default), `espeak-ng` (the command line) and `piper` (neural,
optional extra `briefing[neural]`). Engine modules import their heavy libraries only inside
their spawned workers, so importing this package stays cheap.
"""

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
from briefing.tts.cache import SegmentCache, cache_key, default_cache_dir
from briefing.tts.espeak_engine import EspeakNgEngine
from briefing.tts.piper_engine import PiperEngine
from briefing.tts.presets import DEFAULT_PRESET, PartVoice, VoicePreset, load_preset, preset_paths
from briefing.tts.pyttsx3_engine import Pyttsx3Engine
from briefing.tts.synthesize import voice_one, voice_segments
from briefing.tts.voicing import (
    EngineSet,
    ScriptVoicing,
    SegmentVoicing,
    voice_script,
    voice_segment,
)

register_engine("pyttsx3", Pyttsx3Engine)
register_engine("espeak-ng", EspeakNgEngine)
register_engine("piper", PiperEngine)

__all__ = [
    "DEFAULT_PRESET",
    "EngineSet",
    "EngineUnavailableError",
    "EngineVoice",
    "EspeakNgEngine",
    "PartVoice",
    "PiperEngine",
    "Pyttsx3Engine",
    "ScriptVoicing",
    "SegmentCache",
    "SegmentVoicing",
    "TTSEngine",
    "VoicePreset",
    "VoiceSettings",
    "cache_key",
    "default_cache_dir",
    "engine_names",
    "get_engine",
    "load_preset",
    "preset_paths",
    "register_engine",
    "unavailable_reason",
    "voice_one",
    "voice_script",
    "voice_segment",
    "voice_segments",
]
