"""When each story was first seen, so an undated story ages like a dated one.

A page with no date is fresh the first morning it turns up and a day older each morning after,
instead of "one day old" for ever. Times are the briefing moments of the runs that saw it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from briefing.daily.state_file import read_mapping, write_mapping
from briefing.paths import state_dir

KEEP_DAYS = 60
"""Older sightings are forgotten (the ranking counts age up to a week only)."""


class Sightings:
    """`{story key: ISO time first seen}` in one JSON file in the state folder."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or state_dir() / "first_seen.json"
        self.first_seen: dict[str, dt.datetime] = {}
        for key, value in read_mapping(self.path).items():
            when = _parse(value)
            if when is not None:
                self.first_seen[key] = when

    def see(self, keys: Iterable[str], moment: dt.datetime) -> dict[str, dt.datetime]:
        """Record `keys` as seen at `moment` unless seen before; return when each was first seen."""
        return {key: self.first_seen.setdefault(key, moment) for key in keys}

    def save(self, moment: dt.datetime) -> None:
        """Write the file atomically, dropping sightings more than KEEP_DAYS before `moment`."""
        horizon = moment - dt.timedelta(days=KEEP_DAYS)
        kept = {k: v for k, v in self.first_seen.items() if v >= horizon}
        write_mapping(self.path, {k: v.isoformat() for k, v in kept.items()})


def _parse(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)
