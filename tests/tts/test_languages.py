"""Voices per language: which voices a segment gets from the language it is said in."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FakeEngine
from typer.testing import CliRunner

from briefing.cli import app
from briefing.models import ScriptSegment, SegmentKind
from briefing.tts import (
    NoVoiceError,
    PartVoice,
    VoiceSettings,
    can_voice,
    chain_for_segment,
    engines_for,
    load_preset,
    voice_script,
)
from briefing.tts.languages import is_basic
from briefing.tts.lexicon import Lexicon, Pronunciation
from briefing.tts.presets import VoicePreset
from briefing.tts.usable import usable_here
from briefing.tts.voicing import segment_chains

pytest_plugins = ["fixtures.kokoro"]  # kokoro_data, kokoro_home

LEXICON = Lexicon((Pronunciation("Kyiv", "Keev"),))
NOT_INSTALLED = ("the natural voice is not installed; install it with: briefing voices install")


def segment(language: str, kind: SegmentKind = SegmentKind.BODY) -> ScriptSegment:
    return ScriptSegment(kind, "Kyiv a parlé ce matin.", story=0, language=language)


def fake_preset(tmp_path: Path, language: str = "en-GB") -> VoicePreset:
    path = tmp_path / "mine.toml"
    path.write_text(f'engine = "fake"\nlanguage = "{language}"\nrate = 150\n'
                    'fallback = ["espeak-ng"]\n', encoding="utf-8")
    return load_preset(str(path)).with_lexicon(LEXICON)


def test_a_segment_in_the_presets_language_gets_the_presets_chain(tmp_path: Path) -> None:
    preset = fake_preset(tmp_path)
    for kind in (SegmentKind.INTRO, SegmentKind.BODY):
        assert chain_for_segment(preset, segment("en", kind)) == preset.chain_for(kind)
    assert chain_for_segment(preset, segment("en"))[0].engine == "fake"


def test_french_gets_the_french_preset_with_the_users_lexicon(
    kokoro_home: Path, tmp_path: Path
) -> None:
    chain = chain_for_segment(fake_preset(tmp_path), segment("fr"))
    assert [(part.engine, part.settings.voice, part.settings.language) for part in chain] == [
        ("kokoro", "ff_siwis", "fr-FR"), ("nanotts", "fr-FR", "fr-FR"),
        ("espeak-ng", None, "fr-FR")]
    assert {part.lexicon for part in chain} == {LEXICON}


def test_without_the_natural_voice_french_is_spoken_by_pico(tmp_path: Path) -> None:
    chain = chain_for_segment(fake_preset(tmp_path), segment("fr"))
    assert [(part.engine, part.settings.voice) for part in chain] == [
        ("nanotts", "fr-FR"), ("espeak-ng", None)]


@pytest.mark.parametrize(
    ("language", "first"),
    [("de", ("nanotts", "de-DE", "de-DE")), ("es", ("kokoro", "em_alex", "es-ES")),
     ("it", ("kokoro", "im_nicola", "it-IT")), ("pt", ("kokoro", "pf_dora", "pt-BR")),
     ("en", ("kokoro", "af_heart", "en-US"))],
)
def test_each_shipped_language_has_its_own_first_voice(
    kokoro_home: Path, tmp_path: Path, language: str, first: tuple[str, str, str]
) -> None:
    preset = fake_preset(tmp_path, language="it-IT" if language == "en" else "en-GB")
    part = chain_for_segment(preset, segment(language))[0]
    assert (part.engine, part.settings.voice, part.settings.language) == first


def test_another_language_espeak_ng_knows_is_basic(tmp_path: Path) -> None:
    preset = fake_preset(tmp_path)
    assert chain_for_segment(preset, segment("nl")) == (
        PartVoice("espeak-ng", VoiceSettings(rate_wpm=150, language="nl"), LEXICON),)
    assert can_voice("nl") and is_basic("nl") and is_basic("nl-BE")
    assert not is_basic("fr") and not is_basic("en") and not is_basic("nl", fake_preset(
        tmp_path, language="nl-NL"))


def test_a_language_no_voice_speaks_is_refused_by_name(tmp_path: Path) -> None:
    preset = fake_preset(tmp_path)
    assert not can_voice("zu-ZA") and can_voice("de") and can_voice("pt-BR")
    assert can_voice("zu", fake_preset(tmp_path, language="zu-ZA"))
    with pytest.raises(NoVoiceError, match=r"no voice speaks Zulu \(zu\), the language of "
                                           r"segment “Kyiv a parlé ce matin.”"):
        chain_for_segment(preset, segment("zu"))


def test_voice_script_refuses_before_voicing_anything(tmp_path: Path) -> None:
    FakeEngine.calls.clear()
    segments = [segment("en"), segment("zu")]
    with pytest.raises(NoVoiceError, match="Zulu"):
        voice_script(segments, fake_preset(tmp_path), tmp_path, workers=1)
    assert FakeEngine.calls == []


def test_segment_chains_follow_each_segments_language(tmp_path: Path) -> None:
    preset = fake_preset(tmp_path)
    chains = segment_chains([segment("en"), segment("de"), segment("en", SegmentKind.OUTRO),
                             segment("nl")], preset)
    assert [chain[0].engine for chain in chains] == ["fake", "nanotts", "fake", "espeak-ng"]


def test_engines_for_names_what_a_script_will_need(kokoro_home: Path, tmp_path: Path) -> None:
    preset = fake_preset(tmp_path)
    assert engines_for(preset, []) == ("fake",)
    assert engines_for(preset, ["en", "fr", "de-DE", "nl", "zu"]) == (
        "fake", "kokoro", "nanotts", "espeak-ng")
    german = load_preset("de")
    assert engines_for(german, ["de", "en"]) == ("nanotts", "kokoro")


def test_a_language_preset_without_its_natural_voice_gives_way_with_one_note(
    tmp_path: Path,
) -> None:
    usable = usable_here(fake_preset(tmp_path), ["en-GB", "fr-FR", "es", "de", "nl"])
    assert usable.notes == (f"nanotts spoke instead of kokoro: {NOT_INSTALLED}",)
    voices = dict(usable.preset.language_voices)
    assert sorted(voices) == ["de", "es", "fr"]
    assert (voices["fr"].engine, voices["fr"].settings.voice) == ("nanotts", "fr-FR")
    assert voices["fr"].lexicon == LEXICON
    english = usable_here(load_preset("de"), ["de", "pt"])  # default falls back to espeak-ng
    assert english.notes == (f"espeak-ng spoke instead of kokoro: {NOT_INSTALLED}",)


def test_the_runs_language_voices_win_over_the_shipped_ones(tmp_path: Path) -> None:
    usable = usable_here(fake_preset(tmp_path), ["fr"]).preset
    mine = fake_preset(tmp_path, language="fr-FR")
    chosen = replace(usable, language_voices=(("fr", mine),))
    assert chain_for_segment(chosen, segment("fr"))[0].engine == "fake"


def test_cli_voices_lists_a_voice_per_language() -> None:
    result = CliRunner().invoke(app, ["voices"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("Voices per language (a segment in another language than the preset's):")
    assert lines[start + 1] == "  de  German      de       de-DE  nanotts de-DE → espeak-ng"
    assert lines[start + 4].startswith(
        "  fr  French      fr       fr-FR  kokoro ff_siwis → nanotts fr-FR → espeak-ng "
        "(here: nanotts; the natural voice is not installed")
    assert lines[start + 6].startswith("  pt  Portuguese  pt       pt-BR  kokoro pf_dora")
    assert lines[start + 7].startswith("  and ") and "espeak-ng's basic voice" in lines[start + 7]
