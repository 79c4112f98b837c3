"""The web player in a real browser: Chromium at phone size against `briefing serve`.

The folder is made by two real `briefing daily` runs (espeak-ng, ffmpeg, the fixture feeds on
127.0.0.1). The tests share one server and one browser and run in file order, like a listener:
open, play, jump to a chapter, reload, then lose the connection.
"""

from __future__ import annotations

import json
import subprocess
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


@pytest.fixture(scope="module")
def podcast(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_podcast(tmp_path_factory.mktemp("player"))


@pytest.fixture(scope="module")
def server(podcast: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    with serving(podcast) as running:
        yield running


@pytest.fixture(scope="module")
def browser(server: tuple[str, subprocess.Popen[str]]) -> Iterator[Any]:
    with chromium() as driver:
        yield driver


def newest(podcast: Path, index: int = 0) -> dict[str, Any]:
    """The newest episode in the list (or the `index`-th newest)."""
    episodes = json.loads((podcast / "episodes.json").read_text())["episodes"]
    return dict(episodes[index])


def chapters(podcast: Path) -> list[dict[str, Any]]:
    data = json.loads((podcast / newest(podcast)["chapters"]).read_text())
    return list(data["chapters"])


def test_the_page_loads_without_errors_and_plays(
    browser: Any, server: tuple[str, subprocess.Popen[str]], podcast: Path
) -> None:
    url, _ = server
    browser.get(url)
    wait_ready(browser)
    assert browser.title == "Test briefing"
    assert browser.find_element(By.ID, "now-title").text == newest(podcast)["title"]
    episodes = browser.find_elements(By.CSS_SELECTOR, "#episodes li")
    assert len(episodes) == 2 and "2026" in episodes[1].text and ":" in episodes[1].text
    browser.find_element(By.ID, "play").click()
    assert plays(browser)
    assert browser.find_element(By.ID, "play").get_attribute("aria-label") == "Pause"
    lock_screen = "return navigator.mediaSession.metadata.title"
    assert browser.execute_script(lock_screen) == newest(podcast)["title"]
    assert console_errors(browser) == []


def test_the_third_chapter_seeks_and_the_transcript_follows(browser: Any, podcast: Path) -> None:
    marks = chapters(podcast)
    assert len(marks) >= 3
    third = marks[2]["startTime"]
    browser.find_elements(By.CSS_SELECTOR, "#chapters button")[2].click()
    WebDriverWait(browser, 5).until(lambda d: abs(current_time(d) - third) < 1.0)
    now, cue, following, chapter = browser.execute_script(
        """const cue = document.querySelector('#transcript .cue[aria-current]');
        const cues = [...document.querySelectorAll('#transcript .cue')];
        const next = cues[cues.indexOf(cue) + 1];
        return [document.querySelector('#audio').currentTime, Number(cue.dataset.start),
                next ? Number(next.dataset.start) : Infinity,
                document.querySelector('#chapters [aria-current]').dataset.start];"""
    )
    assert cue <= now + 0.05 < following  # the cue being spoken, not a neighbour
    assert cue >= third - 0.05  # in the chapter tapped, not the one before
    assert float(chapter) == pytest.approx(third)
    assert console_errors(browser) == []


def test_a_reload_restores_the_position_under_a_service_worker(browser: Any) -> None:
    browser.execute_script("document.querySelector('#audio').pause()")
    position = current_time(browser)
    browser.execute_async_script(  # the worker has cached the page and the newest episode
        "navigator.serviceWorker.ready.then(() => arguments[arguments.length - 1]())"
    )
    browser.refresh()
    wait_ready(browser)
    WebDriverWait(browser, 5).until(lambda d: abs(current_time(d) - position) < 0.5)
    assert browser.execute_script("return navigator.serviceWorker.controller !== null")
    assert console_errors(browser) == []


def test_the_keyboard_plays_and_pauses(browser: Any) -> None:
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(" ")
    assert plays(browser)
    body.send_keys("k")
    WebDriverWait(browser, 5).until(
        lambda d: d.execute_script("return document.querySelector('#audio').paused")
    )


def test_at_the_end_it_is_marked_played_and_the_next_episode_follows(
    browser: Any, podcast: Path
) -> None:
    older = newest(podcast, 1)
    browser.find_element(By.ID, "follow").click()
    browser.execute_script(
        "const a = document.querySelector('#audio'); a.currentTime = a.duration - 0.5; a.play()"
    )
    WebDriverWait(browser, 10).until(
        lambda d: d.find_element(By.ID, "now-title").text == older["title"]
    )
    assert plays(browser)
    items = browser.find_elements(By.CSS_SELECTOR, "#episodes li")
    assert [i.find_element(By.CLASS_NAME, "played").is_displayed() for i in items] == [True, False]
    first_chapter = browser.find_element(By.CSS_SELECTOR, "#chapters button").text
    assert first_chapter.endswith("Introduction")
    assert console_errors(browser) == []


def test_with_the_server_stopped_the_newest_episode_still_plays(
    browser: Any, server: tuple[str, subprocess.Popen[str]], podcast: Path
) -> None:
    _, process = server
    process.terminate()
    process.wait(timeout=10)
    browser.refresh()
    wait_ready(browser)
    assert browser.find_element(By.ID, "now-title").text == newest(podcast)["title"]
    assert len(browser.find_elements(By.CSS_SELECTOR, "#transcript .cue")) > 5
    status, size, content_range = browser.execute_async_script(
        """const done = arguments[arguments.length - 1];
        fetch(arguments[0], {headers: {Range: 'bytes=100-199'}})
          .then(async (r) => done([r.status, (await r.arrayBuffer()).byteLength,
                                   r.headers.get('Content-Range')]));""",
        newest(podcast)["audio"],
    )
    assert (status, size) == (206, 100)
    assert content_range == f"bytes 100-199/{newest(podcast)['length']}"
    browser.execute_script("document.querySelector('#audio').play()")
    assert plays(browser)
    assert console_errors(browser) == []
