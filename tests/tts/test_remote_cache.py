"""The segment cache on an fsspec store: hits, misses, and an entry cut short read as a miss."""

from __future__ import annotations

import uuid
from pathlib import Path

from conftest import write_tone

from briefing.tts import SegmentCache, open_segment_cache
from briefing.tts.remote_cache import RemoteSegmentCache


def test_a_url_opens_the_remote_cache_and_a_path_the_local_one(tmp_path: Path) -> None:
    assert isinstance(open_segment_cache("memory://cache"), RemoteSegmentCache)
    local = open_segment_cache(tmp_path / "cache")
    assert isinstance(local, SegmentCache) and local.root == tmp_path / "cache"
    as_url = open_segment_cache((tmp_path / "c2").as_uri())
    assert isinstance(as_url, SegmentCache) and as_url.root == tmp_path / "c2"


def test_store_then_fetch_and_a_truncated_entry_is_a_miss(tmp_path: Path) -> None:
    url = f"memory://cache-{uuid.uuid4().hex}"
    cache = open_segment_cache(url)
    source = tmp_path / "segment.wav"
    write_tone(source, 0.5)
    key = "ab" + "0" * 62

    assert not cache.fetch(key, tmp_path / "miss.wav")
    cache.store(key, source)
    assert cache.fetch(key, tmp_path / "hit.wav")
    assert (tmp_path / "hit.wav").read_bytes() == source.read_bytes()

    assert isinstance(cache, RemoteSegmentCache)
    cache.fs.pipe_file(f"{cache.path}/ab/{key}.wav", source.read_bytes()[:5000])  # cut short
    assert not cache.fetch(key, tmp_path / "cut.wav")
    assert not (tmp_path / "cut.wav").exists()
    assert cache.evict() == 0
