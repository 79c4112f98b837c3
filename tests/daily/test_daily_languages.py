"""A mixed-language morning: an English episode with a French story, with the real voices.

The presenter speaks English; the French story is introduced in English ("in French") and read
by a French voice, which Whisper base, told the language, understands; tags and feed say
English.
"""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from audio_probe import ffprobe
from fixtures.daily_config import write_config
from fixtures.server import fixture_server
from mutagen.id3 import ID3
from recogniser import load_audio, word_errors
from typer.testing import CliRunner

from briefing.cli import app

pytest_plugins = ["fixtures.whisper_base"]  # whisper_base: the multilingual recogniser
FRENCH_TITLE = "Les turbines du port alimentent la ville"


@pytest.mark.real
def test_an_english_episode_reads_its_french_story_in_french(tmp_path: Path, whisper_base) -> None:
    with fixture_server() as server:
        config = write_config(
            tmp_path, server, "classic", minutes=1.5, sources=("rss.xml", "french.xml"),
            with_folder=False, extra='language = "en"',
        )
        result = CliRunner().invoke(app, ["daily", "--config", str(config), "--date", "2026-11-25"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    [audio] = out.glob("episodes/*.mp3")
    transcript = audio.with_suffix(".vtt").read_text(encoding="utf-8")
    assert "Good morning" in transcript and "in French" in transcript
    chapters = json.loads(audio.with_name(audio.stem + ".chapters.json").read_text())["chapters"]
    [french] = [c for c in chapters if c["title"] == FRENCH_TITLE]
    # the French story's own cues: its headline and sentences, after the English introduction
    cues = _cues(transcript)
    story = [c for c in cues if french["startTime"] <= c[0] < french.get("endTime", 1e9)]
    said = [text for start, end, text in story if "French" not in text]
    assert said and said[0].startswith("Les turbines du port")
    start, end = story[1][0] if "French" in story[0][2] else story[0][0], story[-1][1]
    samples = load_audio(audio)[int(start * 16000) : int(end * 16000)]
    heard = whisper_base.transcribe(samples, "fr")
    errors = word_errors(" ".join(said), heard, "fr")
    # one short story, by whichever French voice is installed (SVOX Pico here: 20% of its words
    # missed in Whisper's benchmark); an English voice reading it is not understood at all
    assert errors.wer <= 0.3, (" ".join(said), heard, errors)
    assert ID3(audio)["TLAN"].text == ["eng"]
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert feed.bozo == 0 and feed.feed.language.startswith("en")
    assert ffprobe(audio)["streams"][0]["codec_name"] == "mp3"


def _cues(vtt: str) -> list[tuple[float, float, str]]:
    """(start s, end s, text) of each WebVTT cue."""
    cues = []
    for block in vtt.split("\n\n"):
        lines = block.strip().splitlines()
        timing = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing is None:
            continue
        start, end = (_seconds(t.strip().split()[0]) for t in lines[timing].split("-->"))
        cues.append((start, end, " ".join(lines[timing + 1 :])))
    return cues


def _seconds(stamp: str) -> float:
    parts = [float(p) for p in stamp.replace(",", ".").split(":")]
    while len(parts) < 3:
        parts.insert(0, 0.0)
    return parts[0] * 3600 + parts[1] * 60 + parts[2]
