"""The one place that reads the wall clock; everything else is handed a `Clock`.

A briefing is made *for* a date: which stories are fresh, which greeting is said and which
date the feed gives all follow from that date and the time of day, never from whenever the
code happens to run. The CLI passes `system_clock`; tests pass `fixed_clock(...)`.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

Clock = Callable[[], dt.datetime]
"""Returns the current time, timezone-aware (local time for the real clock)."""

MORNING = dt.time(6, 0)
"""When a briefing for another day is taken to be made: the morning of that day."""


def system_clock() -> dt.datetime:
    """The real local time: read only at the edge (the CLI, or a caller passing no clock)."""
    return dt.datetime.now().astimezone()


def resolve(clock: Clock | None) -> Clock:
    """`clock`, or the real one when the caller gave none (looked up now, so tests can patch it)."""
    return clock if clock is not None else system_clock


def fixed_clock(moment: dt.datetime) -> Clock:
    """A clock that always says `moment` (naive moments are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return lambda: moment


def briefing_moment(date: dt.date, now: dt.datetime) -> dt.datetime:
    """The time a run for `date` stands at: `now` on that day, else 06:00 (now's zone) on it.

    `briefing daily --date D` then chooses stories as a run on the morning of D would.
    """
    if now.date() == date:
        return now
    return dt.datetime.combine(date, MORNING, tzinfo=now.tzinfo or dt.UTC)


def file_clock(folder: Path) -> float:
    """The time as the filesystem in `folder` has it now, to compare with files' mtimes.

    A file's age is its mtime against this, one clock on both sides: the process's own clock
    may differ from the one that stamps files (a shifted test clock, a network filesystem).
    Falls back to the process clock when the folder cannot be written.
    """
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".briefing-clock-") as probe:
            return os.fstat(probe.fileno()).st_mtime
    except OSError:
        return time.time()
