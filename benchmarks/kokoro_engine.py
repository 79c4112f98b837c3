"""The natural voice's costs on this machine: hash, load, synthesis speed and memory per layout.

    .venv/bin/python benchmarks/kokoro_engine.py [--sentences N] [--json]

Needs the voice installed (`briefing voices install`). Prints the model's sha256 time, a
worker's start-up (spawn, imports, hash, session) and, for each way of spending two cores
(two workers of one thread, one worker of two threads), the wall time and CPU time per second
of speech for the example article's script, and the peak memory of the workers together.
CPU seconds per spoken second is the figure to trust on a busy machine; wall time is what a
user waits on an idle one.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import resource
import tempfile
import threading
import time
import wave
from pathlib import Path

from briefing.models import Length
from briefing.pipeline import build_script
from briefing.tts import VoiceSettings, get_engine
from briefing.tts.kokoro_files import missing_reason, model_path, sha256_of

ARTICLE = Path(__file__).resolve().parent.parent / "examples" / "harbour-tidal-turbines.md"
LAYOUTS = ((2, 1), (1, 2))
"""(workers, threads each)."""


def children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def tree_rss_mb(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) // 1024
        except OSError:
            continue
    return total


def worker_pids() -> list[int]:
    own = os.getpid()
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == own:
                pids.append(int(entry.name))
    return pids


def start_up_s() -> float:
    """Spawn a worker and voice one word: the wait before the first segment, idle machine."""
    engine = get_engine("kokoro")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        engine.synthesize("Hello.", Path(folder) / "w.wav", VoiceSettings())
    engine.close()
    return time.perf_counter() - started


def voice_all(texts: list[str], workers: int, threads: int) -> dict[str, float]:
    """Voice `texts` on `workers` engines of `threads` threads each, as voicing would."""
    engines = [get_engine("kokoro") for _ in range(workers)]
    for engine in engines:
        engine.set_threads(threads)  # type: ignore[attr-defined]
        engine.start()  # type: ignore[attr-defined]
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for index in range(len(texts)):
        todo.put(index)
    spoken = [0.0] * len(texts)
    peak = [0]
    done = threading.Event()
    folder = Path(tempfile.mkdtemp())

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], tree_rss_mb(worker_pids()))

    def run(engine: object) -> None:
        while True:
            try:
                index = todo.get_nowait()
            except queue.Empty:
                return
            out = folder / f"{index}.wav"
            engine.synthesize(texts[index], out, VoiceSettings())  # type: ignore[attr-defined]
            with wave.open(str(out)) as wav:
                spoken[index] = wav.getnframes() / wav.getframerate()

    cpu = children_cpu_s()
    started = time.perf_counter()
    sampler = threading.Thread(target=sample)
    sampler.start()
    threads_ = [threading.Thread(target=run, args=(engine,)) for engine in engines]
    for thread in threads_:
        thread.start()
    for thread in threads_:
        thread.join()
    wall = time.perf_counter() - started
    for engine in engines:
        engine.close()  # type: ignore[attr-defined]
    done.set()
    sampler.join()
    audio = sum(spoken)
    return {
        "workers": workers, "threads": threads, "audio_s": round(audio, 1),
        "wall_s": round(wall, 1), "wall_per_audio_s": round(wall / audio, 3),
        "cpu_per_audio_s": round((children_cpu_s() - cpu) / audio, 3),
        "peak_workers_mb": peak[0],
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=3, help="per story (default 3)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    reason = missing_reason()
    if reason:
        raise SystemExit(f"kokoro_engine.py: {reason}")
    started = time.perf_counter()
    sha256_of(model_path())
    results: dict[str, object] = {"hash_s": round(time.perf_counter() - started, 3)}
    results["start_up_s"] = round(start_up_s(), 2)
    script, _ = build_script([ARTICLE], length=Length(sentences=args.sentences))
    texts = [segment.text for segment in script.segments]
    results["layouts"] = [voice_all(texts, w, t) for w, t in LAYOUTS]
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"sha256 of the model: {results['hash_s']} s; worker start-up: {results['start_up_s']} s")
    for row in results["layouts"]:  # type: ignore[attr-defined]
        print(f"{row['workers']} worker(s) × {row['threads']} thread(s): {row['audio_s']} s of "
              f"speech in {row['wall_s']} s ({row['wall_per_audio_s']}× real time), "
              f"{row['cpu_per_audio_s']} CPU s per spoken s, workers' peak {row['peak_workers_mb']}"
              " MB")


if __name__ == "__main__":
    main()
