"""The segment cache on shared storage (s3://bucket/briefing-cache, sftp://…, gs://…).

Many machines voicing for one batch share it the way processes on one machine share the
local folder: entries are named by their content key under `<url>/<2 hex>/<key>.wav`, so an
entry is never stale and any worker may write one. A write is a single upload (atomic on
object stores); an entry cut short by a dropped connection is caught when read (its WAV
header promises more frames than it holds) and counts as a miss, to be voiced and written
again. Reads cannot mark objects as recently used, so the size bound is the store's own
(an S3 lifecycle rule, say): `evict` does nothing here.
"""

from __future__ import annotations

import wave
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from briefing.storage import open_store, store_errors


class RemoteSegmentCache:
    """Voiced segments by key in a folder of any fsspec store; safe to share between machines."""

    def __init__(self, url: str, options: Mapping[str, Any] | None = None) -> None:
        self.url = url.rstrip("/")
        with store_errors(f"segment cache {self.url}"):
            self.fs, path = open_store(self.url, options)
        self.path = path.rstrip("/")

    def _entry(self, key: str) -> str:
        return f"{self.path}/{key[:2]}/{key}.wav"

    def fetch(self, key: str, dest: Path) -> bool:
        """Download the audio for `key` to `dest`; False on a miss or an incomplete entry."""
        with store_errors(f"segment cache {self.url}"):
            try:
                self.fs.get_file(self._entry(key), str(dest))
            except FileNotFoundError:
                return False
        if not _complete_wav(dest):
            dest.unlink(missing_ok=True)
            return False
        return True

    def store(self, key: str, source: Path, evict: bool = True) -> None:
        """Upload `source` as the entry for `key` (`evict` is accepted for the same calls)."""
        entry = self._entry(key)
        with store_errors(f"segment cache {self.url}"):
            self.fs.makedirs(entry.rsplit("/", 1)[0], exist_ok=True)
            self.fs.put_file(str(source), entry)

    def evict(self) -> int:
        """Nothing: the store bounds its own size (reads cannot mark entries as used)."""
        return 0


def _complete_wav(path: Path) -> bool:
    try:
        with wave.open(str(path), "rb") as audio:
            frames = audio.getnframes()
            width = audio.getsampwidth() * audio.getnchannels()
            return len(audio.readframes(frames)) == frames * width
    except (wave.Error, EOFError, OSError):
        return False
