"""HTML show notes: the date, and for each story its headline, source, link and start time.

The page is in the episode's language: its `lang`, the date and the few fixed words
(`briefing.audio.language`), so a screen reader reads it with the right voice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from html import escape
from urllib.parse import quote

from briefing.audio.chapters import Chapter
from briefing.audio.language import bcp47, long_date, show_notes_words
from briefing.languages import ENGLISH


def show_notes_html(
    title: str,
    date: dt.date,
    chapters: Sequence[Chapter],
    language: str = ENGLISH,
    transcripts: Mapping[str, str] | None = None,
) -> str:
    """A small standalone HTML page (also fine to paste into a feed's description).

    `transcripts` maps "vtt" and "srt" to the names of the transcript files beside it.
    """
    words = show_notes_words(language)
    items = []
    for chapter in chapters:
        when = _minutes(chapter.start_ms)
        headline = escape(chapter.title)
        if chapter.url:
            headline = f'<a href="{escape(chapter.url, quote=True)}">{headline}</a>'
        source = ""
        if chapter.source:
            source = f' <span class="source">({escape(chapter.source)})</span>'
        items.append(f'  <li><time datetime="PT{chapter.start_ms / 1000:.3f}S">{when}</time> '
                     f"{headline}{source}</li>")
    body = "\n".join(items)
    transcript = ""
    if transcripts:
        links = " · ".join(
            f'<a href="{escape(quote(name), quote=True)}" type="{kind}">{label}</a>'
            for key, kind, label in (
                ("vtt", "text/vtt", "WebVTT"),
                ("srt", "application/x-subrip", f"{escape(words['subtitles'])} (SRT)"),
            )
            if (name := transcripts.get(key))
        )
        transcript = f"<h2>{escape(words['transcript'])}</h2>\n<p>{links}</p>\n"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(bcp47(language), quote=True)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n"
        f'<p><time datetime="{date.isoformat()}">{escape(long_date(date, language))}</time></p>\n'
        f"<h2>{escape(words['stories'])}</h2>\n"
        f'<ol class="chapters">\n{body}\n</ol>\n{transcript}</body>\n</html>\n'
    )


def _minutes(ms: int) -> str:
    minutes, seconds = divmod(ms // 1000, 60)
    return f"{minutes}:{seconds:02d}"
