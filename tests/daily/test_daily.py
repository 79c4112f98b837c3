"""`briefing daily` end to end against a real HTTP server on 127.0.0.1 (fake engine: fast)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from audio_probe import duration_s
from fixtures.daily_config import BAD_SOURCES, GOOD_SOURCES, SLOW, TIMEOUT_S, write_config
from fixtures.server import FixtureServer, fixture_server
from typer.testing import CliRunner

from briefing.cli import app

DATE = "2026-11-25"
EXPECTED_TITLES = {
    "Tidal turbines start powering the harbour",
    "Council approves new bicycle lanes on the seafront",
    "Central library extends its opening hours",
    "Rail line reopens after flood repairs",
    "School pupils build their own weather station",
    "Hospital opens new maternity wing",
    "Farmers report a record apple harvest",
    "Hilltop observatory reopens to the public",
    "Community garden wins national award",
}


@pytest.fixture(scope="module")
def server() -> Iterator[FixtureServer]:
    with fixture_server(slow_s=TIMEOUT_S + 2) as state:
        yield state


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["daily", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_daily_makes_an_episode_with_every_story_once(
    server: FixtureServer, tmp_path: Path, fake_voice: str
) -> None:
    sources = (*GOOD_SOURCES, *BAD_SOURCES, SLOW)
    config = write_config(tmp_path, server, fake_voice, minutes=4, sources=sources)
    code, output = run("--config", str(config), "--date", DATE)
    assert code == 2, output  # published, but sources failed: cron hears it
    out = tmp_path / "out"
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.title == "Test briefing"
    [entry] = feed.entries
    [enclosure] = entry.enclosures
    audio = out / enclosure.href.removeprefix("http://phone.test:8000/")
    assert audio.is_file() and int(enclosure.length) == audio.stat().st_size
    assert enclosure.type == "audio/mpeg"
    assert entry.id == f"briefing-{DATE}"
    assert abs(int(entry.itunes_duration) - duration_s(audio)) <= 1.0
    chapters = json.loads(_sidecar(out, "chapters"))
    titles = [c["title"] for c in chapters["chapters"]]
    assert titles[0] == "Introduction" and titles[-1] == "Close"
    assert set(titles[1:-1]) == EXPECTED_TITLES  # the duplicate once, every source's story
    starts = [c["startTime"] for c in chapters["chapters"]]
    assert starts == sorted(starts) and starts[-1] < duration_s(audio)
    assert "Used: 9" in output
    assert "Skipped as duplicate: 1" in output
    assert "same story as “Hospital opens new maternity wing”" in output
    assert "(Valley Chronicle and County Wire)" in output
    assert "Failed: 3" in output
    assert "malformed.xml: not a readable RSS or Atom feed" in output
    assert f"slow/rss.xml: no answer within {TIMEOUT_S} s" in output
    assert "missing.xml: the server answered 404" in output
    spoken = _sidecar(out, "transcript")
    assert "From Valley Chronicle and County Wire: Hospital opens new maternity wing." in spoken
    assert spoken.count("twenty private rooms") == 1
    assert "wire/maternity" in entry.description and "news/maternity-wing" in entry.description


def _voicing(output: str) -> tuple[int, int]:
    """(segments voiced, segments from the cache) from the report's first line."""
    found = re.search(r"(\d+) segments voiced, (\d+) from the cache", output)
    assert found, output
    return int(found.group(1)), int(found.group(2))


def _sidecar(out: Path, kind: str) -> str:
    """The file the feed's <podcast:chapters> or <podcast:transcript> points at."""
    prefix = f'<podcast:{kind} url="http://phone.test:8000/'
    xml = (out / "feed.xml").read_text(encoding="utf-8")
    start = xml.index(prefix) + len(prefix)
    return (out / xml[start : xml.index('"', start)]).read_text(encoding="utf-8")


def test_second_run_voices_nothing_and_keeps_one_episode(
    server: FixtureServer, tmp_path: Path, fake_voice: str, isolated_home: Path
) -> None:
    config = write_config(tmp_path, server, fake_voice, minutes=3)
    assert run("--config", str(config), "--date", DATE)[0] == 0
    first_files = sorted(p.name for p in (tmp_path / "out" / "episodes").iterdir())
    [audio] = (tmp_path / "out" / "episodes").glob("*.mp3")
    before = audio.stat()
    cached = sorted(isolated_home.joinpath("cache").rglob("*.wav"))
    assert cached  # the first run filled the segment cache
    code, output = run("--config", str(config), "--date", DATE)
    assert code == 0, output
    assert output.startswith("Up to date:")
    after = audio.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert sorted(isolated_home.joinpath("cache").rglob("*.wav")) == cached  # nothing voiced
    assert "Already heard" not in output  # same date: its own stories are not "heard before"
    assert sorted(p.name for p in (tmp_path / "out" / "episodes").iterdir()) == first_files
    assert len([n for n in first_files if n.endswith(".mp3")]) == 1
    assert len(feedparser.parse((tmp_path / "out" / "feed.xml").read_bytes()).entries) == 1


def test_changed_length_replaces_the_episode_and_voices_only_new_segments(
    server: FixtureServer, tmp_path: Path, fake_voice: str
) -> None:
    config = write_config(tmp_path, server, fake_voice, minutes=3)
    code, output = run("--config", str(config), "--date", DATE)
    assert code == 0, output
    first_voiced, first_cached = _voicing(output)
    assert first_voiced > 0 and first_cached == 0
    code, output = run("--config", str(config), "--date", DATE, "--minutes", "4")
    assert code == 0, output
    voiced, cached = _voicing(output)
    assert voiced > 0 and cached > 0  # the cache supplies what did not change
    mp3s = [p for p in (tmp_path / "out" / "episodes").iterdir() if p.suffix == ".mp3"]
    assert len(mp3s) == 1
    feed = feedparser.parse((tmp_path / "out" / "feed.xml").read_bytes())
    assert len(feed.entries) == 1 and feed.entries[0].enclosures[0].href.endswith(mp3s[0].name)


def test_next_day_skips_what_was_heard_and_keeps_n_episodes(
    server: FixtureServer, tmp_path: Path, fake_voice: str
) -> None:
    config = write_config(tmp_path, server, fake_voice, minutes=2)
    code, first = run("--config", str(config), "--date", "2026-11-23")
    assert code == 0, first
    used_first = int(first.split("Used: ")[1].split()[0])
    code, second = run("--config", str(config), "--date", "2026-11-24")
    assert code == 0, second
    assert f"Already heard: {used_first}" in second
    code, third = run("--config", str(config), "--date", DATE)
    assert code == 0, third
    feed = feedparser.parse((tmp_path / "out" / "feed.xml").read_bytes())
    assert [e.id for e in feed.entries] == ["briefing-2026-11-25", "briefing-2026-11-24"]
    mp3s = sorted(p.name for p in (tmp_path / "out" / "episodes").glob("*.mp3"))
    assert len(mp3s) == 2 and not any("2026-11-23" in n for n in mp3s)  # keep = 2


def test_five_minutes_lasts_five_minutes(
    server: FixtureServer, tmp_path: Path, fake_voice: str
) -> None:
    config = write_config(tmp_path, server, fake_voice, minutes=8)
    code, output = run("--config", str(config), "--date", DATE, "--minutes", "5")
    assert code == 0, output
    [audio] = (tmp_path / "out" / "episodes").glob("*.mp3")
    assert 270.0 <= duration_s(audio) <= 330.0


def test_muted_and_favoured_topics(server: FixtureServer, tmp_path: Path, fake_voice: str) -> None:
    config = write_config(
        tmp_path,
        server,
        fake_voice,
        minutes=1.5,
        extra='favour = ["apple"]\nmute = ["library"]',
    )
    code, output = run("--config", str(config), "--date", DATE)
    assert code == 0, output
    assert "Muted: 1" in output and "(mentions “library”)" in output
    used = output.split("Used: ")[1].splitlines()[1]
    assert "Farmers report a record apple harvest" in used  # favoured: first, from the 3rd source


def test_every_source_failing_is_one_error(
    server: FixtureServer, tmp_path: Path, fake_voice: str
) -> None:
    config = write_config(tmp_path, server, fake_voice, sources=("missing.xml",), with_folder=False)
    code, output = run("--config", str(config), "--date", DATE)
    assert code == 2
    assert "Failed: 1" in output
    assert output.strip().endswith(
        f"briefing: error: no new stories for {DATE}; check the failures above, "
        "or add sources to the config."
    )
    assert not (tmp_path / "out" / "feed.xml").exists()


def test_a_second_run_while_one_is_writing_is_refused(
    server: FixtureServer, tmp_path: Path, fake_voice: str
) -> None:
    import fcntl

    config = write_config(tmp_path, server, fake_voice, minutes=1)
    (tmp_path / "out").mkdir()
    with (tmp_path / "out" / ".briefing-daily.lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        code, output = run("--config", str(config), "--date", DATE)
    assert code == 2
    assert "another `briefing daily` is writing here; wait for it to finish." in output
    assert not (tmp_path / "out" / "feed.xml").exists()
    code, output = run("--config", str(config), "--date", DATE)  # released: works again
    assert code == 0, output


def test_the_config_script_table_sets_the_episode_wording(
    server: FixtureServer, tmp_path: Path, fake_voice: str
) -> None:
    wording = '[script]\ngood_morning = "Morning, all."\ngood_afternoon = "Morning, all."\n' \
        'good_evening = "Morning, all."\noutro = "Bye for now."\n'
    config = write_config(tmp_path, server, fake_voice, minutes=1.5, extra=wording)
    code, output = run("--config", str(config), "--date", DATE)
    assert code == 0, output
    spoken = _sidecar(tmp_path / "out", "transcript")
    assert "Morning, all. It's Wednesday" in spoken
    assert "Bye for now." in spoken
