"""The work one Dask task does: plain functions of picklable values, run on any worker.

Failures a user can act on travel as values (`StoryFailure`, `JobOutcome.error`) rather than
exceptions, so a shared story that fails is reported in every job that uses it and never
stops the others. Anything else raised here is a bug and reaches the client with its traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.clock import fixed_clock
from briefing.errors import BriefingError, ConfigError, InputError
from briefing.models import (
    Article,
    Length,
    ScriptSegment,
    SegmentKind,
    StoryFailure,
    Summary,
    VoicedSegment,
)
from briefing.tts import (
    EngineSet,
    SegmentStore,
    SegmentVoicing,
    VoicePreset,
    chain_for_segment,
    open_segment_cache,
    voice_segment,
)

if TYPE_CHECKING:
    from briefing.audio import AudioOptions
    from briefing.audio.render import RenderedFiles

_STORY_KINDS = (SegmentKind.HEADLINE, SegmentKind.BODY)


@dataclass(frozen=True)
class StoryVoicing:
    """What voicing one story's segments did: fresh syntheses, cache hits, or why it failed."""

    voiced: int = 0
    hits: int = 0
    failure: StoryFailure | None = None


@dataclass(frozen=True)
class JobOutcome:
    """What one job's briefing task returns to the client."""

    job_id: str
    output: Path
    duration_s: float = 0.0
    story_count: int = 0
    failures: tuple[StoryFailure, ...] = ()
    """Stories left out of the briefing, and why."""
    voiced: int = 0
    hits: int = 0
    error: str | None = None
    """Why the whole job failed (no file written), or None."""
    exit_code: int = 0
    worker_pids: tuple[int, ...] = field(default=(), compare=False)
    output_url: str | None = None
    """Where the files were uploaded, for a job whose output is a URL."""


def ingest(source: str) -> Article | StoryFailure:
    from briefing.ingest import load_article

    try:
        return load_article(source)
    except BriefingError as error:
        return StoryFailure(source, error.message, error.exit_code)


def summarise(
    article: Article | StoryFailure, length: Length, summarizer: str
) -> Summary | StoryFailure:
    from briefing.pipeline import summarise_articles

    if isinstance(article, StoryFailure):
        return article
    try:
        return summarise_articles([article], length, summarizer)[0]
    except BriefingError as error:
        return StoryFailure(article.origin, error.message, error.exit_code)


def voice_story(
    summary: Summary | StoryFailure, preset: VoicePreset, date: dt.date, cache_root: str
) -> StoryVoicing:
    """Voice the story's own segments (headline, sentences) into the shared cache."""
    from briefing.script import compose_script
    from briefing.script.presenter import episode_language

    if isinstance(summary, StoryFailure):
        return StoryVoicing(failure=summary)
    # composed as an episode in the story's own language would be: its presenter's lines
    script = compose_script([summary], date, language=episode_language([summary.article.language]))
    segments = [s for s in script.segments if s.kind in _STORY_KINDS]
    voiced = hits = 0
    try:
        with tempfile.TemporaryDirectory(prefix="briefing-story-") as workdir:
            for index, segment in enumerate(segments):
                result = _voice(segment, index, preset, cache_root, Path(workdir))
                hits += result.cached
                voiced += not result.cached
    except BriefingError as error:
        failure = StoryFailure(summary.article.origin, error.message, error.exit_code)
        return StoryVoicing(voiced, hits, failure)
    return StoryVoicing(voiced, hits)


def render(
    job_id: str,
    output: Path,
    preset: VoicePreset,
    date: dt.date,
    summaries: Sequence[Summary | StoryFailure],
    voicings: Sequence[StoryVoicing],
    cache_root: str,
    audio: AudioOptions | None = None,
    moment: dt.datetime | None = None,
    output_url: str | None = None,
) -> JobOutcome:
    """Compose the script, voice what the stories did not (cache hits), master and export.

    Audio goes through `briefing.audio.render_briefing`, exactly as `briefing make` does, so a
    batch's files (mastering, tags, chapters, side files) match make's. The output's folder
    is made as needed; with `output_url`, the files are made in a temporary folder and
    uploaded there (side files first, the audio last).
    """
    import os

    from briefing.audio import AudioOptions, assemble_for, render_briefing
    from briefing.script import compose_script
    from briefing.script.presenter import episode_language

    failures: list[StoryFailure] = []
    usable: list[Summary] = []
    for summary, voicing in zip(summaries, voicings, strict=True):
        if isinstance(summary, StoryFailure):
            failures.append(summary)
        elif voicing.failure is not None:
            failures.append(voicing.failure)
        else:
            usable.append(summary)
    pid = (os.getpid(),)
    if not usable:
        first = failures[0]
        more = f" (and {len(failures) - 1} more inputs failed)" if len(failures) > 1 else ""
        return JobOutcome(
            job_id,
            output,
            failures=tuple(failures),
            error=first.reason + more,
            exit_code=first.exit_code,
            worker_pids=pid,
        )
    try:
        clock = fixed_clock(moment) if moment is not None else None
        language = episode_language(s.article.language for s in usable)
        script = compose_script(usable, date, language=language, clock=clock)
        fresh = hits = 0
        with tempfile.TemporaryDirectory(prefix="briefing-render-") as workdir:
            voiced: list[VoicedSegment] = []
            for index, segment in enumerate(script.segments):
                result = _voice(segment, index, preset, cache_root, Path(workdir))
                hits += result.cached
                fresh += not result.cached
                voiced.append(VoicedSegment(segment, result.path, result.engine))
            options = audio or AudioOptions()
            programme = assemble_for(voiced, options)
            target = Path(workdir) / output.name if output_url else output
            _make_folder(target.parent)
            rendered = render_briefing(programme, script, target, options)
            if output_url:
                _upload(rendered, output_url)
    except BriefingError as error:
        return JobOutcome(
            job_id,
            output,
            failures=tuple(failures),
            error=error.message,
            exit_code=error.exit_code,
            worker_pids=pid,
            output_url=output_url,
        )
    if not output_url:
        _remove_stale_parts(output)
    return JobOutcome(
        job_id,
        output,
        duration_s=programme.duration_s,
        story_count=len(usable),
        failures=tuple(failures),
        voiced=fresh,
        hits=hits,
        worker_pids=pid,
        output_url=output_url,
    )


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(
            f"{folder}: cannot create the output folder ({error.strerror}); "
            "choose another 'output'."
        ) from None


def _upload(rendered: RenderedFiles, output_url: str) -> None:
    """The side files, then the audio, beside `output_url` (s3://bucket/out/alice.mp3)."""
    from briefing.publish.remote import upload_files

    upload_files([*rendered.side_files, rendered.audio], output_url.rsplit("/", 1)[0])


def _remove_stale_parts(output: Path) -> None:
    """Drop temporary files an earlier attempt left when its worker was killed mid-export."""
    from briefing.audio import side_file_paths

    for path in (output, *side_file_paths(output).values()):
        for stale in path.parent.glob(f".{path.name}.*.part"):
            stale.unlink(missing_ok=True)


_local = threading.local()


def _engines() -> EngineSet:
    """One engine set per worker thread: each engine's process is started once, then reused."""
    engines: EngineSet | None = getattr(_local, "engines", None)
    if engines is None:
        engines = _local.engines = EngineSet()
    return engines


@functools.cache
def _segment_cache(location: str) -> SegmentStore:
    """One cache object per worker process and location (a remote one keeps its connection)."""
    return open_segment_cache(location)


def _voice(
    segment: ScriptSegment, index: int, preset: VoicePreset, cache_root: str, workdir: Path
) -> SegmentVoicing:
    """Voice one segment through the shared cache (`briefing.tts.voice_segment`)."""
    out_path = workdir / f"segment-{index:04d}.wav"
    chain = chain_for_segment(preset, segment)  # a voice of the segment's language
    try:
        return voice_segment(
            segment.text, out_path, chain, _engines(), _segment_cache(cache_root)
        )
    except AssertionError as error:
        if "daemonic" not in str(error):
            raise
        raise ConfigError(
            "this Dask worker is a daemonic process, which cannot start the speech engine's "
            "own process; start workers with DASK_DISTRIBUTED__WORKER__DAEMON=False "
            "(or `dask worker --no-nanny`)"
        ) from None
