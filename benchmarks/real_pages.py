"""What a listener hears from real news pages: headline line, outlet, and glitches, per page.

Every page in ../shared/real_pages/ (or --pages FOLDER) goes through ingest → summary →
script as a fetched page would (its URL from index.json is passed to ingest), and the table
shows the spoken headline line, the outlet as spoken, and every glitch that
`briefing.script.glitches` finds in the story (digits or symbols left in speech, dotted
tokens, glued words, number words glued to letters, an outlet too long or equal to the
headline). A page refused by ingest shows its one-line reason. The last lines count clean
pages for briefing's ingest and, as the baseline in the same run, for trafilatura's own
title, site name and text taken as they come (what ingest did before it read the page's
declarations itself).

    python benchmarks/real_pages.py              # markdown table
    python benchmarks/real_pages.py --baseline   # the table for the baseline instead
    python benchmarks/real_pages.py --json       # one JSON object per page
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from corpora import REAL_PAGES, require

from briefing.errors import BriefingError, InputError
from briefing.ingest import check_article, parse_article
from briefing.models import Article, Length, SegmentKind
from briefing.script import compose_script, normalize
from briefing.script.compose import source_phrase
from briefing.script.glitches import story_glitches
from briefing.summarise import DEFAULT_SUMMARIZER, get_summarizer

DEFAULT_PAGES = REAL_PAGES
_DATE = dt.date(2026, 12, 1)


@dataclass
class PageResult:
    """What one page gave: the spoken headline line and outlet, or why it was refused."""

    page: str
    headline_line: str = ""
    outlet: str | None = None
    glitches: list[str] = field(default_factory=list)
    refused: str | None = None

    @property
    def clean(self) -> bool:
        return self.refused is None and not self.glitches


def page_urls(folder: Path) -> dict[str, str]:
    """File name → the URL it was saved from (empty when unknown), from index.json."""
    index = folder / "index.json"
    if not index.is_file():
        return {}
    return {entry["file"]: entry.get("url", "") for entry in json.loads(index.read_text())}


Ingest = Callable[[bytes, str, str | None], Article]


def briefing_ingest(data: bytes, origin: str, url: str | None) -> Article:
    return parse_article(data, origin=origin, kind="html", url=url)


def trafilatura_ingest(data: bytes, origin: str, url: str | None) -> Article:
    """The baseline: trafilatura's title, site name and text as they come."""
    import trafilatura

    document = trafilatura.bare_extraction(
        data.decode("utf-8", "replace"), url=url, favor_precision=True, with_metadata=True
    )
    if document is None or isinstance(document, dict) or not document.text:
        raise InputError(f"{origin}: no article text found")
    paragraphs = [p for p in document.text.splitlines() if p.strip()]
    title = (document.title or "").strip() or None
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    article = Article("\n\n".join(paragraphs), title, origin, document.sitename or None, url)
    return check_article(article, html=True)


def speak_page(path: Path, url: str | None, ingest: Ingest = briefing_ingest) -> PageResult:
    """Ingest, summarise and compose one page; collect what the listener would hear."""
    try:
        article = ingest(path.read_bytes(), path.name, url or None)
    except BriefingError as error:
        return PageResult(path.name, refused=error.message)
    summary = get_summarizer(DEFAULT_SUMMARIZER).summarize(article, Length(sentences=3))
    script = compose_script(
        [summary], _DATE, clock=lambda: dt.datetime(2026, 12, 1, 7, tzinfo=dt.UTC)
    )
    headline_line = next(s.text for s in script.segments if s.kind is SegmentKind.HEADLINE)
    body = [s.text for s in script.segments if s.kind is SegmentKind.BODY]
    outlet = normalize(source_phrase(article.source_name)) if article.source_name else None
    headline = normalize((article.title or "").rstrip(" ."))
    glitches = story_glitches(headline, outlet, body)
    return PageResult(path.name, headline_line, outlet, [str(g) for g in glitches])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of .html pages")
    parser.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    parser.add_argument("--baseline", action="store_true", help="the baseline's table instead")
    args = parser.parse_args(argv)
    require(args.pages, option="--pages FOLDER")
    urls = page_urls(args.pages)
    pages = sorted(args.pages.glob("*.html"))
    ours = [speak_page(path, urls.get(path.name)) for path in pages]
    baseline = [speak_page(path, urls.get(path.name), trafilatura_ingest) for path in pages]
    results = baseline if args.baseline else ours
    if args.json:
        for result in results:
            print(json.dumps({**asdict(result), "clean": result.clean}))
    else:
        print("| page | headline line | outlet | glitches |")
        print("| --- | --- | --- | --- |")
        for r in results:
            line = f"refused: {r.refused}" if r.refused else r.headline_line
            print(
                f"| {r.page} | {_cell(line)} | {_cell(r.outlet or '—')} | "
                f"{_cell('; '.join(r.glitches) or 'none')} |"
            )
    print()
    for name, rows in (("briefing", ours), ("baseline (trafilatura as is)", baseline)):
        print(f"{name:<30} {_summary(rows)}")
    return 0


def _summary(results: list[PageResult]) -> str:
    clean = sum(r.clean for r in results)
    refused = sum(r.refused is not None for r in results)
    glitched = len(results) - clean - refused
    return f"{clean}/{len(results)} pages clean, {refused} refused, {glitched} with glitches"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


if __name__ == "__main__":
    sys.exit(main())
