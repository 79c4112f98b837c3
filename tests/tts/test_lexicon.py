"""The user's pronunciations reach every engine: respellings for all, phonemes for Kokoro."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FakeEngine

from briefing.config import load_lexicon
from briefing.errors import ConfigError
from briefing.models import SegmentKind
from briefing.tts import EngineSet, VoicePreset, VoiceSettings, register_engine
from briefing.tts.lexicon import Lexicon, parse_lexicon, strip_ipa_markup
from briefing.tts.voicing import voice_segment

LEXICON = parse_lexicon(
    {
        "Nguyen": "win",
        "NHS": "en aitch ess",
        "kyiv": {"ipa": "kˈiːv", "say": "keev"},
        "New York Times": "the Times",
        "York": "yawk",
    },
    "test",
)


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("Doctor Nguyen said.", "Doctor win said."),
        ("Nguyen's plan", "win's plan"),  # a possessive keeps its 's
        ("the N H S and the NHS", "the en aitch ess and the en aitch ess"),  # spelled by the script
        ("Nguyenville", "Nguyenville"),  # whole words only
        ("KYIV, Kyiv and kyiv", "keev, keev and keev"),  # a lower-case key matches any case
        ("The New York Times in York", "The the Times in yawk"),  # the longer key wins
        ("nhs", "nhs"),  # a key with capitals matches that case only
    ],
)
def test_respellings_replace_whole_words(text: str, spoken: str) -> None:
    assert LEXICON.apply(text) == spoken


def test_an_engine_that_reads_ipa_gets_markup_and_the_others_the_respelling() -> None:
    marked = LEXICON.apply("Kyiv and Nguyen", reads_ipa=True)
    assert marked == "[Kyiv](/kˈiːv/) and win"
    assert strip_ipa_markup(marked) == "Kyiv and win"


@pytest.mark.parametrize(
    "table",
    [{"x": 3}, {"x": ""}, {"x": {"ipa": "a/b"}}, {"x": {"colour": "red"}}, {"x": {}}],
)
def test_a_bad_entry_names_itself(table: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match=r"where: pronunciations\.x should be"):
        parse_lexicon(table, "where")


def test_the_config_files_table_is_the_lexicon(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[pronunciations]\nNguyen = "win"\n', encoding="utf-8")
    assert load_lexicon(config).apply("Nguyen") == "win"
    assert not load_lexicon(tmp_path / "absent.toml")
    config.write_text('pronunciations = "win"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="pronunciations should be a table"):
        load_lexicon(config)


class IpaFakeEngine(FakeEngine):
    name = "ipa-fake"
    reads_ipa = True


register_engine("ipa-fake", IpaFakeEngine)


@pytest.mark.parametrize(("engine", "heard"), [("fake", "keev"), ("ipa-fake", "[Kyiv](/kˈiːv/)")])
def test_voicing_gives_each_engine_its_form(tmp_path: Path, engine: str, heard: str) -> None:
    preset = VoicePreset("t", "", engine, VoiceSettings()).with_lexicon(LEXICON)
    FakeEngine.calls.clear()
    engines = EngineSet()
    try:
        voice_segment("In Kyiv today.", tmp_path / "a.wav", preset.chain_for(SegmentKind.BODY),
                      engines)
    finally:
        engines.close()
    assert FakeEngine.calls == [f"In {heard} today."]


def test_the_empty_lexicon_changes_nothing() -> None:
    assert Lexicon().apply("Kyiv [x](/y/)") == "Kyiv [x](/y/)"
