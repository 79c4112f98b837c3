"""The pipeline's logic with the fake engine: several stories, failures, lengths."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import SEED_ARTICLE, FakeEngine

from briefing import InputError, Length, SegmentKind, build_script, make_briefing

DATE = dt.date(2026, 11, 25)


def _story(tmp_path: Path, name: str, title: str) -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_text(
        f"{title}\n\nThe first fact about {name} is reported here today. "
        f"A second fact about {name} follows it. A third fact about {name} closes the story. "
        "A fourth sentence that should not be spoken at three sentences.",
        encoding="utf-8",
    )
    return path


def test_several_inputs_make_one_briefing_with_several_stories(
    tmp_path: Path, fake_voice: str
) -> None:
    inputs = [
        _story(tmp_path, "bridges", "Bridge opens"),
        _story(tmp_path, "trains", "Trains late"),
    ]
    result = make_briefing(inputs, tmp_path / "out.wav", date=DATE, voice=fake_voice)
    assert result.story_count == 2
    assert result.path.exists()
    kinds = [t.segment.kind for t in result.timeline]
    assert kinds[0] is SegmentKind.INTRO and kinds[-1] is SegmentKind.OUTRO
    assert kinds.count(SegmentKind.HEADLINE) == 2
    assert sum(1 for text in FakeEngine.calls if "fourth sentence" in text) == 0
    assert result.duration_s == pytest.approx(result.timeline[-1].end_ms / 1000, abs=0.05)


def test_a_failing_input_is_reported_and_the_rest_still_builds(
    tmp_path: Path, fake_voice: str
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    good = _story(tmp_path, "bridges", "Bridge opens")
    result = make_briefing([empty, good], tmp_path / "out.wav", date=DATE, voice=fake_voice)
    assert result.story_count == 1
    assert [f.origin for f in result.failures] == [str(empty)]
    assert "is empty" in result.failures[0].reason


def test_all_inputs_failing_raises_the_first_reason(tmp_path: Path) -> None:
    expected = r"missing.txt: no such file.*\(and 1 more inputs failed\)"
    with pytest.raises(InputError, match=expected):
        build_script([tmp_path / "missing.txt", tmp_path / "also.txt"], date=DATE)


def test_length_in_sentences_is_honoured() -> None:
    script, _ = build_script([SEED_ARTICLE], length=Length(sentences=2), date=DATE)
    assert sum(1 for s in script.segments if s.kind is SegmentKind.BODY) == 2
