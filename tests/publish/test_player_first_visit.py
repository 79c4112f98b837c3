"""The web player while its service worker arrives or changes: a first visit, then a new episode.

A listener opens the link for the first time: the page starts loading the episode from the
network, then the service worker takes control. Play must work then, with no reload (issue 20:
MEDIA_ERR_NETWORK, the clock stuck at 0, chapters dead). Later the morning's run publishes a
new episode while that page plays: it goes on playing its episode, and the next visit shows
the new one. The episode is the default length (5 minutes), so the audio element loads only
its start before Play; a 1-minute episode is fetched whole at once and never showed the bug.
The two tests share one server and one fresh browser, and run in file order.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures.player import (
    chromium,
    console_errors,
    current_time,
    make_podcast,
    plays,
    serving,
    wait_ready,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = pytest.mark.real

FIRST = ("2026-11-24",)
FIRST_SOURCES = ("rss.xml", "atom.xml")
NEXT = ("2026-11-25",)
NEXT_SOURCES = ("wire.xml", "pages/observatory.html")  # stories the first episode did not tell


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("first-visit")


@pytest.fixture(scope="module")
def podcast(workdir: Path) -> Path:
    return make_podcast(workdir, FIRST, minutes=5.0, sources=FIRST_SOURCES)


@pytest.fixture(scope="module")
def server(podcast: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    with serving(podcast) as running:
        yield running


@pytest.fixture(scope="module")
def browser(server: tuple[str, subprocess.Popen[str]]) -> Iterator[Any]:
    with chromium() as driver:  # a fresh profile: no service worker yet
        driver.set_script_timeout(30)
        yield driver


def newest(podcast: Path) -> dict[str, Any]:
    return dict(json.loads((podcast / "episodes.json").read_text())["episodes"][0])


def audio_state(driver: Any) -> dict[str, Any]:
    return dict(
        driver.execute_script(
            """const a = document.querySelector('#audio');
            return {time: a.currentTime, paused: a.paused, error: a.error && a.error.code,
                    src: a.getAttribute('src')};"""
        )
    )


def controlled(driver: Any) -> bool:
    return bool(driver.execute_script("return navigator.serviceWorker.controller !== null"))


def fetch_range(driver: Any, path: str) -> tuple[int, str | None]:
    """A byte range of `path` fetched by the page (so through its service worker)."""
    status, content_range = driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        fetch(arguments[0], {headers: {Range: 'bytes=100-199'}})
          .then((r) => done([r.status, r.headers.get('Content-Range')]), () => done([0, null]));""",
        path,
    )
    return int(status), content_range


def worker_version(podcast: Path) -> str:
    match = re.search(r'const VERSION = "(\w+)"', (podcast / "sw.js").read_text())
    assert match, "sw.js has no version"
    return match.group(1)


def under_newest_worker(driver: Any) -> bool:
    """The page is controlled by its registration's active worker, none installing or waiting."""
    script = """const done = arguments[arguments.length - 1];
    navigator.serviceWorker.getRegistration().then((reg) =>
      done(Boolean(reg && reg.active && !reg.installing && !reg.waiting
                   && navigator.serviceWorker.controller === reg.active)));"""
    return bool(driver.execute_async_script(script))


def activated(driver: Any, version: str) -> bool:
    """The worker of `version` has installed and taken over (none installing or waiting)."""
    script = """const done = arguments[arguments.length - 1];
    navigator.serviceWorker.getRegistration().then(async (reg) =>
      done(Boolean(reg && reg.active && !reg.installing && !reg.waiting
                   && await caches.has(arguments[0]))));"""
    return bool(driver.execute_async_script(script, f"briefing-{version}"))


def test_the_first_visit_plays_once_the_service_worker_has_taken_control(
    browser: Any, server: tuple[str, subprocess.Popen[str]], podcast: Path
) -> None:
    url, _ = server
    episode = newest(podcast)
    assert episode["length"] > 2_000_000  # long enough that only its start loads before Play
    browser.get(url)
    wait_ready(browser)
    WebDriverWait(browser, 15).until(controlled)
    browser.find_element(By.ID, "play").click()
    assert plays(browser)
    after_play = audio_state(browser)
    assert after_play["error"] is None and not after_play["paused"]
    assert after_play["src"] == episode["audio"]
    chapters = json.loads((podcast / episode["chapters"]).read_text())["chapters"]
    assert len(chapters) >= 4
    third = chapters[2]["startTime"]
    browser.find_elements(By.CSS_SELECTOR, "#chapters button")[2].click()
    WebDriverWait(browser, 5).until(lambda d: abs(current_time(d) - third) < 1.0)
    assert plays(browser)
    after_chapter = audio_state(browser)
    assert after_chapter["error"] is None
    assert third <= after_chapter["time"] < chapters[3]["startTime"]
    navigation = "return performance.getEntriesByType('navigation')[0].type"
    assert browser.execute_script(navigation) == "navigate"  # the first page: never reloaded
    assert console_errors(browser) == []
    print(
        f"\nfirst visit: controlled, then Play: currentTime {after_play['time']:.2f} s;"
        f" third chapter ({third:.2f} s) tapped: currentTime {after_chapter['time']:.2f} s;"
        f" error {after_chapter['error']}"
    )


def test_an_episode_published_while_playing_keeps_it_playing_and_shows_on_the_next_visit(
    browser: Any, server: tuple[str, subprocess.Popen[str]], podcast: Path, workdir: Path
) -> None:
    url, _ = server
    playing = newest(podcast)
    listening = browser.current_window_handle
    assert not audio_state(browser)["paused"]
    make_podcast(workdir, NEXT, minutes=1.0, sources=NEXT_SOURCES)  # the morning's run
    published = newest(podcast)
    assert published["audio"] != playing["audio"]
    before, since = current_time(browser), time.monotonic()

    browser.switch_to.new_window("tab")  # the next visit, while the first page plays on
    browser.get(url)
    wait_ready(browser)
    assert browser.find_element(By.ID, "now-title").text == published["title"]
    browser.execute_async_script(  # the update check the browser makes after a navigation
        """const done = arguments[arguments.length - 1];
        navigator.serviceWorker.getRegistration().then((reg) => reg.update()).then(done, done);"""
    )
    WebDriverWait(browser, 20).until(lambda d: activated(d, worker_version(podcast)))
    WebDriverWait(browser, 10).until(under_newest_worker)
    browser.find_element(By.ID, "play").click()
    assert plays(browser)
    assert audio_state(browser)["error"] is None

    browser.switch_to.window(listening)
    WebDriverWait(browser, 10).until(under_newest_worker)  # the new worker took this page over
    state, elapsed = audio_state(browser), time.monotonic() - since
    assert state["src"] == playing["audio"] and state["error"] is None and not state["paused"]
    assert browser.find_element(By.ID, "now-title").text == playing["title"]
    assert before + elapsed / 2 < state["time"] < before + elapsed + 1  # on, without a jump
    assert plays(browser)
    _, process = server
    process.terminate()
    process.wait(timeout=10)
    # the new worker kept the episode this page plays: it goes on with no connection too
    assert fetch_range(browser, playing["audio"]) == (206, f"bytes 100-199/{playing['length']}")
    assert audio_state(browser)["error"] is None
    assert console_errors(browser) == []
    print(
        f"\nnew episode published at {before:.2f} s into the old one; {elapsed:.1f} s later,"
        f" under the new worker, the old page plays on at {state['time']:.2f} s;"
        f" the next visit shows {published['title']!r}"
    )
