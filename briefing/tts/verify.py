"""Never trust an engine's word: check that each WAV it wrote holds plausible speech."""

from __future__ import annotations

import wave
from pathlib import Path

from briefing.errors import EngineError

MIN_SECONDS = 0.15


def expected_seconds(text: str, rate_wpm: int) -> float:
    """Rough speaking time for `text` at `rate_wpm` (used only to bound plausibility)."""
    words = max(1, len(text.split()))
    return words * 60.0 / max(rate_wpm, 40)


def verify_wav(path: Path, text: str, rate_wpm: int) -> float:
    """Return the WAV's duration in seconds, or raise `EngineError` saying what is wrong."""
    label = segment_label(text)
    if not path.exists():
        raise EngineError(f"the engine wrote no file for {label}")
    try:
        with wave.open(str(path), "rb") as wav:
            frames = wav.getnframes()
            rate = wav.getframerate()
    except (wave.Error, EOFError, OSError) as error:
        raise EngineError(f"the engine wrote an unreadable WAV for {label} ({error})") from None
    if frames == 0 or rate == 0:
        raise EngineError(f"the engine wrote an empty WAV for {label}")
    duration = frames / rate
    expected = expected_seconds(text, rate_wpm)
    low = max(MIN_SECONDS, 0.25 * expected)
    high = 4.0 * expected + 3.0
    if not low <= duration <= high:
        raise EngineError(
            f"the engine wrote {duration:.1f} s of audio for {label}, "
            f"expected about {expected:.1f} s"
        )
    return duration


def segment_label(text: str) -> str:
    """How messages name a segment: its first words, quoted."""
    words = text.split()
    preview = " ".join(words[:8]) + (" …" if len(words) > 8 else "")
    return f"segment “{preview}”"
