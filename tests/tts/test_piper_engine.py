"""The piper engine with the bundled en_US-joe-medium voice, run for real."""

from __future__ import annotations

import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from audio_probe import mean_volume_db, silences

from briefing.errors import EngineError
from briefing.tts import EngineUnavailableError, PiperEngine, VoiceSettings, voice_one
from briefing.tts.piper_engine import model_path

TWO_SENTENCES = "The tide turned early this morning. Fishing boats stayed in the harbour."


@pytest.fixture(scope="module")
def engine() -> Iterator[PiperEngine]:
    engine = PiperEngine()
    yield engine
    engine.close()


def test_bundled_voice_is_found() -> None:
    path = model_path(None)
    assert path.name == "en_US-joe-medium.onnx" and path.is_file()
    assert PiperEngine().unavailable_reason() is None


def test_speaks_with_a_pause_between_sentences(engine: PiperEngine, tmp_path: Path) -> None:
    path = tmp_path / "p.wav"
    duration = voice_one(TWO_SENTENCES, path, engine, VoiceSettings(rate_wpm=165))
    with wave.open(str(path)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (22050, 1, 2)
    words = len(TWO_SENTENCES.split())
    assert 0.6 * words * 60 / 165 < duration < 1.8 * words * 60 / 165
    assert mean_volume_db(path) > -35
    inner = [(s, e) for s, e in silences(path, 0.2) if 0.5 < s < duration - 0.5]
    assert inner, "the sentences should be joined by a pause"


def test_rate_sets_the_length(engine: PiperEngine, tmp_path: Path) -> None:
    slow, fast = tmp_path / "slow.wav", tmp_path / "fast.wav"
    slow_s = voice_one(TWO_SENTENCES, slow, engine, VoiceSettings(rate_wpm=120))
    fast_s = voice_one(TWO_SENTENCES, fast, engine, VoiceSettings(rate_wpm=240))
    assert fast_s < 0.7 * slow_s


def test_a_missing_model_is_unavailable_not_retried(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.onnx")
    with pytest.raises(EngineUnavailableError, match=r"no Piper voice model at .*nope\.onnx"):
        voice_one("Hello there.", tmp_path / "x.wav", PiperEngine(), VoiceSettings(voice=missing))
    assert issubclass(EngineUnavailableError, EngineError)
