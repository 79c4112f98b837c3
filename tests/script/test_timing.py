"""The speech-time estimate against real espeak-ng output."""

from __future__ import annotations

import subprocess
import wave
from pathlib import Path

import pytest

from briefing.script import estimate_seconds, normalize

SENTENCE = (
    "Crude oil prices surged back above the $47 a barrel mark on Thursday after an energy "
    "market watchdog raised its forecasts for global demand."
)


def espeak_seconds(text: str, rate: int, folder: Path) -> float:
    out = folder / "s.wav"
    subprocess.run(
        ["espeak-ng", "-v", "en-gb", "-s", str(rate), "-w", str(out), text],
        check=True, capture_output=True,
    )  # fmt: skip
    with wave.open(str(out), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


@pytest.mark.parametrize("rate", [120, 165, 220])
def test_estimate_is_within_fifteen_percent_of_espeak(rate: int, tmp_path: Path) -> None:
    measured = espeak_seconds(normalize(SENTENCE), rate, tmp_path)
    assert estimate_seconds(SENTENCE, rate) == pytest.approx(measured, rel=0.15)


def test_faster_voices_take_less_time_and_empty_text_none() -> None:
    assert estimate_seconds(SENTENCE, 200) < estimate_seconds(SENTENCE, 150)
    assert estimate_seconds("", 160) == 0.0
    assert estimate_seconds("🎉", 160) == 0.0


def test_numbers_count_as_they_are_said() -> None:
    assert estimate_seconds("$1,234,567.89", 160) > estimate_seconds("one dollar", 160)
