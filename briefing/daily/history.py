"""Stories already voiced, by date, so tomorrow's episode does not repeat today's news."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from pathlib import Path

from briefing.paths import state_dir

KEEP_DAYS = 60
"""Older entries are forgotten: news that old will not come round again."""


class History:
    """`{story key: date voiced}` in one JSON file in the state folder."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or state_dir() / "voiced.json"
        self.voiced: dict[str, str] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                self.voiced = {str(k): str(v) for k, v in data.items()}
        except (OSError, ValueError):
            self.voiced = {}

    def heard_before(self, keys: Iterable[str], date: dt.date) -> bool:
        """True when any key was voiced in an episode of another date."""
        return any(self.voiced.get(key, date.isoformat()) != date.isoformat() for key in keys)

    def record(self, keys: Iterable[str], date: dt.date) -> None:
        """Make `keys` the stories of `date` (a re-run replaces that date's list) and save."""
        day = date.isoformat()
        horizon = (date - dt.timedelta(days=KEEP_DAYS)).isoformat()
        kept = {k: d for k, d in self.voiced.items() if d != day and d >= horizon}
        kept.update({key: day for key in keys})
        self.voiced = kept
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.part")
        tmp.write_text(json.dumps(self.voiced, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)
