"""One real end-to-end daily run: the real voice (espeak-ng), ffmpeg, and the loopback server."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from audio_probe import duration_s, ffprobe
from fixtures.daily_config import write_config
from fixtures.server import fixture_server
from typer.testing import CliRunner

from briefing.cli import app


@pytest.mark.real
def test_real_voice_daily_episode_lands_on_its_length(tmp_path: Path) -> None:
    with fixture_server() as server:
        config = write_config(
            tmp_path,
            server,
            "default",
            minutes=1.5,
            sources=("rss.xml", "atom.xml"),
            with_folder=False,
        )
        result = CliRunner().invoke(app, ["daily", "--config", str(config), "--date", "2026-11-25"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    [audio] = out.glob("episodes/*.mp3")
    assert 81.0 <= duration_s(audio) <= 99.0  # ±10% of 90 s
    probe = ffprobe(audio)
    assert [s["codec_name"] for s in probe["streams"]][0] == "mp3"
    assert (
        len(probe.get("chapters", [])) == int(result.output.split("Used: ")[1].split()[0]) + 2
    )  # ID3 chapters
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert feed.bozo == 0
    assert feed.entries[0].enclosures[0].href.endswith(audio.name)
    chapters = json.loads(audio.with_name(audio.stem + ".chapters.json").read_text())
    used = int(result.output.split("Used: ")[1].split()[0])
    assert len(chapters["chapters"]) == used + 2  # introduction, the stories, close
    transcript = audio.with_suffix(".vtt").read_text()
    assert transcript.startswith("WEBVTT")
    titles = [c["title"] for c in chapters["chapters"][1:-1]]
    assert titles and all(title in transcript for title in titles)  # every headline spoken
