"""The TTS engine writes nothing, hangs, crashes or is killed mid-segment (real worker processes).

A segment that fails once is retried in a fresh worker; one whose engine fails every time falls
back along the preset's chain, the briefing completes and the report says so; with nowhere to
fall back, the run stops with one line naming the segment and nothing is written.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from audio_probe import duration_s
from conftest import EXAMPLE_ARTICLE
from hardening.faulty_engine import FaultyEngine
from typer.testing import CliRunner

from briefing.cli import app
from briefing.tts import VoiceSettings, register_engine, voice_one
from briefing.tts.verify import expected_seconds

register_engine("faulty", FaultyEngine)

TEXT = "The council said on Tuesday that the new turbines would power four thousand homes."


@pytest.fixture()
def ledger(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "ledger"
    folder.mkdir()
    FaultyEngine.ledger = folder
    yield folder
    FaultyEngine.mode = "ok"
    FaultyEngine.ledger = None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return not Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].startswith("Z")


@pytest.mark.parametrize("fault", ["silent", "empty", "hang", "crash", "kill"])
def test_a_segment_that_fails_once_is_retried_in_a_fresh_worker(
    fault: str, ledger: Path, tmp_path: Path
) -> None:
    FaultyEngine.mode = f"once-{fault}"
    engine = FaultyEngine()
    out = tmp_path / "segment.wav"
    try:
        seconds = voice_one(TEXT, out, engine, VoiceSettings(rate_wpm=180))
        [mark] = ledger.iterdir()
        first_pid, second_pid = int(mark.read_text()), engine.worker_pid()
    finally:
        engine.close()
    assert abs(seconds - (expected_seconds(TEXT, 180) + 0.4)) < 0.05
    assert second_pid is not None and second_pid != first_pid  # a fresh worker did the retry
    assert not _alive(first_pid)  # the hung or broken worker is gone, not left behind
    assert [p.name for p in tmp_path.iterdir() if ".part" in p.name] == []


def _preset(tmp_path: Path, fallback: bool) -> str:
    preset = tmp_path / "faulty.toml"
    chain = 'fallback = ["fake"]\n' if fallback else ""
    preset.write_text(f'name = "faulty"\nengine = "faulty"\nrate = 180\n{chain}')
    return str(preset)


def test_an_engine_killed_every_time_falls_back_and_the_briefing_completes(
    ledger: Path, tmp_path: Path
) -> None:
    FaultyEngine.mode = "kill"
    out = tmp_path / "today.mp3"
    result = CliRunner().invoke(
        app, ["make", str(EXAMPLE_ARTICLE), "--voice", _preset(tmp_path, True), "-o", str(out),
              "--workers", "1", "--no-cache", "--sentences", "1"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert out.is_file() and duration_s(out) > 5
    assert "Wrote " in result.stdout
    fallback_lines = [line for line in result.stderr.splitlines() if "fake" in line]
    assert fallback_lines, result.stderr  # the report says which engine stood in
    assert "faulty" in result.stderr
    assert len(list(ledger.iterdir())) >= 2  # the faulty engine really was tried (and retried)


def test_with_nowhere_to_fall_back_the_run_stops_naming_the_segment(
    ledger: Path, tmp_path: Path
) -> None:
    FaultyEngine.mode = "crash"
    out = tmp_path / "today.mp3"
    out.write_bytes(b"yesterday's episode")
    result = CliRunner().invoke(
        app, ["make", str(EXAMPLE_ARTICLE), "--voice", _preset(tmp_path, False), "-o", str(out),
              "--workers", "1", "--no-cache", "--sentences", "1"],
    )  # fmt: skip
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("briefing: error: no engine could voice segment “Good ")
    assert "faulty: faulty failed twice: faulty worker crashed (exit code 3); try" in line
    assert ".." not in line
    assert out.read_bytes() == b"yesterday's episode"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["faulty.toml", "ledger", "today.mp3"]
