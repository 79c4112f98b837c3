"""The values that travel through the pipeline: article → summary → script → audio → briefing.

All are frozen: each stage is a function of its inputs, which keeps stages cacheable
by content hash and safe to run in parallel.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from briefing.languages import ENGLISH, language_code


@dataclass(frozen=True)
class Article:
    """One story as ingested: clean plain text, paragraphs separated by blank lines."""

    text: str
    """The article body, paragraphs separated by a blank line, no markup."""
    title: str | None = None
    """The headline, when the input had one."""
    origin: str = ""
    """Where it came from, as the user named it: a path, a URL or "stdin" (used in messages)."""
    source_name: str | None = None
    """The publisher, said aloud in the script ("From the BBC: …"), when known."""
    url: str | None = None
    """A link to the original, for chapters and show notes, when known."""
    published: dt.datetime | None = None
    locale: str | None = None
    """The story's language and region ("en-US", "fr"): the page's declaration, else what
    ingest detected; None is English. "1/2/2020" is the second of January in the United
    States and the first of February elsewhere."""

    @property
    def language(self) -> str:
        """The language the story is written in, as a code ("en", "fr", "pt")."""
        return language_code(self.locale)

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.text.split("\n\n") if p.strip()]


@dataclass(frozen=True)
class Length:
    """How long a summary should be: by sentences, by words, or by seconds of speech."""

    sentences: int | None = 3
    words: int | None = None
    seconds: float | None = None
    words_per_minute: float = 160.0
    """The voice's speaking rate, used to turn seconds into a word budget."""

    def word_budget(self) -> int | None:
        """The most words allowed, or None when only a sentence count applies."""
        budgets = [b for b in (self.words, self._seconds_as_words()) if b is not None]
        return min(budgets) if budgets else None

    def _seconds_as_words(self) -> int | None:
        if self.seconds is None:
            return None
        return max(1, int(self.seconds * self.words_per_minute / 60.0))


@dataclass(frozen=True)
class Summary:
    """The sentences chosen to speak for one article, in article order."""

    article: Article
    sentences: tuple[str, ...]

    @property
    def headline(self) -> str:
        """The article's title, or its first chosen sentence when it has none."""
        if self.article.title:
            return self.article.title
        return self.sentences[0] if self.sentences else ""


class SegmentKind(str, Enum):
    """What part of the programme a script segment is; later stages key voices and pauses on it."""

    INTRO = "intro"
    HEADLINE = "headline"
    BODY = "body"
    TRANSITION = "transition"
    OUTRO = "outro"


@dataclass(frozen=True)
class ScriptSegment:
    """One speakable piece of the script, with the silence that follows it."""

    kind: SegmentKind
    text: str
    pause_after_ms: int = 400
    story: int | None = None
    """Index of the story this segment belongs to (None for intro and outro)."""
    language: str = ENGLISH
    """The language it is said in (a code, "fr"): the episode's, or its story's own when a
    story in another language is read in that language."""


@dataclass(frozen=True)
class Script:
    """The whole programme as typed segments, plus the stories it was made from."""

    date: dt.date
    segments: tuple[ScriptSegment, ...]
    stories: tuple[Summary, ...] = ()
    language: str = ENGLISH
    """The episode's language (a code): the presenter's lines are in it, and so are the
    tags, the feed and the player around the audio."""

    @property
    def text(self) -> str:
        """The script as a presenter would read it, one paragraph per story."""
        lines: list[str] = []
        current: list[str] = []
        last_story: int | None = -1
        for segment in self.segments:
            if segment.story != last_story and current:
                lines.append(" ".join(current))
                current = []
            current.append(segment.text)
            last_story = segment.story
        if current:
            lines.append(" ".join(current))
        return "\n\n".join(lines)

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.segments)


@dataclass(frozen=True)
class VoicedSegment:
    """A script segment and the WAV file its engine produced for it."""

    segment: ScriptSegment
    wav_path: Path
    engine: str = ""
    """The engine that voiced it (it may differ from the one asked for, after a fallback)."""


@dataclass(frozen=True)
class SegmentFallback:
    """A segment its preset's engine could not voice, and the engine that voiced it instead."""

    index: int
    """Position of the segment in the script."""
    wanted: str
    """The engine the preset asked for."""
    used: str
    """The engine that voiced it."""
    reason: str
    """Why the wanted engine failed (its last error)."""


@dataclass(frozen=True)
class TimedSegment:
    """Where a segment's speech sits in the assembled audio, in milliseconds."""

    segment: ScriptSegment
    start_ms: int
    end_ms: int


@dataclass(frozen=True)
class StoryFailure:
    """An input that could not be turned into a story, and why."""

    origin: str
    reason: str
    exit_code: int = 2


@dataclass(frozen=True)
class Briefing:
    """The finished product: an audio file and what went into it."""

    path: Path
    duration_s: float
    script: Script
    timeline: tuple[TimedSegment, ...] = ()
    failures: tuple[StoryFailure, ...] = field(default_factory=tuple)
    fallbacks: tuple[SegmentFallback, ...] = ()
    """Segments voiced by a fallback engine because their own engine failed."""
    side_files: tuple[Path, ...] = ()
    """Files written beside the audio: chapters JSON, WebVTT, SRT, HTML show notes."""
    notes: tuple[str, ...] = ()
    """What the listener should know about the voice: one that cannot run here, and which
    spoke instead (`briefing.tts.usable`)."""

    @property
    def story_count(self) -> int:
        return len(self.script.stories)
