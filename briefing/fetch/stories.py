"""From a URL to articles: a feed gives one article per item, a page gives one article.

When a feed item carries only a teaser, its page is fetched and its text extracted by the
same HTML ingest `briefing make page.html` uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from briefing.config import FetchSettings
from briefing.errors import BriefingError, InputError
from briefing.fetch.client import FetchError, Response, fetch
from briefing.fetch.feeds import Feed, FeedItem, looks_like_feed, parse_feed
from briefing.fetch.store import ValidatorStore
from briefing.models import Article, StoryFailure

if TYPE_CHECKING:
    import httpx

FULL_TEXT_WORDS = 120
"""A feed item with at least this many words is taken as the full story; fewer is a teaser."""
TEASER_FALLBACK_WORDS = 30
"""When the page cannot be read, a teaser this long is still worth a short story."""
_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "blockquote", "pre")


@dataclass
class Fetcher:
    """One run's fetching: a shared client, the caps, and the conditional-GET store."""

    settings: FetchSettings = field(default_factory=FetchSettings)
    store: ValidatorStore | None = field(default_factory=ValidatorStore)
    _client: httpx.Client | None = None

    def get(self, url: str) -> Response:
        """Fetch `url`, sending stored validators; a 304 returns the stored body."""
        if self._client is None:
            from briefing.fetch.client import new_client

            self._client = new_client(self.settings)
        validators = self.store.validators(url) if self.store else None
        response = fetch(url, self.settings, validators, self._client)
        if response.not_modified and self.store:
            return self.store.cached(url, response)
        if self.store:
            self.store.save(url, response)
        return response

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def stories_from_url(
    url: str,
    fetcher: Fetcher,
    limit: int | None = None,
    source_name: str | None = None,
) -> tuple[list[Article], list[StoryFailure]]:
    """Articles from a feed or a page URL; a failing item is recorded, the rest kept."""
    response = fetcher.get(url)
    if not looks_like_feed(response.content, response.content_type):
        article = parse_article_page(response, source_name)
        return [article], []
    feed = parse_feed(response.content, url)
    articles: list[Article] = []
    failures: list[StoryFailure] = []
    for item in feed.items[: limit or None]:
        try:
            articles.append(item_article(item, feed, fetcher, source_name))
        except BriefingError as error:
            failures.append(StoryFailure(item.link or item.title or url, error.message))
    return articles, failures


def load_url_article(url: str, fetcher: Fetcher) -> Article:
    """One article from a URL: the page, or a feed's first usable item."""
    articles, failures = stories_from_url(url, fetcher, limit=1)
    if articles:
        return articles[0]
    raise InputError(failures[0].reason if failures else f"{url}: no stories found.")


def parse_article_page(response: Response, source_name: str | None = None) -> Article:
    from briefing.ingest import parse_article

    article = parse_article(response.content, origin=response.url, kind="html", url=response.url)
    return replace(article, source_name=source_name or article.source_name)


def item_article(
    item: FeedItem, feed: Feed, fetcher: Fetcher, source_name: str | None = None
) -> Article:
    """The item's full text from the feed, or from its page when the feed has a teaser."""
    from briefing.ingest.outlets import host_of, speakable_outlet
    from briefing.ingest.page_meta import feed_item_title

    feed_url = feed.link or item.link or None
    name = source_name or speakable_outlet([feed.title], host_of(feed_url) if feed_url else None)
    body = html_to_text(item.content_html or item.summary_html)
    locale = item.language  # the feed's word, unless the page gives its own
    if len(body.split()) < FULL_TEXT_WORDS and item.link:
        try:
            page = parse_article_page(fetcher.get(item.link))
            if len(page.text.split()) > len(body.split()):
                body, locale = page.text, page.locale or locale
        except (FetchError, InputError) as error:
            if len(body.split()) < TEASER_FALLBACK_WORDS:
                raise InputError(
                    f"{item.link}: only a teaser in the feed, and the page failed: {error.message}"
                ) from None
    if len(body.split()) < 5:
        raise InputError(f"{item.link or item.title}: the feed item has no text to summarise.")
    from briefing.ingest import check_article  # the same screening as files and pages

    article = Article(
        text=body,
        title=feed_item_title(item.title, feed.title, feed_url) if item.title else None,
        origin=item.link or item.guid,
        source_name=name,
        url=item.link,
        published=item.published,
        locale=locale,
    )
    return check_article(article)


def html_to_text(fragment: str) -> str:
    """Plain paragraphs from a feed's HTML fragment (already sanitised by feedparser)."""
    if not fragment.strip():
        return ""
    if "<" not in fragment:
        return _squash(fragment)
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    blocks = [
        b for b in root.iter(*_BLOCKS) if not any(a.tag in _BLOCKS for a in b.iterancestors())
    ]
    if not blocks:
        return _squash(root.text_content())
    paragraphs = [_squash(b.text_content()) for b in blocks]
    return "\n\n".join(p for p in paragraphs if p)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
