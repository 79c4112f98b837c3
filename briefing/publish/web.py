"""The web player: static files beside `feed.xml`, so a phone's browser plays the episodes.

The files are package data in `player/`. At write time `index.html` gets the newest episode,
its chapters and the episode list, so the page plays before (and without) its script; the
service worker gets a version that changes with the episodes and the player, which makes
browsers fetch the new episode for offline listening.

The page is in the show's language (`show_language`): its `lang`, its dates and its words,
from `labels.json` (English for a language it lacks). The words are written into the HTML, so
the page reads right before its script runs, and into an inline JSON table the script uses
for the labels it changes (Play/Pause); no file is added for the service worker to cache.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

from briefing.audio.language import bcp47, long_date
from briefing.config import PodcastSettings
from briefing.languages import ENGLISH, language_code
from briefing.publish.artwork import ICON_SIZES, app_icon, show_artwork
from briefing.publish.episodes import Episode, show_language

STATIC = ("player.css", "player.js")
"""Copied as they are."""
TEMPLATES = ("index.html", "manifest.webmanifest", "sw.js")
"""Filled in with the show and its episodes."""
LABELS = "labels.json"
"""The player's words by language: package data, inlined into index.html, not copied."""
ARTWORK_NAME = "artwork.png"
_SLOT = re.compile(r"\{\{(\w+)\}\}")


def write_player(
    folder: Path, podcast: PodcastSettings, episodes: Sequence[Episode]
) -> PodcastSettings:
    """Write the player into `folder`; the podcast settings the feed should use.

    When no `artwork` is configured, the show art is made here (`artwork.png`) and returned
    in the settings, so the feed names it. Each file is replaced atomically, and only if it
    changed; the service worker goes last, because a new one makes browsers fetch the rest.
    """
    title = podcast.title
    if not podcast.artwork:
        _write(folder / ARTWORK_NAME, show_artwork(title))
        podcast = replace(podcast, artwork=ARTWORK_NAME)
    for size in ICON_SIZES:
        _write(folder / f"icon-{size}.png", app_icon(title, size))
    static = {name: _source(name) for name in (*STATIC, *TEMPLATES)}
    for name in STATIC:
        _write(folder / name, static[name].encode())
    language = show_language(podcast.language, episodes)
    page = _fill(static["index.html"], _page(folder, podcast, episodes, language))
    _write(folder / "index.html", page)
    manifest = {
        "show": json.dumps(title, ensure_ascii=False),
        "short_name": json.dumps(title if len(title) <= 12 else "Briefing"),
        "description": json.dumps(podcast.description, ensure_ascii=False),
        "language": json.dumps(language),
    }
    _write(folder / "manifest.webmanifest", _fill(static["manifest.webmanifest"], manifest))
    version = hashlib.sha256()
    for name in sorted(static):
        version.update(static[name].encode())
    version.update(json.dumps([(e.audio, e.fingerprint) for e in episodes]).encode())
    version.update(json.dumps(manifest).encode())
    version.update(page)  # the cached page: its words and language change with it
    sw = _fill(static["sw.js"], {"version": version.hexdigest()[:16]})
    _write(folder / "sw.js", sw)
    return podcast


def player_labels(language: str) -> dict[str, str]:
    """The player's words in `language` ("de", "pt-BR"); English for one it lacks."""
    table: dict[str, dict[str, str]] = json.loads(_source(LABELS))
    return table.get(language_code(language), table[ENGLISH])


def _page(
    folder: Path, podcast: PodcastSettings, episodes: Sequence[Episode], language: str
) -> dict[str, str]:
    """The values of index.html's slots, escaped for HTML."""
    esc = html.escape
    words = player_labels(language)
    script_safe = json.dumps(words, ensure_ascii=False).replace("</", "<\\/")
    values = {
        "show": esc(podcast.title),
        "language": esc(language, quote=True),
        "episode_language": esc(bcp47(episodes[0].language) if episodes else language, quote=True),
        "labels_json": script_safe,
        **{f"label_{key}": esc(text, quote=True) for key, text in words.items()},
    }
    if not episodes:
        return values | {
            "title": esc(words["no_episodes"]),
            "date": "",
            "date_text": esc(words["first_run"]),
            "duration": "0:00",
            "duration_s": "0",
            "audio": "",
            "notes_link": "",
            "chapters": "",
            "transcript_link": "",
            "episodes": "",
        }
    newest = episodes[0]
    audio = quote(newest.audio)
    notes = _show_notes(newest)
    transcript = (
        f'<a href="{quote(newest.transcript)}">{esc(words["transcript_link"])}</a>'
        if newest.transcript
        else esc(words["no_transcript"])
    )
    return values | {
        "title": esc(newest.title),
        "date": esc(newest.date),
        "date_text": esc(_date_text(newest.date, language)),
        "duration": clock(newest.duration_s),
        "duration_s": f"{newest.duration_s:.3f}",
        "audio": audio,
        "notes_link": f' · <a href="{quote(notes)}">{esc(words["show_notes"])}</a>'
        if notes
        else "",
        "chapters": "\n".join(
            f'        <li><a href="{audio}#t={start:.3f}">'
            f'<span class="at">{clock(start)}</span> {esc(name)}</a></li>'
            for start, name in _chapters(folder, newest)
        ),
        "transcript_link": transcript,
        "episodes": "\n".join(_episode_item(e, language, words) for e in episodes),
    }


def _episode_item(episode: Episode, language: str, words: Mapping[str, str]) -> str:
    esc = html.escape
    notes = _show_notes(episode)
    notes_link = f' · <a href="{quote(notes)}">{esc(words["notes"])}</a>' if notes else ""
    return (
        f'      <li data-audio="{esc(episode.audio)}">'
        f'<a class="play" href="{quote(episode.audio)}" lang="{esc(bcp47(episode.language))}">'
        f"{esc(episode.title)}</a>"
        f'<br><span class="meta"><time datetime="{esc(episode.date)}">'
        f"{esc(_date_text(episode.date, language))}</time> · {clock(episode.duration_s)}"
        f'{notes_link}<span class="played" hidden> · {esc(words["played"])}</span></span></li>'
    )


def _chapters(folder: Path, episode: Episode) -> list[tuple[float, str]]:
    """(start, title) of each chapter; none when the chapters file is missing or unreadable."""
    if not episode.chapters:
        return []
    try:
        data = json.loads((folder / episode.chapters).read_text(encoding="utf-8"))
        return [(float(c["startTime"]), str(c["title"])) for c in data["chapters"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def _show_notes(episode: Episode) -> str | None:
    return next((name for name in episode.extra_files if name.endswith(".html")), None)


def _date_text(iso: str, language: str) -> str:
    try:
        date = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return long_date(date, language)


def clock(seconds: float) -> str:
    """Times as the player shows them: 1:03, or 1:02:03 past the hour."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _source(name: str) -> str:
    return (files("briefing.publish") / "player" / name).read_text(encoding="utf-8")


def _fill(template: str, values: Mapping[str, str]) -> bytes:
    """Replace every `{{slot}}`; a slot without a value is a bug in this module, not input."""
    return _SLOT.sub(lambda m: values[m.group(1)], template).encode()


def _write(path: Path, data: bytes) -> None:
    """Replace `path` atomically, and not at all when it already holds `data`."""
    from briefing.audio.export import atomic_path

    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
