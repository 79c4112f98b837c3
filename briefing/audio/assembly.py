"""Join voiced segments into one programme: trim each segment's silence, place pauses, join once.

The programme is written segment by segment to a raw PCM file, so memory holds one segment at
a time whatever the episode's length (an hour of 22 kHz speech is 159 MB) and the time is
linear in it: pydub's `+=` copies the whole programme for every segment (quadratic), and
joining a list of parts holds the audio twice at the end.
"""

from __future__ import annotations

import os
import tempfile
import wave
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pydub import AudioSegment

from briefing.audio.pauses import PausePlan, is_story_boundary, pause_after
from briefing.clock import file_clock
from briefing.errors import AudioError
from briefing.models import TimedSegment, VoicedSegment

SPEECH_RATES = (22050, 24000)
"""The programme is assembled at one of these: the rate most of its speech was voiced at
(espeak-ng and Piper speak at 22,050 Hz; Kokoro at 24 kHz and SVOX Pico at 16 kHz, of the
48 kHz family), so most segments go in untouched. Assembled at 22,050 Hz, Kokoro's speech lost
0.05 to 0.1 of DNSMOS OVRL to pydub's resampling (the example article: 3.355 → 3.409 as WAV,
3.324 → 3.424 as MP3)."""
FRAME_RATE = SPEECH_RATES[0]
"""The rate of a programme with no speech to go by (and of the espeak-ng family)."""
SAMPLE_WIDTH = 2
CHANNELS = 1
SILENCE_THRESHOLD_DBFS = -50.0
KEEP_EDGE_MS = 30
"""A little of the original edge is kept so that consonants are not clipped."""


@dataclass(frozen=True)
class Programme:
    """The assembled speech, as raw mono 16-bit PCM in a file, and where each segment sits.

    The file lives as long as this value and is deleted with it.
    """

    pcm_path: Path
    """Raw signed 16-bit little-endian mono samples at `rate`, no header."""
    frames: int
    timeline: tuple[TimedSegment, ...]
    """Start and end of each segment's speech (without the kept edges), in order."""
    rate: int = FRAME_RATE
    """Samples per second: one of `SPEECH_RATES`."""

    @property
    def duration_s(self) -> float:
        return self.frames / self.rate

    @property
    def duration_ms(self) -> int:
        return _frames_to_ms(self.frames, self.rate)

    @property
    def audio(self) -> AudioSegment:
        """The whole programme in memory (for tests and short programmes; rendering streams)."""
        return AudioSegment(
            data=self.pcm_path.read_bytes(),
            sample_width=SAMPLE_WIDTH,
            frame_rate=self.rate,
            channels=CHANNELS,
        )


@dataclass(frozen=True)
class _Trimmed:
    audio: AudioSegment
    lead_frames: int
    """Frames of kept silence before the speech."""
    tail_frames: int
    """Frames of kept silence after the speech."""


def assemble(
    voiced: Sequence[VoicedSegment],
    pauses: PausePlan | None = None,
    chime: AudioSegment | None = None,
) -> Programme:
    """Trim, pause and join `voiced` in order into one mono 16-bit programme.

    The pause after each segment comes from `pauses` by segment type, or from the script's
    `pause_after_ms` when `pauses` is None; it is the silence between the end of one
    segment's speech and the start of the next one's. A `chime` is centred in the pause
    between two stories (which grows by the chime's length).
    """
    segments = [item.segment for item in voiced]
    rate = speech_rate(voiced)
    chime_data = _conform(chime, rate).raw_data if chime is not None else b""
    _remove_stale_programmes()
    handle, name = tempfile.mkstemp(prefix=_PREFIX, suffix=_SUFFIX)
    path = Path(name)
    timeline: list[TimedSegment] = []
    frames = 0
    try:
        with os.fdopen(handle, "wb") as out:

            def write(data: bytes) -> None:
                nonlocal frames
                out.write(data)
                frames += len(data) // SAMPLE_WIDTH

            gap_frames = 0  # silence owed before the next segment's speech
            gap_chime = False
            for index, item in enumerate(voiced):
                trimmed = _trim(_load(item, rate))
                if timeline:
                    silence = max(0, gap_frames - trimmed.lead_frames)
                    before = silence // 2 if gap_chime else silence
                    write(bytes(before * SAMPLE_WIDTH))
                    if gap_chime:
                        write(chime_data)
                        write(bytes((silence - before) * SAMPLE_WIDTH))
                start = frames + trimmed.lead_frames
                write(trimmed.audio.raw_data)
                end = frames - trimmed.tail_frames
                timeline.append(
                    TimedSegment(item.segment, _frames_to_ms(start, rate),
                                 _frames_to_ms(end, rate))
                )
                pause = _ms_to_frames(pause_after(segments, index, pauses), rate)
                gap_frames = pause - trimmed.tail_frames
                gap_chime = bool(chime_data) and is_story_boundary(segments, index)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    programme = Programme(pcm_path=path, frames=frames, timeline=tuple(timeline), rate=rate)
    weakref.finalize(programme, _remove, path)
    return programme


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)


_PREFIX, _SUFFIX = "briefing-programme-", ".s16"
STALE_AFTER_S = 6 * 3600
"""No run takes this long: an older programme file was left by a killed process."""


def _remove_stale_programmes() -> None:
    folder = Path(tempfile.gettempdir())
    now = file_clock(folder)
    for path in folder.glob(f"{_PREFIX}*{_SUFFIX}"):
        try:
            if now - path.stat().st_mtime > STALE_AFTER_S:
                path.unlink()
        except OSError:
            continue  # another user's, or already gone


def trim_silence(segment: AudioSegment) -> AudioSegment:
    """Remove leading and trailing silence, keeping a few milliseconds at each edge."""
    return _trim(segment).audio


def _trim(segment: AudioSegment) -> _Trimmed:
    samples = np.frombuffer(segment.raw_data, dtype=np.int16)
    lead = _silent_ms(samples, segment.frame_rate)
    tail = _silent_ms(samples[::-1], segment.frame_rate)
    if lead + tail >= len(segment):
        return _Trimmed(segment, 0, 0)
    rate = segment.frame_rate
    keep_lead = min(lead, KEEP_EDGE_MS) * rate // 1000
    keep_tail = min(tail, KEEP_EDGE_MS) * rate // 1000
    start = lead * rate // 1000 - keep_lead
    end = int(segment.frame_count()) - tail * rate // 1000 + keep_tail
    return _Trimmed(segment.get_sample_slice(start, end), keep_lead, keep_tail)


def _silent_ms(samples: np.ndarray, rate: int) -> int:
    """Milliseconds of silence at the start: whole 1 ms chunks whose RMS is below the threshold.

    pydub's `detect_leading_silence` with 1 ms chunks, vectorised: it slices and measures each
    millisecond in Python, which took most of the assembly time of a 20-story briefing.
    """
    if samples.size == 0:
        return 0
    length_ms = samples.size * 1000 // rate
    edges = np.arange(length_ms + 1, dtype=np.int64) * rate // 1000
    edges = edges[edges < samples.size]
    squares = np.add.reduceat(samples.astype(np.float64) ** 2, edges)
    counts = np.diff(np.append(edges, samples.size))
    threshold = (32768.0 * 10 ** (SILENCE_THRESHOLD_DBFS / 20)) ** 2
    loud = np.flatnonzero(squares / counts >= threshold)
    return int(loud[0]) if loud.size else int(edges.size)


def _load(item: VoicedSegment, rate: int) -> AudioSegment:
    try:
        segment = AudioSegment.from_wav(str(item.wav_path))
    except Exception as error:  # pydub raises several types for broken files
        raise AudioError(f"cannot read voiced segment {item.wav_path.name}: {error}") from None
    return _conform(segment, rate)


def speech_rate(voiced: Sequence[VoicedSegment]) -> int:
    """The one of `SPEECH_RATES` most of the speech was voiced in (by duration, from the WAV
    headers); a segment whose header cannot be read counts for nothing here, and fails when
    it is loaded."""
    seconds = dict.fromkeys(SPEECH_RATES, 0.0)
    for item in voiced:
        try:
            with wave.open(str(item.wav_path), "rb") as wav:
                native, frames = wav.getframerate(), wav.getnframes()
        except (OSError, EOFError, wave.Error):
            continue
        family = SPEECH_RATES[1] if native % 8000 == 0 else SPEECH_RATES[0]
        seconds[family] += frames / max(native, 1)
    return max(SPEECH_RATES, key=lambda rate: (seconds[rate], rate == FRAME_RATE))


def _conform(segment: AudioSegment, rate: int) -> AudioSegment:
    if segment.frame_rate != rate:
        segment = segment.set_frame_rate(rate)
    if segment.channels != CHANNELS:
        segment = segment.set_channels(CHANNELS)
    if segment.sample_width != SAMPLE_WIDTH:
        segment = segment.set_sample_width(SAMPLE_WIDTH)
    return segment


def _frames_to_ms(frames: int, rate: int) -> int:
    return round(frames * 1000 / rate)


def _ms_to_frames(ms: int, rate: int) -> int:
    return round(ms * rate / 1000)
