"""Transcripts beside the audio: WebVTT and SRT, one cue per spoken segment, real times.

Cue times come from the assembled timeline (after trimming and pauses), so they are where the
speech is, not an estimate. Each script segment is one sentence, except the intro greeting.

WebVTT has no language field in its standard today (HTML gives it: `<track srclang>`, and
a feed: `<podcast:transcript language>`). The file still says it in its header as `lang: fr`,
the form the WebVTT header-metadata proposal reserves (w3c/webvtt#548); parsers of the
current standard skip header lines, so every player reads the cues as before. SRT has no
header at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.audio.chapters import clock
from briefing.audio.language import bcp47
from briefing.languages import ENGLISH
from briefing.models import TimedSegment


@dataclass(frozen=True)
class Cue:
    """One caption: text spoken from `start_ms` to `end_ms`."""

    start_ms: int
    end_ms: int
    text: str


def cues_for(timeline: Sequence[TimedSegment]) -> list[Cue]:
    return [
        Cue(timed.start_ms, timed.end_ms, " ".join(timed.segment.text.split()))
        for timed in timeline
        if timed.segment.text.strip()
    ]


def to_webvtt(cues: Sequence[Cue], language: str = ENGLISH) -> str:
    blocks = [f"WEBVTT\nlang: {bcp47(language)}"]
    for number, cue in enumerate(cues, start=1):
        text = _safe_vtt(cue.text)
        blocks.append(f"{number}\n{clock(cue.start_ms)} --> {clock(cue.end_ms)}\n{text}")
    return "\n\n".join(blocks) + "\n"


def to_srt(cues: Sequence[Cue]) -> str:
    blocks = []
    for number, cue in enumerate(cues, start=1):
        times = f"{clock(cue.start_ms, ',')} --> {clock(cue.end_ms, ',')}"
        blocks.append(f"{number}\n{times}\n{cue.text.replace('-->', '->')}")
    return "\n\n".join(blocks) + "\n"


def _safe_vtt(text: str) -> str:
    """WebVTT cue text must not contain "-->", and & and < start markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("-->", "->")
