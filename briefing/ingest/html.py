"""HTML articles: title and main text through trafilatura, no navigation, scripts or comments."""

from __future__ import annotations

import re

from briefing.errors import InputError
from briefing.models import Article


def parse_html(html: str, origin: str, url: str | None = None) -> Article:
    """Extract the headline and the article body from a web page."""
    import trafilatura  # heavy: imported only when HTML is read

    document = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        with_metadata=True,
    )
    if document is None or isinstance(document, dict):
        raise InputError(
            f"{origin}: no article text found in this HTML page; "
            "save the article itself, or its text, and try again."
        )
    body = document.text or ""
    paragraphs = [p.strip() for p in re.split(r"\n+", body) if p.strip()]
    title = (document.title or "").strip() or None
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return Article(
        text="\n\n".join(paragraphs),
        title=title,
        origin=origin,
        source_name=(document.sitename or None),
        url=url or (document.url or None),
    )
