"""The real pyttsx3 engine with espeak-ng: speech lands in verified WAV files."""

from __future__ import annotations

import multiprocessing
import time
import wave
from pathlib import Path

import pytest
from pydub import AudioSegment

from briefing.errors import ConfigError
from briefing.tts import Pyttsx3Engine, VoiceSettings, voice_one
from briefing.tts.pyttsx3_engine import choose_voice, split_for_speech

SETTINGS = VoiceSettings(voice="gmw/en", rate_wpm=165)
LONG_TEXT = " ".join(
    f"Paragraph {n} of the report says the harbour turbines produced more power than expected."
    for n in range(1, 16)
)  # about 200 words: the size at which pyttsx3 alone returns before writing anything


@pytest.fixture(scope="module")
def engine() -> Pyttsx3Engine:
    engine = Pyttsx3Engine()
    yield engine
    engine.close()


def test_speaks_a_sentence_into_a_22khz_mono_wav(engine: Pyttsx3Engine, tmp_path: Path) -> None:
    path = tmp_path / "one.wav"
    duration = voice_one("The tide comes in twice a day.", path, engine, SETTINGS)
    with wave.open(str(path)) as wav:
        assert wav.getframerate() == 22050
        assert wav.getnchannels() == 1
    assert 1.0 < duration < 5.0
    assert AudioSegment.from_wav(str(path)).dBFS > -35  # speech, not silence


def test_long_text_is_spoken_whole(engine: Pyttsx3Engine, tmp_path: Path) -> None:
    path = tmp_path / "long.wav"
    duration = voice_one(LONG_TEXT, path, engine, SETTINGS)
    words = len(LONG_TEXT.split())
    # at 165 wpm, about 0.36 s a word; espeak-ng runs a little fast or slow by voice
    assert 0.6 * words * 60 / 165 < duration < 1.6 * words * 60 / 165


def test_consecutive_files_hold_their_own_text(engine: Pyttsx3Engine, tmp_path: Path) -> None:
    """A second call must not write the first call's audio under its own name."""
    short = tmp_path / "short.wav"
    longer = tmp_path / "longer.wav"
    voice_one("Yes.", short, engine, SETTINGS)
    voice_one("The co-operative plans to add five more machines by the end of the decade.",
              longer, engine, SETTINGS)
    assert len(AudioSegment.from_wav(str(short))) < len(AudioSegment.from_wav(str(longer))) / 3


def test_lists_espeak_voices(engine: Pyttsx3Engine) -> None:
    ids = {voice.id for voice in engine.list_voices()}
    assert "gmw/en" in ids


def test_no_stdout_noise_from_the_engine(
    engine: Pyttsx3Engine, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    voice_one("Quiet please.", tmp_path / "q.wav", engine, SETTINGS)
    assert "Audio saved" not in capfd.readouterr().out


def test_voice_is_chosen_by_language_when_the_preset_names_none() -> None:
    voices = [("gmw/en-us", "English (America)", ["en-us"]), ("gmw/en", "English", ["en-gb"])]
    assert choose_voice(voices, VoiceSettings(language="en-GB")) == "gmw/en"
    assert choose_voice(voices, VoiceSettings(language="en-US")) == "gmw/en-us"
    assert choose_voice(voices, VoiceSettings(language="fr")) is None
    assert choose_voice(voices, VoiceSettings(voice="english (america)")) == "gmw/en-us"


def test_split_for_speech_keeps_every_word_in_chunks_of_forty() -> None:
    chunks = split_for_speech(LONG_TEXT)
    assert " ".join(chunks).split() == LONG_TEXT.split()
    assert all(len(chunk.split()) <= 40 for chunk in chunks)
    assert split_for_speech("Short one.") == ["Short one."]


def test_unknown_voice_id_fails_with_a_clear_error(tmp_path: Path) -> None:
    engine = Pyttsx3Engine()
    try:
        with pytest.raises(ConfigError, match="pyttsx3: this machine's speech engine has no voice"):
            voice_one("Hello.", tmp_path / "x.wav", engine,
                      VoiceSettings(voice="no/such-voice", rate_wpm=165))
    finally:
        engine.close()


def test_a_worker_started_early_is_the_one_that_speaks(tmp_path: Path) -> None:
    engine = Pyttsx3Engine()
    before = set(multiprocessing.active_children())
    engine.start()
    [worker] = set(multiprocessing.active_children()) - before
    voice_one("The tide comes in twice a day.", tmp_path / "one.wav", engine, SETTINGS)
    assert set(multiprocessing.active_children()) - before == {worker}
    engine.close()
    assert worker.exitcode == 0  # told to quit, and quit: not killed


def test_a_worker_started_but_never_used_is_stopped_at_once() -> None:
    """Closing does not wait for a child still loading pyttsx3 to read its "quit"."""
    engine = Pyttsx3Engine()
    before = set(multiprocessing.active_children())
    engine.start()
    [worker] = set(multiprocessing.active_children()) - before
    began = time.monotonic()
    engine.close()
    assert not worker.is_alive()
    assert time.monotonic() - began < 0.5


def test_a_worker_started_early_on_a_busy_machine_speaks_at_the_presets_rate(
    tmp_path: Path,
) -> None:
    """A worker started early and left idle sometimes lost its first job's rate (pyttsx3
    cancels espeak-ng's commands in flight as it speaks), and the text came out at 200 wpm."""
    text = "Good evening. It's Monday, the sixth of January. Here is your one story."
    settings = VoiceSettings(rate_wpm=165, language="en-GB")
    cold = Pyttsx3Engine()
    voice_one(text, tmp_path / "cold.wav", cold, settings)
    cold.close()
    expected = (tmp_path / "cold.wav").read_bytes()
    for attempt in range(5):
        early = Pyttsx3Engine()
        early.start()
        busy_until = time.monotonic() + 0.25  # the CLI imports numpy meanwhile
        while time.monotonic() < busy_until:
            pass
        voice_one(text, tmp_path / f"early{attempt}.wav", early, settings)
        early.close()
        spoken = (tmp_path / f"early{attempt}.wav").read_bytes()
        assert (len(spoken), spoken) == (len(expected), expected)
