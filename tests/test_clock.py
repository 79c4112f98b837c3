"""The clock is read at the edge only: the daily tests pass a year before and after today."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

from briefing.clock import briefing_moment, fixed_clock

SHIFTED_SUITES = ("tests/daily/test_daily.py", "tests/daily/test_dates.py")
"""Tests that make episodes for fixed dates from dated fixtures: where a stray clock shows."""


def test_a_run_for_today_stands_at_now_and_another_day_at_its_morning() -> None:
    now = dt.datetime(2026, 12, 1, 21, 15, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert briefing_moment(now.date(), now) == now
    assert briefing_moment(dt.date(2026, 11, 25), now) == dt.datetime(
        2026, 11, 25, 6, 0, tzinfo=now.tzinfo
    )


def test_a_fixed_clock_is_timezone_aware() -> None:
    assert fixed_clock(dt.datetime(2026, 11, 25, 7, 30))().tzinfo == dt.UTC


def test_daily_tests_pass_a_year_from_now_and_a_year_ago(tmp_path: Path) -> None:
    """Under libfaketime the whole process (Python, ffmpeg) believes the shifted date."""
    faketime = shutil.which("faketime")
    assert faketime, "faketime is missing: ./install.sh --dev installs it"
    for shift in ("+365d", "-365d"):  # one after the other: at once, the load made the
        # fixture server's 3 s timeouts fire now and then
        command = [
            faketime, "-f", shift, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
            f"--basetemp={tmp_path / shift}", *SHIFTED_SUITES,
        ]  # fmt: skip
        run = subprocess.run(
            command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, timeout=600,
        )  # fmt: skip
        assert run.returncode == 0, f"as if today were {shift} away:\n{run.stdout[-3000:]}"
        assert " passed" in run.stdout and "failed" not in run.stdout, run.stdout[-3000:]
