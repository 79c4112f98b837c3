"""Throughput of `briefing batch` on Dask against `briefing make` run once per job.

50 briefings drawn from 200 BBC stories (../shared/eval/bbc_dev.jsonl): job i reads its own
four stories (4i … 4i+3, so every story is used) plus one of ten "top stories" that many
briefings share. The baseline runs `briefing make` for each job, one after another, with one
user cache (as a person would). The batch runs the same jobs with `run_batch` on a local Dask
cluster of 1 and of 2 worker processes, each with an empty segment cache, timed from cluster
start to the last file written. Reported: wall time, briefings per minute, the speed-up over
the baseline, and how often stories and segments were voiced.

    python benchmarks/batch.py                   # table
    python benchmarks/batch.py --json            # the same numbers as JSON
    python benchmarks/batch.py --baseline-jobs 10 --workers 1 2   # quicker: make on 10 jobs
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from corpora import EVAL, require

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = EVAL / "bbc_dev.jsonl"
DATE = dt.date(2026, 11, 25)


@dataclass(frozen=True)
class Row:
    mode: str
    jobs: int
    wall_s: float
    briefings_per_min: float
    median_job_s: float | None
    speedup: float | None
    stories_voiced: int | None
    segments_synthesised: int | None
    cache_hits: int | None
    failed: int


def write_stories(data: Path, count: int, folder: Path) -> list[Path]:
    paths: list[Path] = []
    with data.open(encoding="utf-8") as handle:
        for line in handle:
            if len(paths) == count:
                break
            if line.strip():
                path = folder / f"story-{len(paths):03d}.txt"
                path.write_text(json.loads(line)["article"], encoding="utf-8")
                paths.append(path)
    if len(paths) < count:
        sys.exit(f"batch.py: {data} has only {len(paths)} stories, {count} needed.")
    return paths


def plan_jobs(stories: list[Path], jobs: int, own: int, top: int, seed: int) -> list[list[Path]]:
    """Each job: `own` stories of its own, then one of the first `top` stories (shared)."""
    rng = random.Random(seed)
    plans: list[list[Path]] = []
    for index in range(jobs):
        mine = stories[index * own : (index + 1) * own]
        shared = stories[rng.randrange(top)]
        plans.append(mine if shared in mine else [shared, *mine])
    return plans


def run_baseline(plans: list[list[Path]], out: Path, sentences: int) -> Row:
    """`briefing make` per job, one after another, sharing one user folder (and its cache)."""
    env = {**os.environ, "BRIEFING_HOME": str(out / "home")}
    times: list[float] = []
    failed = 0
    started = time.perf_counter()
    for index, inputs in enumerate(plans):
        command = [
            sys.executable,
            "-m",
            "briefing",
            "make",
            *map(str, inputs),
            "-n",
            str(sentences),
            "--date",
            DATE.isoformat(),
            "-o",
            str(out / f"job-{index}.mp3"),
        ]
        job_started = time.perf_counter()
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - job_started)
        if result.returncode != 0:
            failed += 1
            print(
                f"batch.py: make failed for job {index}: {result.stderr.strip()}", file=sys.stderr
            )
    wall = time.perf_counter() - started
    return Row(
        "briefing make, one job after another",
        len(plans),
        wall,
        60.0 * len(plans) / wall,
        statistics.median(times),
        None,
        None,
        None,
        None,
        failed,
    )


def run_dask(plans: list[list[Path]], out: Path, sentences: int, workers: int) -> Row:
    from briefing.distributed import Job, run_batch

    jobs = [
        Job(
            id=f"job-{i}",
            inputs=tuple(map(str, p)),
            output=out / f"job-{i}.mp3",
            sentences=sentences,
            date=DATE,
        )
        for i, p in enumerate(plans)
    ]
    started = time.perf_counter()
    report = run_batch(jobs, workers=workers, cache_dir=out / "cache")
    wall = time.perf_counter() - started
    for outcome in report.failed:
        print(f"batch.py: {outcome.job_id} failed: {outcome.error}", file=sys.stderr)
    p = report.progress
    return Row(
        f"briefing batch, {workers} worker{'s' if workers > 1 else ''}",
        len(jobs),
        wall,
        60.0 * len(jobs) / wall,
        None,
        None,
        p.stories_voiced,
        p.segments_voiced,
        p.cache_hits,
        len(report.failed),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--jobs", type=int, default=50)
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--top", type=int, default=10, help="shared 'top stories' pool")
    parser.add_argument("--sentences", type=int, default=2)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--baseline-jobs",
        type=int,
        default=None,
        help="run `make` on only the first N jobs (throughput from those)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    require(args.data, option="--data FILE")

    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        root = Path(tmp)
        (root / "stories").mkdir()
        stories = write_stories(args.data, args.stories, root / "stories")
        own = max(1, args.stories // args.jobs)
        plans = plan_jobs(stories, args.jobs, own, args.top, args.seed)
        distinct = len({p for plan in plans for p in plan})
        rows: list[Row] = []
        base_dir = root / "make"
        base_dir.mkdir()
        baseline = run_baseline(plans[: args.baseline_jobs or len(plans)], base_dir, args.sentences)
        rows.append(baseline)
        for workers in args.workers:
            folder = root / f"dask-{workers}"
            folder.mkdir()
            row = run_dask(plans, folder, args.sentences, workers)
            speedup = row.briefings_per_min / baseline.briefings_per_min
            rows.append(Row(**{**asdict(row), "speedup": speedup}))

    meta = {
        "jobs": args.jobs,
        "stories_distinct": distinct,
        "story_slots": sum(len(p) for p in plans),
        "sentences": args.sentences,
        "cpus": os.cpu_count(),
        "load_avg_1m_at_end": os.getloadavg()[0],
    }
    if args.json:
        print(json.dumps({"setup": meta, "rows": [asdict(r) for r in rows]}, indent=2))
        return
    print(
        f"{args.jobs} briefings, {meta['story_slots']} story slots over {distinct} distinct "
        f"stories, {args.sentences} sentences each; {meta['cpus']} CPUs "
        f"(load {meta['load_avg_1m_at_end']:.1f} at the end)\n"
    )
    header = (
        "| mode | jobs | wall s | briefings/min | median s/job | vs make | stories voiced "
        "| segments synthesised | cache hits | failed |"
    )
    print(header)
    print("|" + "---|" * 10)
    for r in rows:
        print(
            f"| {r.mode} | {r.jobs} | {r.wall_s:.1f} | {r.briefings_per_min:.1f} | "
            f"{_opt(r.median_job_s, '.2f')} | {_opt(r.speedup, '.2f', 'x')} | "
            f"{_opt(r.stories_voiced)} | {_opt(r.segments_synthesised)} | "
            f"{_opt(r.cache_hits)} | {r.failed} |"
        )


def _opt(value: float | int | None, spec: str = "", suffix: str = "") -> str:
    return "–" if value is None else f"{value:{spec}}{suffix}"


if __name__ == "__main__":
    main()
