"""Assembly and export of long programmes: time and peak memory, against pydub's `+=`.

For 10, 30 and 60 minutes of speech-like audio (tones with silent edges, as TTS writes them,
at 22.05 kHz), each run happens in a fresh Python process so that its peak RSS is its own:

- briefing: `assemble_for` (trim, pause, one growing buffer) then `render_briefing` (two
  loudness measurements and one mastering + MP3 encode in ffmpeg, tags, chapters, side files);
- baseline: the naive way, `programme += segment` with pydub, then pydub's own MP3 export
  (no mastering: the baseline's export does less work).

    python benchmarks/assembly.py                     # 10, 30, 60 minutes, one run each
    python benchmarks/assembly.py --minutes 5 10 --repeat 3

Times are medians over `--repeat` fresh processes; "peak RSS" is the Python process's
(ru_maxrss); ffmpeg runs in child processes and is not counted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

TONE_SECONDS = (4.0, 5.5, 7.0, 6.0, 4.5, 8.0, 5.0, 6.5)
"""Lengths of the distinct "sentences" the programme cycles through."""


def make_tones(folder: Path) -> list[Path]:
    """One WAV per tone length, with 0.2 s of silence at each edge, made by ffmpeg."""
    paths = []
    for index, seconds in enumerate(TONE_SECONDS):
        path = folder / f"tone-{index}.wav"
        subprocess.run(
            ["ffmpeg", "-v", "error", "-f", "lavfi", "-i",
             f"sine=f={200 + 20 * index}:d={seconds}:sample_rate=22050",
             "-af", "volume=-12dB,adelay=200,apad=pad_dur=0.2", "-ac", "1", "-y", str(path)],
            check=True,
        )
        paths.append(path)
    return paths


def programme_inputs(tones: Sequence[Path], minutes: float) -> tuple[list[Any], Any]:
    """Voiced segments (stories of a headline and four sentences) filling `minutes`."""
    from briefing.models import (
        Article,
        Script,
        ScriptSegment,
        SegmentKind,
        Summary,
        VoicedSegment,
    )

    voiced = [VoicedSegment(ScriptSegment(SegmentKind.INTRO, "Good morning."), tones[0])]
    total, story, summaries = 0.0, 0, []
    while total < minutes * 60:
        summaries.append(Summary(Article("x", title=f"Story {story}"), ("One.",)))
        kinds = [SegmentKind.HEADLINE] + [SegmentKind.BODY] * 4
        if story:
            kinds.insert(0, SegmentKind.TRANSITION)
        for kind in kinds:
            index = len(voiced) % len(tones)
            voiced.append(VoicedSegment(ScriptSegment(kind, "Text.", story=story), tones[index]))
            total += TONE_SECONDS[index] + 0.55  # the mean pause after a segment
        story += 1
    voiced.append(VoicedSegment(ScriptSegment(SegmentKind.OUTRO, "Goodbye."), tones[1]))
    script = Script(dt.date(2026, 11, 25), tuple(v.segment for v in voiced), tuple(summaries))
    return voiced, script


def run_briefing(voiced: list[Any], script: Any, out: Path) -> tuple[float, float, float]:
    from briefing.audio import AudioOptions, assemble_for, render_briefing

    options = AudioOptions()
    started = time.perf_counter()
    programme = assemble_for(voiced, options)
    assembled = time.perf_counter()
    render_briefing(programme, script, out, options)
    return assembled - started, time.perf_counter() - assembled, programme.duration_s


def run_baseline(voiced: list[Any], out: Path) -> tuple[float, float, float]:
    from pydub import AudioSegment

    from briefing.audio import trim_silence
    from briefing.audio.pauses import PausePlan, pause_after

    segments = [item.segment for item in voiced]
    started = time.perf_counter()
    programme = AudioSegment.empty()
    for index, item in enumerate(voiced):
        programme += trim_silence(AudioSegment.from_wav(str(item.wav_path)))
        programme += AudioSegment.silent(pause_after(segments, index, PausePlan()), 22050)
    assembled = time.perf_counter()
    programme.export(str(out), format="mp3", bitrate="64k", parameters=["-ar", "44100"])
    return assembled - started, time.perf_counter() - assembled, len(programme) / 1000


def child(mode: str, minutes: float, tone_dir: Path) -> None:
    """Measure one run in this (fresh) process and print it as JSON."""
    tones = sorted(tone_dir.glob("tone-*.wav"), key=lambda p: int(p.stem.split("-")[1]))
    voiced, script = programme_inputs(tones, minutes)
    with tempfile.TemporaryDirectory() as out_dir:
        out = Path(out_dir) / "episode.mp3"
        if mode == "briefing":
            assemble_s, export_s, duration_s = run_briefing(voiced, script, out)
        else:
            assemble_s, export_s, duration_s = run_baseline(voiced, out)
    print(json.dumps({
        "assemble_s": assemble_s,
        "export_s": export_s,
        "duration_min": duration_s / 60,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def measure(mode: str, minutes: float, tone_dir: Path, repeat: int) -> dict[str, float]:
    runs = []
    for _ in range(repeat):
        result = subprocess.run(
            [sys.executable, __file__, "--child", mode, "--minutes", str(minutes),
             "--tones", str(tone_dir)],
            capture_output=True, text=True, check=True,
        )
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, nargs="+", default=[10, 30, 60])
    parser.add_argument("--repeat", type=int, default=1, help="fresh processes per cell")
    parser.add_argument("--child", choices=["briefing", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--tones", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.minutes[0], args.tones)
        return 0
    with tempfile.TemporaryDirectory() as tone_dir:
        make_tones(Path(tone_dir))
        rows = [
            (minutes, mode, measure(mode, minutes, Path(tone_dir), args.repeat))
            for minutes in args.minutes
            for mode in ("briefing", "baseline")
        ]
    print(table(rows, args.repeat))
    return 0


def table(rows: Sequence[tuple[float, str, dict[str, float]]], repeat: int) -> str:
    lines = [
        f"| speech | method (median of {repeat}) | assemble s | export s | total s "
        "| total s per min | peak RSS MB |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for _minutes, mode, m in rows:
        total = m["assemble_s"] + m["export_s"]
        lines.append(
            f"| {m['duration_min']:.1f} min | {mode} | {m['assemble_s']:.2f} | "
            f"{m['export_s']:.2f} | {total:.2f} | {total / m['duration_min']:.2f} | "
            f"{m['peak_rss_mb']:.0f} |"
        )
    lines += ["", "| speech | assemble s per min (briefing) | assemble: baseline / briefing "
              "| peak RSS: baseline / briefing |", "| ---: | ---: | ---: | ---: |"]
    by_size: dict[float, dict[str, dict[str, float]]] = {}
    for minutes, mode, m in rows:
        by_size.setdefault(minutes, {})[mode] = m
    for modes in by_size.values():
        ours, base = modes["briefing"], modes["baseline"]
        lines.append(
            f"| {ours['duration_min']:.1f} min | {ours['assemble_s'] / ours['duration_min']:.3f} "
            f"| {base['assemble_s'] / ours['assemble_s']:.1f}× "
            f"| {base['peak_rss_mb'] / ours['peak_rss_mb']:.2f}× |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
