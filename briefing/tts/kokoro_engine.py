"""`kokoro`: the natural voice, offline: Kokoro-82M (Apache-2.0) through kokoro-onnx (MIT).

The model and voices are put in the user's data folder by `briefing voices install`
(`briefing.tts.kokoro_install`); nothing is downloaded at run time. Synthesis runs in a spawned
worker that loads and checks the model as soon as it starts (while the script is still being
composed), then voices one segment per request, 24 kHz mono. The text is turned into phonemes
by espeak-ng (kokoro-onnx's phonemizer), in the accent of the voice: Kokoro's voice names start
with their language (a: American, b: British English, e: Spanish, f: French, i: Italian,
p: Brazilian Portuguese). Words the user gave phonemes for arrive as `[word](/ipa/)` and are
spoken from those phonemes (`reads_ipa`).
"""

from __future__ import annotations

import importlib.util
import multiprocessing.connection
import re
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.errors import ModelError
from briefing.tts.base import EngineUnavailableError, EngineVoice, VoiceSettings
from briefing.tts.kokoro_files import (
    MODEL_SHA256,
    SAMPLE_RATE,
    check_model,
    check_voice,
    missing_reason,
    model_path,
    shipped_sums,
    voice_names,
    voices_path,
)
from briefing.tts.verify import expected_seconds
from briefing.tts.worker import (
    WorkerProcess,
    WorkerUnavailableError,
    serve_requests,
    start_child,
)

NATURAL_WPM = {
    "af_heart": 176, "af_bella": 170, "am_michael": 158, "am_fenrir": 174,
    "bf_emma": 188, "bf_isabella": 183, "bm_george": 153, "bm_fable": 171,
}  # fmt: skip
"""Words per minute of each voice at speed 1.0, measured on the example article's script
(324 words); a preset's `rate` is turned into Kokoro's speed with it, so every voice keeps
the rate it is given."""
OTHER_WPM = 170
"""The pace assumed for a voice not measured."""
BATCH_PHONEMES = 100
"""Longest stretch of phonemes synthesised at once (about 6 s of speech), cut at sentence, then
clause, then word breaks. A worker's memory peaks with it while its speed does not change:
on a 10-minute script 450 MB at 100 (410 MB with the arena shrunk after each segment, as
here), 500 MB at 150 and 680 MB at kokoro-onnx's own 510."""
SPEEDS = (0.5, 2.0)
"""The speeds kokoro-onnx accepts."""
LOAD_TIMEOUT_S = 90.0
"""Starting a worker: imports, the model's hash and session (about 2 s on an idle core)."""
SECONDS_PER_SPOKEN_SECOND = 4.0
"""A generous bound on synthesis time per second of speech on one loaded core."""
LANGUAGES = {"a": "en-us", "b": "en-gb", "e": "es", "f": "fr-fr", "i": "it", "p": "pt-br"}
"""A voice's first letter → the espeak-ng language its phonemes are made in."""
VOICE_FOR_LANGUAGE = {
    "en-gb": "bf_emma", "en-us": "af_heart", "en": "af_heart", "es": "em_alex",
    "fr": "ff_siwis", "it": "im_nicola", "pt": "pf_dora",
}  # fmt: skip
"""The voice used when a preset names a language but no voice: per language, the one Whisper
base understood best (benchmarks/languages.py; pf_dora and pm_alex tied)."""
DEFAULT_VOICE = "af_heart"
IPA_MARKUP = re.compile(r"\[([^\]]+)\]\(/([^/)]+)/\)")
"""Kokoro's convention for a word with given phonemes: `[Kyiv](/kˈiːv/)`."""
LICENCE = "Kokoro-82M model and voices: Apache-2.0; kokoro-onnx: MIT; espeak-ng: GPL-3.0"


class KokoroEngine:
    name = "kokoro"
    reads_ipa = True

    def __init__(self) -> None:
        self._server = _Server(threads=1)
        self._worker = WorkerProcess(self._server, self.name)

    def set_threads(self, threads: int) -> None:
        """CPU threads for the model; a worker loads it once, so this applies from its next start.

        Two cores voice fastest as two workers of one thread each
        (`benchmarks/kokoro_engine.py`), which is what `EnginePool` gives them.
        """
        self._server.threads = max(1, threads)

    def start(self) -> None:
        """Spawn the worker now: it loads and checks the model while the script is composed."""
        if self.unavailable_reason() is None:
            self._worker.start()

    def synthesize(self, text: str, out_path: Path, settings: VoiceSettings) -> None:
        reason = self.unavailable_reason(settings)
        if reason:
            raise EngineUnavailableError(reason)
        voice = voice_for(settings)
        spoken_s = expected_seconds(text, settings.rate_wpm)
        timeout = LOAD_TIMEOUT_S + SECONDS_PER_SPOKEN_SECOND * spoken_s
        speed = speed_for(settings.rate_wpm, voice)
        request = (text, str(out_path), voice, speed, settings.volume)
        self._worker.call(("synthesize", request), timeout)

    def list_voices(self) -> list[EngineVoice]:
        if self.unavailable_reason():
            return []
        return [EngineVoice(name, _describe(name), (_language(name),)) for name in voice_names()]

    def close(self) -> None:
        self._worker.close()

    def unavailable_reason(self, settings: VoiceSettings | None = None) -> str | None:
        if importlib.util.find_spec("kokoro_onnx") is None:
            return 'kokoro-onnx is not installed; reinstall briefing: ./install.sh'
        reason = missing_reason()
        if reason:
            return reason
        if settings is not None and settings.voice is not None:
            names = voice_names()
            if settings.voice not in names:
                return f"the natural voice has no voice {settings.voice!r}; choose one of: " + (
                    ", ".join(names))
        return None

    def cache_identity(self, settings: VoiceSettings) -> str:
        """The model's hash and the voice: another model or voice changes the audio."""
        return f"kokoro-v1.0-int8:{MODEL_SHA256[:16]}:{voice_for(settings)}"


def voice_for(settings: VoiceSettings) -> str:
    """The voice a preset asks for, or the one for its language (American English else)."""
    if settings.voice:
        return settings.voice
    language = settings.language.lower().replace("_", "-")
    return VOICE_FOR_LANGUAGE.get(language, VOICE_FOR_LANGUAGE.get(language[:2], DEFAULT_VOICE))


def speed_for(rate_wpm: int, voice: str) -> float:
    """Kokoro's `speed` for `voice` to speak `rate_wpm` words a minute, within what
    kokoro-onnx accepts."""
    low, high = SPEEDS
    return min(high, max(low, rate_wpm / NATURAL_WPM.get(voice, OTHER_WPM)))


def _language(voice: str) -> str:
    return LANGUAGES.get(voice[:1], "en-us")


def _describe(voice: str) -> str:
    """"af_heart" → "Heart, American English, female": what Kokoro's names encode."""
    accents = {"a": "American English", "b": "British English", "e": "Spanish", "f": "French",
               "i": "Italian", "p": "Brazilian Portuguese"}
    sex = {"f": "female", "m": "male"}.get(voice[1:2], "")
    name = voice[3:].replace("_", " ").title()
    return ", ".join(part for part in (name, accents.get(voice[:1], ""), sex) if part)


@dataclass
class _Server:
    """The worker's entry point, pickled into the spawned child with its thread count."""

    threads: int

    def __call__(self, conn: multiprocessing.connection.Connection) -> None:
        start_child()
        model = _Model.load(self.threads)

        def handle(command: str, payload: Any) -> None:
            text, out_path, voice, speed, volume = payload
            model.speak(text, Path(out_path), voice, speed, volume)

        serve_requests(conn, handle)


class _RunWith:
    """A session that runs with `options` (kokoro-onnx calls `sess.run(None, inputs)`)."""

    def __init__(self, session: Any, options: Any) -> None:
        self._session = session
        self._options = options

    def run(self, names: Any, feed: Any) -> Any:
        return self._session.run(names, feed, self._options)


class _Model:
    """The loaded model and voices of one worker, or why they could not be loaded."""

    def __init__(self, kokoro: Any, problem: str | None) -> None:
        self._kokoro = kokoro
        self._problem = problem
        self._styles: dict[str, Any] = {}
        self._sums: dict[str, str] = {}

    @classmethod
    def load(cls, threads: int) -> _Model:
        """Check the model's hash and load it with `threads` CPU threads, quietly."""
        try:
            import logging

            import onnxruntime
            from kokoro_onnx import Kokoro

            logging.getLogger("kokoro_onnx").handlers.clear()  # its records go to our log
            onnxruntime.set_default_logger_severity(3)  # errors only, and those we report
            check_model(model_path())
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            session = onnxruntime.InferenceSession(
                str(model_path()), sess_options=options, providers=["CPUExecutionProvider"]
            )
            from kokoro_onnx.chunker import split_phonemes

            class ShortBatches(Kokoro):
                def _split_phonemes(self, phonemes: str) -> list[str]:
                    return list(split_phonemes(phonemes, BATCH_PHONEMES))

            kokoro = ShortBatches.from_session(session, str(voices_path()))
            run_options = onnxruntime.RunOptions()
            run_options.log_severity_level = 3
            # What a segment needed goes back after it: a worker idles at 250 MB, not its peak
            run_options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")
            kokoro.sess = _RunWith(session, run_options)
            return cls(kokoro, None)
        except ModelError as error:
            return cls(None, error.message)
        except (ImportError, OSError, ValueError, RuntimeError) as error:
            return cls(None, f"the natural voice could not be loaded ({error}); "
                             "reinstall it with: briefing voices install")

    def speak(self, text: str, out_path: Path, voice: str, speed: float, volume: float) -> None:
        import numpy as np

        if self._problem is not None:
            raise WorkerUnavailableError(self._problem)
        style = self._style(voice)
        language = _language(voice)
        phonemes = self._phonemes(text, language)
        samples, rate = self._kokoro.create(
            phonemes, voice=style, speed=speed, lang=language, is_phonemes=True
        )
        pcm = np.clip(np.asarray(samples, dtype=np.float32) * volume, -1.0, 1.0)
        with wave.open(str(out_path), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(rate or SAMPLE_RATE)
            wav.writeframes((pcm * 32767.0).astype("<i2").tobytes())

    def _style(self, voice: str) -> Any:
        """The voice's style vectors, checked against the shipped SHA256SUMS once."""
        if voice not in self._styles:
            if not self._sums:
                self._sums = shipped_sums()
            try:
                style = self._kokoro.voices[voice]
            except KeyError:
                style = None
            if style is None:
                known = ", ".join(sorted(self._sums))
                raise WorkerUnavailableError(f"the natural voice has no voice {voice!r}; "
                                             f"choose one of: {known}")
            try:
                check_voice(voice, style, self._sums, voices_path())
            except ModelError as error:
                raise WorkerUnavailableError(error.message) from None
            self._styles[voice] = style
        return self._styles[voice]

    def _phonemes(self, text: str, language: str) -> str:
        """The text's phonemes by espeak-ng, with the user's own for `[word](/ipa/)`."""
        phonemize = self._kokoro.tokenizer.phonemize
        pieces = IPA_MARKUP.split(text)  # text, word, ipa, text, word, ipa, …, text
        spoken = []
        for index, piece in enumerate(pieces):
            kind = index % 3
            if kind == 0 and piece.strip():
                spoken.append(phonemize(piece, language))
            elif kind == 2:
                spoken.append(piece.strip())
        joined = " ".join(part for part in spoken if part)
        return re.sub(r"\s+([,.;:!?])", r"\1", joined)
