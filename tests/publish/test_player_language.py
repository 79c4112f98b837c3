"""The web player of a German show in a real browser (Chromium at phone size).

The episode is rendered by the real render path (ffmpeg; tones stand in for speech) with a
German script, published with `write_player`/`write_feed` and served by `briefing serve`.
The page must be German before and after its script runs, Chromium must read the German
transcript (its WebVTT header carries `lang: de`), and the service worker must still play
the episode with the server gone. The tests share one server and one browser, in file order.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import write_tone
from fixtures.player import chromium, console_errors, plays, serving, wait_ready
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from briefing.audio import AudioOptions, assemble_for, render_briefing
from briefing.config import PodcastSettings
from briefing.models import Article, Script, ScriptSegment, SegmentKind, Summary, VoicedSegment
from briefing.publish.episodes import MANIFEST, Episode, EpisodeStory, StoryLink, episodes_json
from briefing.publish.feed import PODCAST, write_feed
from briefing.publish.web import write_player

pytestmark = pytest.mark.real

DATE = dt.date(2026, 11, 25)
HEADLINE = "Gezeitenturbinen beleuchten den Hafen"
LINES = (
    (SegmentKind.INTRO, "Guten Morgen. Hier ist Ihr Überblick.", None),
    (SegmentKind.HEADLINE, HEADLINE, 0),
    (SegmentKind.BODY, "Der erste Satz der Meldung.", 0),
    (SegmentKind.BODY, "Der zweite Satz der Meldung.", 0),
    (SegmentKind.OUTRO, "Das war Ihr Überblick. Danke.", None),
)


def german_script() -> Script:
    article = Article("a", title=HEADLINE, url="https://example.org/hafen",
                      source_name="Hafenblatt", locale="de-DE")
    segments = tuple(
        ScriptSegment(kind, text, story=story, language="de") for kind, text, story in LINES
    )
    return Script(DATE, segments, (Summary(article, ("Eins.",)),), language="de")


@pytest.fixture(scope="module")
def podcast(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder as `briefing daily` leaves it, with one German episode."""
    folder = tmp_path_factory.mktemp("german-player")
    (folder / "episodes").mkdir()
    script = german_script()
    voiced = []
    for index, segment in enumerate(script.segments):
        path = folder / f"tone-{index}.wav"
        write_tone(path, 1.5 + 0.2 * index)
        voiced.append(VoicedSegment(segment, path, "tone"))
    options = AudioOptions(artist="Redaktion", album="Morgenlage")
    programme = assemble_for(voiced, options)
    stem = "episodes/briefing-2026-11-25-de"
    files = render_briefing(programme, script, folder / f"{stem}.mp3", options)
    episode = Episode(
        date=DATE.isoformat(),
        title="Briefing — Mittwoch, 25. November 2026",
        audio=f"{stem}.mp3",
        length=files.audio.stat().st_size,
        duration_s=files.duration_s,
        published=email.utils.format_datetime(dt.datetime(2026, 11, 25, 6, tzinfo=dt.UTC)),
        fingerprint="de-1",
        stories=(EpisodeStory(HEADLINE, (StoryLink("Hafenblatt", "https://example.org/hafen"),)),),
        chapters=f"{stem}.chapters.json",
        transcript=f"{stem}.vtt",
        extra_files=(f"{stem}.srt", f"{stem}.html"),
        language="de",
    )
    (folder / MANIFEST).write_text(episodes_json([episode]), encoding="utf-8")
    settings = write_player(folder, PodcastSettings(title="Morgenlage"), [episode])
    write_feed(folder, settings, [episode], "http://127.0.0.1/")
    return folder


@pytest.fixture(scope="module")
def server(podcast: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    with serving(podcast) as running:
        yield running


@pytest.fixture(scope="module")
def browser(server: tuple[str, subprocess.Popen[str]]) -> Iterator[Any]:
    with chromium() as driver:
        driver.set_script_timeout(30)
        yield driver


def test_the_feed_and_the_show_notes_say_german(podcast: Path) -> None:
    channel = ET.fromstring((podcast / "feed.xml").read_bytes()).find("channel")
    assert channel is not None
    assert channel.findtext("language") == "de"  # none configured: the newest episode's
    transcript = channel.find(f"item/{{{PODCAST}}}transcript")
    assert transcript is not None and transcript.get("language") == "de"
    notes = (podcast / "episodes" / "briefing-2026-11-25-de.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in notes and "<h2>Die Meldungen</h2>" in notes
    assert (podcast / "episodes" / "briefing-2026-11-25-de.vtt").read_text().startswith(
        "WEBVTT\nlang: de\n"
    )


def label(driver: Any, selector: str, attribute: str = "aria-label") -> str:
    return str(driver.find_element(By.CSS_SELECTOR, selector).get_attribute(attribute))


def test_the_page_is_german_and_so_are_the_labels_the_script_changes(
    browser: Any, server: tuple[str, subprocess.Popen[str]]
) -> None:
    url, _ = server
    browser.get(url)
    wait_ready(browser)
    assert browser.execute_script("return document.documentElement.lang") == "de"
    assert browser.find_element(By.ID, "chapters-title").text == "Kapitel"
    assert browser.find_element(By.ID, "episodes-title").text == "Folgen"
    assert label(browser, "#play") == "Abspielen"
    assert label(browser, "#back") == "15 Sekunden zurück"
    assert "Mittwoch, 25. November 2026" in browser.find_element(By.ID, "now-date").text
    chapters = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#chapters button")]
    assert [c.split(" ", 1)[1] for c in chapters] == ["Begrüßung", HEADLINE, "Zum Schluss"]
    # The transcript, parsed by Chromium's own WebVTT parser despite the `lang: de` header:
    cues = browser.find_elements(By.CSS_SELECTOR, "#transcript .cue")
    assert [c.text for c in cues] == [text for _, text, _ in LINES]
    assert browser.execute_script("return document.querySelector('#audio track').srclang") == "de"
    assert browser.execute_script("return document.querySelector('#transcript').lang") == "de"
    links = browser.find_element(By.CSS_SELECTOR, "#transcript .links").text
    assert links == "Zum Nachlesen: Hafenblatt"  # written by player.js from the labels
    browser.find_element(By.ID, "play").click()
    assert plays(browser)
    WebDriverWait(browser, 5).until(lambda d: " von " in label(d, "#seek", "aria-valuetext"))
    browser.find_element(By.ID, "play").click()
    WebDriverWait(browser, 5).until(lambda d: label(d, "#play") == "Abspielen")
    assert console_errors(browser) == []


def test_offline_the_cached_page_is_still_german_and_plays(
    browser: Any, server: tuple[str, subprocess.Popen[str]]
) -> None:
    browser.execute_async_script(
        "navigator.serviceWorker.ready.then(() => arguments[arguments.length - 1]())"
    )
    browser.refresh()  # now under the worker, which has cached the page and the episode
    wait_ready(browser)
    assert browser.execute_script("return navigator.serviceWorker.controller !== null")
    _, process = server
    process.terminate()
    process.wait(timeout=10)
    browser.refresh()
    wait_ready(browser)
    assert browser.execute_script("return document.documentElement.lang") == "de"
    assert browser.find_element(By.ID, "transcript-title").text == "Transkript"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#transcript .cue")) == len(LINES)
    browser.find_element(By.ID, "play").click()
    assert plays(browser)
    assert label(browser, "#play") == "Pause"
    assert console_errors(browser) == []
