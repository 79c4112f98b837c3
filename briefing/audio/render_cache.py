"""Finished episodes by content hash: the same script, voice and options give the same files.

Mastering and encoding a whole episode cost far more than voicing it from the segment cache,
so a run whose every input is unchanged copies the files it made last time instead. The key
covers everything that changes a byte of the output: each segment's kind, text and pause, the
stories' headlines, sources and links (tags, chapters, show notes), the date, the voice
preset (and the size and time of any voice model it names), the audio options (with the
contents of the cover and music files), the output's file name and the package version.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.errors import BriefingError
from briefing.models import Script, ScriptSegment, TimedSegment

if TYPE_CHECKING:
    from briefing.audio.render import AudioOptions

FORMAT = 1
"""Bump when the files for the same inputs would change."""
KEEP = 8
"""Episodes kept; the least recently used go first."""


@dataclass(frozen=True)
class CachedEpisode:
    """What a cached run restored: its files, length and where each segment's speech sits."""

    duration_s: float
    timeline: tuple[TimedSegment, ...]
    side_files: tuple[Path, ...]


def episode_key(
    script: Script, preset: Any, audio: AudioOptions, output: Path, version: str
) -> str:
    """The hex digest naming the files `render_briefing` makes for these inputs."""
    from briefing.audio.master import mastering_settings  # here: checking the cache needs no numpy
    stories = [
        {
            "headline": s.headline,
            "source": s.article.source_name,
            "url": s.article.url,
            "title": s.article.title,
        }
        for s in script.stories
    ]
    payload = {
        "format": FORMAT,
        "version": version,
        "date": script.date.isoformat(),
        "segments": [_segment(s) for s in script.segments],
        "stories": stories,
        "preset": _plain(preset),
        "models": _model_files(preset),
        "audio": _plain(audio),
        "mastering": mastering_settings(),
        "inputs": {name: _file_digest(getattr(audio, name)) for name in ("cover", "music")},
        "output": output.name,
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class EpisodeCache:
    """Finished episodes in `root/<key>/`: the audio, its side files and `episode.json`."""

    def __init__(self, root: Path, keep: int = KEEP) -> None:
        self.root = root
        self.keep = keep

    def may_hold(self, name_pattern: str) -> bool:
        """Whether an entry holds an audio file named like `name_pattern` (a glob): a few
        folder listings, to tell before any work whether a run may end in `restore`."""
        return any(self.root.glob(f"*/{name_pattern}"))

    def restore(self, key: str, output: Path, script: Script) -> CachedEpisode | None:
        """Copy a cached episode to `output` (and its side files beside it), or None."""
        from briefing.audio.export import atomic_path  # pydub: only when files are copied

        folder = self.root / key
        try:
            meta = json.loads((folder / "episode.json").read_text(encoding="utf-8"))
            names = [output.name, *meta["side_files"]]
            duration_s = float(meta["duration_s"])
            timeline = tuple(
                TimedSegment(script.segments[index], start, end)
                for index, start, end in meta["timeline"]
            )
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None  # absent or damaged: make the episode again
        if not all((folder / name).is_file() for name in names):
            return None
        for name in names:
            with atomic_path(output.with_name(name)) as tmp:
                shutil.copyfile(folder / name, tmp)
        (folder / "episode.json").touch()  # recently used
        side = tuple(output.with_name(name) for name in names[1:])
        return CachedEpisode(duration_s, timeline, side)

    def store(
        self,
        key: str,
        output: Path,
        side_files: tuple[Path, ...],
        duration_s: float,
        timeline: tuple[TimedSegment, ...],
        script: Script,
    ) -> None:
        """Keep a copy of a finished episode; a failure to cache never fails the run."""
        from briefing.audio.export import atomic_path

        positions: dict[ScriptSegment, int] = {}
        for number, segment in enumerate(script.segments):
            positions.setdefault(segment, number)  # equal segments are interchangeable
        meta = {
            "duration_s": duration_s,
            "side_files": [p.name for p in side_files],
            "timeline": [[positions[t.segment], t.start_ms, t.end_ms] for t in timeline],
        }
        folder = self.root / key
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for path in (output, *side_files):
                with atomic_path(folder / path.name) as tmp:
                    shutil.copyfile(path, tmp)
            with atomic_path(folder / "episode.json") as tmp:  # last: marks the entry complete
                tmp.write_text(json.dumps(meta), encoding="utf-8")
            self._evict()
        except (OSError, KeyError, BriefingError):  # a full cache disk, say: just no copy
            shutil.rmtree(folder, ignore_errors=True)

    def clear(self) -> tuple[int, int]:
        """Delete every cached episode; return how many there were and their bytes."""
        if not self.root.is_dir():
            return 0, 0
        count = size = 0
        for folder in self.root.iterdir():
            if folder.is_dir():
                count += 1
                size += sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
                shutil.rmtree(folder, ignore_errors=True)
        return count, size

    @classmethod
    def beside(cls, segments_root: Path) -> EpisodeCache:
        """Finished episodes live beside the voiced segments, so one folder holds the cache."""
        return cls(segments_root.parent / "episodes")

    def _evict(self) -> None:
        entries = sorted(
            (p for p in self.root.iterdir() if (p / "episode.json").is_file()),
            key=lambda p: (p / "episode.json").stat().st_mtime,
            reverse=True,
        )
        for stale in entries[self.keep :]:
            shutil.rmtree(stale, ignore_errors=True)


def _segment(segment: ScriptSegment) -> list[Any]:
    return [segment.kind.value, segment.text, segment.pause_after_ms, segment.story]


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _model_files(preset: Any) -> list[list[Any]]:
    """Size and time of every voice model file the preset names (a Piper .onnx, say)."""
    parts = [preset.main, preset.presenter, preset.reader, *preset.fallback]
    found: list[list[Any]] = []
    for part in parts:
        voice = part.settings.voice if part is not None else None
        if voice and Path(voice).is_file():
            stat = Path(voice).stat()
            found.append([voice, stat.st_size, stat.st_mtime_ns])
    return found


def _file_digest(path: Path | None) -> str | None:
    if path is None or not Path(path).is_file():
        return None
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
