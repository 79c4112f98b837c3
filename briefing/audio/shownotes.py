"""HTML show notes: the date, and for each story its headline, source, link and start time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from briefing.audio.chapters import Chapter


def show_notes_html(title: str, date: dt.date, chapters: Sequence[Chapter]) -> str:
    """A small standalone HTML page (also fine to paste into a feed's description)."""
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
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n"
        f'<p><time datetime="{date.isoformat()}">{_long_date(date)}</time></p>\n'
        f'<ol class="chapters">\n{body}\n</ol>\n</body>\n</html>\n'
    )


def _minutes(ms: int) -> str:
    minutes, seconds = divmod(ms // 1000, 60)
    return f"{minutes}:{seconds:02d}"


def _long_date(date: dt.date) -> str:
    return f"{date:%A} {date.day} {date:%B %Y}"
