"""Already heard means heard in an earlier episode, whatever order episodes are made in."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from briefing.daily.history import KEEP_DAYS, History

MON, TUE, WED = dt.date(2026, 11, 23), dt.date(2026, 11, 24), dt.date(2026, 11, 25)


def test_a_story_is_heard_only_after_the_episode_that_voiced_it(tmp_path: Path) -> None:
    path = tmp_path / "voiced.json"
    History(path).record(["ferry"], TUE)
    history = History(path)
    assert history.heard_before(["ferry"], WED)
    assert not history.heard_before(["ferry"], TUE)  # a re-run of the same day
    assert not history.heard_before(["ferry"], MON)  # Monday's episode, remade later


def test_remaking_an_earlier_day_keeps_the_later_episodes_record(tmp_path: Path) -> None:
    path = tmp_path / "voiced.json"
    History(path).record(["ferry"], WED)
    History(path).record(["ferry"], MON)  # Monday remade with the same story
    history = History(path)
    assert history.heard_before(["ferry"], TUE)
    assert history.voiced == {"ferry": {MON.isoformat(), WED.isoformat()}}
    assert history.heard_before(["ferry"], WED)  # Monday's episode now told it first
    History(path).record([], WED)  # Wednesday re-run without it: only Monday's remains
    assert History(path).voiced == {"ferry": {MON.isoformat()}}


def test_old_entries_are_forgotten_and_old_files_still_read(tmp_path: Path) -> None:
    path = tmp_path / "voiced.json"
    path.write_text(json.dumps({"ferry": MON.isoformat(), "broken": 3}), encoding="utf-8")
    assert History(path).voiced == {"ferry": {MON.isoformat()}}  # one date per key: older format
    History(path).record(["pier"], MON + dt.timedelta(days=KEEP_DAYS + 1))
    assert set(History(path).voiced) == {"pier"}
