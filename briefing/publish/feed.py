"""`feed.xml`: RSS 2.0 with the iTunes tags Apple Podcasts requires and Podcasting 2.0 extras.

The channel's `<language>` is the show's (`show_language`: the settings', else the newest
episode's); RSS has no language per item, so each episode's own goes on its transcript.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from briefing.audio.language import bcp47
from briefing.config import PodcastSettings
from briefing.publish.episodes import Episode, show_language

FEED_NAME = "feed.xml"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
for _prefix, _uri in (
    ("itunes", ITUNES),
    ("podcast", PODCAST),
    ("atom", ATOM),
    ("content", CONTENT),
):
    ET.register_namespace(_prefix, _uri)


def feed_xml(podcast: PodcastSettings, episodes: Sequence[Episode], base_url: str) -> bytes:
    """The whole feed for `episodes` (newest first), with every URL under `base_url`."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    _text(channel, "title", podcast.title)
    _text(channel, "link", base)
    _text(channel, "description", podcast.description)
    _text(channel, "language", show_language(podcast.language, episodes))
    _text(channel, "generator", "briefing")
    ET.SubElement(
        channel,
        f"{{{ATOM}}}link",
        {"href": base + FEED_NAME, "rel": "self", "type": "application/rss+xml"},
    )
    _text(channel, f"{{{ITUNES}}}author", podcast.author)
    _text(channel, f"{{{ITUNES}}}summary", podcast.description)
    _text(channel, f"{{{ITUNES}}}explicit", "false")
    _text(channel, f"{{{ITUNES}}}type", "episodic")
    owner = ET.SubElement(channel, f"{{{ITUNES}}}owner")
    _text(owner, f"{{{ITUNES}}}name", podcast.author)
    category = ET.SubElement(channel, f"{{{ITUNES}}}category", {"text": "News"})
    ET.SubElement(category, f"{{{ITUNES}}}category", {"text": "Daily News"})
    if podcast.artwork:
        artwork = podcast.artwork
        if "://" not in artwork:
            artwork = base + quote(artwork)
        ET.SubElement(channel, f"{{{ITUNES}}}image", {"href": artwork})
        image = ET.SubElement(channel, "image")
        _text(image, "url", artwork)
        _text(image, "title", podcast.title)
        _text(image, "link", base)
    for episode in episodes:
        _item(channel, episode, base)
    ET.indent(rss)
    data: bytes = ET.tostring(rss, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def _item(channel: ET.Element, episode: Episode, base: str) -> None:
    item = ET.SubElement(channel, "item")
    _text(item, "title", episode.title)
    description = show_notes_html(episode)
    _text(item, "description", description)
    _text(item, f"{{{CONTENT}}}encoded", description)
    ET.SubElement(
        item,
        "enclosure",
        {"url": base + quote(episode.audio), "length": str(episode.length), "type": "audio/mpeg"},
    )
    _text(item, "guid", episode.guid).set("isPermaLink", "false")
    _text(item, "pubDate", episode.published)
    _text(item, f"{{{ITUNES}}}duration", str(round(episode.duration_s)))
    _text(item, f"{{{ITUNES}}}episodeType", "full")
    _text(item, f"{{{ITUNES}}}explicit", "false")
    if episode.chapters:
        ET.SubElement(
            item,
            f"{{{PODCAST}}}chapters",
            {"url": base + quote(episode.chapters), "type": "application/json+chapters"},
        )
    if episode.transcript:
        ET.SubElement(
            item,
            f"{{{PODCAST}}}transcript",
            {"url": base + quote(episode.transcript), "type": "text/vtt",
             "language": bcp47(episode.language)},
        )


def show_notes_html(episode: Episode) -> str:
    """The story list with a link to every outlet that carried each story."""
    rows = []
    for story in episode.stories:
        links = ", ".join(
            f'<a href="{html.escape(link.url)}">{html.escape(link.source)}</a>'
            if link.url
            else html.escape(link.source)
            for link in story.links
        )
        rows.append(f"<li>{html.escape(story.title)}" + (f" ({links})" if links else "") + "</li>")
    return f"<p>{html.escape(episode.title)}</p><ol>{''.join(rows)}</ol>"


def write_feed(
    folder: Path, podcast: PodcastSettings, episodes: Sequence[Episode], base_url: str
) -> Path:
    """Replace `folder/feed.xml` atomically."""
    from briefing.audio.export import atomic_path

    path = folder / FEED_NAME
    with atomic_path(path) as tmp:
        tmp.write_bytes(feed_xml(podcast, episodes, base_url))
    return path


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = value
    return element
