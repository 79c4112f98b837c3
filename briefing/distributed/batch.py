"""Run many briefings as one Dask graph: shared stories are ingested, summarised, voiced once.

The graph, per story input (keys are content hashes, so equal work is one task)::

    ingest-<bytes> → summary-<ingest, length> → voice-story-<summary, voice>

and per job ``briefing-<job>``, which waits for its stories, composes the script, voices what
is left (intro, transitions, outro: mostly cache hits), assembles and exports atomically.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.clock import Clock, briefing_moment, resolve
from briefing.distributed import tasks
from briefing.distributed.keys import content_key, file_digest
from briefing.distributed.manifest import Job
from briefing.distributed.tasks import JobOutcome, StoryVoicing
from briefing.errors import ConfigError
from briefing.models import Length, StoryFailure
from briefing.storage import is_url
from briefing.summarise import DEFAULT_SUMMARIZER
from briefing.tts import VoicePreset, load_preset, open_segment_cache

if TYPE_CHECKING:
    from briefing.audio import AudioOptions


@dataclass(frozen=True)
class BatchProgress:
    """Where the whole batch stands; passed to `on_progress` after every finished task."""

    jobs_total: int
    stories_total: int
    """Distinct stories (by content) across all jobs."""
    jobs_done: int = 0
    jobs_failed: int = 0
    stories_voiced: int = 0
    """Distinct stories whose segments are voiced (each exactly once per batch)."""
    segments_voiced: int = 0
    """Segments synthesised afresh (cache misses)."""
    cache_hits: int = 0


ProgressCallback = Callable[[BatchProgress], None]


@dataclass(frozen=True)
class BatchReport:
    """Every job's outcome, in manifest order, and the batch's final counts."""

    outcomes: tuple[JobOutcome, ...]
    progress: BatchProgress
    elapsed_s: float
    workers: int

    @property
    def failed(self) -> tuple[JobOutcome, ...]:
        return tuple(o for o in self.outcomes if o.error is not None)

    @property
    def exit_code(self) -> int:
        """0 when every job and story went through; else the worst failure's code."""
        codes = [o.exit_code for o in self.failed]
        codes += [f.exit_code for o in self.outcomes for f in o.failures]
        return max(codes, default=0)


def run_batch(
    jobs: Sequence[Job],
    client: Any | None = None,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    cache_dir: Path | str | None = None,
    summarizer: str = DEFAULT_SUMMARIZER,
    date: dt.date | None = None,
    audio: AudioOptions | None = None,
    on_progress: ProgressCallback | None = None,
    clock: Clock | None = None,
) -> BatchReport:
    """Make every job's briefing on a Dask cluster and report each job's outcome.

    Pass your own `distributed.Client` as `client` to use your cluster; otherwise one is opened
    on `scheduler` (an address such as ``tcp://host:8786``) or, without it, on a local cluster
    of `workers` processes that lives as long as the call. `cache_dir` holds voiced segments
    and must be a place every worker can reach: a shared folder, or a storage URL such as
    ``s3://bucket/briefing-cache`` (default: the user's cache folder). `audio`
    sets every job's format, mastering and side files, as for `make_briefing`. `clock` gives
    today's date and the greeting's hour (default: the real clock).
    """
    _require_dask()
    if client is not None:
        return _run(jobs, client, cache_dir, summarizer, date, audio, on_progress, clock)
    from briefing.distributed.cluster import open_client

    with open_client(scheduler=scheduler, workers=workers) as own:
        return _run(jobs, own, cache_dir, summarizer, date, audio, on_progress, clock)


def _require_dask() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise ConfigError(
            "briefing batch needs Dask distributed; install it with "
            "pip install 'briefing[distributed]' (or ./install.sh --dev)."
        ) from None


def _cache_location(cache: Path | str | None) -> str:
    """The segment cache as workers name it: a storage URL as given, a folder made absolute
    (and created)."""
    if cache is not None and is_url(cache):
        return str(cache)
    folder = Path(str(cache or default_cache_dir()).removeprefix("file://")).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder)


def default_cache_dir() -> Path:
    """The user's segment cache, the same one `briefing make` and `briefing cache` use."""
    from briefing.tts import SegmentCache

    return SegmentCache().root


@dataclass(frozen=True)
class _Planned:
    job: Job
    render: Any
    """The job's `briefing-…` future."""


def _run(
    jobs: Sequence[Job],
    client: Any,
    cache_dir: Path | str | None,
    summarizer: str,
    date: dt.date | None,
    audio: AudioOptions | None,
    on_progress: ProgressCallback | None,
    clock: Clock | None,
) -> BatchReport:
    from distributed import as_completed

    from briefing.audio import AudioOptions, check_options

    started = time.perf_counter()
    cache_root = _cache_location(cache_dir)
    now = resolve(clock)()
    today = date or now.date()
    presets: dict[str, VoicePreset] = {}
    for job in jobs:  # bad presets fail the batch before any work, like `make` does
        presets.setdefault(job.voice, load_preset(job.voice))
    options = audio or AudioOptions()
    for job in jobs:  # a bad output format, cover or music file fails before any work
        check_options(job.output, options)
    planned, story_futures = _submit(
        client, jobs, presets, cache_root, summarizer, now, today, options
    )
    progress = BatchProgress(jobs_total=len(jobs), stories_total=len(story_futures))
    outcomes: dict[str, JobOutcome] = {}
    by_key = {p.render.key: p for p in planned}
    for future in as_completed([*story_futures, *(p.render for p in planned)]):  # type: ignore[no-untyped-call]
        if future.key in by_key:
            outcome = _outcome(future, by_key[future.key].job)
            outcomes[outcome.job_id] = outcome
            progress = replace(
                progress,
                jobs_done=progress.jobs_done + 1,
                jobs_failed=progress.jobs_failed + (outcome.error is not None),
                segments_voiced=progress.segments_voiced + outcome.voiced,
                cache_hits=progress.cache_hits + outcome.hits,
            )
        else:
            voicing = _voicing(future)
            progress = replace(
                progress,
                stories_voiced=progress.stories_voiced + (voicing.failure is None),
                segments_voiced=progress.segments_voiced + voicing.voiced,
                cache_hits=progress.cache_hits + voicing.hits,
            )
        if on_progress is not None:
            on_progress(progress)
    open_segment_cache(cache_root).evict()  # once, at the end: a batch needs its entries
    workers = len(client.scheduler_info().get("workers", {}))
    return BatchReport(
        outcomes=tuple(outcomes[job.id] for job in jobs),
        progress=progress,
        elapsed_s=time.perf_counter() - started,
        workers=workers,
    )


def _submit(
    client: Any,
    jobs: Sequence[Job],
    presets: dict[str, VoicePreset],
    cache_root: str,
    summarizer: str,
    now: dt.datetime,
    today: dt.date,
    audio: AudioOptions,
) -> tuple[list[_Planned], list[Any]]:
    """Build the graph; submitting a key twice returns the first future, which dedupes stories."""
    planned: list[_Planned] = []
    stories: dict[str, Any] = {}
    for job in jobs:
        preset = presets[job.voice]
        date = job.date or today
        length = Length(
            sentences=job.sentences,
            words=job.words,
            seconds=job.seconds,
            words_per_minute=preset.settings.rate_wpm,
        )
        summaries, voicings = [], []
        for source in job.inputs:
            ingest_key = content_key("ingest", file_digest(source), Path(source).suffix.lower())
            summary_key = content_key("summary", ingest_key, length, summarizer)
            voice_key = content_key("voice-story", summary_key, preset, date, cache_root)
            ingested = client.submit(tasks.ingest, source, key=ingest_key)
            summary = client.submit(tasks.summarise, ingested, length, summarizer, key=summary_key)
            voicing = client.submit(
                tasks.voice_story, summary, preset, date, cache_root, key=voice_key
            )
            stories[voice_key] = voicing
            summaries.append(summary)
            voicings.append(voicing)
        render_key = content_key("briefing", job, preset, date, cache_root, audio)
        render = client.submit(
            tasks.render,
            job.id,
            job.output,
            preset,
            date,
            summaries,
            voicings,
            cache_root,
            audio,
            briefing_moment(date, now),
            job.output_url,
            key=render_key,
        )
        planned.append(_Planned(job, render))
    return planned, list(stories.values())


def _outcome(future: Any, job: Job) -> JobOutcome:
    """The job's outcome; a task that raised (a bug, or workers lost too often) fails only it."""
    try:
        result: JobOutcome = future.result()
    except Exception as error:  # reported per job, so one job cannot stop the batch
        return JobOutcome(job.id, job.output, error=_describe(error), exit_code=1,
                          output_url=job.output_url)
    return result


def _voicing(future: Any) -> StoryVoicing:
    try:
        result: StoryVoicing = future.result()
    except Exception as error:  # the jobs that need this story report it in their outcomes
        return StoryVoicing(failure=StoryFailure(future.key, _describe(error), 1))
    return result


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"
