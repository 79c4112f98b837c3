"""SVOX Pico (py-nanotts): its settings, its refusals, and real speech at 16 kHz."""

from __future__ import annotations

import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from briefing.tts import EngineUnavailableError, VoiceSettings, get_engine
from briefing.tts.nanotts_engine import (
    NATURAL_WPM,
    NanoTtsEngine,
    pico_text,
    pitch_for,
    speed_for,
    voice_for,
)
from briefing.tts.synthesize import voice_one

GERMAN = "Die Bundesregierung hat am Montag neue Maßnahmen für die Wirtschaft angekündigt."


def samples(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as wav:
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
        data = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
        return data.astype(np.float64) / 32768.0, wav.getframerate()


@pytest.fixture()
def engine() -> Iterator[NanoTtsEngine]:
    made = get_engine("nanotts")
    assert isinstance(made, NanoTtsEngine)
    yield made
    made.close()


def test_a_voice_is_chosen_by_id_or_by_language() -> None:
    assert voice_for(VoiceSettings(voice="de-DE")) == "de-DE"
    assert voice_for(VoiceSettings(voice="fr_fr")) == "fr-FR"
    assert voice_for(VoiceSettings(language="it")) == "it-IT"
    assert voice_for(VoiceSettings(language="en-GB")) == "en-GB"
    assert voice_for(VoiceSettings(language="en")) == "en-US"
    assert voice_for(VoiceSettings(language="pt-BR")) is None
    assert voice_for(VoiceSettings(voice="pt-BR", language="de")) is None


def test_a_language_pico_lacks_is_a_reason_not_to_run(engine: NanoTtsEngine) -> None:
    assert engine.unavailable_reason() is None
    assert engine.unavailable_reason(VoiceSettings(language="de-DE")) is None
    reason = engine.unavailable_reason(VoiceSettings(language="pt-BR"))
    assert reason is not None and "'pt-BR'" in reason and "de-DE" in reason
    with pytest.raises(EngineUnavailableError, match="no voice 'xx-YY'"):
        engine.synthesize("Olá.", Path("unused.wav"), VoiceSettings(voice="xx-YY"))


def test_rate_pitch_and_markup_become_what_pico_takes() -> None:
    assert speed_for(NATURAL_WPM["de-DE"], "de-DE") == 1.0
    assert speed_for(2 * NATURAL_WPM["fr-FR"], "fr-FR") == 2.0
    assert speed_for(1000, "de-DE") == 5.0 and speed_for(10, "de-DE") == 0.2
    assert pitch_for(None) is None and pitch_for(50) == 1.0 and pitch_for(0) == 0.5
    assert pico_text("A <b>bold</b> claim: 3 < 4 > 2") == "A bold claim: 3 4 2"


def test_it_lists_its_six_voices(engine: NanoTtsEngine) -> None:
    voices = {voice.id: voice for voice in engine.list_voices()}
    assert set(voices) == {"de-DE", "fr-FR", "es-ES", "it-IT", "en-GB", "en-US"}
    assert voices["de-DE"].name == "German, female" and voices["de-DE"].languages == ("de-DE",)


@pytest.mark.real
def test_pico_speaks_german_at_16_khz_in_its_worker(engine: NanoTtsEngine, tmp_path: Path) -> None:
    out = tmp_path / "de.wav"
    duration = voice_one(GERMAN, out, engine, VoiceSettings(voice="de-DE", rate_wpm=130))
    audio, rate = samples(out)
    assert rate == 16_000
    words = len(GERMAN.split())
    assert 0.6 * words * 60 / 130 <= duration <= 1.6 * words * 60 / 130
    assert np.sqrt(np.mean(audio**2)) > 0.05  # speech, not silence
    assert np.abs(audio).max() < 1.0


@pytest.mark.real
def test_rate_and_volume_change_the_audio(engine: NanoTtsEngine, tmp_path: Path) -> None:
    def say(name: str, **settings: object) -> np.ndarray:
        out = tmp_path / f"{name}.wav"
        engine.synthesize(GERMAN, out, VoiceSettings(voice="de-DE", **settings))  # type: ignore[arg-type]
        return samples(out)[0]

    normal, fast, quiet = say("normal", rate_wpm=130), say("fast", rate_wpm=200), say(
        "quiet", rate_wpm=130, volume=0.5)
    assert len(fast) < 0.8 * len(normal)
    assert np.sqrt(np.mean(quiet**2)) < 0.7 * np.sqrt(np.mean(normal**2))


@pytest.mark.real
def test_a_worker_that_died_is_replaced(engine: NanoTtsEngine, tmp_path: Path) -> None:
    engine.synthesize("Guten Morgen.", tmp_path / "a.wav", VoiceSettings(voice="de-DE"))
    engine._worker.kill()  # as if the native library had crashed the worker
    engine.synthesize("Guten Abend.", tmp_path / "b.wav", VoiceSettings(voice="de-DE"))
    assert samples(tmp_path / "b.wav")[1] == 16_000
