"""Chapters: intro, one per story (headline and link), outro; for players and podcast apps.
The intro's and outro's titles are in the episode's language ("Begrüßung", "Zum Schluss").

MP3 and M4A chapters are written by ffmpeg from an FFMETADATA file: mutagen writes ID3 frames
sorted by size, which puts CHAP frames out of order, while ffmpeg keeps them in order. A
Podcasting 2.0 chapters JSON file goes beside the audio for apps that read it from the feed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.audio.language import show_notes_words
from briefing.models import Script, SegmentKind, TimedSegment

PODCAST_CHAPTERS_VERSION = "1.2.0"


@dataclass(frozen=True)
class Chapter:
    """One navigable part of the episode, in milliseconds from the start."""

    title: str
    start_ms: int
    end_ms: int
    url: str | None = None
    source: str | None = None
    """The publisher, for show notes."""


def build_chapters(
    timeline: Sequence[TimedSegment], script: Script, duration_ms: int
) -> list[Chapter]:
    """Chapters that tile the episode: each starts where its first segment's speech starts.

    The first chapter always starts at 0 (podcast apps expect it) and each one ends where the
    next begins; the last ends with the audio.
    """
    words = show_notes_words(script.language)  # the intro's and outro's titles
    starts: list[tuple[int, str, str | None, str | None]] = []
    seen: set[object] = set()
    for timed in timeline:
        segment = timed.segment
        key: object = segment.story if segment.story is not None else segment.kind
        if key in seen:
            continue
        seen.add(key)
        if segment.story is not None and segment.story < len(script.stories):
            summary = script.stories[segment.story]
            article = summary.article
            starts.append((timed.start_ms, summary.headline, article.url, article.source_name))
        elif segment.kind is SegmentKind.INTRO:
            starts.append((timed.start_ms, words["intro"], None, None))
        elif segment.kind is SegmentKind.OUTRO:
            starts.append((timed.start_ms, words["outro"], None, None))
    starts.sort(key=lambda item: item[0])
    chapters: list[Chapter] = []
    for index, (start, title, url, source) in enumerate(starts):
        start = 0 if index == 0 else start
        end = starts[index + 1][0] if index + 1 < len(starts) else duration_ms
        chapters.append(Chapter(title, start, max(start, end), url, source))
    return chapters


def ffmetadata(tags: dict[str, str], chapters: Sequence[Chapter]) -> str:
    """An ffmpeg FFMETADATA1 file: global tags, then chapters in order."""
    lines = [";FFMETADATA1"]
    lines += [f"{key}={_escape(value)}" for key, value in tags.items() if value]
    for chapter in chapters:
        lines += [
            "",
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            f"START={chapter.start_ms}",
            f"END={chapter.end_ms}",
            f"title={_escape(chapter.title)}",
        ]
    return "\n".join(lines) + "\n"


def podcast_chapters_json(chapters: Sequence[Chapter], title: str | None = None) -> str:
    """The Podcasting 2.0 chapters file (podcast:chapters), times in seconds."""
    items: list[dict[str, object]] = []
    for chapter in chapters:
        item: dict[str, object] = {
            "startTime": round(chapter.start_ms / 1000, 3),
            "endTime": round(chapter.end_ms / 1000, 3),
            "title": chapter.title,
        }
        if chapter.url:
            item["url"] = chapter.url
        items.append(item)
    document: dict[str, object] = {"version": PODCAST_CHAPTERS_VERSION, "chapters": items}
    if title:
        document["title"] = title
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def vorbis_chapter_comments(chapters: Sequence[Chapter]) -> dict[str, str]:
    """CHAPTERnnn / CHAPTERnnnNAME comments for Ogg and FLAC files (what ffmpeg reads)."""
    comments: dict[str, str] = {}
    for index, chapter in enumerate(chapters):
        comments[f"CHAPTER{index:03d}"] = clock(chapter.start_ms, ".")
        comments[f"CHAPTER{index:03d}NAME"] = chapter.title
    return comments


def clock(ms: int, decimal: str = ".") -> str:
    """HH:MM:SS.mmm (or with a comma, as SRT wants)."""
    hours, rest = divmod(max(0, ms), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{decimal}{millis:03d}"


def _escape(value: str) -> str:
    """FFMETADATA escapes =, ;, #, \\ and newlines with a backslash."""
    for char in ("\\", "=", ";", "#", "\n"):
        value = value.replace(char, "\\" + char)
    return value
