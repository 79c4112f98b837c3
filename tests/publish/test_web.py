"""The web player's files as `briefing daily` writes them, and `serve` answering `/` with them."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import feedparser
import pytest
from PIL import Image

from briefing.config import PodcastSettings
from briefing.publish.episodes import Episode, EpisodeStory, StoryLink
from briefing.publish.feed import write_feed
from briefing.publish.serve import make_server, player_url
from briefing.publish.web import clock, write_player

PLAYER = ("index.html", "player.css", "player.js", "sw.js", "manifest.webmanifest")
LABELS = "labels.json"
"""Package data beside the player, inlined into index.html rather than copied."""


def episode(date: str, title: str = "Briefing <&> news", duration_s: float = 62.5) -> Episode:
    stem = f"episodes/briefing-{date}-abc"
    return Episode(
        date=date,
        title=title,
        audio=f"{stem}.mp3",
        length=1000,
        duration_s=duration_s,
        published="Wed, 25 Nov 2026 06:00:00 +0000",
        fingerprint=f"fp-{date}",
        stories=(EpisodeStory("Turbines", (StoryLink("Gazette", "https://example.org/t"),)),),
        chapters=f"{stem}.chapters.json",
        transcript=f"{stem}.vtt",
        extra_files=(f"{stem}.srt", f"{stem}.html"),
    )


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    (out / "episodes").mkdir(parents=True)
    chapters = {
        "version": "1.2.0",
        "chapters": [
            {"startTime": 0.0, "title": "Introduction"},
            {"startTime": 5.2, "title": "Turbines <start>"},
            {"startTime": 61.0, "title": "Close"},
        ],
    }
    (out / "episodes" / "briefing-2026-11-25-abc.chapters.json").write_text(json.dumps(chapters))
    return out


def test_the_page_plays_before_its_script_runs(folder: Path) -> None:
    write_player(folder, PodcastSettings(title="Harbour & Co"), [episode("2026-11-25")])
    for name in PLAYER:
        text = (folder / name).read_text(encoding="utf-8")
        assert "{{" not in text, name  # every slot filled
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "<title>Harbour &amp; Co</title>" in page
    assert '<audio id="audio" controls preload="metadata"' in page
    assert 'src="episodes/briefing-2026-11-25-abc.mp3"' in page
    assert "Briefing &lt;&amp;&gt; news" in page  # escaped, never markup
    assert '#t=5.200"><span class="at">0:05</span> Turbines &lt;start&gt;</a>' in page
    assert 'href="episodes/briefing-2026-11-25-abc.html">Show notes</a>' in page
    assert "Wednesday 25 November 2026</time> · 1:02" in page
    manifest = json.loads((folder / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "Harbour & Co"
    assert {i["sizes"] for i in manifest["icons"]} == {"192x192", "512x512"}
    for icon in manifest["icons"]:
        with Image.open(folder / icon["src"]) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]


def test_without_artwork_the_feed_gets_square_show_art(folder: Path) -> None:
    podcast = write_player(folder, PodcastSettings(), [episode("2026-11-25")])
    assert podcast.artwork == "artwork.png"
    with Image.open(folder / "artwork.png") as image:
        assert image.format == "PNG" and image.width == image.height
        assert 1400 <= image.width <= 3000  # what Apple Podcasts accepts
    write_feed(folder, podcast, [episode("2026-11-25")], "http://phone.test:8000/")
    feed = feedparser.parse((folder / "feed.xml").read_bytes())
    assert feed.feed.image.href == "http://phone.test:8000/artwork.png"


def test_configured_artwork_is_kept(folder: Path) -> None:
    settings = PodcastSettings(artwork="https://cdn.example.org/show.jpg")
    assert write_player(folder, settings, [episode("2026-11-25")]) == settings
    assert not (folder / "artwork.png").exists()


def test_unchanged_files_are_not_rewritten_and_a_new_episode_changes_the_worker(
    folder: Path,
) -> None:
    settings = PodcastSettings()
    write_player(folder, settings, [episode("2026-11-24")])
    before = {name: (folder / name).stat().st_mtime_ns for name in (*PLAYER, "artwork.png")}
    worker = (folder / "sw.js").read_text(encoding="utf-8")
    write_player(folder, settings, [episode("2026-11-24")])
    assert {name: (folder / name).stat().st_mtime_ns for name in before} == before
    assert list(folder.glob(".*.part")) == []
    write_player(folder, settings, [episode("2026-11-25"), episode("2026-11-24")])
    assert (folder / "sw.js").read_text(encoding="utf-8") != worker  # browsers cache the new one
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert page.count('<li data-audio="episodes/') == 2
    assert page.index("2026-11-25-abc.mp3") < page.index("2026-11-24-abc.mp3")  # newest first


def test_a_missing_chapters_file_leaves_the_list_empty(folder: Path) -> None:
    write_player(folder, PodcastSettings(), [replace(episode("2026-11-25"), chapters="x.json")])
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<ol id="chapters" class="chapters" lang="en">\n\n      </ol>' in page


def test_no_episodes_yet(folder: Path) -> None:
    write_player(folder, PodcastSettings(), [])
    assert "No episodes yet" in (folder / "index.html").read_text(encoding="utf-8")


def test_clock() -> None:
    assert [clock(s) for s in (0, 62.9, 600, 3723)] == ["0:00", "1:02", "10:00", "1:02:03"]


@pytest.fixture()
def served(folder: Path) -> Iterator[int]:
    server = make_server(folder, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def get(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


def test_serve_answers_root_with_the_player(folder: Path, served: int) -> None:
    (folder / "feed.xml").write_text("<rss/>", encoding="utf-8")
    status, headers, body = get(served, "/")
    assert (status, body) == (200, b"<rss/>")  # a folder from before the player: the feed
    write_player(folder, PodcastSettings(), [episode("2026-11-25")])
    status, headers, body = get(served, "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == (folder / "index.html").read_bytes()
    assert headers["Cache-Control"] == "no-cache"  # tomorrow's episode shows without a wait
    kinds = {
        "/player.js": "text/javascript; charset=utf-8",
        "/sw.js": "text/javascript; charset=utf-8",
        "/player.css": "text/css; charset=utf-8",
        "/manifest.webmanifest": "application/manifest+json",
        "/icon-192.png": "image/png",
        "/feed.xml": "application/rss+xml; charset=utf-8",
    }
    for path, kind in kinds.items():
        assert get(served, path)[1]["Content-Type"] == kind, path


def test_the_printed_url_opens_the_player() -> None:
    assert player_url("127.0.0.1", 8123) == "http://127.0.0.1:8123/"


def test_the_player_files_are_package_data() -> None:
    from importlib.resources import files

    folder = files("briefing.publish") / "player"
    assert sorted(p.name for p in folder.iterdir()) == sorted((*PLAYER, LABELS))


def test_every_language_has_every_label() -> None:
    from importlib.resources import files

    table = json.loads((files("briefing.publish") / "player" / LABELS).read_text("utf-8"))
    assert sorted(table) == ["de", "en", "es", "fr", "it", "pt"]
    for language, words in table.items():
        assert set(words) == set(table["en"]), language
        if language != "en":
            assert words["chapters"] != table["en"]["chapters"], language


def test_a_german_show_has_a_german_page(folder: Path) -> None:
    german = replace(episode("2026-11-25", title="Briefing — Mittwoch"), language="de")
    write_player(folder, PodcastSettings(title="Morgenlage"), [german])
    for name in PLAYER:
        assert "{{" not in (folder / name).read_text(encoding="utf-8"), name
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in page
    for german_words in (
        '<h3 id="chapters-title">Kapitel</h3>',
        '<h3 id="transcript-title">Transkript</h3>',
        '<h2 id="episodes-title">Folgen</h2>',
        'aria-label="Abspielen"',
        'aria-label="15 Sekunden zurück"',
        '<label class="speed">Tempo',
        "download>MP3 herunterladen</a>",
        ">Sendungsnotizen</a>",
        ">Das Transkript (WebVTT)</a>",
        "Mittwoch, 25. November 2026</time> · 1:02",
        '<span class="played" hidden> · gehört</span>',
    ):
        assert german_words in page, german_words
    for english in ("Chapters", "Episodes", "Download the MP3", "Show notes", "Wednesday"):
        assert english not in page, english
    inline = page.split('<script type="application/json" id="labels">')[1].split("</script>")[0]
    assert json.loads(inline)["pause"] == "Pause" and json.loads(inline)["play"] == "Abspielen"
    manifest = json.loads((folder / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["lang"] == "de"


def test_the_configured_language_wins_and_one_without_labels_gets_english_words(
    folder: Path,
) -> None:
    german = replace(episode("2026-11-25"), language="de")
    write_player(folder, PodcastSettings(language="pt-BR"), [german])
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<html lang="pt-BR">' in page and ">Capítulos</h3>" in page
    write_player(folder, PodcastSettings(language="nl"), [german])
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in page and ">Chapters</h3>" in page


def test_a_new_language_changes_the_worker_so_the_cached_page_follows(folder: Path) -> None:
    write_player(folder, PodcastSettings(), [episode("2026-11-25")])
    worker = (folder / "sw.js").read_text(encoding="utf-8")
    write_player(folder, PodcastSettings(), [replace(episode("2026-11-25"), language="it")])
    assert (folder / "sw.js").read_text(encoding="utf-8") != worker
    assert '<html lang="it">' in (folder / "index.html").read_text(encoding="utf-8")


def test_an_episode_in_another_language_than_the_show_is_marked_as_such(folder: Path) -> None:
    french = replace(episode("2026-11-25"), language="fr")
    write_player(folder, PodcastSettings(language="en-gb"), [french, episode("2026-11-24")])
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en-gb">' in page and ">Chapters</h3>" in page  # the show's words
    assert '<h2 id="now-title" lang="fr">' in page  # the episode's own words: its language
    assert 'class="transcript" lang="fr"' in page and 'class="chapters" lang="fr"' in page
    assert page.count('lang="fr">Briefing &lt;&amp;&gt; news</a>') == 1
    assert page.count('lang="en">Briefing &lt;&amp;&gt; news</a>') == 1
