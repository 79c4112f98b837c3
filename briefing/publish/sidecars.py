"""Chapters (Podcasting 2.0 JSON) and a WebVTT transcript, both from the programme's timeline."""

from __future__ import annotations

import json
from collections.abc import Sequence

from briefing.models import SegmentKind, Summary, TimedSegment


def chapters_json(
    timeline: Sequence[TimedSegment], stories: Sequence[Summary], links: Sequence[str | None]
) -> str:
    """One chapter for the introduction and one per story, at its first segment."""
    chapters: list[dict[str, object]] = []
    seen: set[int | None] = set()
    for timed in timeline:
        story = timed.segment.story
        if story in seen or timed.segment.kind is SegmentKind.OUTRO:
            continue
        seen.add(story)
        if story is None:
            chapters.append({"startTime": timed.start_ms / 1000, "title": "Introduction"})
            continue
        chapter: dict[str, object] = {
            "startTime": timed.start_ms / 1000,
            "title": stories[story].headline,
        }
        if story < len(links) and links[story]:
            chapter["url"] = links[story]
        chapters.append(chapter)
    return json.dumps({"version": "1.2.0", "chapters": chapters}, indent=1, ensure_ascii=False)


def transcript_vtt(timeline: Sequence[TimedSegment]) -> str:
    """Every spoken segment as a cue, timed as it sits in the audio."""
    lines = ["WEBVTT", ""]
    for number, timed in enumerate(timeline, start=1):
        lines += [
            str(number),
            f"{_clock(timed.start_ms)} --> {_clock(timed.end_ms)}",
            timed.segment.text.replace("-->", "->"),
            "",
        ]
    return "\n".join(lines)


def _clock(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"
