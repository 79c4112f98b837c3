"""The episode's language through the library and the CLI: `--lang`, the config's `language`,
else the stories' own; a story no voice speaks is left out with one line."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.clock import fixed_clock
from briefing.config import load_language, parse_config
from briefing.errors import ConfigError, InputError, UnsupportedLanguageError
from briefing.models import SegmentKind
from briefing.pipeline import build_script
from briefing.script.presenter import episode_language

MOMENT = fixed_clock(dt.datetime(2026, 12, 7, 8, 0))
FRENCH = (
    "Le gouvernement a présenté mardi un plan pour les transports publics dans les régions.\n\n"
    "Selon le ministre, les trains régionaux seront plus nombreux dès le mois de janvier, et "
    "les prix des abonnements baisseront pour les étudiants et les personnes âgées.\n\n"
    "Les syndicats ont salué une mesure attendue depuis longtemps, mais ils demandent des "
    "embauches dans les gares."
)
GERMAN = (
    "Die Regierung hat am Dienstag einen Plan für den Nahverkehr in den Ländern vorgestellt.\n\n"
    "Nach Angaben des Ministers sollen ab Januar mehr Regionalzüge fahren, und die Preise für "
    "Abonnements werden für Studenten und ältere Menschen sinken.\n\n"
    "Die Gewerkschaften begrüßten die Maßnahme, die seit langem erwartet wurde, fordern aber "
    "mehr Personal in den Bahnhöfen."
)
ENGLISH = (
    "The council approved a new plan for the harbour on Tuesday after a long debate.\n\n"
    "The plan will add two ferry routes and a cycle path along the water by the end of the "
    "year, the council's transport committee said in a statement.\n\n"
    "Residents who had asked for the changes for years welcomed the decision."
)


@pytest.fixture
def stories(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for name, text in (("fr", FRENCH), ("de", GERMAN), ("en", ENGLISH)):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


def _presenter_languages(script) -> set[str]:
    kinds = {SegmentKind.INTRO, SegmentKind.OUTRO}
    return {s.language for s in script.segments if s.kind in kinds}


def test_the_episode_is_in_the_language_most_stories_are_in(stories) -> None:
    script, failures = build_script([stories["fr"], stories["en"], stories["fr"]], clock=MOMENT)
    assert failures == []
    assert script.language == "fr"
    assert _presenter_languages(script) == {"fr"}
    story_languages = {s.story: s.language for s in script.segments if s.kind is SegmentKind.BODY}
    assert story_languages == {0: "fr", 1: "en", 2: "fr"}


def test_lang_sets_the_presenter_and_each_story_keeps_its_own(stories) -> None:
    script, _ = build_script([stories["fr"], stories["de"]], clock=MOMENT, language="en")
    assert script.language == "en"
    assert _presenter_languages(script) == {"en"}
    assert script.segments[0].text.startswith("Good morning.")
    body = {s.language for s in script.segments if s.kind is SegmentKind.BODY}
    assert body == {"fr", "de"}


def test_a_language_without_presenter_lines_is_refused_before_any_work(tmp_path) -> None:
    with pytest.raises(UnsupportedLanguageError, match=r"Dutch \(nl\)"):
        build_script([tmp_path / "missing.txt"], clock=MOMENT, language="nl")


def test_a_story_no_voice_speaks_is_left_out_in_one_line(stories) -> None:
    script, failures = build_script(
        [stories["fr"], stories["en"]], clock=MOMENT, can_voice=lambda code: code != "fr"
    )
    assert len(script.stories) == 1 and script.language == "en"
    assert len(failures) == 1
    reason = failures[0].reason
    assert "fr.txt" in reason and "French" in reason and "\n" not in reason


def test_when_no_story_can_be_voiced_the_run_fails_naming_it(stories) -> None:
    with pytest.raises(InputError, match="French"):
        build_script([stories["fr"]], clock=MOMENT, can_voice=lambda code: False)


def test_episode_language_ties_go_to_the_first_story_and_basic_ones_to_english() -> None:
    assert episode_language(["de", "fr", "fr", "de"]) == "de"
    assert episode_language(["nl", "nl", "sv"]) == "en"
    assert episode_language(["nl", "it"]) == "it"


def test_config_language_is_checked_and_read(tmp_path: Path) -> None:
    base = '[[sources]]\nurl = "https://example.org/feed.xml"\n'
    good = tmp_path / "good.toml"
    good.write_text('language = "de-AT"\n' + base, encoding="utf-8")
    assert load_language(good) == "de"
    import tomllib

    assert parse_config(tomllib.loads(good.read_text()), good.read_text(), good).language == "de"
    bad = tmp_path / "bad.toml"
    bad.write_text('language = "nl"\n' + base, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml: language \(line 1\) is 'nl'"):
        parse_config(tomllib.loads(bad.read_text()), bad.read_text(), bad)
    assert load_language(tmp_path / "none.toml") is None


def test_cli_script_lang_and_a_refused_language(stories, tmp_path: Path) -> None:
    env_home = {"BRIEFING_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "briefing", "script", str(stories["fr"]), "--date", "2026-12-07"]
    german = subprocess.run([*run, "--lang", "de"], capture_output=True, text=True, env=env_home)
    assert german.returncode == 0, german.stderr
    assert german.stdout.startswith("Guten")
    assert "Auf Französisch:" in german.stdout
    refused = subprocess.run([*run, "--lang", "nl"], capture_output=True, text=True, env=env_home)
    assert refused.returncode != 0
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "Dutch" in lines[0] and "Traceback" not in refused.stderr
