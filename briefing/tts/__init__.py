"""TTS: voice each script segment with an engine registered by name."""

from briefing.tts.base import (
    EngineVoice,
    TTSEngine,
    VoiceSettings,
    engine_names,
    get_engine,
    register_engine,
)
from briefing.tts.presets import DEFAULT_PRESET, VoicePreset, load_preset, preset_paths
from briefing.tts.pyttsx3_engine import Pyttsx3Engine
from briefing.tts.synthesize import voice_one, voice_segments

register_engine("pyttsx3", Pyttsx3Engine)

__all__ = [
    "DEFAULT_PRESET",
    "EngineVoice",
    "Pyttsx3Engine",
    "TTSEngine",
    "VoicePreset",
    "VoiceSettings",
    "engine_names",
    "get_engine",
    "load_preset",
    "preset_paths",
    "register_engine",
    "voice_one",
    "voice_segments",
]
