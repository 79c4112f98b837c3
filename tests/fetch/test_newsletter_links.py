"""`--fetch-links`: a newsletter item that is only a headline and a link is read from its
page, fetched from a real server on 127.0.0.1 with the fetcher's guards; off by default."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.newsletters import newsletter_message
from fixtures.server import FixtureServer, fixture_server

from briefing.ingest import LinkOptions, load_stories


@pytest.fixture(scope="module")
def server() -> Iterator[FixtureServer]:
    with fixture_server() as state:
        yield state


def _letter(server: FixtureServer, tmp_path: Path) -> Path:
    links = "".join(
        f'<p><a href="{server.url(path)}">{title}</a></p>'
        for path, title in [
            ("pages/tidal.html", "Tidal turbines start powering the harbour"),
            ("pages/library.html", "The central library will open late"),
            ("pages/observatory.html", "The observatory opens its doors again"),
            ("pages/missing.html", "A page the server does not have any more"),
        ]
    )
    path = tmp_path / "links.eml"
    path.write_bytes(newsletter_message(
        f'<html><body><h2>Top stories</h2>{links}<p><a href="{server.url("u")}">Unsubscribe'
        "</a></p></body></html>"
    ))  # fmt: skip
    return path


def test_items_that_are_only_headlines_stay_so_by_default(
    server: FixtureServer, tmp_path: Path
) -> None:
    articles, failures = load_stories(_letter(server, tmp_path))
    assert articles[0].text == "Tidal turbines start powering the harbour."
    assert failures == [] and server.hits["/pages/tidal.html"] == 0


def test_fetch_links_reads_each_item_from_its_page(
    server: FixtureServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_ALLOW_PRIVATE", "1")  # the fixture server is on 127.0.0.1
    articles, failures = load_stories(_letter(server, tmp_path), links=LinkOptions(True))
    assert articles[0].title == "Tidal turbines start powering the harbour"
    assert articles[0].source_name == "Harbour Digest"  # the newsletter's name, as always
    assert len(articles[0].text.split()) > 100
    assert articles[3].text == "A page the server does not have any more."  # kept, reported
    assert [f.origin for f in failures] == [server.url("pages/missing.html")]
    assert "404" in failures[0].reason and "\n" not in failures[0].reason


def test_the_fetcher_guards_hold_for_newsletter_links(
    server: FixtureServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEFING_ALLOW_PRIVATE", raising=False)
    articles, failures = load_stories(_letter(server, tmp_path), links=LinkOptions(True))
    assert len(articles) == 4 and all(len(a.text.split()) < 12 for a in articles)
    assert all("private, loopback or link-local" in f.reason for f in failures)
