"""Voice a whole script: cache first, then parallel workers, each segment along its fallback chain.

`voice_segment` voices one text with a preset's chain and a cache; it is the unit other
schedulers (a Dask cluster) call. `voice_script` runs it for every segment of a script on
`workers` engine sets at once. Each engine does its synthesis in its own spawned process (or
a short-lived espeak-ng process), so the threads here only hand out work and wait.
"""

from __future__ import annotations

import queue
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import EngineError
from briefing.models import ScriptSegment, SegmentFallback, SegmentKind, VoicedSegment
from briefing.tts.base import TTSEngine
from briefing.tts.cache import SegmentStore, cache_key
from briefing.tts.languages import chain_for_segment
from briefing.tts.pool import EnginePool, EngineSet
from briefing.tts.presets import PartVoice, VoicePreset
from briefing.tts.synthesize import ProgressCallback, voice_one
from briefing.tts.verify import segment_label


@dataclass(frozen=True)
class SegmentVoicing:
    """How one segment was voiced."""

    path: Path
    engine: str
    """The engine whose audio this is."""
    cached: bool
    fallback_reason: str | None = None
    """Why the first engine of the chain did not voice it; None when it did."""


@dataclass(frozen=True)
class ScriptVoicing:
    """Every segment voiced, in script order, and what it took."""

    voiced: tuple[VoicedSegment, ...]
    fallbacks: tuple[SegmentFallback, ...]
    cached: int
    """Segments taken from the cache."""
    synthesized: int
    """Segments an engine voiced in this run."""


def voice_segment(
    text: str,
    out_path: Path,
    chain: Sequence[PartVoice],
    engines: EngineSet,
    cache: SegmentStore | None = None,
) -> SegmentVoicing:
    """Voice `text` into `out_path` with the first engine of `chain` that works.

    The cache is asked for every voice of the chain first, so a segment that fell back once is
    not voiced again. Each engine gets two attempts (`voice_one`); an engine that cannot run
    here is skipped at once. Raises `EngineError` naming every engine's failure when all fail.
    """
    hit = fetch_cached(text, out_path, chain, engines, cache)
    if hit is not None:
        return hit
    errors: list[str] = []
    for position, part in enumerate(chain):
        engine = engines.get(part.engine)
        spoken = spoken_text(text, part, engine)
        try:
            voice_one(spoken, out_path, engine, part.settings)
        except EngineError as error:  # EngineUnavailableError included
            errors.append(f"{part.engine}: {error.message.rstrip('.')}")
            continue
        if cache is not None:
            cache.store(_key(spoken, part, engine), out_path, evict=False)
        return SegmentVoicing(out_path, part.engine, cached=False,
                              fallback_reason="; ".join(errors) if position else None)
    raise EngineError(
        f"no engine could voice {segment_label(text)}: {'; '.join(errors)}. "
        "Run `briefing voices` to see which engines work here, or choose another --voice."
    )


def fetch_cached(
    text: str,
    out_path: Path,
    chain: Sequence[PartVoice],
    engines: EngineSet,
    cache: SegmentStore | None,
) -> SegmentVoicing | None:
    """The cached audio for `text` from the first voice of `chain` that has some, or None."""
    if cache is None:
        return None
    for position, part in enumerate(chain):
        engine = engines.get(part.engine)
        if cache.fetch(_key(spoken_text(text, part, engine), part, engine), out_path):
            reason = f"{chain[0].engine} failed in an earlier run" if position else None
            return SegmentVoicing(out_path, part.engine, cached=True, fallback_reason=reason)
    return None


def spoken_text(text: str, part: PartVoice, engine: TTSEngine) -> str:
    """The text `engine` is given for `text`: the user's pronunciations applied, as phonemes
    where the engine reads them (`reads_ipa`), else as respellings."""
    return part.lexicon.apply(text, reads_ipa=bool(getattr(engine, "reads_ipa", False)))


def _key(text: str, part: PartVoice, engine: TTSEngine) -> str:
    identity = getattr(engine, "cache_identity", None)
    extra = identity(part.settings) if callable(identity) else ""
    return cache_key(text, part.engine, part.settings, extra)


def voice_script(
    segments: Sequence[ScriptSegment],
    preset: VoicePreset,
    workdir: Path,
    *,
    workers: int | None = None,
    cache: SegmentStore | None = None,
    on_progress: ProgressCallback | None = None,
    engines: EnginePool | None = None,
) -> ScriptVoicing:
    """Voice every segment into `workdir` with `preset`, `workers` at a time, in script order.

    Cached segments are taken first; the rest are shared among up to `workers` engine sets
    (default: the CPU count), each engine running in its own spawned process. `workers` is
    the number of cores synthesis may use: an engine that can use several threads (piper)
    gets `workers` divided by the engine sets started, so `--workers 1` keeps to one core.
    `engines`, a pool made earlier (its workers perhaps already started), replaces `workers`
    with its own budget; it is closed, like the engines made here, before this returns.
    `on_progress` is called from this thread with (segments done, segments in all).
    Each segment is voiced in the language it is said in (`chain_for_segment`): a script with
    a language no voice here speaks raises `NoVoiceError` before anything is voiced.
    """
    total = len(segments)
    results: dict[int, SegmentVoicing] = {}
    pool = engines if engines is not None else EnginePool(workers)
    missing: list[int] = []
    try:
        chains = segment_chains(segments, preset)  # NoVoiceError before any work
        lookup = EngineSet()
        try:
            for index, segment in enumerate(segments):
                chain = chains[index]
                hit = fetch_cached(segment.text, _path(workdir, index), chain, lookup, cache)
                if hit is not None:
                    results[index] = hit
                    if on_progress:
                        on_progress(len(results), total)
        finally:
            lookup.close()
        missing = [index for index in range(total) if index not in results]
        if missing:
            _voice_missing(segments, missing, chains, workdir, pool, cache, results, on_progress)
    finally:
        pool.close()
        if cache is not None and missing:  # only new entries can take it past its bound
            cache.evict()  # which means listing every entry: not for a run that added none
    return _collect(segments, results, chains, len(missing))


def segment_chains(
    segments: Sequence[ScriptSegment], preset: VoicePreset
) -> list[tuple[PartVoice, ...]]:
    """Each segment's chain of voices, of the language it is said in (`chain_for_segment`),
    worked out once per language and kind. Raises `NoVoiceError` naming a language no voice
    here speaks."""
    chains: dict[tuple[str, SegmentKind], tuple[PartVoice, ...]] = {}
    found: list[tuple[PartVoice, ...]] = []
    for segment in segments:
        key = (segment.language, segment.kind)
        if key not in chains:
            chains[key] = chain_for_segment(preset, segment)
        found.append(chains[key])
    return found


def _voice_missing(
    segments: Sequence[ScriptSegment],
    missing: list[int],
    chains: Sequence[tuple[PartVoice, ...]],
    workdir: Path,
    pool: EnginePool,
    cache: SegmentStore | None,
    results: dict[int, SegmentVoicing],
    on_progress: ProgressCallback | None,
) -> None:
    """Voice the segments at `missing` on as many of the pool's engine sets as there are."""
    sets = pool.take(len(missing))
    free: queue.SimpleQueue[EngineSet] = queue.SimpleQueue()
    for engine_set in sets:
        free.put(engine_set)

    def run(index: int) -> SegmentVoicing:
        engine_set = free.get()
        try:
            return voice_segment(segments[index].text, _path(workdir, index), chains[index],
                                 engine_set, cache)
        finally:
            free.put(engine_set)

    if len(sets) == 1:
        for index in missing:
            results[index] = run(index)
            if on_progress:
                on_progress(len(results), len(segments))
    else:
        _run_parallel(run, missing, len(sets), results, on_progress, len(segments))


def _run_parallel(
    run: Callable[[int], SegmentVoicing],
    missing: list[int],
    count: int,
    results: dict[int, SegmentVoicing],
    on_progress: ProgressCallback | None,
    total: int,
) -> None:
    """Run `run` over `missing` on `count` threads; the first error cancels what has not begun."""
    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="voice") as executor:
        futures = {executor.submit(run, index): index for index in missing}
        pending: set[Future[SegmentVoicing]] = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_EXCEPTION)
            for future in done:
                error = future.exception()
                if error is not None:
                    for other in pending:
                        other.cancel()
                    raise error
                results[futures[future]] = future.result()
                if on_progress:
                    on_progress(len(results), total)


def _collect(
    segments: Sequence[ScriptSegment],
    results: dict[int, SegmentVoicing],
    chains: Sequence[tuple[PartVoice, ...]],
    synthesized: int,
) -> ScriptVoicing:
    voiced: list[VoicedSegment] = []
    fallbacks: list[SegmentFallback] = []
    for index, segment in enumerate(segments):
        result = results[index]
        voiced.append(VoicedSegment(segment=segment, wav_path=result.path, engine=result.engine))
        if result.fallback_reason is not None:
            wanted = chains[index][0].engine
            fallbacks.append(SegmentFallback(index, wanted, result.engine, result.fallback_reason))
    return ScriptVoicing(tuple(voiced), tuple(fallbacks), len(segments) - synthesized, synthesized)


def _path(workdir: Path, index: int) -> Path:
    return workdir / f"segment-{index:04d}.wav"
