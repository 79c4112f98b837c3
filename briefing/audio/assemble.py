"""Join voiced segments into one programme: trim each segment's silence, place pauses, join once.

Joining is one `b"".join` over raw frames: pydub's `+=` copies the whole programme for every
segment, which is quadratic in length.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydub import AudioSegment
from pydub.silence import detect_leading_silence

from briefing.errors import AudioError
from briefing.models import TimedSegment, VoicedSegment

FRAME_RATE = 22050
SAMPLE_WIDTH = 2
CHANNELS = 1
SILENCE_THRESHOLD_DBFS = -50.0
KEEP_EDGE_MS = 30
"""A little of the original edge is kept so that consonants are not clipped."""


@dataclass(frozen=True)
class Programme:
    """The assembled speech and where each segment sits in it."""

    audio: AudioSegment
    timeline: tuple[TimedSegment, ...]

    @property
    def duration_s(self) -> float:
        return len(self.audio) / 1000.0


def assemble(voiced: Sequence[VoicedSegment]) -> Programme:
    """Trim, pause and join `voiced` in order into one mono 16-bit programme."""
    parts: list[bytes] = []
    timeline: list[TimedSegment] = []
    position_frames = 0
    for item in voiced:
        speech = trim_silence(_load(item))
        start_ms = _frames_to_ms(position_frames)
        parts.append(speech.raw_data)
        position_frames += int(speech.frame_count())
        end_ms = _frames_to_ms(position_frames)
        timeline.append(TimedSegment(item.segment, start_ms, end_ms))
        pause_frames = int(FRAME_RATE * item.segment.pause_after_ms / 1000)
        parts.append(b"\x00" * (pause_frames * SAMPLE_WIDTH * CHANNELS))
        position_frames += pause_frames
    audio = AudioSegment(
        data=b"".join(parts), sample_width=SAMPLE_WIDTH, frame_rate=FRAME_RATE, channels=CHANNELS
    )
    return Programme(audio=audio, timeline=tuple(timeline))


def trim_silence(segment: AudioSegment) -> AudioSegment:
    """Remove leading and trailing silence, keeping a few milliseconds at each edge."""
    lead = detect_leading_silence(segment, silence_threshold=SILENCE_THRESHOLD_DBFS)
    tail = detect_leading_silence(segment.reverse(), silence_threshold=SILENCE_THRESHOLD_DBFS)
    start = max(0, lead - KEEP_EDGE_MS)
    end = min(len(segment), len(segment) - tail + KEEP_EDGE_MS)
    if end <= start:
        return segment
    return segment[start:end]


def _load(item: VoicedSegment) -> AudioSegment:
    try:
        segment = AudioSegment.from_wav(str(item.wav_path))
    except Exception as error:  # pydub raises several types for broken files
        raise AudioError(f"cannot read voiced segment {item.wav_path.name}: {error}") from None
    if segment.frame_rate != FRAME_RATE:
        segment = segment.set_frame_rate(FRAME_RATE)
    if segment.channels != CHANNELS:
        segment = segment.set_channels(CHANNELS)
    if segment.sample_width != SAMPLE_WIDTH:
        segment = segment.set_sample_width(SAMPLE_WIDTH)
    return segment


def _frames_to_ms(frames: int) -> int:
    return round(frames * 1000 / FRAME_RATE)
