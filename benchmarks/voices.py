"""Speed and memory of the speech engines, side by side in one run: espeak-ng (the baseline),
Piper and Kokoro (the natural voice).

Each engine gets a preset of its own (rate 165; espeak-ng en-GB, Piper's bundled joe voice,
Kokoro's af_heart; no fallback, so a failure stops the run instead of timing another engine),
in a BRIEFING_HOME of the benchmark's own (Kokoro installed there by `briefing voices install`).
Cases, each run for every engine:

- synthesis × real time of a ~10-minute briefing (BBC dev stories, ../shared/eval): the
  script's segments voiced by `voice_script` on `--workers` cores (default 2), cold, worker
  start-up included, ÷ the seconds of speech; and the peak memory of that process tree;
- `briefing make` of one article (the seed article, ../shared/seeds), a fresh process with an
  empty cache, start-up included: wall time ÷ the episode's duration;
- the same make again with its segments in the cache (another output name, so the episode is
  assembled, mastered and encoded again), and once more unchanged (the episode cache);
- scaling with cores: the article's script voiced with 1 and with 2 workers, the speed-up;
- `--long`: peak memory (max RSS of the process tree, sampled with psutil, and of its largest
  process) of `briefing make` for a ~70-minute briefing.

Every figure is the median of `--repeats` runs (the 10-minute and 70-minute cases run once);
ratios are to espeak-ng in the same run. Targets are the natural voice's (issue 21): synthesis
≤ 0.5× real time on 2 cores, make of one article ≤ 0.6×, a re-run ≤ 0.1×, ≤ 1 GB for 70 minutes.

    .venv/bin/python benchmarks/voices.py                       # table, about 10 minutes
    .venv/bin/python benchmarks/voices.py --json
    .venv/bin/python benchmarks/voices.py --engines espeak-ng kokoro --long --repeats 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))  # `listening` when run from anywhere

import listening  # noqa: E402

from briefing.clock import fixed_clock  # noqa: E402
from briefing.errors import BriefingError  # noqa: E402
from briefing.models import Length, Script  # noqa: E402
from briefing.tts import get_engine, load_preset, unavailable_reason, voice_script  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
BBC = SHARED / "eval" / "bbc_dev.jsonl"
SEED = SHARED / "seeds" / "000_e9c351cb9562af5e.txt"
MOMENT = dt.datetime(2026, 11, 25, 7, 0, tzinfo=dt.UTC)
RATE = 165
PRESETS = {
    "espeak-ng": 'engine = "espeak-ng"\nlanguage = "en-GB"\n',
    "piper": 'engine = "piper"\nlanguage = "en-US"\n',
    "kokoro": 'engine = "kokoro"\nvoice = "af_heart"\nlanguage = "en-US"\n',
}
BASELINE = "espeak-ng"
TARGETS: dict[str, tuple[str, Callable[[float], bool]]] = {
    "synthesis": ("≤ 0.5×", lambda v: v <= 0.5),
    "make": ("≤ 0.6×", lambda v: v <= 0.6),
    "segments cached": ("≤ 0.1×", lambda v: v <= 0.1),
    "episode cached": ("≤ 0.1×", lambda v: v <= 0.1),
    "long peak": ("≤ 1024 MB", lambda v: v <= 1024),
}
"""The natural voice's targets, by the key of the row they apply to."""


@dataclass
class Row:
    key: str
    measure: str
    unit: str
    values: dict[str, float] = field(default_factory=dict)
    runs: int = 1


# --- measuring ----------------------------------------------------------------------------


@contextmanager
def tree_peak(pid: int | None = None) -> Iterator[list[float]]:
    """Sample the RSS of process `pid` (default: this one) and all its descendants every 50 ms;
    the peak, in MB, is in the yielded list's first item when the block ends."""
    peak = [0.0]
    stop = threading.Event()
    root = psutil.Process(pid or os.getpid())

    def sample() -> None:
        while not stop.is_set():
            total = 0
            try:
                for process in [root, *root.children(recursive=True)]:
                    with suppress(psutil.Error):  # a process that has just ended
                        total += process.memory_info().rss
            except psutil.Error:
                break
            peak[0] = max(peak[0], total / 2**20)
            stop.wait(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        stop.set()
        thread.join()


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def audio_seconds(path: Path) -> float:
    return float(subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
         str(path)], check=True, capture_output=True, text=True).stdout)


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and its children that have ended."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass(frozen=True)
class Voiced:
    seconds: float
    """Wall time."""
    speech: float
    """Seconds of speech voiced."""
    cpu: float
    """CPU seconds of this process and the engine workers (ended by then)."""
    peak_mb: float


def voice(script: Script, preset: Path, workers: int, folder: Path) -> Voiced:
    """Voice `script` cold with `workers` cores, engine start-up included."""
    workdir = Path(tempfile.mkdtemp(dir=folder))
    with tree_peak() as peak:
        cpu = cpu_seconds()
        started = time.perf_counter()
        voiced = voice_script(script.segments, load_preset(str(preset)), workdir,
                              workers=workers)  # closes (so ends) its workers
        took = time.perf_counter() - started
        cpu = cpu_seconds() - cpu
    speech = sum(wav_seconds(item.wav_path) for item in voiced.voiced)
    if voiced.fallbacks:
        raise SystemExit(f"voices.py: {preset.stem} fell back: {voiced.fallbacks[0].reason}")
    return Voiced(took, speech, cpu, peak[0])


def briefing_command() -> list[str]:
    script = Path(sys.executable).parent / "briefing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing"]


@dataclass(frozen=True)
class Made:
    seconds: float
    """Wall time, start-up included."""
    cpu: float
    """CPU seconds of the process and its children (the engine workers)."""
    peak_mb: float
    """The process tree's peak RSS."""
    largest_mb: float
    """The max RSS of its largest single process."""


def make(inputs: Sequence[Path], out: Path, preset: Path, home: Path, workers: int,
         sentences: int) -> Made:
    """`briefing make` in a fresh process."""
    command = [*briefing_command(), "make", *map(str, inputs), "-o", str(out), "--voice",
               str(preset), "--date", MOMENT.date().isoformat(), "--workers", str(workers),
               "-n", str(sentences)]
    env = {**os.environ, "BRIEFING_HOME": str(home)}
    log = out.with_suffix(".log")
    with log.open("wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        with tree_peak(process.pid) as peak:
            _pid, status, usage = os.wait4(process.pid, 0)
        took = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status):  # the presets have no fallback: a failure stops
        error = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise SystemExit(f"voices.py: {' '.join(command)} failed: {error}")
    return Made(took, usage.ru_utime + usage.ru_stime, peak[0], usage.ru_maxrss / 1024)


# --- the cases ----------------------------------------------------------------------------


def stories(folder: Path, words: int, sentences: int) -> tuple[list[Path], Script]:
    """BBC dev stories, in file order, until their script has `words` words."""
    from briefing import build_script

    folder.mkdir(exist_ok=True)
    paths: list[Path] = []
    lines = BBC.read_text(encoding="utf-8").splitlines()
    length = Length(sentences=sentences, words_per_minute=RATE)
    script: Script | None = None
    step = 1
    while script is None or script.word_count < words:
        for line in lines[len(paths) : len(paths) + step]:
            path = folder / f"story-{len(paths):03d}.txt"
            path.write_text(json.loads(line)["article"], encoding="utf-8")
            paths.append(path)
        script, _ = build_script(paths, length=length, date=MOMENT.date(),
                                 clock=fixed_clock(MOMENT))
        step = max(1, round((words - script.word_count) / (script.word_count / len(paths))))
    return paths, script


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", nargs="+", default=list(PRESETS), choices=list(PRESETS))
    parser.add_argument("--repeats", type=int, default=3, help="runs of the short cases")
    parser.add_argument("--workers", type=int, default=2, help="cores for voicing")
    parser.add_argument("--minutes", type=float, default=10, help="the long synthesis case")
    parser.add_argument("--long", action="store_true", help="also the 70-minute memory case")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    for path in (BBC, SEED):
        if not path.is_file():
            raise SystemExit(f"voices.py: needs {path} (../shared beside the repository).")
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    rows: dict[str, Row] = {}
    skipped: dict[str, str] = {}

    def record(key: str, measure: str, unit: str, engine: str, value: float, runs: int) -> None:
        row = rows.setdefault(key, Row(key, measure, unit, runs=runs))
        row.values[engine] = value

    with tempfile.TemporaryDirectory(prefix="briefing-voices-") as tmp:
        root = Path(tmp)
        installed = root / "installed"
        os.environ["BRIEFING_HOME"] = str(installed)  # this process and its engine workers
        presets = {}
        for engine in args.engines:
            reason = listening.install_natural_voice(installed) if engine == "kokoro" else None
            preset = root / f"bench-{engine}.toml"
            preset.write_text(f'name = "bench-{engine}"\n{PRESETS[engine]}rate = {RATE}\n',
                              encoding="utf-8")
            reason = reason or why_not(engine, preset)
            if reason:
                skipped[engine] = reason
                print(f"… {engine}: skipped ({reason})", file=sys.stderr)
                continue
            presets[engine] = preset
        words = round(args.minutes * RATE)
        _, long_script = stories(root / "stories", words, sentences=5)
        seed_script = single_script(SEED)
        count = 0

        def fresh_home() -> Path:
            nonlocal count
            count += 1
            home = root / f"home-{count}"
            listening.share_installed_voices(home, installed)
            return home

        for engine, preset in presets.items():
            long = voice(long_script, preset, args.workers, root)
            record("synthesis", f"synthesis × real time, {long.speech / 60:.1f}-minute "
                   f"briefing, {args.workers} workers", "×", engine, long.seconds / long.speech, 1)
            record("synthesis cpu", "its CPU seconds per second of speech (load-independent)",
                   "s", engine, long.cpu / long.speech, 1)
            record("synthesis peak", "its peak memory (process tree)", "MB", engine,
                   long.peak_mb, 1)
            print(f"… {engine}: {long.speech / 60:.1f} min voiced in {long.seconds:.1f} s",
                  file=sys.stderr)
            cold: list[Made] = []
            cached, restored, durations = [], [], []
            for _ in range(args.repeats):
                home = fresh_home()
                out = home / "one.mp3"
                cold.append(make([SEED], out, preset, home, args.workers, 3))
                durations.append(audio_seconds(out))
                cached.append(make([SEED], home / "two.mp3", preset, home, args.workers, 3))
                restored.append(make([SEED], out, preset, home, args.workers, 3))
            duration = statistics.median(durations)
            record("make", f"`briefing make` one article ÷ its duration ({duration:.0f} s), "
                   "fresh process, cold cache", "×", engine,
                   statistics.median(m.seconds for m in cold) / duration, args.repeats)
            record("make wall", "that make's wall time", "s", engine,
                   statistics.median(m.seconds for m in cold), args.repeats)
            record("make cpu", "its CPU seconds per second of audio", "s", engine,
                   statistics.median(m.cpu for m in cold) / duration, args.repeats)
            record("make peak", "its peak memory (process tree)", "MB", engine,
                   statistics.median(m.peak_mb for m in cold), args.repeats)
            record("segments cached", "re-run, segments from the cache (new output name) "
                   "÷ duration", "×", engine,
                   statistics.median(m.seconds for m in cached) / duration, args.repeats)
            record("episode cached", "re-run unchanged (episode cache) ÷ duration", "×",
                   engine, statistics.median(m.seconds for m in restored) / duration,
                   args.repeats)
            one = [voice(seed_script, preset, 1, root) for _ in range(args.repeats)]
            two = [voice(seed_script, preset, 2, root) for _ in range(args.repeats)]
            record("1 worker", "voicing the article (cold, start-up included), 1 worker", "s",
                   engine, statistics.median(v.seconds for v in one), args.repeats)
            record("2 workers", "the same, 2 workers", "s", engine,
                   statistics.median(v.seconds for v in two), args.repeats)
            record("speed-up", "speed-up from 1 to 2 workers", "×", engine,
                   statistics.median(a.seconds / b.seconds for a, b in zip(one, two,
                                                                            strict=True)),
                   args.repeats)
            print(f"… {engine}: make {cold[-1].seconds / duration:.2f}×", file=sys.stderr)
        if args.long:
            paths, script = stories(root / "stories", 70 * RATE, sentences=10)
            for engine, preset in presets.items():
                home = fresh_home()
                out = home / "long.mp3"
                made = make(paths, out, preset, home, args.workers, 10)
                duration = audio_seconds(out)
                record("long peak", f"peak memory, `briefing make` of a {duration / 60:.0f}-"
                       "minute briefing (process tree)", "MB", engine, made.peak_mb, 1)
                record("long largest", "its largest single process (max RSS)", "MB", engine,
                       made.largest_mb, 1)
                record("long make", "its wall time ÷ duration", "×", engine,
                       made.seconds / duration, 1)
                print(f"… {engine}: {duration / 60:.0f} min in {made.seconds:.0f} s, "
                      f"{made.peak_mb:.0f} MB", file=sys.stderr)
    setup = {
        "engines": list(presets), "skipped": skipped, "workers": args.workers,
        "repeats": args.repeats, "cpus": os.cpu_count(), "article": SEED.name,
        "long_script_words": long_script.word_count,
        "load_avg_1m": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "seconds": round(time.perf_counter() - started, 1),
    }
    if args.json:
        print(json.dumps({"setup": setup, "rows": [asdict(row) for row in rows.values()]},
                         indent=2, ensure_ascii=False))
        return 0
    print(f"{len(presets)} engines on {os.cpu_count()} CPUs, --workers {args.workers}; medians "
          f"of {args.repeats} runs (the long cases: 1); load average {setup['load_avg_1m'][0]} "
          f"at the start, {setup['load_avg_1m'][1]} at the end; {setup['seconds']} s in all.\n")
    print(table(list(rows.values()), list(presets)))
    for engine, reason in skipped.items():
        print(f"\nSkipped {engine}: {reason}")
    return 0


def why_not(engine: str, preset: Path) -> str | None:
    part = load_preset(str(preset)).main
    try:
        made = get_engine(engine)
    except BriefingError as error:
        return error.message
    try:
        return unavailable_reason(made, part.settings)
    finally:
        made.close()


def single_script(article: Path) -> Script:
    from briefing import build_script

    script, _ = build_script([article], length=Length(sentences=3, words_per_minute=RATE),
                             date=MOMENT.date(), clock=fixed_clock(MOMENT))
    return script


def table(rows: Sequence[Row], engines: Sequence[str]) -> str:
    others = [e for e in engines if e != BASELINE]
    head = ["measure", *engines, *(f"{e} ÷ {BASELINE}" for e in others if BASELINE in engines),
            "target (kokoro)", "pass"]
    lines = ["| " + " | ".join(head) + " |",
             "| --- |" + " ---: |" * (len(head) - 3) + " --- | --- |"]
    for row in rows:
        cells = [f"{row.measure} ({row.unit})"]
        cells += [_number(row.values.get(e)) for e in engines]
        base = row.values.get(BASELINE)
        if BASELINE in engines:
            cells += [f"{row.values[e] / base:.2f}" if base and e in row.values else ""
                      for e in others]
        target = TARGETS.get(row.key)
        kokoro = row.values.get("kokoro")
        cells.append(target[0] if target else "")
        passed = "" if not target or kokoro is None else ("yes" if target[1](kokoro) else "NO")
        cells.append(passed)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.0f}" if value >= 100 else f"{value:.3f}" if value < 1 else f"{value:.2f}"


if __name__ == "__main__":
    sys.exit(main())
