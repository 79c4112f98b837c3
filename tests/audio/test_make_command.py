"""`briefing make` with the audio options, as a user runs it (fake engine, real ffmpeg)."""

from __future__ import annotations

import json
from pathlib import Path

from audio_probe import ffprobe
from conftest import EXAMPLE_ARTICLE
from typer.testing import CliRunner

from briefing.cli import app

runner = CliRunner()


def test_make_writes_the_format_and_lists_the_side_files(tmp_path: Path, fake_voice: str) -> None:
    from mutagen.oggopus import OggOpus

    out = tmp_path / "today.opus"
    result = runner.invoke(app, [
        "make", str(EXAMPLE_ARTICLE), "--voice", fake_voice, "-o", str(out), "--chime",
        "--title", "Harbour briefing", "--bitrate", "24k", "--date", "2026-11-25",
    ])
    assert result.exit_code == 0, result.output
    side = [tmp_path / f"today.{ext}" for ext in ("chapters.json", "vtt", "srt", "html")]
    assert result.output.splitlines()[-1] == "Beside it: " + ", ".join(map(str, side))
    assert all(path.is_file() for path in side)
    assert ffprobe(out)["streams"][0]["codec_name"] == "opus"
    tags = OggOpus(out).tags
    assert tags is not None and tags["title"] == ["Harbour briefing"]
    chapters = json.loads(side[0].read_text(encoding="utf-8"))["chapters"]
    assert [c["title"] for c in chapters][0] == "Introduction"
    assert [c["title"] for c in chapters][-1] == "Close"
    assert len(chapters) == 3


def test_format_without_output_names_the_default_file(
    tmp_path: Path, fake_voice: str, monkeypatch: object
) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["make", str(EXAMPLE_ARTICLE), "--voice", fake_voice,
                                 "--format", "m4a", "--date", "2026-11-25", "--no-chime"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "briefing-2026-11-25.m4a"
    assert ffprobe(out)["streams"][0]["codec_name"] == "aac"


def test_bad_audio_option_is_one_line_before_any_voicing(tmp_path: Path, fake_voice: str) -> None:
    from conftest import FakeEngine

    FakeEngine.calls.clear()
    result = runner.invoke(app, ["make", str(EXAMPLE_ARTICLE), "--voice", fake_voice,
                                 "-o", str(tmp_path / "x.flac"), "--bitrate", "64k"])
    assert result.exit_code == 2
    assert result.output == (
        "briefing: error: --bitrate does not apply to flac (it is lossless); "
        "drop --bitrate or choose mp3, m4a or opus.\n"
    )
    assert FakeEngine.calls == []
    assert list(tmp_path.glob("x*")) == []
