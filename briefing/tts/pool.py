"""Engine instances for voicing: one set per worker thread, and a pool that starts them early.

Most engines synthesise in a spawned worker process, and spawning one costs a fraction of a
second of imports in the child (pyttsx3 and its driver, say). A run that knows which engines
it will use starts their workers before it composes the script, so that the two overlap.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from types import TracebackType

from briefing.errors import BriefingError
from briefing.tts.base import TTSEngine, get_engine


class EngineSet:
    """One instance of each engine a worker uses, made on first use and closed together."""

    def __init__(self, threads: int | None = None) -> None:
        self._engines: dict[str, TTSEngine] = {}
        self._threads = threads

    def get(self, name: str) -> TTSEngine:
        if name not in self._engines:
            engine = get_engine(name)
            if self._threads is not None:
                _set_threads(engine, self._threads)
            self._engines[name] = engine
        return self._engines[name]

    def start(self, name: str) -> None:
        """Begin starting engine `name`'s worker, if it has one, without waiting for it.

        Only a head start: an engine that cannot be made or started here is left for voicing
        to try, retry and report as it would have without one.
        """
        try:
            start = getattr(self.get(name), "start", None)
            if callable(start):
                start()
        except (BriefingError, OSError):
            pass

    def set_threads(self, threads: int) -> None:
        """CPU threads for each engine of the set, from now on (see `TTSEngine.set_threads`)."""
        if threads != self._threads:
            self._threads = threads
            for engine in self._engines.values():
                _set_threads(engine, threads)

    def close(self) -> None:
        for engine in self._engines.values():
            engine.close()


def _set_threads(engine: TTSEngine, threads: int) -> None:
    set_threads = getattr(engine, "set_threads", None)
    if callable(set_threads):
        set_threads(threads)


def default_workers() -> int:
    return os.cpu_count() or 1


class EnginePool:
    """The engine sets of one voicing run, which may start their workers before it begins.

    `workers` is the number of cores synthesis may use, one engine set (so one worker process
    per engine) per core. `start` spawns the workers of the given engines in every set at once
    and returns; `take` then hands voicing the sets it needs, started ones first, and closes
    the rest. `close` stops every worker, started, used or not; the pool can be used again.
    """

    def __init__(self, workers: int | None = None) -> None:
        self.budget = workers or default_workers()
        """Cores for synthesis: at most this many engine sets voice at once."""
        self._sets: list[EngineSet] = []

    def start(self, engines: Iterable[str]) -> None:
        """Spawn a worker of each engine in `engines` for every core of the budget; no wait."""
        names = list(dict.fromkeys(engines))
        while len(self._sets) < self.budget:
            self._sets.append(EngineSet(threads=1))  # one set per core: one thread each
        for engine_set in self._sets:
            for name in names:
                engine_set.start(name)

    def take(self, count: int) -> list[EngineSet]:
        """`count` engine sets (at most the budget) that share the budget's cores between them.

        Fewer sets than cores: the spare cores become threads of each set's engines, so
        `workers=1` keeps a multi-threaded engine (piper) to one core. Started sets come first;
        started ones beyond `count` are closed now rather than left idle.
        """
        count = max(1, min(count, self.budget))
        threads = max(1, self.budget // count)
        for spare in self._sets[count:]:
            spare.close()
        sets = self._sets[:count]
        for engine_set in sets:
            engine_set.set_threads(threads)
        sets += [EngineSet(threads) for _ in range(count - len(sets))]
        self._sets = sets
        return list(sets)

    def close(self) -> None:
        for engine_set in self._sets:
            engine_set.close()

    def __enter__(self) -> EnginePool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
