"""Stories already voiced, by date, so tomorrow's episode does not repeat today's news."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from briefing.daily.state_file import read_mapping, write_mapping
from briefing.paths import state_dir

KEEP_DAYS = 60
"""Older entries are forgotten: news that old will not come round again."""


class History:
    """`{story key: [dates of the episodes that voiced it]}` in one JSON file in the state folder.

    Dates, not one date: an episode remade for an earlier day (`--date`) must neither count a
    later episode's stories as heard nor make today's episode forget it voiced them.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or state_dir() / "voiced.json"
        self.voiced: dict[str, set[str]] = {}
        for key, dates in read_mapping(self.path).items():
            listed = [dates] if isinstance(dates, str) else dates  # one date: older files
            if isinstance(listed, list):
                self.voiced[key] = {str(d) for d in listed}

    def heard_before(self, keys: Iterable[str], date: dt.date) -> bool:
        """True when any key was voiced in an episode of an earlier date than `date`."""
        day = date.isoformat()
        return any(d < day for key in keys for d in self.voiced.get(key, ()))

    def record(self, keys: Iterable[str], date: dt.date) -> None:
        """Make `keys` the stories of `date` (a re-run replaces that date's list) and save."""
        day = date.isoformat()
        horizon = (date - dt.timedelta(days=KEEP_DAYS)).isoformat()
        kept: dict[str, set[str]] = {}
        for key, dates in self.voiced.items():
            others = {d for d in dates if d != day and d >= horizon}
            if others:
                kept[key] = others
        for key in keys:
            kept.setdefault(key, set()).add(day)
        self.voiced = kept
        write_mapping(self.path, {key: sorted(dates) for key, dates in kept.items()})
