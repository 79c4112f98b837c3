"""Gather candidate stories from every source; one failing source never stops the rest."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from briefing.config import DailyConfig, Source
from briefing.errors import BriefingError
from briefing.models import Article, StoryFailure

FOLDER_SUFFIXES = {
    ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".eml", ".mbox", ".pdf", ".epub",
}
MAX_PARALLEL_SOURCES = 6


@dataclass(frozen=True)
class Credit:
    """Who carried a story, and where: each outlet of a merged duplicate gets one."""

    source: str
    """Who carried it, as the report names them (the outlet, else the config's source)."""
    url: str | None
    spoken: str | None = None
    """The outlet as said aloud, when known: never a URL or a folder path."""


@dataclass(frozen=True)
class Candidate:
    """A story that may go into the episode, with where it stood in its source."""

    article: Article
    source_index: int
    position: int
    key: str
    """Stable identity across runs: the normalised link, or a hash of title and text."""
    credits: tuple[Credit, ...] = ()
    also_keys: tuple[str, ...] = ()
    """Keys of duplicates merged into this one (recorded as heard with it)."""

    @property
    def title(self) -> str:
        return self.article.title or self.article.paragraphs[0][:80]


def collect(config: DailyConfig) -> tuple[list[Candidate], list[StoryFailure]]:
    """Every source's stories, fetched in parallel, returned in source order."""
    _import_readers(config)
    with ThreadPoolExecutor(max_workers=MAX_PARALLEL_SOURCES) as pool:
        results = list(
            pool.map(lambda pair: _from_source(config, *pair), enumerate(config.sources))
        )
    from briefing.fetch.store import ValidatorStore

    ValidatorStore().prune()
    candidates: list[Candidate] = []
    failures: list[StoryFailure] = []
    for found, failed in results:
        candidates.extend(found)
        failures.extend(failed)
    return candidates, failures


def _import_readers(config: DailyConfig) -> None:
    """Import the readers the sources need before the threads start: two threads importing
    modules of one package at once can deadlock on importlib's module locks."""
    import briefing.ingest
    import briefing.ingest.html
    import briefing.ingest.outlets
    import briefing.ingest.page_meta  # noqa: F401

    if any(source.url for source in config.sources):
        import briefing.fetch.stories  # noqa: F401
    if any(source.imap for source in config.sources):
        import briefing.fetch.imap  # noqa: F401
    if any(source.imap or source.folder for source in config.sources):
        import briefing.ingest.newsletter  # noqa: F401


def _from_source(
    config: DailyConfig, index: int, source: Source
) -> tuple[list[Candidate], list[StoryFailure]]:
    try:
        if source.folder is not None:
            articles, failures = _from_folder(source)
        elif source.imap is not None:
            from briefing.fetch.imap import stories_from_mailbox

            articles, failures = stories_from_mailbox(source, config.fetch)
        else:
            from briefing.fetch import Fetcher, stories_from_url

            assert source.url is not None
            with Fetcher(config.fetch) as fetcher:
                articles, failures = stories_from_url(
                    source.url, fetcher, limit=source.limit, source_name=source.name
                )
    except BriefingError as error:
        return [], [StoryFailure(source.label, error.message, error.exit_code)]
    candidates = []
    for position, article in enumerate(articles[: source.limit]):
        spoken = article.source_name or source.name  # a URL or path is never said aloud
        article = replace(article, source_name=spoken)
        candidates.append(
            Candidate(
                article=article,
                source_index=index,
                position=position,
                key=story_key(article),
                credits=(Credit(spoken or source.label, article.url, spoken),),
            )
        )
    return candidates, failures


def _from_folder(source: Source) -> tuple[list[Article], list[StoryFailure]]:
    """The newest files of a folder (or the messages of a Maildir), each file giving its
    stories: one for an article, one per item for a newsletter."""
    from briefing.ingest import LinkOptions, load_stories

    assert source.folder is not None
    folder = source.folder
    if not folder.is_dir():
        raise BriefingError(f"{folder}: no such folder; create it or fix `folder` in the config.")
    links = LinkOptions(fetch_links=source.fetch_links)
    if (folder / "cur").is_dir() and (folder / "new").is_dir():  # a Maildir
        articles, failures = load_stories(folder, links=links)
        return articles[: source.limit], failures
    files = [p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES]
    files.sort(key=lambda p: p.stat().st_mtime, reverse=True)  # newest first
    articles = []
    failures = []
    for path in files:
        if len(articles) >= source.limit:
            break
        try:
            stories, parts_failed = load_stories(path, links=links)
        except BriefingError as error:
            failures.append(StoryFailure(str(path), error.message, error.exit_code))
            continue
        failures.extend(parts_failed)
        published = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
        articles.extend(
            replace(
                article,
                published=article.published or published,
                source_name=source.name or article.source_name,
            )
            for article in stories
        )
    return articles, failures


_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|at_medium$|at_campaign$|ocid$)")


def story_key(article: Article) -> str:
    """The same story gets the same key tomorrow: its link without tracking, or its content."""
    if article.url:
        parts = urlsplit(article.url.strip())
        query = [(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)]
        host = parts.netloc.lower().removeprefix("www.")
        return urlunsplit(("", host, parts.path.rstrip("/"), urlencode(query), "")).lstrip("/")
    digest = hashlib.sha256(
        ((article.title or "") + "\n" + article.text[:500]).encode("utf-8")
    ).hexdigest()
    return f"text:{digest[:24]}"
