"""RSS and Atom feeds through feedparser, after defusedxml has refused entity tricks.

feedparser's strict parser is expat through sax; on a DOCTYPE with entities it falls back to
its loose parser, which leaves them unexpanded. The bytes are still screened with defusedxml
first, so a billion-laughs or external-entity feed is refused by name rather than half-read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from briefing.fetch.client import FetchError

_FEED_SNIFF = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed, as much as the feed says about it."""

    title: str
    link: str | None
    summary_html: str
    """The teaser (RSS description, Atom summary)."""
    content_html: str
    """The full text when the feed carries it (content:encoded, Atom content), else ""."""
    published: dt.datetime | None
    guid: str
    language: str | None = None
    """The language the feed declares for this item (its own `xml:lang`, else the feed's
    `<language>`), as written ("fr-fr")."""


@dataclass(frozen=True)
class Feed:
    title: str
    link: str | None
    items: tuple[FeedItem, ...]
    language: str | None = None
    """RSS `<language>` or Atom `xml:lang`, as written ("fr-fr", "de-DE")."""


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """RSS or Atom by content type or by its first kilobytes."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}:
        return True
    return bool(_FEED_SNIFF.search(data[:4096]))


def screen_xml(data: bytes, url: str) -> None:
    """Refuse entity declarations and external references; let plain malformed XML through."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise FetchError(
            f"{url}: the feed declares XML entities ({type(error).__name__}), "
            "which are refused for safety; tell the publisher or drop this source."
        ) from None
    except (ParseError, ValueError):
        pass  # malformed: feedparser's loose parser decides whether anything is usable


def parse_feed(data: bytes, url: str) -> Feed:
    """Parse feed bytes; raise `FetchError` when nothing usable is in them."""
    import feedparser

    screen_xml(data, url)
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    entries = parsed.get("entries", [])
    if not entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({str(reason).splitlines()[0]})" if reason else ""
        raise FetchError(f"{url}: not a readable RSS or Atom feed{detail}; check the URL.")
    feed = parsed.get("feed", {})
    language = str(feed.get("language") or "").strip() or None
    items = tuple(_item(entry, index, language) for index, entry in enumerate(entries))
    return Feed(
        title=str(feed.get("title", "")).strip(),
        link=feed.get("link") or None,
        items=items,
        language=language,
    )


def _item(entry: Any, index: int, feed_language: str | None) -> FeedItem:
    content, language = "", None
    for block in entry.get("content", []) or []:
        value = block.get("value", "")
        if len(value) > len(content):
            content, language = value, block.get("language")
    language = language or (entry.get("summary_detail") or {}).get("language")
    link = entry.get("link") or None
    return FeedItem(
        title=str(entry.get("title", "")).strip(),
        link=link,
        summary_html=str(entry.get("summary", "")),
        content_html=content,
        published=_when(entry),
        guid=str(entry.get("id") or link or entry.get("title") or index),
        language=str(language or feed_language or "").strip() or None,
    )


def _when(entry: Any) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                year, month, day, hour, minute, second = value[:6]
                return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)
            except (TypeError, ValueError):
                continue
    return None
