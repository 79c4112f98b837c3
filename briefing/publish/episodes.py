"""The episodes in an output folder: one JSON manifest, the source of truth for `feed.xml`.

Each episode records its language (a code, "fr"); a manifest written before episodes had
one reads as English, the only language there was.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from briefing.audio.language import bcp47
from briefing.errors import ConfigError
from briefing.languages import ENGLISH

MANIFEST = "episodes.json"
EPISODES_DIR = "episodes"


@dataclass(frozen=True)
class StoryLink:
    source: str
    url: str | None


@dataclass(frozen=True)
class EpisodeStory:
    title: str
    links: tuple[StoryLink, ...] = ()


@dataclass(frozen=True)
class Episode:
    """One published episode; file names are relative to the output folder."""

    date: str
    title: str
    audio: str
    length: int
    """Bytes of the audio file (the enclosure's length)."""
    duration_s: float
    published: str
    """RFC 2822 time of publication, as RSS wants it."""
    fingerprint: str
    """Hash of the script and voice: equal means a re-run would produce the same audio."""
    stories: tuple[EpisodeStory, ...] = ()
    chapters: str | None = None
    transcript: str | None = None
    extra_files: tuple[str, ...] = field(default_factory=tuple)
    language: str = ENGLISH
    """The episode's language, a code ("fr"): its transcript's, its show notes', its tags'."""

    @property
    def guid(self) -> str:
        return f"briefing-{self.date}"

    @property
    def files(self) -> tuple[str, ...]:
        names = [self.audio, self.chapters, self.transcript, *self.extra_files]
        return tuple(n for n in names if n)


def load_episodes(folder: Path) -> list[Episode]:
    """The manifest's episodes, newest first; an absent manifest is an empty list."""
    path = folder / MANIFEST
    if not path.exists():
        return []
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        episodes = [_episode(item) for item in raw["episodes"]]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ConfigError(
            f"{path}: unreadable episode list ({error}); move it away to start the feed afresh."
        ) from None
    return sorted(episodes, key=lambda e: e.date, reverse=True)


def show_language(configured: str, episodes: Sequence[Episode]) -> str:
    """The show's language (BCP 47) for the feed's `<language>` and the player page.

    The podcast settings' `language` when set; else the newest episode's (a show follows
    the language its episodes are now made in); English when there is neither.
    """
    if configured.strip():
        return configured.strip()
    return bcp47(episodes[0].language) if episodes else ENGLISH


def episodes_json(episodes: list[Episode]) -> str:
    return json.dumps({"episodes": [asdict(e) for e in episodes]}, indent=1, ensure_ascii=False)


def _episode(item: dict[str, Any]) -> Episode:
    stories = tuple(
        EpisodeStory(
            title=str(s["title"]),
            links=tuple(StoryLink(**link) for link in s.get("links", ())),
        )
        for s in item.get("stories", ())
    )
    fields = {k: v for k, v in item.items() if k != "stories"}
    fields["extra_files"] = tuple(fields.get("extra_files", ()))
    return Episode(**fields, stories=stories)
