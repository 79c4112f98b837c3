"""The pipeline's logic with the fake engine: several stories, failures, lengths."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import EXAMPLE_ARTICLE, FakeEngine, registered_starting_engine

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


def test_length_in_sentences_is_honoured(seed_article: Path) -> None:
    script, _ = build_script([seed_article], length=Length(sentences=2), date=DATE)
    assert sum(1 for s in script.segments if s.kind is SegmentKind.BODY) == 2


def test_an_unchanged_run_restores_the_finished_episode(tmp_path: Path, fake_voice: str) -> None:
    story = _story(tmp_path, "bridges", "Bridge opens")
    out = tmp_path / "out.mp3"
    first = make_briefing([story], out, date=DATE, voice=fake_voice)
    made = {p.name: p.read_bytes() for p in (out, *first.side_files)}
    for path in (out, *first.side_files):
        path.unlink()
    FakeEngine.calls.clear()
    second = make_briefing([story], out, date=DATE, voice=fake_voice)
    assert FakeEngine.calls == []  # nothing voiced, nothing mastered: the same files back
    assert {p.name: p.read_bytes() for p in (out, *second.side_files)} == made
    assert second.duration_s == first.duration_s
    assert second.timeline == first.timeline
    make_briefing([story], out, date=DATE, voice=fake_voice, cache=False)
    assert FakeEngine.calls  # --no-cache makes it all again


def test_a_changed_input_or_option_makes_the_episode_again(
    tmp_path: Path, fake_voice: str
) -> None:
    from briefing.audio import AudioOptions

    story = _story(tmp_path, "bridges", "Bridge opens")
    out = tmp_path / "out.mp3"
    make_briefing([story], out, date=DATE, voice=fake_voice)
    size_at_64k = out.stat().st_size
    make_briefing([story], out, date=DATE, voice=fake_voice, audio=AudioOptions(bitrate="96k"))
    assert out.stat().st_size > size_at_64k * 1.2
    story.write_text(story.read_text() + " A fifth sentence about the bridge.", encoding="utf-8")
    FakeEngine.calls.clear()
    make_briefing([story], out, date=DATE, voice=fake_voice, length=Length(sentences=4))
    new = ("fourth sentence", "fifth sentence")  # whichever the summariser adds as a 4th
    assert any(n in text for text in FakeEngine.calls for n in new)


def test_cache_clear_also_clears_finished_episodes(tmp_path: Path, fake_voice: str) -> None:
    from typer.testing import CliRunner

    from briefing.cli import app

    story = _story(tmp_path, "bridges", "Bridge opens")
    make_briefing([story], tmp_path / "out.mp3", date=DATE, voice=fake_voice)
    cleared = CliRunner().invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0, cleared.output
    assert "Cleared 1 finished episodes" in cleared.stdout
    FakeEngine.calls.clear()
    make_briefing([story], tmp_path / "out.mp3", date=DATE, voice=fake_voice)
    assert FakeEngine.calls  # made again from scratch


def test_a_cache_that_cannot_be_written_never_fails_the_run(
    tmp_path: Path, fake_voice: str, isolated_home: Path
) -> None:
    (isolated_home / "cache").mkdir(exist_ok=True)
    (isolated_home / "cache" / "episodes").write_text("not a folder")  # every write here fails
    story = _story(tmp_path, "bridges", "Bridge opens")
    result = make_briefing([story], tmp_path / "out.mp3", date=DATE, voice=fake_voice)
    assert result.path.is_file() and result.duration_s > 1


def test_a_damaged_cache_entry_is_made_again(
    tmp_path: Path, fake_voice: str, isolated_home: Path
) -> None:
    story = _story(tmp_path, "bridges", "Bridge opens")
    make_briefing([story], tmp_path / "out.mp3", date=DATE, voice=fake_voice)
    [meta] = (isolated_home / "cache" / "episodes").glob("*/episode.json")
    meta.write_text("{not json", encoding="utf-8")
    result = make_briefing([story], tmp_path / "out.mp3", date=DATE, voice=fake_voice)
    assert result.path.is_file()
    assert json.loads(meta.read_text(encoding="utf-8"))["duration_s"] > 1  # stored afresh


def _log_build_script(
    monkeypatch: pytest.MonkeyPatch, raising: BaseException | None = None
) -> None:
    """Log `build_script` among the engines' events (or raise there instead)."""
    import briefing.pipeline

    engines = registered_starting_engine()
    build = briefing.pipeline.build_script

    def logged(*args: object, **kwargs: object) -> object:
        engines.log.append(("build_script", 0))
        if raising is not None:
            raise raising
        return build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(briefing.pipeline, "build_script", logged)


def test_engines_start_before_the_script_is_composed_and_voice_it(
    tmp_path: Path, starting_voice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engines = registered_starting_engine()
    _log_build_script(monkeypatch)
    story = _story(tmp_path, "bridges", "Bridge opens")
    make_briefing(
        [story], tmp_path / "out.wav", date=DATE, voice=starting_voice, workers=2, cache=False
    )
    events = [event for event, _ in engines.log]
    assert events[:3] == ["start", "start", "build_script"]
    assert engines.instances("synthesize") == engines.instances("start")  # both sets voiced
    assert engines.instances("close") == engines.instances("start")


def test_nothing_starts_when_the_episode_cache_will_restore_the_episode(
    tmp_path: Path, starting_voice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engines = registered_starting_engine()
    monkeypatch.chdir(tmp_path)
    story = _story(tmp_path, "bridges", "Bridge opens")
    for output in (tmp_path / "out.mp3", None):  # a named output, and the default name
        make_briefing([story], output, date=DATE, voice=starting_voice)
        engines.log.clear()
        again = make_briefing([story], output, date=DATE, voice=starting_voice)
        assert engines.log == []  # no worker spawned for nothing
        assert again.path.is_file()
    make_briefing([story], tmp_path / "other.mp3", date=DATE, voice=starting_voice)
    assert engines.instances("start")  # another name: not in the cache, so started early


def test_started_engines_are_closed_on_an_error_or_ctrl_c(
    tmp_path: Path, starting_voice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engines = registered_starting_engine()
    with pytest.raises(InputError):
        make_briefing(
            [tmp_path / "missing.txt"], tmp_path / "out.wav", voice=starting_voice, cache=False
        )
    assert engines.instances("start") and engines.instances("close") == engines.instances("start")
    engines.log.clear()
    _log_build_script(monkeypatch, raising=KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        make_briefing([EXAMPLE_ARTICLE], tmp_path / "out.wav", voice=starting_voice, cache=False)
    assert engines.instances("start") and engines.instances("close") == engines.instances("start")
