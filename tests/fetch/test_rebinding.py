"""DNS rebinding: a name that answers a public address to the check and a private one to the
connection must not reach the private one. A real server on 127.0.0.1 stands for the private
service; the name's look-ups are scripted by replacing the one resolver the fetcher uses."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from briefing.config import FetchSettings
from briefing.fetch import FetchError, fetch
from briefing.fetch import client as fetch_client

PUBLIC = "93.184.216.34"
NAME = "news.example"


class _Private:
    """A loopback HTTP server that records the Host header of every request it gets."""

    def __init__(self) -> None:
        self.hosts: list[str] = []
        recorded = self.hosts

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (stdlib name)
                recorded.append(self.headers.get("Host", ""))
                body = b"private data"
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]


@pytest.fixture()
def private() -> Iterator[_Private]:
    service = _Private()
    thread = threading.Thread(target=service.server.serve_forever, daemon=True)
    thread.start()
    yield service
    service.server.shutdown()
    service.server.server_close()


def _script_answers(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Each look-up of NAME gets the next answer (the last one repeats); returns the log."""
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        assert host == NAME, f"only {NAME} is looked up here, not {host}"
        asked.append(host)
        return [answers[min(len(asked), len(answers)) - 1]]

    monkeypatch.setattr(fetch_client, "resolve_host", resolve)
    return asked


def test_a_name_that_rebinds_to_loopback_after_the_check_is_refused(
    private: _Private, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _script_answers(monkeypatch, PUBLIC, "127.0.0.1")
    with pytest.raises(FetchError, match=r"news\.example is a private, loopback .*127\.0\.0\.1"):
        fetch(f"http://{NAME}:{private.port}/secret", FetchSettings(timeout=3.0))
    assert len(asked) == 2, "the check and the connection each looked the name up"
    assert private.hosts == [], "the private service was reached"


def test_a_name_that_answers_loopback_first_is_refused_before_any_connection(
    private: _Private, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _script_answers(monkeypatch, "127.0.0.1", PUBLIC)
    with pytest.raises(FetchError, match="private, loopback"):
        fetch(f"http://{NAME}:{private.port}/secret", FetchSettings(timeout=3.0))
    assert len(asked) == 1
    assert private.hosts == []


def test_the_connection_goes_to_the_address_looked_up_with_the_host_header_kept(
    private: _Private, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With private addresses allowed, the name reaches the server only through the
    fetcher's own look-up (the system resolver knows no news.example)."""
    asked = _script_answers(monkeypatch, "127.0.0.1")
    response = fetch(
        f"http://{NAME}:{private.port}/page", FetchSettings(timeout=3.0, allow_private=True)
    )
    assert response.content == b"private data"
    assert asked == [NAME]
    assert private.hosts == [f"{NAME}:{private.port}"]
