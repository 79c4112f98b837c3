"""HTML articles: the body through trafilatura (no navigation, scripts or comments); the
headline and the outlet from what the page declares (`briefing.ingest.page_meta`)."""

from __future__ import annotations

import re

from briefing.errors import InputError
from briefing.ingest.furniture import strip_furniture
from briefing.ingest.language import screen_language
from briefing.ingest.page_meta import PageMeta, choose_headline, choose_outlet, read_meta
from briefing.models import Article


def parse_html(html: str, origin: str, url: str | None = None) -> Article:
    """Extract the headline, the outlet and the article body from a web page.

    A page whose titles name only its site (a live board, an index page) or whose address
    is a site's front page is not a story and is refused by name.
    """
    import trafilatura  # heavy: imported only when HTML is read
    from trafilatura.utils import load_html

    tree = load_html(html)
    meta = read_meta(tree, url) if tree is not None else PageMeta((), (), frozenset(), None)
    headline, only_site = choose_headline(meta)
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
    if headline is None and only_site:
        screen_language(document.text or "", meta.locale, origin)  # the clearer reason
        raise InputError(
            f"{origin}: is not a news story (a front page, an index or a live board, with no "
            "headline of its own); give the address of one article."
        )
    outlet = choose_outlet(meta, headline)
    body = document.text or ""
    paragraphs = [p.strip() for p in re.split(r"\n+", body) if p.strip()]
    titles = [t for t in (headline, *meta.titles, document.title) if t]
    names = [n for n in (outlet, *meta.site_names) if n]
    paragraphs = strip_furniture(paragraphs, titles=titles, outlets=names)
    return Article(
        text="\n\n".join(paragraphs),
        title=headline,
        origin=origin,
        source_name=outlet,
        url=url or (document.url or None),
        locale=meta.locale,
    )
