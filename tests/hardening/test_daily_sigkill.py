"""`briefing daily` killed with SIGKILL at random moments, 20 times, as a real process.

After every kill: `feed.xml` parses and points only at complete files of the stated length,
the episode list parses, and every visible audio file decodes. After all of them, the next run
succeeds. Two output folders are killed in parallel (one per core) to keep the test short.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from audio_probe import duration_s
from hardening.daily_setup import check_feed, write_daily_config

RUNNER = Path(__file__).resolve().parent / "run_cli.py"
KILLS = 20
LANES = 2
SEED = 8
START = dt.date(2026, 3, 1)


@dataclass
class Lane:
    folder: Path
    voice: str
    seed: int
    kills: int = 0
    runs: int = 0
    moments: list[float] = field(default_factory=list)
    """When each kill came, as a fraction of a whole run (0: at start-up, 1: at its end)."""

    @property
    def out(self) -> Path:
        return self.folder / "out"

    def run(
        self, edition: int, kill_after: float | None, fraction: float = 0.0
    ) -> int | None:
        """One `briefing daily`; SIGKILL it after `kill_after` s if still running. None: killed."""
        config = write_daily_config(self.folder, self.out, self.voice, 0.5, edition=edition)
        date = (START + dt.timedelta(days=edition)).isoformat()
        env = {**os.environ, "BRIEFING_HOME": str(self.folder / "home")}
        command = [sys.executable, str(RUNNER), "daily", "--config", str(config), "--date", date]
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        self.runs += 1
        if kill_after is None:
            _, stderr = process.communicate(timeout=120)
            assert process.returncode == 0, stderr.decode()
            return 0
        try:
            process.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            self.kills += 1
            self.moments.append(fraction)
            return None
        process.communicate()
        return process.returncode


def _check(out: Path) -> None:
    check_feed(out)
    manifest = out / "episodes.json"
    if manifest.exists():
        json.loads(manifest.read_text(encoding="utf-8"))
    for audio in (out / "episodes").glob("*.mp3") if (out / "episodes").is_dir() else ():
        assert duration_s(audio) > 5, f"an incomplete file at a final path: {audio}"


def _kill_repeatedly(lane: Lane, want: int) -> Lane:
    rng = random.Random(lane.seed)
    started = time.monotonic()
    assert lane.run(edition=0, kill_after=None) == 0
    full = time.monotonic() - started  # how long a whole run takes here
    edition = 1
    while lane.kills < want and edition < 4 * want:
        fraction = rng.random()
        code = lane.run(edition, kill_after=0.2 + fraction * (full - 0.2), fraction=fraction)
        assert code in (None, 0), f"run {edition} failed with {code}"
        _check(lane.out)
        edition += 1
    assert lane.run(edition, kill_after=None) == 0  # the next run succeeds
    feed = check_feed(lane.out)
    latest = (START + dt.timedelta(days=edition)).isoformat()
    assert any(latest in path.name for path in feed), feed
    return lane


def test_daily_survives_sigkill_at_random_moments(tmp_path: Path, fake_voice: str) -> None:
    lanes = [Lane(tmp_path / f"lane{i}", fake_voice, SEED + i) for i in range(LANES)]
    with ThreadPoolExecutor(LANES) as pool:
        done = list(pool.map(lambda lane: _kill_repeatedly(lane, KILLS // LANES), lanes))
    assert sum(lane.kills for lane in done) >= KILLS
    moments = sorted(m for lane in done for m in lane.moments)
    # early (start-up, voicing) and late (render, publish): relative to a whole run, because a
    # quiet machine finishes a run sooner than a loaded one
    assert moments[0] < 0.2 and moments[-1] > 0.6, moments
