"""The fetcher against a real HTTP server on 127.0.0.1: caps, refusals, feeds, pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.server import FixtureServer, fixture_server

from briefing.config import FetchSettings
from briefing.fetch import Fetcher, FetchError, fetch, parse_feed, stories_from_url
from briefing.fetch.store import ValidatorStore

LOCAL = FetchSettings(timeout=3.0, allow_private=True)
"""3 s, not 1: on a loaded machine good pages took more than a second now and then."""


@pytest.fixture(scope="module")
def server() -> Iterator[FixtureServer]:
    with fixture_server(slow_s=5.0) as state:
        yield state


def test_fetches_a_feed_and_parses_its_items(server: FixtureServer) -> None:
    response = fetch(server.url("rss.xml"), LOCAL)
    feed = parse_feed(response.content, response.url)
    assert feed.title == "Harbour Gazette"
    assert [i.title for i in feed.items] == [
        "Tidal turbines start powering the harbour",
        "Council approves new bicycle lanes on the seafront",
        "Central library extends its opening hours",
    ]
    assert feed.items[0].link == server.url("pages/tidal.html")
    assert feed.items[1].content_html.count("<p>") == 6


def test_parses_atom_with_its_content(server: FixtureServer) -> None:
    feed = parse_feed(fetch(server.url("atom.xml"), LOCAL).content, "atom")
    assert feed.title == "Valley Chronicle"
    assert len(feed.items) == 3
    assert "embankment" in feed.items[0].content_html
    assert feed.items[0].published is not None and feed.items[0].published.day == 25


def test_loopback_is_refused_by_default(server: FixtureServer) -> None:
    with pytest.raises(FetchError, match=r"private, loopback .* allow_private = true"):
        fetch(server.url("rss.xml"), FetchSettings())
    assert server.hits["/rss.xml"] >= 0  # nothing more to say: the request is never sent


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/feed.xml", "gopher://x/", "javascript:alert(1)"],
)
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(FetchError, match=r"only http:// and https://"):
        fetch(url, LOCAL)


@pytest.mark.parametrize(
    "address", ["10.1.2.3", "192.168.0.10", "169.254.169.254", "[::1]", "0.0.0.0"]
)
def test_private_and_link_local_addresses_are_refused(address: str) -> None:
    with pytest.raises(FetchError, match="private, loopback or link-local"):
        fetch(f"http://{address}/feed.xml", FetchSettings(timeout=1.0))


def test_not_found_names_the_status(server: FixtureServer) -> None:
    url = server.url("missing.xml")
    with pytest.raises(FetchError, match=r"answered 404") as error:
        fetch(url, LOCAL)
    assert error.value.message.startswith(url)


def test_slow_server_times_out(server: FixtureServer) -> None:
    with pytest.raises(FetchError, match=r"no answer within 3 s"):
        fetch(server.url("slow/rss.xml"), LOCAL)


def test_trickling_server_is_cut_at_the_deadline(server: FixtureServer) -> None:
    with pytest.raises(FetchError, match=r"no answer within 3 s"):
        fetch(server.url("trickle"), LOCAL)


def test_response_larger_than_the_cap_is_refused(server: FixtureServer) -> None:
    settings = FetchSettings(timeout=5.0, max_bytes=1_000_000, allow_private=True)
    with pytest.raises(FetchError, match=r"larger than 1,000,000 bytes"):
        fetch(server.url("big"), settings)


def test_redirects_are_followed_up_to_the_limit(server: FixtureServer) -> None:
    response = fetch(server.url("redirect/3/rss.xml"), LOCAL)
    assert response.url == server.url("rss.xml")
    assert b"Harbour Gazette" in response.content
    with pytest.raises(FetchError, match=r"more than 2 redirects"):
        fetch(server.url("redirect/3/rss.xml"), FetchSettings(max_redirects=2, allow_private=True))
    with pytest.raises(FetchError, match=r"more than 5 redirects"):
        fetch(server.url("loop"), LOCAL)


def test_each_redirect_is_checked_again(server: FixtureServer) -> None:
    """A public URL that redirects to a private one is refused at the hop (here: first hop)."""
    with pytest.raises(FetchError, match="loopback"):
        fetch(server.url("redirect/1/rss.xml"), FetchSettings(timeout=1.0))


@pytest.mark.parametrize("name", ["bomb.xml", "xxe.xml"])
def test_entity_tricks_are_refused(server: FixtureServer, name: str) -> None:
    response = fetch(server.url(name), LOCAL)
    with pytest.raises(FetchError, match=r"declares XML entities"):
        parse_feed(response.content, response.url)


def test_malformed_feed_is_reported(server: FixtureServer) -> None:
    response = fetch(server.url("malformed.xml"), LOCAL)
    with pytest.raises(FetchError, match=r"not a readable RSS or Atom feed"):
        parse_feed(response.content, response.url)


def test_conditional_get_reuses_the_stored_body(server: FixtureServer, tmp_path: Path) -> None:
    store = ValidatorStore(tmp_path / "http")
    before = server.not_modified["/atom.xml"]
    with Fetcher(LOCAL, store) as fetcher:
        first = fetcher.get(server.url("atom.xml"))
        second = fetcher.get(server.url("atom.xml"))
    assert not first.not_modified
    assert second.not_modified
    assert second.content == first.content
    assert server.not_modified["/atom.xml"] == before + 1


def test_teaser_items_are_completed_from_their_page(server: FixtureServer) -> None:
    with Fetcher(LOCAL, store=None) as fetcher:
        articles, failures = stories_from_url(server.url("rss.xml"), fetcher)
    assert failures == []
    tidal, lanes, library = articles
    assert "twenty metres below the surface" in tidal.text  # only on the page
    assert "Copyright" not in tidal.text and "Home" not in tidal.text
    assert tidal.source_name == "Harbour Gazette"
    assert tidal.url == server.url("pages/tidal.html")
    assert "loading bays" in lanes.text  # from content:encoded
    assert "reading room" in library.text
    assert tidal.published is not None and tidal.published.hour == 6


def test_a_page_url_gives_one_article(server: FixtureServer) -> None:
    with Fetcher(LOCAL, store=None) as fetcher:
        articles, failures = stories_from_url(server.url("pages/observatory.html"), fetcher)
    assert failures == []
    assert len(articles) == 1
    assert articles[0].title == "Hilltop observatory reopens to the public"
    assert "wooden dome" in articles[0].text


def test_validators_of_urls_not_seen_for_a_month_are_forgotten(
    server: FixtureServer, tmp_path: Path
) -> None:
    import os
    import time

    store = ValidatorStore(tmp_path / "http")
    with Fetcher(LOCAL, store) as fetcher:
        fetcher.get(server.url("rss.xml"))
        fetcher.get(server.url("atom.xml"))
    files = sorted((tmp_path / "http").iterdir())
    assert len(files) == 4  # a body and its validators per URL
    old = time.time() - 31 * 86400
    for path in files[:2]:
        os.utime(path, (old, old))
    assert store.prune() == 2
    assert sorted((tmp_path / "http").iterdir()) == files[2:]
