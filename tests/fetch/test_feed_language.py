"""A feed's declared language reaches its stories, through a real server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fixtures.server import FixtureServer, fixture_server

from briefing.config import FetchSettings
from briefing.fetch import Fetcher, parse_feed, stories_from_url

LOCAL = FetchSettings(timeout=3.0, allow_private=True)


@pytest.fixture(scope="module")
def server() -> Iterator[FixtureServer]:
    with fixture_server() as state:
        yield state


def test_a_feed_whose_language_is_french_gives_french_stories(server: FixtureServer) -> None:
    with Fetcher(LOCAL, store=None) as fetcher:
        articles, failures = stories_from_url(server.url("french.xml"), fetcher)
    assert failures == []
    assert [(a.title, a.locale, a.language) for a in articles] == [
        ("Les turbines du port alimentent la ville", "fr-FR", "fr"),
        ("Le marché rouvre", "fr-FR", "fr"),  # 11 words: too few to judge, the feed's word
    ]


def test_an_atom_entry_can_declare_its_own_language() -> None:
    atom = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de-DE">'
        b"<title>Hafen</title><entry><title>Eins</title><summary>Text</summary></entry>"
        b'<entry xml:lang="fr"><title>Deux</title><summary>Texte</summary></entry></feed>'
    )
    feed = parse_feed(atom, "atom")
    assert feed.language == "de-DE"
    assert [item.language for item in feed.items] == ["de-DE", "fr"]


def test_a_feed_without_a_language_declares_none(server: FixtureServer) -> None:
    with Fetcher(LOCAL, store=None) as fetcher:
        feed = parse_feed(fetcher.get(server.url("rss.xml")).content, "rss")
    assert feed.language is None
    assert {item.language for item in feed.items} == {None}
