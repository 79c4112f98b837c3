"""The `briefing` command as a user runs it: real espeak-ng, real ffmpeg, real files."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from audio_probe import duration_s, ffprobe, mean_volume_db, silences
from conftest import EXAMPLE_ARTICLE, registered_starting_engine
from typer.testing import CliRunner

from briefing import __version__
from briefing.cli import app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"briefing {__version__}\n"


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("make", "script", "voices"):
        assert re.search(rf"^\W*{command}\s+[A-Z]", result.output, re.MULTILINE)


def test_make_seed_article_gives_speech_throughout(tmp_path: Path, seed_article: Path) -> None:
    out = tmp_path / "out.mp3"
    result = runner.invoke(app, ["make", str(seed_article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out} (" in result.output and "1 story" in result.output
    probe = ffprobe(out)
    assert probe["format"]["format_name"] == "mp3"
    assert probe["streams"][0]["sample_rate"] == "44100"
    assert 20 <= duration_s(out) <= 120
    assert silences(out, min_seconds=3.0) == []
    assert mean_volume_db(out) > -35


def test_make_default_output_name_and_several_stories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_article: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(
        app, ["make", str(EXAMPLE_ARTICLE), str(seed_article), "--date", "2026-11-25", "-n", "2"]
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / "briefing-2026-11-25.mp3"
    assert out.exists()
    assert "2 stories" in result.output
    assert 20 <= duration_s(out) <= 180


def test_script_of_seed_is_short_and_has_no_caption(seed_article: Path) -> None:
    result = runner.invoke(app, ["script", str(seed_article), "--date", "2026-11-25"])
    assert result.exit_code == 0
    article_words = len(seed_article.read_text(encoding="utf-8").split())
    body = result.output.split("\n\n")[1]
    assert len(body.split()) <= 0.4 * article_words
    assert "Bajwaniyah" not in result.output  # the photo caption's village
    assert "Wednesday, the twenty-fifth of November" in result.output


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(bytes(range(256)) * 8), "looks like a binary file"),
        (lambda p: None, "no such file"),
    ],
    ids=["empty", "binary", "missing"],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, setup: object, message: str) -> None:
    path = tmp_path / "article.txt"
    setup(path)  # type: ignore[operator]
    for command in (["script"], ["make", "-o", str(tmp_path / "o.mp3")]):
        result = runner.invoke(app, [*command, str(path)])
        assert result.exit_code == 2
        lines = result.output.strip().splitlines()
        assert lines == [f"briefing: error: {path}: {lines[0].split(': ', 3)[-1]}"]
        assert message in lines[0]
        assert "Traceback" not in result.output
    assert not (tmp_path / "o.mp3").exists()


def test_one_bad_input_among_good_ones_still_makes_the_briefing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out.mp3"
    result = runner.invoke(app, ["make", str(bad), str(EXAMPLE_ARTICLE), "-o", str(out)])
    assert result.exit_code == 2
    assert out.exists() and duration_s(out) > 10
    assert f"briefing: skipped {bad}: is empty" in result.output


def test_unknown_voice_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["make", str(EXAMPLE_ARTICLE), "--voice", "nobody"])
    assert result.exit_code == 2
    assert result.output.startswith("briefing: error: unknown voice 'nobody'; choose one of: ")


def test_voices_lists_presets_and_engine_voices() -> None:
    result = runner.invoke(app, ["voices"])
    assert result.exit_code == 0
    assert re.search(r"^\s+default\s+kokoro\s", result.output, re.MULTILINE)
    assert re.search(r"^\s+classic\s+pyttsx3\s", result.output, re.MULTILINE)
    assert "gmw/en" in result.output


def test_python_dash_m_and_stdin_work_as_a_real_process(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "stdin.wav"
    article = EXAMPLE_ARTICLE.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "make", "-", "-o", str(out), "-n", "1"],
        input=article, capture_output=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b"Audio saved" not in done.stdout
    assert ffprobe(out)["streams"][0]["codec_name"] == "pcm_s16le"
    assert duration_s(out) > 5


def test_make_starts_the_engines_first_and_closes_them_however_it_ends(
    tmp_path: Path, starting_voice: str, seed_article: Path
) -> None:
    engines = registered_starting_engine()
    out = tmp_path / "o.wav"
    args = ["make", str(seed_article), "-o", str(out), "--voice", starting_voice, "--no-cache"]
    result = runner.invoke(app, [*args, "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert len(engines.instances("start")) == 2
    assert engines.instances("synthesize") <= engines.instances("start")
    assert engines.instances("close") == engines.instances("start")
    engines.log.clear()
    failed = runner.invoke(app, [*args, "--bitrate", "lots"])  # fails after they started
    assert failed.exit_code == 2 and failed.output.startswith("briefing: error: ")
    assert engines.instances("start") and engines.instances("close") == engines.instances("start")


def test_make_refuses_a_loudness_no_podcast_uses(
    tmp_path: Path, starting_voice: str, seed_article: Path
) -> None:
    out = tmp_path / "o.mp3"
    result = runner.invoke(app, ["make", str(seed_article), "-o", str(out), "--voice",
                                 starting_voice, "--loudness", "0"])
    assert result.exit_code == 2
    assert result.output.startswith("briefing: error: loudness 0 LUFS is outside -30 to -10")
    assert len(result.output.strip().splitlines()) == 1 and not out.exists()


def test_a_real_process_exits_with_the_errors_code_and_one_line(tmp_path: Path) -> None:
    """`main` freezes the garbage collector on the way out; the exit code still gets through."""
    import subprocess
    import sys

    missing = tmp_path / "missing.txt"
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "script", str(missing)], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stderr == f"briefing: error: {missing}: no such file; check the path.\n"


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("4", "4")])
def test_main_keeps_numpy_to_one_blas_thread_unless_told_otherwise(
    monkeypatch: pytest.MonkeyPatch, given: str | None, expected: str
) -> None:
    """OpenBLAS threads would take the core the engine workers and ffmpeg run on."""
    import gc
    import sys

    from briefing.cli import main

    monkeypatch.setenv("OPENBLAS_NUM_THREADS", given or "")  # whatever main sets is undone
    if given is None:
        monkeypatch.delenv("OPENBLAS_NUM_THREADS")
    monkeypatch.setattr(sys, "argv", ["briefing", "--version"])
    try:
        with pytest.raises(SystemExit) as exited:
            main()
    finally:
        gc.unfreeze()  # main freezes it for the exit this test process does not make
    assert exited.value.code == 0
    assert os.environ["OPENBLAS_NUM_THREADS"] == expected


def test_one_worker_makes_the_same_episode_every_time(tmp_path: Path, seed_article: Path) -> None:
    """pyttsx3 applies each segment's voice settings in step with espeak-ng's own thread.

    Once the worker stopped listing the voices before each segment, the rate sometimes took
    effect late and the first segments came out at pyttsx3's default 200 wpm.
    """
    timelines = []
    for run in ("a", "b", "c"):
        out = tmp_path / f"{run}.mp3"
        args = ["make", str(seed_article), "-o", str(out), "--no-cache", "--workers", "1",
                "--voice", "classic"]  # pyttsx3, which this is about
        result = runner.invoke(app, [*args, "--date", "2026-11-25"])
        assert result.exit_code == 0, result.output
        timelines.append(out.with_suffix(".srt").read_text(encoding="utf-8"))
    assert timelines[0] == timelines[1] == timelines[2]


def test_ctrl_c_stops_make_and_its_engine_workers_quietly(
    tmp_path: Path, seed_article: Path
) -> None:
    """Ctrl-C at a terminal reaches every process of the group; the workers started early
    leave it to make, which stops them, rather than each printing a traceback."""
    import signal
    import subprocess
    import sys
    import time

    command = [sys.executable, "-m", "briefing", "make", str(seed_article), "-o",
               str(tmp_path / "o.mp3"), "--no-cache"]  # fmt: skip
    run = subprocess.Popen(command, stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(0.4)  # the workers are up by now, voicing not done
    os.killpg(run.pid, signal.SIGINT)
    _, stderr = run.communicate(timeout=30)
    assert run.returncode == 130
    assert b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr
    assert not (tmp_path / "o.mp3").exists()
