"""feed.xml: valid RSS 2.0 that feedparser reads cleanly, with the tags podcast apps look for."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import feedparser
import pytest

from briefing.config import PodcastSettings
from briefing.errors import BriefingError
from briefing.publish import Episode, EpisodeStory, StoryLink, feed_xml, write_feed
from briefing.publish.episodes import MANIFEST, episodes_json, load_episodes
from briefing.publish.feed import ITUNES, PODCAST

PODCAST_SETTINGS = PodcastSettings(
    title="Morning <news> & more",
    author="Ann",
    description="Daily.",
    artwork="cover.jpg",
    language="en-gb",
)


def episode(date: str) -> Episode:
    return Episode(
        date=date,
        title=f"Briefing for {date}",
        audio=f"episodes/briefing-{date}-abc.mp3",
        length=12345,
        duration_s=301.4,
        published="Wed, 25 Nov 2026 06:00:00 +0000",
        fingerprint="abc",
        stories=(
            EpisodeStory(
                "Rail line reopens",
                (StoryLink("Valley Chronicle", "http://x.test/rail?a=1&b=2"),),
            ),
            EpisodeStory("Garden award", (StoryLink("Notes", None),)),
        ),
        chapters=f"episodes/briefing-{date}-abc.chapters.json",
        transcript=f"episodes/briefing-{date}-abc.vtt",
    )


def test_feedparser_reads_it_without_complaint() -> None:
    data = feed_xml(
        PODCAST_SETTINGS, [episode("2026-11-25"), episode("2026-11-24")], "http://h:8000"
    )
    feed = feedparser.parse(data)
    assert feed.bozo == 0
    assert feed.version == "rss20"
    assert feed.feed.title == "Morning <news> & more"
    assert feed.feed.image.href == "http://h:8000/cover.jpg"
    assert [e.id for e in feed.entries] == ["briefing-2026-11-25", "briefing-2026-11-24"]
    first = feed.entries[0]
    assert first.enclosures[0].href == "http://h:8000/episodes/briefing-2026-11-25-abc.mp3"
    assert first.enclosures[0].length == "12345"
    assert first.itunes_duration == "301"
    assert 'href="http://x.test/rail?a=1&amp;b=2"' in first.description
    assert "Garden award (Notes)" in first.description


def test_itunes_and_podcasting_2_tags() -> None:
    root = ET.fromstring(feed_xml(PODCAST_SETTINGS, [episode("2026-11-25")], "http://h:8000/"))
    channel = root.find("channel")
    assert channel is not None
    for tag in ("author", "explicit", "image", "category", "owner", "type"):
        assert channel.find(f"{{{ITUNES}}}{tag}") is not None, tag
    assert channel.findtext("language") == "en-gb"
    item = channel.find("item")
    assert item is not None
    chapters = item.find(f"{{{PODCAST}}}chapters")
    transcript = item.find(f"{{{PODCAST}}}transcript")
    assert chapters is not None and chapters.get("type") == "application/json+chapters"
    assert chapters.get("url") == "http://h:8000/episodes/briefing-2026-11-25-abc.chapters.json"
    assert transcript is not None and transcript.get("type") == "text/vtt"
    guid = item.find("guid")
    assert guid is not None and guid.get("isPermaLink") == "false"


def test_a_failed_write_leaves_the_old_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_feed(tmp_path, PODCAST_SETTINGS, [episode("2026-11-24")], "http://h/")
    before = (tmp_path / "feed.xml").read_bytes()

    def broken(*_args: object) -> bytes:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("briefing.publish.feed.feed_xml", broken)
    with pytest.raises((OSError, BriefingError)):
        write_feed(tmp_path, PODCAST_SETTINGS, [episode("2026-11-25")], "http://h/")
    assert (tmp_path / "feed.xml").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed.xml"]


def _languages(data: bytes) -> tuple[str | None, list[str | None]]:
    """The channel's <language> and each item's transcript language."""
    channel = ET.fromstring(data).find("channel")
    assert channel is not None
    transcripts = [
        item.find(f"{{{PODCAST}}}transcript") for item in channel.findall("item")
    ]
    return channel.findtext("language"), [t.get("language") for t in transcripts if t is not None]


def test_each_transcript_has_its_episodes_language_and_the_channel_the_configured_one() -> None:
    french = replace(episode("2026-11-25"), language="fr")
    data = feed_xml(PODCAST_SETTINGS, [french, episode("2026-11-24")], "http://h/")
    assert _languages(data) == ("en-gb", ["fr", "en"])
    assert feedparser.parse(data).bozo == 0


def test_with_no_language_configured_the_channel_takes_the_newest_episodes() -> None:
    unset = replace(PODCAST_SETTINGS, language="")
    german = replace(episode("2026-11-25"), language="de")
    brazilian = replace(episode("2026-11-24"), language="pt-BR")
    assert _languages(feed_xml(unset, [german, brazilian], "http://h/")) == ("de", ["de", "pt-BR"])
    assert _languages(feed_xml(unset, [brazilian], "http://h/"))[0] == "pt-BR"
    assert _languages(feed_xml(unset, [], "http://h/"))[0] == "en"
    assert PodcastSettings().language == ""  # the default leaves it to the episodes


def test_the_manifest_keeps_the_language_and_reads_older_ones_as_english(tmp_path: Path) -> None:
    french = replace(episode("2026-11-25"), language="fr")
    (tmp_path / MANIFEST).write_text(episodes_json([french]), encoding="utf-8")
    assert load_episodes(tmp_path)[0].language == "fr"
    older = json.loads(episodes_json([episode("2026-11-24")]))
    del older["episodes"][0]["language"]  # as written before episodes had a language
    (tmp_path / MANIFEST).write_text(json.dumps(older), encoding="utf-8")
    assert load_episodes(tmp_path)[0].language == "en"
