"""A small local `briefing daily` set-up (folder source, fake engine) and the feed's invariants."""

from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
from audio_probe import duration_s
from conftest import EXAMPLE_ARTICLE
from fixtures.server import FIXTURES

BASE_URL = "http://phone.test:8000/"
STORIES = (
    EXAMPLE_ARTICLE,
    FIXTURES / "folder" / "community-garden.md",
    FIXTURES / "pages" / "observatory.html",
    FIXTURES / "pages" / "library.html",
)


def write_daily_config(
    folder: Path, output: Path, voice: str, minutes: float = 1.0, edition: int | None = None
) -> Path:
    """Articles in `folder/articles`, episodes to `output`, keeping two.

    With `edition`, only the Markdown stories, their headlines numbered: new stories each time,
    so that every run (and every date) has something not heard before.
    """
    articles = folder / "articles"
    if articles.exists():
        shutil.rmtree(articles)
    articles.mkdir(parents=True)
    for story in STORIES:
        if edition is None:
            shutil.copy(story, articles / story.name)
        elif story.suffix == ".md":
            heading, rest = story.read_text(encoding="utf-8").split("\n", 1)
            numbered = f"{heading}, edition {edition}\n{rest}"
            (articles / story.name).write_text(numbered, encoding="utf-8")
    config = folder / "config.toml"
    config.write_text(
        f'minutes = {minutes}\nmax_stories = 4\nvoice = "{voice}"\noutput = "{output}"\n\n'
        f'[podcast]\ntitle = "Hardening"\nbase_url = "{BASE_URL}"\nkeep = 2\n\n'
        f'[[sources]]\nname = "Local"\nfolder = "{articles}"\n',
        encoding="utf-8",
    )
    return config


def check_feed(output: Path) -> list[Path]:
    """feed.xml (if any) parses and every enclosure is a complete file of the stated length."""
    feed_path = output / "feed.xml"
    if not feed_path.exists():
        return []
    feed = feedparser.parse(feed_path.read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    files: list[Path] = []
    for entry in feed.entries:
        [enclosure] = entry.enclosures
        audio = output / enclosure.href.removeprefix(BASE_URL)
        assert audio.is_file(), f"feed points at a missing file: {audio}"
        assert audio.stat().st_size == int(enclosure.length), audio
        assert abs(duration_s(audio) - float(entry.itunes_duration)) <= 1.5, audio
        files.append(audio)
    return files


def leftovers(output: Path) -> list[str]:
    """Temporary files a run left behind."""
    return sorted(str(p.relative_to(output)) for p in output.rglob("*.part"))
