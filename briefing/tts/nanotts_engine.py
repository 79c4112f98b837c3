"""`nanotts`: SVOX Pico (Apache-2.0) through py-nanotts, offline: German, French, Spanish,
Italian and British and American English, 16 kHz mono.

Kokoro has no German voice; Pico's de-DE is small (a 5 MB wheel for all six voices), fast
(about 0.03 s for a 6-second sentence) and understood well. The native library runs in a
spawned worker like every other engine's, so a crash in it loses one attempt, not the run.
Pico reads its own markup (`<speed level="…">`) in the text, so angle brackets are taken out.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import multiprocessing.connection
import re
import wave
from pathlib import Path
from typing import Any

from briefing.tts.base import EngineUnavailableError, EngineVoice, VoiceSettings
from briefing.tts.verify import expected_seconds
from briefing.tts.worker import WorkerProcess, serve_requests, start_child

SAMPLE_RATE = 16_000
VOICES = {
    "de-DE": "German", "fr-FR": "French", "es-ES": "Spanish", "it-IT": "Italian",
    "en-GB": "British English", "en-US": "American English",
}  # fmt: skip
"""Pico's voices (one per language, all female) and what they speak."""
NATURAL_WPM = {"de-DE": 126, "fr-FR": 166, "es-ES": 131, "it-IT": 137, "en-GB": 158,
               "en-US": 158}
"""Words per minute of each voice at speed 1.0, measured on one news sentence each; a preset's
`rate` becomes Pico's speed with it (German words are long: fewer of them a minute)."""
GAIN = 0.6
"""Pico's volume for a preset's 1.0: at its own 1.0 it clips (1,650 full-scale samples in one
German sentence, 2,000 in Spanish); at 0.6 none of four voices does, and mastering sets the
loudness after."""
SPEEDS = (0.2, 5.0)
"""The speeds py-nanotts accepts (1.0: the voice's own pace)."""
START_TIMEOUT_S = 30.0
"""Starting a worker: a new interpreter and the py-nanotts import (well under a second idle)."""
SECONDS_PER_SPOKEN_SECOND = 1.0
"""A generous bound on synthesis time per second of speech (measured: about 0.005)."""
LICENCE = "SVOX Pico and py-nanotts: Apache-2.0"


class NanoTtsEngine:
    name = "nanotts"

    def __init__(self) -> None:
        self._worker = WorkerProcess(_serve, self.name)

    def start(self) -> None:
        """Spawn the worker now, so that it is ready by the time the script is."""
        if self.unavailable_reason() is None:
            self._worker.start()

    def synthesize(self, text: str, out_path: Path, settings: VoiceSettings) -> None:
        reason = self.unavailable_reason(settings)
        if reason:
            raise EngineUnavailableError(reason)
        voice = voice_for(settings)
        assert voice is not None  # unavailable_reason said so otherwise
        timeout = START_TIMEOUT_S + SECONDS_PER_SPOKEN_SECOND * expected_seconds(
            text, settings.rate_wpm)
        request = (pico_text(text), str(out_path), voice, speed_for(settings.rate_wpm, voice),
                   GAIN * settings.volume, pitch_for(settings.pitch))
        self._worker.call(("synthesize", request), timeout)

    def list_voices(self) -> list[EngineVoice]:
        if self.unavailable_reason():
            return []
        return [EngineVoice(voice, f"{language}, female", (voice,))
                for voice, language in VOICES.items()]

    def close(self) -> None:
        self._worker.close()

    def unavailable_reason(self, settings: VoiceSettings | None = None) -> str | None:
        if importlib.util.find_spec("py_nanotts") is None:
            return "py-nanotts is not installed; reinstall briefing: ./install.sh"
        if settings is not None and voice_for(settings) is None:
            known = ", ".join(VOICES)
            if settings.voice:
                return f"SVOX Pico has no voice {settings.voice!r}; choose one of: {known}"
            return f"SVOX Pico has no voice for {settings.language!r}; it speaks {known}"
        return None

    def cache_identity(self, settings: VoiceSettings) -> str:
        """The library's version and the voice: another of either changes the audio."""
        return f"py-nanotts-{_version()}:{voice_for(settings)}"


def voice_for(settings: VoiceSettings) -> str | None:
    """The voice a preset names, else the one for its language ("de" → "de-DE"), else None."""
    by_lower = {voice.lower(): voice for voice in VOICES}
    if settings.voice:
        return by_lower.get(settings.voice.lower().replace("_", "-"))
    locale = settings.language.lower().replace("_", "-")
    if locale in by_lower:
        return by_lower[locale]
    code = locale.split("-")[0]
    preferred = {"en": "en-US"}
    if code in preferred:
        return preferred[code]
    return next((voice for voice in VOICES if voice.lower().startswith(f"{code}-")), None)


def speed_for(rate_wpm: int, voice: str) -> float:
    """Pico's speed for `voice` to speak `rate_wpm` words a minute, within what it accepts."""
    low, high = SPEEDS
    return round(min(high, max(low, rate_wpm / NATURAL_WPM.get(voice, 150))), 3)


def pitch_for(pitch: int | None) -> float | None:
    """A preset's pitch (0 to 99, 50 the voice's own) as Pico's factor (0.5 to 2.0)."""
    if pitch is None:
        return None
    return round(min(2.0, max(0.5, pitch / 50)), 3)


def pico_text(text: str) -> str:
    """The text without markup: Pico reads `<…>` as its own tags (and says what it cannot)."""
    text = re.sub(r"</?[A-Za-z][^<>]*>", " ", text)  # a tag, not "3 < 4 > 2"
    return " ".join(text.replace("<", " ").replace(">", " ").split())


def _version() -> str:
    try:
        return importlib.metadata.version("py-nanotts")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _serve(conn: multiprocessing.connection.Connection) -> None:
    """The worker: import py-nanotts once, then voice one segment per request."""
    start_child()
    from py_nanotts import NanoTTS

    tts = NanoTTS()

    def handle(command: str, payload: Any) -> None:
        text, out_path, voice, speed, volume, pitch = payload
        pcm = tts.speak(text, voice=voice, speed=speed, pitch=pitch, volume=volume)
        if not pcm:
            raise RuntimeError("SVOX Pico returned no audio")
        write_wav(Path(out_path), pcm)

    serve_requests(conn, handle)


def write_wav(path: Path, pcm: bytes) -> None:
    """16-bit mono PCM at Pico's 16 kHz as a WAV file."""
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(pcm)
