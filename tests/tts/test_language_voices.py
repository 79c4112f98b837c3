"""Real speech per language: each is voiced by its own voice, and a mixed script by several."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest

from briefing.models import ScriptSegment, SegmentKind
from briefing.tts import SegmentCache, VoiceSettings, cache_key, load_preset, voice_script
from briefing.tts.kokoro_engine import KokoroEngine
from briefing.tts.usable import usable_here
from briefing.tts.voicing import segment_chains

pytest_plugins = ["fixtures.kokoro"]  # kokoro_data, kokoro_home

SENTENCES = {
    "de": "Die Bundesregierung hat am Montag neue Maßnahmen für die Wirtschaft angekündigt.",
    "fr": "Le gouvernement a annoncé lundi de nouvelles mesures pour l'économie.",
    "es": "El gobierno anunció el lunes nuevas medidas para la economía.",
    "it": "Il governo ha annunciato lunedì nuove misure per l'economia.",
    "pt": "O governo anunciou na segunda-feira novas medidas para a economia.",
}
VOICE = {"de": ("nanotts", "de-DE", 16_000), "fr": ("kokoro", "ff_siwis", 24_000),
         "es": ("kokoro", "em_alex", 24_000), "it": ("kokoro", "im_nicola", 24_000),
         "pt": ("kokoro", "pf_dora", 24_000)}
"""What speaks each language for a user of the default (English) preset, and its rate."""


def samples(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as wav:
        assert wav.getnchannels() == 1 and wav.getsampwidth() == 2
        data = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
        return data.astype(np.float64) / 32768.0, wav.getframerate()


def said(language: str, text: str, kind: SegmentKind = SegmentKind.BODY) -> ScriptSegment:
    return ScriptSegment(kind, text, story=0, language=language)


def assert_speech(path: Path, rate: int, words: int) -> None:
    audio, found_rate = samples(path)
    assert found_rate == rate
    seconds = len(audio) / rate
    assert 0.2 * words < seconds < 1.0 * words  # 60 to 300 words a minute
    assert np.sqrt(np.mean(audio**2)) > 0.02  # speech, not silence
    assert np.abs(audio).max() < 1.0


@pytest.mark.real
@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_each_language_is_spoken_by_its_own_voice(
    kokoro_home: Path, tmp_path: Path, language: str
) -> None:
    preset = load_preset("default")
    segment = said(language, SENTENCES[language])
    engine, voice, rate = VOICE[language]
    assert segment_chains([segment], preset)[0][0].settings.voice == voice
    result = voice_script([segment], preset, tmp_path, workers=1)
    assert result.fallbacks == ()
    assert result.voiced[0].engine == engine
    assert_speech(result.voiced[0].wav_path, rate, len(SENTENCES[language].split()))


@pytest.mark.real
def test_an_english_episode_reads_its_french_story_in_french(
    kokoro_home: Path, tmp_path: Path
) -> None:
    segments = [said("en", "Good morning. Here is the news.", SegmentKind.INTRO),
                said("fr", SENTENCES["fr"]),
                said("en", "That is all for today.", SegmentKind.OUTRO)]
    preset = load_preset("default")
    chains = segment_chains(segments, preset)
    assert [chain[0].settings.voice for chain in chains] == ["af_heart", "ff_siwis", "af_heart"]
    assert chains[1] == load_preset("fr").chain_for(SegmentKind.BODY)
    cache = SegmentCache(tmp_path / "cache")
    result = voice_script(segments, preset, tmp_path, workers=1, cache=cache)
    assert [voiced.engine for voiced in result.voiced] == ["kokoro"] * 3
    assert result.fallbacks == ()
    for voiced in result.voiced:
        assert_speech(voiced.wav_path, 24_000, len(voiced.segment.text.split()))
    french = VoiceSettings(voice="ff_siwis", rate_wpm=170, language="fr-FR")
    key = cache_key(SENTENCES["fr"], "kokoro", french, KokoroEngine().cache_identity(french))
    assert cache.fetch(key, tmp_path / "french.wav")  # the French voice made this audio


@pytest.mark.real
def test_without_the_natural_voice_each_language_still_has_a_voice(tmp_path: Path) -> None:
    usable = usable_here(load_preset("default"), ["en", "fr", "pt"])
    segments = [said("en", "Good morning.", SegmentKind.INTRO), said("fr", SENTENCES["fr"]),
                said("pt", SENTENCES["pt"])]
    result = voice_script(segments, usable.preset, tmp_path, workers=1)
    assert [voiced.engine for voiced in result.voiced] == ["espeak-ng", "nanotts", "espeak-ng"]
    assert result.fallbacks == ()  # the missing voice gave way before, with a note
    assert len(usable.notes) == 2
    assert_speech(result.voiced[1].wav_path, 16_000, len(SENTENCES["fr"].split()))
