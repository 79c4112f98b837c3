"""`pyttsx3`, the default engine: espeak-ng (Linux), SAPI5 (Windows), NSSpeechSynthesizer (macOS).

Synthesis runs in a spawned worker. Within it, each text is spoken in chunks of a few dozen
words, and each chunk waits for pyttsx3's `finished-utterance` event, because `runAndWait`
alone returns before espeak-ng has written longer texts.
"""

from __future__ import annotations

import contextlib
import importlib.util
import multiprocessing.connection
import re
import sys
import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing.tts.base import EngineVoice, VoiceSettings
from briefing.tts.verify import expected_seconds
from briefing.tts.worker import (
    WorkerConfigError,
    WorkerProcess,
    serve_requests,
    start_child,
)

Voice = tuple[str, str, list[str]]
"""A driver's voice as (id, name, languages)."""
CHUNK_WORDS = 40
"""pyttsx3 with espeak-ng is reliable for sentence-sized texts, not for long ones."""
UTTERANCE_TIMEOUT_S = 30.0


class Pyttsx3Engine:
    name = "pyttsx3"

    def __init__(self) -> None:
        self._worker = WorkerProcess(_serve, self.name)

    def synthesize(self, text: str, out_path: Path, settings: VoiceSettings) -> None:
        timeout = 20.0 + 3.0 * expected_seconds(text, settings.rate_wpm)
        self._worker.synthesize(text, out_path, settings, timeout)

    def list_voices(self) -> list[EngineVoice]:
        voices = self._worker.call(("voices", None), 30.0)
        return [EngineVoice(v[0], v[1], tuple(v[2])) for v in voices]

    def start(self) -> None:
        """Spawn the worker now, so that it is ready by the time the script is."""
        self._worker.start()

    def close(self) -> None:
        self._worker.close()

    def unavailable_reason(self, settings: VoiceSettings | None = None) -> str | None:
        """pyttsx3 itself, and on Linux the espeak-ng library it drives."""
        import ctypes.util  # here, not in the worker, which has no use for it

        if importlib.util.find_spec("pyttsx3") is None:
            return "pyttsx3 is not installed; run ./install.sh again"
        if sys.platform.startswith("linux") and not (
            ctypes.util.find_library("espeak-ng") or ctypes.util.find_library("espeak")
        ):
            return "pyttsx3 needs the espeak-ng library; install espeak-ng (apt install espeak-ng)"
        return None


def split_for_speech(text: str, max_words: int = CHUNK_WORDS) -> list[str]:
    """Cut text into chunks of at most `max_words`, at sentence, then clause, then word breaks."""
    words = text.split()
    if len(words) <= max_words:
        return [text.strip()] if text.strip() else []
    chunks: list[str] = []
    for piece in re.split(r"(?<=[.!?;:])\s+|(?<=,)\s+(?=\S)", text):
        piece_words = piece.split()
        if not piece_words:
            continue
        if chunks and len(chunks[-1].split()) + len(piece_words) <= max_words:
            chunks[-1] = f"{chunks[-1]} {piece.strip()}"
            continue
        while len(piece_words) > max_words:
            chunks.append(" ".join(piece_words[:max_words]))
            piece_words = piece_words[max_words:]
        if piece_words:
            chunks.append(" ".join(piece_words))
    return chunks


def _serve(conn: multiprocessing.connection.Connection) -> None:
    """The worker's loop: one pyttsx3 engine, many jobs."""
    start_child()
    import pyttsx3

    engine = pyttsx3.init()
    # espeak-ng's driver reports every utterance with name None, so one event serves all:
    # chunks are spoken strictly one after another.
    finished = threading.Event()
    engine.connect("finished-utterance", lambda name, completed: finished.set())
    engine.runAndWait()  # pyttsx3 holds back settings until its first loop: run it, empty
    counter = 0
    voices: list[Voice] = []

    def known_voices() -> list[Voice]:
        """The driver's voices, listed once: a listing costs 2 to 3 ms, a segment 10 to 30."""
        if not voices:
            voices.extend(
                (v.id, v.name, list(v.languages or [])) for v in engine.getProperty("voices")
            )
        return voices

    def handle(command: str, payload: Any) -> Any:
        nonlocal counter
        if command == "voices":
            return known_voices()
        text, out_path, settings = payload
        _apply(engine, VoiceSettings(**settings), known_voices())
        paths = []
        for chunk in split_for_speech(text):
            counter += 1
            chunk_path = Path(f"{out_path}.part{counter}.wav")
            chunk_path.unlink(missing_ok=True)
            finished.clear()
            engine.save_to_file(chunk, str(chunk_path))
            engine.runAndWait()
            if not finished.wait(UTTERANCE_TIMEOUT_S):
                raise RuntimeError("pyttsx3 never reported the end of an utterance")
            paths.append(chunk_path)
        _join_wavs(paths, Path(out_path))
        return None

    serve_requests(conn, handle)


def _apply(engine: Any, settings: VoiceSettings, voices: list[Voice]) -> None:
    """Give the driver the voice, rate, volume and pitch for the next text, and let it take them.

    pyttsx3 cancels whatever espeak-ng is still doing as it starts to speak; espeak-ng applies
    settings on a thread of its own, so a rate given just before could be cancelled and the
    text spoken at the previous one (pyttsx3's 200 wpm, in a fresh worker). So the settings
    go to the driver at once, not held back while pyttsx3 is busy, and speaking waits until
    espeak-ng has finished with them.
    """
    _wait_until(lambda: not engine.isBusy())
    voice = choose_voice(voices, settings)
    if voice:
        engine.setProperty("voice", voice)
    engine.setProperty("rate", settings.rate_wpm)
    engine.setProperty("volume", settings.volume)
    if settings.pitch is not None:
        with contextlib.suppress(Exception):  # not every driver has pitch
            engine.setProperty("pitch", settings.pitch)
    if getattr(engine, "driver_name", None) == "espeak":
        from pyttsx3.drivers import _espeak

        _wait_until(lambda: not _espeak.IsPlaying())


SETTLE_TIMEOUT_S = 2.0
"""Longer than pyttsx3 or espeak-ng ever takes to settle; after it, speak anyway."""


def _wait_until(ready: Callable[[], bool]) -> None:
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    while not ready() and time.monotonic() < deadline:
        time.sleep(0.0002)


class UnknownVoiceError(WorkerConfigError):
    """The preset names a voice this machine's speech engine does not have."""


def choose_voice(voices: list[Voice], settings: VoiceSettings) -> str | None:
    """The voice id to use: the preset's id or name exactly, else the first for its language.

    Voice ids differ by platform (espeak-ng "gmw/en", SAPI5 registry keys, macOS bundle ids),
    so a preset that gives only a language works everywhere.
    """
    if settings.voice:
        wanted = settings.voice.lower()
        for voice_id, name, _ in voices:
            if voice_id.lower() == wanted or name.lower() == wanted:
                return voice_id
        raise UnknownVoiceError(
            f"this machine's speech engine has no voice {settings.voice!r}; "
            "run `briefing voices` to see the ones it has"
        )
    language = settings.language.lower().replace("_", "-")
    for candidate in (language, language.split("-")[0]):
        matching = [
            (index, voice_id, [lang.lower().replace("_", "-") for lang in languages])
            for index, (voice_id, _, languages) in enumerate(voices)
        ]
        ranked = sorted(
            (_rank(voice_id, langs, candidate), index, voice_id)
            for index, voice_id, langs in matching
            if candidate in langs
        )
        if ranked:
            return ranked[0][2]
    return None


def _rank(voice_id: str, languages: list[str], candidate: str) -> tuple[bool, bool]:
    """How well a voice fits a bare language, smaller first: a voice that needs MBROLA's own
    data (`mb/…`, rarely installed) last, and the language's home voice ("fr" → fr-fr, not
    fr-be, which espeak-ng lists first; "en" → gmw/en, not en-029) before a regional one."""
    home = languages[0] in (candidate, f"{candidate}-{candidate}") or (
        voice_id.rsplit("/", 1)[-1].lower() == candidate  # espeak-ng's gmw/en, roa/fr
    )
    return (voice_id.startswith("mb/"), not home)


def _join_wavs(parts: list[Path], out_path: Path) -> None:
    """Concatenate chunk WAVs into one; a chunk that is missing or empty fails the segment."""
    params = None
    frames: list[bytes] = []
    try:
        for part in parts:
            if not part.exists():
                raise RuntimeError("pyttsx3 wrote no file for a chunk")
            with wave.open(str(part), "rb") as wav:
                if wav.getnframes() == 0:
                    raise RuntimeError("pyttsx3 wrote an empty WAV for a chunk")
                params = params or wav.getparams()
                frames.append(wav.readframes(wav.getnframes()))
    finally:
        for part in parts:
            part.unlink(missing_ok=True)
    if params is None:
        raise RuntimeError("nothing to speak")
    with wave.open(str(out_path), "wb") as out:
        out.setparams(params)
        out.writeframes(b"".join(frames))
