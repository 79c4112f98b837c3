"""The espeak-ng engine: the real command line, checked by the audio it writes."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from audio_probe import mean_volume_db

from briefing.errors import ConfigError
from briefing.tts import EspeakNgEngine, VoiceSettings, voice_one
from briefing.tts.espeak_engine import parse_voices

SENTENCE = "The harbour turbines produced more power than expected this winter."


def frames(path: Path) -> tuple[int, int, int]:
    with wave.open(str(path)) as wav:
        return wav.getframerate(), wav.getnchannels(), wav.getnframes()


def test_speaks_into_a_22khz_mono_wav_of_plausible_length(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    duration = voice_one(SENTENCE, path, EspeakNgEngine(), VoiceSettings(rate_wpm=165))
    rate, channels, _ = frames(path)
    assert (rate, channels) == (22050, 1)
    words = len(SENTENCE.split())
    assert 0.6 * words * 60 / 165 < duration < 1.8 * words * 60 / 165
    assert mean_volume_db(path) > -35  # speech, not silence


def test_rate_amplitude_and_voice_change_the_audio(tmp_path: Path) -> None:
    engine = EspeakNgEngine()
    slow, fast, quiet = tmp_path / "slow.wav", tmp_path / "fast.wav", tmp_path / "quiet.wav"
    voice_one(SENTENCE, slow, engine, VoiceSettings(rate_wpm=120))
    voice_one(SENTENCE, fast, engine, VoiceSettings(rate_wpm=240))
    voice_one(SENTENCE, quiet, engine, VoiceSettings(rate_wpm=120, volume=0.3))
    assert frames(fast)[2] < 0.7 * frames(slow)[2]
    assert mean_volume_db(quiet) < mean_volume_db(slow) - 6
    command = engine.command(tmp_path / "x.wav", VoiceSettings(voice="gmw/en-US+f3", pitch=70))
    assert command[:4] == ["espeak-ng", "-m", "--stdin", "-w"]
    assert command[-2:] == ["-v", "gmw/en-US+f3"] and command[-4:-2] == ["-p", "70"]


def test_markup_characters_and_leading_dashes_are_spoken_as_text(tmp_path: Path) -> None:
    path = tmp_path / "odd.wav"
    text = "-v --help <b>Profits</b> rose 5% & costs fell; \"quotes\" 'too'."
    duration = voice_one(text, path, EspeakNgEngine(), VoiceSettings(rate_wpm=165))
    assert duration > 1.5


def test_unknown_voice_fails_instead_of_speaking_the_default(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="espeak-ng: this machine's speech engine has no voice"):
        voice_one("Hello.", tmp_path / "x.wav", EspeakNgEngine(),
                  VoiceSettings(voice="no/such-voice"))


def test_lists_voices_with_ids_names_and_languages() -> None:
    voices = {v.id: v for v in EspeakNgEngine().list_voices()}
    assert "en-gb-x-rp" in voices["gmw/en-GB-x-rp"].languages
    listing = (
        "Pty Language       Age/Gender VoiceName          File                 Other Languages\n"
        " 5  en-gb-x-rp      --/M      English_(Received_Pronunciation) gmw/en-GB-x-rp"
        "       (en-gb 4)(en 5)\n"
    )
    [voice] = parse_voices(listing)
    assert voice.name == "English (Received Pronunciation)"
    assert voice.languages == ("en-gb-x-rp", "en-gb", "en")
