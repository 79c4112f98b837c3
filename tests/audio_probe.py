"""Measure real audio files with ffprobe and ffmpeg, independently of the code under test."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any


def ffprobe(path: Path) -> dict[str, Any]:
    """Format and first audio stream of `path`, as ffprobe reports them."""
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
         "-show_chapters", str(path)],
        capture_output=True, text=True, check=True,
    )
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def duration_s(path: Path) -> float:
    return float(ffprobe(path)["format"]["duration"])


def silences(path: Path, min_seconds: float, threshold_db: int = -45) -> list[tuple[float, float]]:
    """(start, end) of every stretch of silence at least `min_seconds` long."""
    result = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af",
         f"silencedetect=n={threshold_db}dB:d={min_seconds}", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )
    starts = [float(x) for x in re.findall(r"silence_start: ([\d.]+)", result.stderr)]
    ends = [float(x) for x in re.findall(r"silence_end: ([\d.]+)", result.stderr)]
    ends += [duration_s(path)] * (len(starts) - len(ends))
    return list(zip(starts, ends, strict=True))


def mean_volume_db(path: Path) -> float:
    result = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", "-i", str(path), "-af", "volumedetect",
         "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )
    match = re.search(r"mean_volume: (-?[\d.]+) dB", result.stderr)
    assert match, result.stderr
    return float(match.group(1))
