"""Serve the output folder to phones: the web player at `/`, the feed, byte ranges, read-only."""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote, urlsplit

from briefing.errors import InputError

CONTENT_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".wav": "audio/wav",
    ".xml": "application/rss+xml; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".vtt": "text/vtt; charset=utf-8",
    ".srt": "application/x-subrip",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".webmanifest": "application/manifest+json",
}
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class FolderHandler(SimpleHTTPRequestHandler):
    """GET and HEAD of files inside one folder; `..`, hidden files and symlinks out are refused."""

    server_version = "briefing"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **CONTENT_TYPES}

    def send_head(self) -> IO[bytes] | None:  # type: ignore[override]
        path = self._resolve()
        if path is None:
            self.send_error(HTTPStatus.FORBIDDEN, "outside the served folder")
            return None
        if not path.is_file():
            self.send_error(HTTPStatus.NOT_FOUND, "no such file")
            return None
        size = path.stat().st_size
        start, end = 0, size - 1
        header = self.headers.get("Range")
        partial_content = False
        if header:
            parsed = _parse_range(header, size)
            if parsed is None:
                self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                self.send_header("Content-Range", f"bytes */{size}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            start, end = parsed
            partial_content = True
        handle = path.open("rb")
        handle.seek(start)
        length = end - start + 1
        self.send_response(HTTPStatus.PARTIAL_CONTENT if partial_content else HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(length))
        self.send_header("Accept-Ranges", "bytes")
        if partial_content:
            self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.send_header("Cache-Control", "no-cache")  # a new episode shows on the next visit
        self.end_headers()
        return io.BufferedReader(_Limited(handle, length))

    def copyfile(self, source: Any, outputfile: Any) -> None:
        shutil.copyfileobj(source, outputfile)

    def _resolve(self) -> Path | None:
        raw = unquote(urlsplit(self.path).path)
        parts = [p for p in raw.replace("\\", "/").split("/") if p]
        if any(p == ".." or p.startswith(".") or "\x00" in p for p in parts):
            return None  # NUL would make the path lookup raise and drop the connection
        root = Path(self.directory).resolve()
        if not parts:  # the web player; a folder from before it had only the feed
            parts = ["index.html"] if (root / "index.html").is_file() else ["feed.xml"]
        target = root.joinpath(*parts).resolve()
        if target != root and root not in target.parents:
            return None  # a symlink pointing out of the folder
        return target

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the stdlib's name)
        sys.stderr.write(f"{self.address_string()} {format % args}\n")


class _Limited(io.RawIOBase):
    """The first `length` bytes of an open file: the body of a range response."""

    def __init__(self, handle: IO[bytes], length: int) -> None:
        self.handle = handle
        self.left = length

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.left <= 0:
            return 0
        view = memoryview(buffer)[: min(len(buffer), self.left)]
        count = self.handle.readinto(view)  # type: ignore[attr-defined]
        self.left -= count or 0
        return count or 0

    def close(self) -> None:
        self.handle.close()
        super().close()


def _parse_range(header: str, size: int) -> tuple[int, int] | None:
    """One `bytes=a-b` range (what players send), clipped to the file; None if unsatisfiable."""
    match = _RANGE.match(header.strip())
    if not match or size == 0:
        return None
    first, last = match.groups()
    if first == "" and last == "":
        return None
    if first == "":  # the last N bytes
        start, end = max(0, size - int(last)), size - 1
    else:
        start = int(first)
        end = min(int(last), size - 1) if last else size - 1
    if start > end or start >= size:
        return None
    return start, end


def make_server(folder: Path, host: str = "0.0.0.0", port: int = 8000) -> ThreadingHTTPServer:
    """A ready server for `folder` (port 0 picks a free one); call serve_forever() on it."""
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder; run `briefing daily` first, or name another.")
    handler = partial(FolderHandler, directory=os.fspath(folder))
    try:
        return ThreadingHTTPServer((host, port), handler)
    except OSError as error:
        raise InputError(
            f"cannot listen on {host}:{port} ({error.strerror}); try another --port."
        ) from None


def player_url(host: str, port: int) -> str:
    """The URL a phone opens: the web player (this computer's LAN address for 0.0.0.0)."""
    from briefing.publish.network import lan_address

    shown = lan_address() if host in {"0.0.0.0", "", "::"} else host
    return f"http://{shown}:{port}/"


def feed_url(host: str, port: int) -> str:
    return player_url(host, port) + "feed.xml"


def qr_text(url: str) -> str:
    """A QR code of `url` drawn with text characters, for the phone's camera."""
    import qrcode

    code = qrcode.QRCode(border=1)
    code.add_data(url)
    out = io.StringIO()
    code.print_ascii(out=out, invert=True)
    return out.getvalue()
