"""A content-addressed cache of voiced segments: never voice the same sentence twice.

The key is a hash of the text, the engine and every setting that changes the audio, so an
entry never goes stale: a changed story or voice is simply a different key. Entries are WAV
files named by key under `<root>/<2 hex>/<key>.wav`, written to a temporary file and renamed
into place, so any number of processes (or machines sharing a folder) can fill one cache.
Reading an entry touches its mtime; when the cache grows past its bound the least recently
used entries go.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

from briefing.tts.base import VoiceSettings

CACHE_FORMAT = 1
"""Bump when the stored audio changes for the same key (e.g. an engine's post-processing)."""
DEFAULT_MAX_BYTES = 1024 * 1024 * 1024
"""1 GiB: about 6 hours of 22 kHz mono speech."""
MAX_BYTES_ENV = "BRIEFING_CACHE_MAX_MB"


def default_cache_dir() -> Path:
    """The user's cache folder (`$BRIEFING_HOME/cache` when set): `briefing.paths` decides."""
    from briefing.paths import cache_dir

    return cache_dir()


def default_max_bytes() -> int:
    value = os.environ.get(MAX_BYTES_ENV, "")
    return int(float(value) * 1024 * 1024) if value.strip() else DEFAULT_MAX_BYTES


def cache_key(text: str, engine: str, settings: VoiceSettings, identity: str = "") -> str:
    """The hex digest naming the audio for `text` in this engine and voice."""
    payload = json.dumps(
        {"format": CACHE_FORMAT, "text": text, "engine": engine, "settings": asdict(settings),
         "identity": identity},
        sort_keys=True, ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class SegmentStore(Protocol):
    """What voicing needs of a cache: a local folder (`SegmentCache`) or shared storage
    (`briefing.tts.remote_cache.RemoteSegmentCache`)."""

    def fetch(self, key: str, dest: Path) -> bool: ...

    def store(self, key: str, source: Path, evict: bool = True) -> None: ...

    def evict(self) -> int: ...


def open_segment_cache(location: str | Path | None = None) -> SegmentStore:
    """The cache at `location`: a folder path (the fast local cache), a file:// URL, or any
    fsspec URL such as s3://bucket/briefing-cache; None is the user's own cache."""
    from briefing.storage import is_url

    if location is None:
        return SegmentCache()
    if is_url(location):
        from briefing.tts.remote_cache import RemoteSegmentCache

        return RemoteSegmentCache(str(location))
    text = str(location)
    return SegmentCache(Path(text.removeprefix("file://")))


@dataclass(frozen=True)
class CacheStats:
    entries: int
    bytes: int


class SegmentCache:
    """Voiced segments by key in a folder; safe to share between processes."""

    def __init__(self, root: Path | None = None, max_bytes: int | None = None) -> None:
        self.root = Path(root) if root is not None else default_cache_dir() / "segments"
        self.max_bytes = default_max_bytes() if max_bytes is None else max_bytes

    def path_for(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.wav"

    def fetch(self, key: str, dest: Path) -> bool:
        """Put the cached audio for `key` at `dest` (a hard link, else a copy); False on a miss."""
        entry = self.path_for(key)
        try:
            os.utime(entry)  # mark as recently used
            dest.unlink(missing_ok=True)
            try:
                os.link(entry, dest)
            except OSError:
                shutil.copyfile(entry, dest)
        except FileNotFoundError:  # a miss, or evicted by another process just now
            return False
        return True

    def store(self, key: str, source: Path, evict: bool = True) -> None:
        """Copy `source` into the cache atomically, then (unless told not to) evict to the bound.

        Callers storing a batch pass `evict=False` and call `evict()` once at the end.
        """
        entry = self.path_for(key)
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".wav")
        os.close(handle)
        try:
            shutil.copyfile(source, temporary)
            os.replace(temporary, entry)
        finally:
            Path(temporary).unlink(missing_ok=True)
        if evict:
            self.evict()

    def evict(self) -> int:
        """Delete least recently used entries until the cache fits; return bytes freed."""
        entries = self._entries()
        total = sum(size for _, size, _ in entries)
        freed = 0
        for path, size, _ in sorted(entries, key=lambda e: e[2]):
            if total - freed <= self.max_bytes:
                break
            path.unlink(missing_ok=True)
            freed += size
        return freed

    def stats(self) -> CacheStats:
        entries = self._entries()
        return CacheStats(len(entries), sum(size for _, size, _ in entries))

    def clear(self) -> CacheStats:
        """Delete every entry; return what was there."""
        before = self.stats()
        if self.root.is_dir():
            shutil.rmtree(self.root, ignore_errors=True)
        return before

    def _entries(self) -> list[tuple[Path, int, float]]:
        found: list[tuple[Path, int, float]] = []
        if not self.root.is_dir():
            return found
        for path in self.root.glob("*/*.wav"):
            if path.name.startswith(".tmp-"):
                continue
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            found.append((path, stat.st_size, stat.st_mtime))
        return found
