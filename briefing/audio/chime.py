"""A short two-note chime between stories, synthesised here (no bundled recordings)."""

from __future__ import annotations

import math
import struct

from pydub import AudioSegment

CHIME_MS = 450
_NOTES_HZ = (880.0, 1318.5)  # A5 then E6: a rising fifth, bright but gentle
_PEAK = 0.35
"""Peak level as a fraction of full scale; loudness is set later for the whole programme."""


def make_chime(frame_rate: int = 22050, duration_ms: int = CHIME_MS) -> AudioSegment:
    """A mono 16-bit chime: two bell-like notes, each with a fast attack and exponential decay."""
    frames = int(frame_rate * duration_ms / 1000)
    second_start = frames // 3
    samples = []
    for i in range(frames):
        value = _bell(i, frame_rate, _NOTES_HZ[0])
        if i >= second_start:
            value += _bell(i - second_start, frame_rate, _NOTES_HZ[1])
        fade_out = min(1.0, (frames - i) / (0.02 * frame_rate))  # no click at the end
        samples.append(int(32767 * _PEAK * 0.5 * value * fade_out))
    data = struct.pack(f"<{frames}h", *samples)
    return AudioSegment(data=data, sample_width=2, frame_rate=frame_rate, channels=1)


def _bell(i: int, frame_rate: int, hz: float) -> float:
    t = i / frame_rate
    attack = min(1.0, t / 0.005)
    return attack * math.exp(-t * 7.0) * math.sin(2 * math.pi * hz * t)
