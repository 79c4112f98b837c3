"""A run for `--date D` chooses stories as a run on the morning of D would, whatever today is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fixtures.daily_config import dated_copy

from briefing.clock import fixed_clock
from briefing.config import load_config
from briefing.daily import run_daily

DROUGHT = "Reservoirs fall to their lowest level in a decade"
HARVEST = "Orchards bring in a record pear harvest"


def _story(folder: Path, name: str, headline: str, published: dt.datetime) -> Path:
    """A one-story folder source whose file is dated `published` (a folder story's date)."""
    draft = folder / f"{name}-draft"
    draft.mkdir(parents=True)
    sentences = " ".join(
        f"{headline} according to the regional office, which published figures on day {n}."
        for n in range(1, 7)
    )
    (draft / f"{name}.md").write_text(f"# {headline}\n\n{sentences}\n", encoding="utf-8")
    return dated_copy(draft, folder / name, published)


def _config(tmp_path: Path, voice: str) -> Path:
    drought = _story(tmp_path, "post", DROUGHT, dt.datetime(2026, 11, 2, 18, 0, tzinfo=dt.UTC))
    harvest = _story(tmp_path, "star", HARVEST, dt.datetime(2026, 11, 19, 20, 0, tzinfo=dt.UTC))
    path = tmp_path / "config.toml"
    path.write_text(
        f'minutes = 1.5\nvoice = "{voice}"\noutput = "out"\n\n'
        f'[[sources]]\nname = "Morning Post"\nfolder = "{drought}"\n\n'
        f'[[sources]]\nname = "Evening Star"\nfolder = "{harvest}"\n',
        encoding="utf-8",
    )
    return path


TODAYS = [
    dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC),
    dt.datetime(2027, 12, 1, 9, 30, tzinfo=dt.UTC),  # a year on: the same episode
    dt.datetime(2025, 6, 1, 22, 0, tzinfo=dt.UTC),  # before the stories: the same episode
]


@pytest.mark.parametrize("today", TODAYS, ids=lambda t: t.date().isoformat())
@pytest.mark.parametrize(
    ("date", "expected"),
    [
        # 3 November: the drought story broke last night and its source comes first.
        (dt.date(2026, 11, 3), [DROUGHT, HARVEST]),
        # 20 November: last night's harvest story leads; the drought story is weeks old,
        # first source or not.
        (dt.date(2026, 11, 20), [HARVEST, DROUGHT]),
    ],
    ids=["2026-11-03", "2026-11-20"],
)
def test_stories_are_ranked_as_on_the_morning_of_the_date(
    tmp_path: Path,
    fake_voice: str,
    today: dt.datetime,
    date: dt.date,
    expected: list[str],
) -> None:
    config = load_config(_config(tmp_path, fake_voice))
    report = run_daily(config, date=date, clock=fixed_clock(today))
    assert [c.title for c in report.used] == expected
    assert report.episode is not None
    assert report.episode.published.startswith(date.strftime("%a, %d %b %Y 06:00:00"))
    assert report.episode_path is not None  # the morning of the date: a morning greeting
    assert "Good morning." in report.episode_path.with_suffix(".vtt").read_text("utf-8")


def test_a_run_for_today_stands_at_the_clock_time(tmp_path: Path, fake_voice: str) -> None:
    now = dt.datetime(2026, 11, 20, 19, 45, tzinfo=dt.UTC)
    config = load_config(_config(tmp_path, fake_voice))
    report = run_daily(config, clock=fixed_clock(now))
    assert report.date == now.date()
    assert report.episode is not None
    assert report.episode.published == "Fri, 20 Nov 2026 19:45:00 +0000"
    assert report.episode_path is not None
    assert "Good evening." in report.episode_path.with_suffix(".vtt").read_text("utf-8")
