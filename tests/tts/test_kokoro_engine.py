"""The natural voice (Kokoro): real synthesis of short texts, its settings, its refusals."""

from __future__ import annotations

import subprocess
import sys
import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from briefing.errors import EngineError
from briefing.tts import EngineUnavailableError, VoiceSettings, get_engine
from briefing.tts.kokoro_engine import NATURAL_WPM, OTHER_WPM, KokoroEngine, speed_for, voice_for
from briefing.tts.kokoro_files import MODEL_NAME, MODEL_SIZE
from briefing.tts.synthesize import voice_one

pytest_plugins = ["fixtures.kokoro"]  # kokoro_data, kokoro_home, kokoro_copy

TEXT = "Tidal turbines began powering the harbour on Monday."


def samples(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as wav:
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
        data = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
        return data.astype(np.float64) / 32768.0, wav.getframerate()


@pytest.fixture()
def engine() -> Iterator[KokoroEngine]:
    made = get_engine("kokoro")
    assert isinstance(made, KokoroEngine)
    yield made
    made.close()


@pytest.mark.real
def test_kokoro_speaks_a_sentence_at_24_khz(
    kokoro_home: Path, engine: KokoroEngine, tmp_path: Path
) -> None:
    out = tmp_path / "s.wav"
    settings = VoiceSettings(voice="af_heart", rate_wpm=170)
    duration = voice_one(TEXT, out, engine, settings)  # verified as every engine's WAV is
    audio, rate = samples(out)
    assert rate == 24_000
    words = len(TEXT.split())
    assert 0.6 * words * 60 / 170 <= duration <= 1.6 * words * 60 / 170
    assert np.sqrt(np.mean(audio**2)) > 0.02  # speech, not silence
    assert np.abs(audio).max() < 1.0


@pytest.mark.real
def test_rate_volume_and_voice_change_the_audio(
    kokoro_home: Path, engine: KokoroEngine, tmp_path: Path
) -> None:
    def say(name: str, **settings: object) -> tuple[np.ndarray, int]:
        engine.synthesize(TEXT, tmp_path / f"{name}.wav", VoiceSettings(**settings))  # type: ignore[arg-type]
        return samples(tmp_path / f"{name}.wav")

    plain, rate = say("plain", voice="bm_george", rate_wpm=150)
    quick, _ = say("quick", voice="bm_george", rate_wpm=225)
    quiet, _ = say("quiet", voice="bm_george", rate_wpm=150, volume=0.5)
    other, _ = say("other", voice="af_bella", rate_wpm=150)
    assert 0.55 <= len(quick) / len(plain) <= 0.8
    assert len(quiet) == len(plain)
    assert np.abs(quiet).max() == pytest.approx(np.abs(plain).max() / 2, rel=0.02)
    assert not np.array_equal(other[: len(plain)], plain[: len(other)])


@pytest.mark.real
def test_words_given_as_phonemes_are_spoken(
    kokoro_home: Path, engine: KokoroEngine, tmp_path: Path
) -> None:
    """The user's lexicon sends `[word](/ipa/)` to engines that read phonemes."""
    assert engine.reads_ipa
    out = tmp_path / "ipa.wav"
    voice_one("The [Kyiv](/kˈiːv/) office opened today.", out, engine, VoiceSettings())
    assert samples(out)[1] == 24_000


def test_without_the_model_it_says_how_to_install_it(engine: KokoroEngine) -> None:
    reason = engine.unavailable_reason()
    assert reason == "the natural voice is not installed; install it with: briefing voices install"
    engine.start()  # starts nothing: there is nothing to load
    with pytest.raises(EngineUnavailableError) as refused:
        engine.synthesize(TEXT, Path("never.wav"), VoiceSettings())
    assert refused.value.message == reason
    assert engine.list_voices() == []


def test_an_unknown_voice_is_named_with_the_choices(
    kokoro_home: Path, engine: KokoroEngine
) -> None:
    reason = engine.unavailable_reason(VoiceSettings(voice="xx_nobody"))
    assert reason is not None and reason.startswith("the natural voice has no voice 'xx_nobody'")
    assert "af_heart" in reason and "bm_george" in reason
    assert {voice.id for voice in engine.list_voices()} >= {"af_heart", "bf_emma", "ff_siwis"}


@pytest.mark.real
def test_a_damaged_model_is_one_line_and_never_a_crash(
    kokoro_copy: Path, engine: KokoroEngine, tmp_path: Path
) -> None:
    """Same size, one byte changed: only the hash can tell, checked where the model loads."""
    model = kokoro_copy / MODEL_NAME
    with model.open("r+b") as file:
        file.seek(MODEL_SIZE - 10)
        file.write(b"\x00" * 10)
    assert engine.unavailable_reason() is None  # a stat cannot tell
    with pytest.raises(EngineUnavailableError) as refused:
        voice_one(TEXT, tmp_path / "s.wav", engine, VoiceSettings())  # not retried: pointless
    message = refused.value.message
    assert "\n" not in message
    assert message == (f"the natural voice's model {model} is damaged (its sha256 is not the "
                       "published one); reinstall it with: briefing voices install")
    assert isinstance(refused.value, EngineError)


def test_rate_becomes_each_voices_speed_within_kokoros_range() -> None:
    """Voices differ in pace (bf_emma 188 words a minute, bm_george 153): the rate is kept."""
    assert speed_for(NATURAL_WPM["bm_george"], "bm_george") == 1.0
    assert speed_for(170, "bf_emma") < 1.0 < speed_for(170, "bm_george")
    assert speed_for(OTHER_WPM, "ff_siwis") == 1.0
    assert speed_for(500, "af_heart") == 2.0
    assert speed_for(40, "af_heart") == 0.5


def test_a_voice_is_chosen_by_language_when_none_is_named() -> None:
    assert voice_for(VoiceSettings(language="en-GB")) == "bf_emma"
    assert voice_for(VoiceSettings(language="en-US")) == "af_heart"
    assert voice_for(VoiceSettings(language="fr-FR")) == "ff_siwis"
    assert voice_for(VoiceSettings(language="de")) == "af_heart"
    assert voice_for(VoiceSettings(voice="pm_alex", language="en")) == "pm_alex"


def test_the_cache_key_knows_the_model_and_the_voice() -> None:
    engine = KokoroEngine()
    heart = engine.cache_identity(VoiceSettings(voice="af_heart"))
    assert heart != engine.cache_identity(VoiceSettings(voice="bm_george"))
    assert heart == engine.cache_identity(VoiceSettings(language="en-US"))  # the same voice
    assert "6e742170d309016e" in heart


@pytest.mark.real
def test_the_worker_keeps_the_terminal_clean(kokoro_home: Path, tmp_path: Path) -> None:
    """onnxruntime and kokoro-onnx log to stderr on their own; a worker must not let them."""
    out = tmp_path / "s.wav"
    code = (
        "from pathlib import Path\n"
        "from briefing.tts import VoiceSettings, get_engine\n"
        "if __name__ == '__main__':\n"
        "    engine = get_engine('kokoro')\n"
        f"    engine.synthesize({TEXT!r}, Path({str(out)!r}), VoiceSettings(rate_wpm=400))\n"
        "    engine.close()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""
    assert out.stat().st_size > 1000
