"""The segment cache: keys, atomic stores, least-recently-used eviction, where it lives."""

from __future__ import annotations

import os
import threading
import wave
from pathlib import Path

from conftest import write_tone

from briefing.tts import SegmentCache, VoiceSettings, cache_key, default_cache_dir


def test_key_changes_with_text_engine_and_every_setting() -> None:
    base = cache_key("Hello.", "espeak-ng", VoiceSettings())
    variants = [
        cache_key("Hello!", "espeak-ng", VoiceSettings()),
        cache_key("Hello.", "pyttsx3", VoiceSettings()),
        cache_key("Hello.", "espeak-ng", VoiceSettings(voice="gmw/en")),
        cache_key("Hello.", "espeak-ng", VoiceSettings(rate_wpm=176)),
        cache_key("Hello.", "espeak-ng", VoiceSettings(volume=0.9)),
        cache_key("Hello.", "espeak-ng", VoiceSettings(pitch=50)),
        cache_key("Hello.", "espeak-ng", VoiceSettings(language="en-US")),
        cache_key("Hello.", "espeak-ng", VoiceSettings(), identity="model-v2"),
    ]
    assert len({base, *variants}) == len(variants) + 1
    assert base == cache_key("Hello.", "espeak-ng", VoiceSettings())


def test_lives_under_briefing_home(isolated_home: Path) -> None:
    assert default_cache_dir() == isolated_home / "cache"
    assert SegmentCache().root == isolated_home / "cache" / "segments"


def test_store_then_fetch_gives_the_same_audio(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path / "c")
    source, dest = tmp_path / "s.wav", tmp_path / "d.wav"
    write_tone(source, 1.0)
    assert not cache.fetch("ab" * 32, dest)
    cache.store("ab" * 32, source)
    assert cache.fetch("ab" * 32, dest)
    assert dest.read_bytes() == source.read_bytes()
    assert cache.stats().entries == 1
    assert not list(cache.root.rglob(".tmp-*"))


def test_least_recently_used_entries_go_first(tmp_path: Path) -> None:
    source = tmp_path / "s.wav"
    write_tone(source, 1.0)
    size = source.stat().st_size
    cache = SegmentCache(tmp_path / "c", max_bytes=int(size * 2.5))
    for n, key in enumerate(("aa" * 32, "bb" * 32)):
        cache.store(key, source)
        os.utime(cache.path_for(key), (1000 + n, 1000 + n))
    assert cache.fetch("aa" * 32, tmp_path / "touch.wav")  # "aa" is now the most recent
    cache.store("cc" * 32, source)  # three entries do not fit: the oldest, "bb", goes
    assert cache.path_for("aa" * 32).exists()
    assert not cache.path_for("bb" * 32).exists()
    assert cache.path_for("cc" * 32).exists()
    assert cache.stats().bytes <= cache.max_bytes


def test_concurrent_writers_of_one_key_leave_one_whole_file(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path / "c")
    sources = []
    for n in range(8):
        path = tmp_path / f"s{n}.wav"
        write_tone(path, 0.5 + n * 0.1)
        sources.append(path)
    threads = [threading.Thread(target=cache.store, args=("dd" * 32, s)) for s in sources]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with wave.open(str(cache.path_for("dd" * 32))) as wav:  # readable: never half-written
        assert wav.getnframes() > 0
    assert cache.stats().entries == 1
    assert cache.path_for("dd" * 32).read_bytes() in {s.read_bytes() for s in sources}


def test_clear_reports_what_it_removed(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path / "c")
    source = tmp_path / "s.wav"
    write_tone(source, 1.0)
    cache.store("ee" * 32, source)
    removed = cache.clear()
    assert removed.entries == 1 and removed.bytes == source.stat().st_size
    assert cache.stats().entries == 0
