"""Remember each URL's ETag and Last-Modified with its body, to fetch only what changed."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from briefing.clock import file_clock
from briefing.fetch.client import Response, Validators
from briefing.paths import state_dir

KEEP_DAYS = 30


class ValidatorStore:
    """One JSON file and one body file per URL, under the state folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or state_dir() / "http"

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        return self.folder / f"{key}.json", self.folder / f"{key}.body"

    def validators(self, url: str) -> Validators | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not body_path.is_file() or meta.get("url") != url:
            return None
        return Validators(etag=meta.get("etag"), last_modified=meta.get("last_modified"))

    def cached(self, url: str, fresh: Response) -> Response:
        """The stored response, standing in for a 304 answer."""
        meta_path, body_path = self._paths(url)
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return Response(
            url=meta.get("final_url", url),
            status=200,
            content=body_path.read_bytes(),
            content_type=meta.get("content_type", ""),
            validators=fresh.validators,
            not_modified=True,
        )

    def save(self, url: str, response: Response) -> None:
        if not (response.validators.etag or response.validators.last_modified):
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        meta_path, body_path = self._paths(url)
        meta = {
            "url": url,
            "final_url": response.url,
            "etag": response.validators.etag,
            "last_modified": response.validators.last_modified,
            "content_type": response.content_type,
        }
        _write_atomic(body_path, response.content)
        _write_atomic(meta_path, json.dumps(meta).encode("utf-8"))


    def prune(self, max_age_days: float = KEEP_DAYS) -> int:
        """Forget URLs not fetched for `max_age_days`: feeds drop items, pages go stale."""
        if not self.folder.is_dir():
            return 0
        horizon = file_clock(self.folder) - max_age_days * 86400
        removed = 0
        for path in self.folder.iterdir():
            try:
                if path.stat().st_mtime < horizon:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        return removed


def _write_atomic(path: Path, data: bytes) -> None:
    """Temporary file in the same folder, renamed over `path` (threads may write at once)."""
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(name, path)
    finally:
        Path(name).unlink(missing_ok=True)
