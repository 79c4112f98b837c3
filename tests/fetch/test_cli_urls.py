"""`briefing make URL` and `briefing script URL`: a page or feed URL works wherever a file does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from audio_probe import duration_s
from fixtures.server import FixtureServer, fixture_server
from typer.testing import CliRunner

from briefing.cli import app
from briefing.fetch import ALLOW_PRIVATE_ENV


@pytest.fixture(scope="module")
def server() -> Iterator[FixtureServer]:
    with fixture_server() as state:
        yield state


def test_script_of_a_feed_url(server: FixtureServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "1")
    result = CliRunner().invoke(app, ["script", server.url("atom.xml"), "-n", "1"])
    assert result.exit_code == 0, result.output
    for headline in ("Rail line reopens", "weather station", "maternity wing"):
        assert headline in result.output


def test_make_from_a_page_url(
    server: FixtureServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_voice: str
) -> None:
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "1")
    out = tmp_path / "page.mp3"
    url = server.url("pages/observatory.html")
    result = CliRunner().invoke(app, ["make", url, "-o", str(out), "--voice", fake_voice])
    assert result.exit_code == 0, result.output
    assert duration_s(out) > 5.0
    assert "1 story" in result.output


def test_loopback_url_without_permission_is_one_line(server: FixtureServer) -> None:
    url = server.url("rss.xml")
    result = CliRunner().invoke(app, ["script", url])
    assert result.exit_code == 2
    assert result.output.startswith(f"briefing: error: {url}: 127.0.0.1 is a private, loopback")
    assert len(result.output.strip().splitlines()) == 1
