"""Short programmes made of tones (or real espeak-ng speech), and independent measurements."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import write_tone

from briefing.audio import AudioOptions, Programme, assemble_for
from briefing.models import (
    Article,
    Script,
    ScriptSegment,
    SegmentKind,
    Summary,
    VoicedSegment,
)

DATE = dt.date(2026, 11, 25)
ARTICLES = (
    Article("a", title="Tidal turbines light the harbour", url="https://example.org/tidal",
            source_name="Harbour News"),
    Article("b", title="Library opens on Sundays", url="https://example.org/library?x=1&y=2"),
)


def short_script() -> Script:
    """Intro, two stories (headline and two sentences; a transition before the second), outro."""
    segments = [ScriptSegment(SegmentKind.INTRO, "Good morning. Here are your two stories.")]
    for story in range(2):
        if story:
            segments.append(ScriptSegment(SegmentKind.TRANSITION, "Next.", story=story))
        segments.append(ScriptSegment(SegmentKind.HEADLINE, ARTICLES[story].title or "",
                                      story=story))
        segments += [
            ScriptSegment(SegmentKind.BODY, f"Sentence {n} of story {story}.", story=story)
            for n in (1, 2)
        ]
    segments.append(ScriptSegment(SegmentKind.OUTRO, "That's your briefing. Thanks."))
    summaries = tuple(Summary(article, ("One.", "Two.")) for article in ARTICLES)
    return Script(DATE, tuple(segments), summaries)


def tone_voices(folder: Path, script: Script) -> list[VoicedSegment]:
    """Each segment as a tone (0.6 to 1.6 s) with 0.2 s of silence each side, like TTS."""
    voiced = []
    for index, segment in enumerate(script.segments):
        path = folder / f"tone-{index:02d}.wav"
        write_tone(path, 0.6 + 0.1 * index)
        voiced.append(VoicedSegment(segment, path, "fake"))
    return voiced


@pytest.fixture()
def programme_for(tmp_path: Path) -> Callable[[AudioOptions], tuple[Programme, Script]]:
    def make(options: AudioOptions) -> tuple[Programme, Script]:
        script = short_script()
        return assemble_for(tone_voices(tmp_path, script), options), script

    return make


@dataclass(frozen=True)
class Loudness:
    integrated_lufs: float
    true_peak_dbtp: float


def loudness(path: Path) -> Loudness:
    """Integrated loudness and true peak, measured by ffmpeg's ebur128 filter."""
    result = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-map", "0:a", "-af",
         "ebur128=peak=true:framelog=verbose", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )
    summary = result.stderr[result.stderr.rfind("Summary:"):]
    integrated = re.search(r"I:\s+(-?[\d.]+) LUFS", summary)
    peak = re.search(r"Peak:\s+(-?[\d.]+) dBFS", summary)
    assert integrated and peak, result.stderr[-2000:]
    return Loudness(float(integrated.group(1)), float(peak.group(1)))


def speech_spans(path: Path, min_silence_s: float = 0.2) -> list[tuple[float, float]]:
    """(start, end) in seconds of each stretch of sound, from ffmpeg's silencedetect."""
    result = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-map", "0:a", "-af",
         f"silencedetect=n=-45dB:d={min_silence_s}", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )
    starts = [float(x) for x in re.findall(r"silence_start: (-?[\d.]+)", result.stderr)]
    ends = [float(x) for x in re.findall(r"silence_end: ([\d.]+)", result.stderr)]
    spans: list[tuple[float, float]] = []
    sound_start = 0.0
    for silence_start, silence_end in zip(starts, ends + [None] * len(starts), strict=False):
        if silence_start > sound_start:
            spans.append((sound_start, silence_start))
        if silence_end is None:
            break
        sound_start = silence_end
    else:
        spans.append((sound_start, float("inf")))
    return [span for span in spans if span[1] - span[0] > 0.05]


def vtt_times(text: str) -> list[tuple[float, float]]:
    """(start, end) of every cue in a WebVTT document, in seconds."""
    def seconds(stamp: str) -> float:
        hours, minutes, rest = stamp.split(":")
        return int(hours) * 3600 + int(minutes) * 60 + float(rest.replace(",", "."))

    return [
        (seconds(a), seconds(b))
        for a, b in re.findall(r"([\d:.,]+) --> ([\d:.,]+)", text)
    ]


def close(measured: Sequence[float], expected: Sequence[float], tolerance: float) -> bool:
    return len(measured) == len(expected) and all(
        abs(m - e) <= tolerance for m, e in zip(measured, expected, strict=True)
    )


class Probe:
    """The measurements above, handed to tests as the `probe` fixture."""

    loudness = staticmethod(loudness)
    speech_spans = staticmethod(speech_spans)
    vtt_times = staticmethod(vtt_times)
    close = staticmethod(close)
    short_script = staticmethod(short_script)
    tone_voices = staticmethod(tone_voices)


@pytest.fixture(scope="session")
def probe() -> type[Probe]:
    return Probe
