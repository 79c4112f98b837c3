"""Time the whole pipeline against the least work any tool could do for the same output.

The baseline, measured in the same run right next to every timed briefing: raw `espeak-ng -w`
over the briefing's own final script text, then one ffmpeg encode of that WAV to the same
format as briefing's output (codec, sample rate, channels and bitrate read from it with
ffprobe). Every figure is the median of `--runs` runs (at least 5 by default).

    python benchmarks/pipeline.py               # markdown table
    python benchmarks/pipeline.py --json        # machine-readable
    python benchmarks/pipeline.py --runs 7 --skip-long

Cases: one article → MP3 with the default engine (whole command, start-up included); 20 BBC
stories → one MP3, cold cache; the same with piper on 1 and 2 workers and with a warm cache;
peak memory of a 60-minute briefing; `briefing --version` start-up; piper's real-time factor.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from corpora import EVAL, SEED, require

REPO = Path(__file__).resolve().parents[1]
BBC = EVAL / "bbc_dev.jsonl"
BRIEFING = [sys.executable, "-m", "briefing"]
DATE = "2025-01-06"
LONG_WORDS = 10_000
"""About 60 minutes at the default 165 words per minute."""


@dataclass(frozen=True)
class Row:
    case: str
    measure: str
    value: float
    baseline: float | None
    ratio: float | None
    target: str
    passed: bool | None
    runs: int


def run(command: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Seconds taken by `command`, which must succeed."""
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE)
    return time.perf_counter() - start


def environment(home: Path) -> dict[str, str]:
    return {**os.environ, "BRIEFING_HOME": str(home)}


def script_text(inputs: Sequence[Path], sentences: int) -> str:
    """The final script, exactly as `briefing make` voices it (same command, same options)."""
    result = subprocess.run([*BRIEFING, "script", *map(str, inputs), "-n", str(sentences),
                             "--date", DATE], check=True, capture_output=True, text=True)
    return result.stdout


def output_options(mp3: Path) -> list[str]:
    """ffmpeg options reproducing `mp3`'s codec, rate, channels and bitrate."""
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
         "stream=codec_name,sample_rate,channels,bit_rate", "-of", "json", str(mp3)],
        check=True, capture_output=True, text=True,
    )
    stream = json.loads(probe.stdout)["streams"][0]
    codec = {"mp3": "libmp3lame"}.get(stream["codec_name"], stream["codec_name"])
    options = ["-c:a", codec, "-ar", str(stream["sample_rate"]), "-ac", str(stream["channels"])]
    if stream.get("bit_rate"):
        options += ["-b:a", str(stream["bit_rate"])]
    return options


def baseline(text_file: Path, options: list[str], workdir: Path) -> float:
    """espeak-ng over the script text, then one ffmpeg encode: the least work for the output."""
    wav, mp3 = workdir / "baseline.wav", workdir / "baseline.mp3"
    start = time.perf_counter()
    subprocess.run(["espeak-ng", "-w", str(wav), "-s", "165", "-f", str(text_file)], check=True)
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(wav), *options, str(mp3)],
                   check=True)
    return time.perf_counter() - start


def against_baseline(
    case: str, inputs: Sequence[Path], runs: int, workdir: Path, sentences: int = 3,
    extra: Sequence[str] = (), limit: float = 1.5,
) -> Row:
    """Median of `runs` briefings (cold cache each), each paired with a baseline run."""
    text_file = workdir / "script.txt"
    text_file.write_text(script_text(inputs, sentences), encoding="utf-8")
    out = workdir / "briefing.mp3"
    times, bases, ratios = [], [], []
    options: list[str] | None = None
    for n in range(runs):
        home = workdir / f"home-{case[:8]}-{n}"
        command = [*BRIEFING, "make", *map(str, inputs), "-o", str(out), "-n", str(sentences),
                   "--date", DATE, *extra]
        took = run(command, environment(home))
        options = options or output_options(out)
        base = baseline(text_file, options, workdir)
        times.append(took)
        bases.append(base)
        ratios.append(took / base)
    ratio = statistics.median(ratios)
    return Row(case, "seconds", statistics.median(times), statistics.median(bases), ratio,
               f"≤ {limit}× baseline", ratio <= limit, runs)


def piper_rows(inputs: Sequence[Path], runs: int, workdir: Path) -> list[Row]:
    """1 vs 2 workers, cold; then a warm-cache run after each cold one."""
    one, two, warm, speedups, warm_ratios = [], [], [], [], []
    out = workdir / "piper.mp3"
    for n in range(runs):
        base = [*BRIEFING, "make", *map(str, inputs), "-o", str(out), "--voice", "neural",
                "--date", DATE]
        cold_one = run([*base, "--workers", "1"], environment(workdir / f"p1-{n}"))
        home = workdir / f"p2-{n}"
        cold_two = run([*base, "--workers", "2"], environment(home))
        warm_two = run([*base, "--workers", "2"], environment(home))
        one.append(cold_one)
        two.append(cold_two)
        warm.append(warm_two)
        speedups.append(cold_one / cold_two)
        warm_ratios.append(warm_two / cold_two)
    speedup, warm_ratio = statistics.median(speedups), statistics.median(warm_ratios)
    return [
        Row("20 stories, piper, 1 worker (cold)", "seconds", statistics.median(one), None, None,
            "", None, runs),
        Row("20 stories, piper, 2 workers (cold)", "speed-up vs 1 worker",
            statistics.median(two), statistics.median(one), speedup, "≥ 1.6×", speedup >= 1.6,
            runs),
        Row("20 stories, piper, warm cache", "× the cold run", statistics.median(warm),
            statistics.median(two), warm_ratio, "≤ 0.1×", warm_ratio <= 0.1, runs),
    ]


def peak_rss_row(stories: Sequence[Path], workdir: Path) -> Row:
    """Peak RSS of the largest process making a 60-minute briefing (and of the whole tree)."""
    text = script_text(stories, 20)
    out, log = workdir / "long.mp3", workdir / "long.log"
    command = [*BRIEFING, "make", *map(str, stories), "-o", str(out), "-n", "20",
               "--date", DATE]
    with log.open("wb") as stderr:
        process = subprocess.Popen(command, env=environment(workdir / "long-home"),
                                   stdout=subprocess.DEVNULL, stderr=stderr)
        tree_peak_kb = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            tree_peak_kb = max(tree_peak_kb, _tree_rss(process.pid))
            time.sleep(0.05)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"the 60-minute briefing failed: {log.read_text()[-2000:]}")
    peak_mb = usage.ru_maxrss / 1024  # the largest single process of the tree (Linux: kB)
    duration = float(subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
         str(out)], check=True, capture_output=True, text=True).stdout)
    words = len(text.split())
    return Row(f"peak RSS, {duration / 60:.1f}-minute briefing ({words} words, pyttsx3)",
               f"MB, largest process (whole tree at once: {tree_peak_kb / 1024:.0f} MB)",
               peak_mb, None, None, "≤ 250 MB", peak_mb <= 250, 1)


def _tree_rss(pid: int) -> int:
    """Sum of VmRSS (kB) over `pid` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parent = int(fields.get("PPid", "0").strip())
        children.setdefault(parent, []).append(int(entry.name))
        rss[int(entry.name)] = int(fields.get("VmRSS", "0 kB").split()[0] or 0)
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack.extend(children.get(current, []))
    return total


def startup_row(runs: int) -> Row:
    executable = Path(sys.executable).parent / "briefing"
    command = [str(executable)] if executable.exists() else [*BRIEFING]
    times = [run([*command, "--version"]) for _ in range(max(runs, 5))]
    python = statistics.median(run([sys.executable, "-c", "pass"]) for _ in range(max(runs, 5)))
    median = statistics.median(times)
    return Row("`briefing --version` start-up", "seconds", median, python, median / python,
               "< 0.3 s (baseline: bare python)", median < 0.3, len(times))


def piper_rtf_row(runs: int) -> Row:
    """Seconds of compute per second of speech, one worker with every core, model loaded."""
    from briefing.tts import PiperEngine, VoiceSettings, voice_one

    text = " ".join(SEED.read_text(encoding="utf-8").split()[:500])
    engine = PiperEngine()
    factors = []
    with tempfile.TemporaryDirectory() as folder:
        voice_one("Warming up.", Path(folder) / "w.wav", engine, VoiceSettings(rate_wpm=165))
        for n in range(runs):
            start = time.perf_counter()
            seconds = voice_one(text, Path(folder) / f"{n}.wav", engine,
                                VoiceSettings(rate_wpm=165))
            factors.append((time.perf_counter() - start) / seconds)
    engine.close()
    return Row(f"piper real-time factor (500 words, {os.cpu_count()} threads)", "RTF",
               statistics.median(factors), None, None, "reported", None, runs)


def bbc_stories(folder: Path, count: int) -> list[Path]:
    paths = []
    with BBC.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n >= count:
                break
            path = folder / f"bbc-{n:03d}.txt"
            path.write_text(json.loads(line)["article"], encoding="utf-8")
            paths.append(path)
    return paths


def long_stories(folder: Path) -> list[Path]:
    """Enough BBC stories, 20 sentences each, for about 60 minutes of speech."""
    every = bbc_stories(folder, 300)
    chosen: list[Path] = []
    words = 0
    for path in every:
        chosen.append(path)
        words += len(path.read_text(encoding="utf-8").split())
        if words >= LONG_WORDS * 1.1:
            break
    return chosen


def table(rows: Sequence[Row]) -> str:
    lines = ["| case | measure | median | baseline | ratio | target | pass |",
             "| --- | --- | ---: | ---: | ---: | --- | --- |"]
    for row in rows:
        base = f"{row.baseline:.3f}" if row.baseline is not None else ""
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else ""
        passed = "" if row.passed is None else ("yes" if row.passed else "NO")
        lines.append(f"| {row.case} | {row.measure} | {row.value:.3f} | {base} | {ratio} | "
                     f"{row.target} | {passed} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per case (median reported)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--skip-long", action="store_true", help="skip the 60-minute briefing")
    parser.add_argument("--skip-piper", action="store_true", help="skip the piper cases")
    args = parser.parse_args(argv)
    require(SEED, BBC)
    rows: list[Row] = []
    steps: list[Callable[[Path], list[Row]]] = [
        lambda w: [startup_row(args.runs)],
        lambda w: [against_baseline("seed article → MP3, pyttsx3, whole command", [SEED],
                                    args.runs, w)],
        lambda w: [against_baseline("20 BBC stories → MP3, pyttsx3, cold cache",
                                    bbc_stories(w, 20), args.runs, w)],
    ]
    if not args.skip_piper:
        steps.append(lambda w: piper_rows(bbc_stories(w, 20), args.runs, w))
        steps.append(lambda w: [piper_rtf_row(args.runs)])
    if not args.skip_long:
        steps.append(lambda w: [peak_rss_row(long_stories(w), w)])
    for step in steps:
        with tempfile.TemporaryDirectory(prefix="briefing-bench-") as folder:
            rows.extend(step(Path(folder)))
        print(f"… {rows[-1].case}: {rows[-1].value:.3f}", file=sys.stderr)
    if args.json:
        print(json.dumps([asdict(row) for row in rows], indent=2, ensure_ascii=False))
    else:
        print(table(rows))
    return 0 if all(row.passed is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
