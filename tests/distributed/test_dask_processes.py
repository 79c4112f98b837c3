"""`dask scheduler` and two `dask worker` processes, started as a user would, on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import os
import signal
from pathlib import Path
from typing import Any

from audio_probe import duration_s, ffprobe
from typer.testing import CliRunner

from briefing.cli import app
from briefing.distributed import BatchProgress, load_manifest, run_batch

DATE = dt.date(2026, 11, 25)
runner = CliRunner()


def test_cli_batch_on_a_scheduler(
    dask_processes: Any, stories: list[Path], fake_voice: str, write_manifest: Any, tmp_path: Path
) -> None:
    jobs = [
        {"inputs": stories[0:3], "output": tmp_path / "a.mp3", "voice": fake_voice, "sentences": 1},
        {"inputs": stories[2:5], "output": tmp_path / "b.mp3", "voice": fake_voice, "sentences": 1},
        {"inputs": stories[4:6], "output": tmp_path / "c.mp3", "voice": fake_voice, "sentences": 1},
    ]
    manifest = write_manifest(tmp_path / "jobs.toml", jobs)
    result = runner.invoke(
        app,
        [
            "batch",
            str(manifest),
            "--scheduler",
            dask_processes.address,
            "--cache",
            str(tmp_path / "cache"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Made 3 of 3 briefings in ")
    assert "on 2 workers: 6 stories voiced once," in result.output
    for name, stories_in in (("a", 3), ("b", 3), ("c", 2)):
        path = tmp_path / f"{name}.mp3"
        assert ffprobe(path)["format"]["format_name"] == "mp3"
        assert 5 * stories_in <= duration_s(path) <= 30 * stories_in


def test_a_worker_killed_mid_batch_leaves_every_job_done_and_no_partial_file(
    dask_processes: Any, stories: list[Path], slow_voice: str, write_manifest: Any, tmp_path: Path
) -> None:
    from distributed import Client

    out = tmp_path / "out"
    out.mkdir()
    jobs = [
        {
            "inputs": [stories[i], stories[(i + 1) % 4]],
            "output": out / f"job-{i}.mp3",
            "voice": slow_voice,
            "sentences": 2,
        }
        for i in range(4)
    ]
    manifest = load_manifest(write_manifest(tmp_path / "jobs.toml", jobs))
    stale = out / ".job-0.mp3.x1y2z3.part"
    stale.write_bytes(b"ID3 half an mp3 from an export whose worker was killed")
    victim = dask_processes.workers[0]
    killed_at: list[BatchProgress] = []

    def kill_once(progress: BatchProgress) -> None:
        if not killed_at and progress.stories_voiced >= 2:
            os.kill(victim.pid, signal.SIGKILL)
            killed_at.append(progress)

    with Client(dask_processes.address) as client:
        report = run_batch(
            manifest.jobs,
            client=client,
            cache_dir=tmp_path / "cache",
            date=DATE,
            on_progress=kill_once,
        )
        survivors = len(client.scheduler_info()["workers"])

    assert killed_at and killed_at[0].jobs_done < len(jobs), "the kill came after the batch"
    assert victim.wait(10) == -signal.SIGKILL
    assert survivors == 1
    assert report.failed == () and report.exit_code == 0
    assert report.progress.jobs_done == 4 and report.progress.stories_voiced == 4
    by_victim = [o for o in report.outcomes if o.worker_pids == (victim.pid,)]
    assert len(by_victim) <= killed_at[0].jobs_done, "the killed worker made a briefing after"
    assert sorted(p.name for p in out.glob("*.mp3")) == [f"job-{i}.mp3" for i in range(4)]
    assert not list(out.glob(".*")), "a partial file was left beside the outputs"
    for outcome in report.outcomes:
        assert abs(duration_s(outcome.output) - outcome.duration_s) < 0.2
    assert not [p for p in (tmp_path / "cache").rglob("*") if p.name.startswith(".")]
