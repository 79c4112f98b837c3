"""`briefing serve`'s server: byte ranges, content types, nothing outside the folder."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.publish.serve import feed_url, make_server, qr_text


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    folder = tmp_path / "podcast"
    (folder / "episodes").mkdir(parents=True)
    (folder / "episodes" / "a.mp3").write_bytes(bytes(range(256)) * 40)
    (folder / "feed.xml").write_text("<rss/>", encoding="utf-8")
    (folder / "episodes" / "a.vtt").write_text("WEBVTT\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("private", encoding="utf-8")
    (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
    server = make_server(folder, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield folder, server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def get(port: int, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response


def test_range_request_gets_206_and_the_right_bytes(served: tuple[Path, int]) -> None:
    folder, port = served
    data = (folder / "episodes" / "a.mp3").read_bytes()
    response = get(port, "/episodes/a.mp3", {"Range": "bytes=100-299"})
    assert response.status == 206
    assert response.body == data[100:300]  # type: ignore[attr-defined]
    assert response.getheader("Content-Range") == f"bytes 100-299/{len(data)}"
    assert response.getheader("Content-Length") == "200"
    assert response.getheader("Content-Type") == "audio/mpeg"
    tail = get(port, "/episodes/a.mp3", {"Range": "bytes=-10"})
    assert tail.status == 206 and tail.body == data[-10:]  # type: ignore[attr-defined]
    open_ended = get(port, "/episodes/a.mp3", {"Range": "bytes=10000-"})
    assert open_ended.body == data[10000:]  # type: ignore[attr-defined]


def test_whole_file_and_unsatisfiable_range(served: tuple[Path, int]) -> None:
    folder, port = served
    data = (folder / "episodes" / "a.mp3").read_bytes()
    whole = get(port, "/episodes/a.mp3")
    assert whole.status == 200 and whole.body == data  # type: ignore[attr-defined]
    assert whole.getheader("Accept-Ranges") == "bytes"
    beyond = get(port, "/episodes/a.mp3", {"Range": f"bytes={len(data)}-"})
    assert beyond.status == 416
    assert beyond.getheader("Content-Range") == f"bytes */{len(data)}"


def test_content_types(served: tuple[Path, int]) -> None:
    _, port = served
    assert get(port, "/feed.xml").getheader("Content-Type") == "application/rss+xml; charset=utf-8"
    assert get(port, "/episodes/a.vtt").getheader("Content-Type") == "text/vtt; charset=utf-8"


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/episodes/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/link.txt",
        "/.hidden",
    ],
)
def test_nothing_outside_the_folder(served: tuple[Path, int], path: str) -> None:
    _, port = served
    response = get(port, path)
    assert response.status == 403
    assert b"private" not in response.body  # type: ignore[attr-defined]


def test_only_reading(served: tuple[Path, int]) -> None:
    _, port = served
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("PUT", "/feed.xml", body=b"x")
    assert connection.getresponse().status == 501
    connection.close()


def test_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no such folder; run `briefing daily` first"):
        make_server(tmp_path / "nope", "127.0.0.1", 0)


def test_feed_url_and_qr_code() -> None:
    url = feed_url("127.0.0.1", 8123)
    assert url == "http://127.0.0.1:8123/feed.xml"
    lines = qr_text(url).splitlines()
    width = len(lines[0])
    assert width >= 23 and all(len(line) == width for line in lines)  # a square of modules,
    assert width in (2 * len(lines) - 1, 2 * len(lines))  # two module rows per text line
    assert qr_text("http://127.0.0.1:8124/feed.xml") != "\n".join(lines) + "\n"
