"""An undated story ages from when it was first seen, not "one day old" for ever."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing.daily.collect import Candidate
from briefing.daily.rank import rank
from briefing.daily.sightings import KEEP_DAYS, Sightings
from briefing.models import Article

MONDAY = dt.datetime(2026, 11, 23, 6, 0, tzinfo=dt.UTC)


def _candidate(key: str, source_index: int, published: dt.datetime | None) -> Candidate:
    article = Article(
        text="Some words about it.", title=key, origin=key, published=published
    )
    return Candidate(article=article, source_index=source_index, position=0, key=key)


def test_first_sighting_is_kept_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "first_seen.json"
    first = Sightings(path)
    assert first.see(["page"], MONDAY) == {"page": MONDAY}
    first.save(MONDAY)
    later = MONDAY + dt.timedelta(days=2)
    assert Sightings(path).see(["page", "new"], later) == {"page": MONDAY, "new": later}


def test_old_sightings_are_forgotten_and_a_damaged_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "first_seen.json"
    store = Sightings(path)
    store.see(["old"], MONDAY - dt.timedelta(days=KEEP_DAYS + 1))
    store.see(["recent"], MONDAY)
    store.save(MONDAY)
    assert set(Sightings(path).first_seen) == {"recent"}
    path.write_text("{not json", encoding="utf-8")
    assert Sightings(path).first_seen == {}


def test_an_undated_page_loses_to_a_fresh_dated_story_days_after_it_was_seen() -> None:
    undated = _candidate("undated-page", source_index=0, published=None)
    dated = _candidate("dated-item", source_index=1, published=MONDAY - dt.timedelta(hours=2))
    first_seen = {"undated-page": MONDAY}
    # Monday: both fresh; the first source leads.
    assert rank([dated, undated], [], MONDAY, first_seen)[0] is undated
    # Thursday: the page is three days old, the item (re-dated) is new.
    thursday = MONDAY + dt.timedelta(days=3)
    fresh = _candidate("dated-item", source_index=1, published=thursday - dt.timedelta(hours=2))
    assert rank([fresh, undated], [], thursday, first_seen)[0] is fresh
