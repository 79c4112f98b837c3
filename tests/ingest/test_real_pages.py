"""Every real news page in ../shared/real_pages/: the headline and outlet a listener hears,
decided by reading each page as a person would, and no glitch in the spoken story.

Each page goes in as a fetched page would, with the URL it was saved from (index.json).
`benchmarks/real_pages.py` prints the same facts as a table.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from shared_corpus import Shared

from briefing.errors import InputError
from briefing.ingest import parse_article
from briefing.models import Article, Length, SegmentKind
from briefing.script import compose_script, normalize
from briefing.script.compose import source_phrase
from briefing.script.glitches import story_glitches
from briefing.summarise import get_summarizer

EXPECTED: dict[str, tuple[str, str | None]] = {
    "abc13.com-Copperfield.html": (
        "Aisha's Salon and Spa chain bans men from entering any of its 25 locations after "
        "man's lewd act",
        "ABC13 Houston",
    ),
    "abc7news.com-Napa.html": (
        "Napa Co. enters exclusive agreement that could bring Margaritaville Resort to Lake "
        "Berryessa",
        "ABC7 San Francisco",
    ),
    "bbc.com.52241221.html": ("New York ramps up mass burials amid virus outbreak", "BBC News"),
    "blog.amp.dev.axios.html": ("People behind the code: The Axios ascent", "The AMP Blog"),
    "cbsnews.com.carolina.html": (
        "Black voters in South Carolina are crucial for Democratic candidates",
        "CBS News",
    ),
    "corkbeo.ie.level.html": (
        "Level 3 LIVE news from Cork as county adapts to incoming restrictions",
        "Cork Beo",
    ),
    "d44c5ef50718437984dca47627dee96b.html": (
        "The Future of Artificial Intelligence in Healthcare",
        "Appen",
    ),
    "dw.com.colonial.html": ("Berlin confronts Germany's colonial past with new initiative", "DW"),
    "economist.com.thinking.html": (
        "Why collaborative thinking beats individual smarts",
        "The Economist",
    ),
    "edition.cnn.com-royal.html": (
        "What we learned from Harry and Meghan's explosive interview",
        "CNN",
    ),
    "gothamist.com-plagues.html": (
        "Rezoning plan plagues Bronx city councilmember's re-election bid",
        "Gothamist",
    ),
    "heartlandnewsfeed.com-Christian.html": (
        "Christian County police blotters",
        "Heartland Newsfeed",
    ),
    "independent.co.uk.penalty.html": (
        "Falsely reporting a coronavirus contact to force them to self-isolate will receive "
        "£1,000 fine",
        "The Independent",
    ),
    "kaieteurnewsonline.com-essequibo.html": (
        "Essequibo hunter found dead with gunshot wounds",
        "Kaieteur News",
    ),
    "latimes.com.bloomberg.html": (
        "As his first debate nears, Bloomberg is having to answer about his past",
        "Los Angeles Times",
    ),
    "medicalnewstoday.com.318674.html": (
        "How does the brain turn unconscious information into conscious thought?",
        "Medical News Today",
    ),
    "mercurynews.com.2023.01.16.letters-1119.html": (
        "Letters: Coddling criminals | Undermining road | Tax dollars | Recount cost | "
        "Predicting climate",
        "The Mercury News",
    ),
    "miamitodaynews.com-Transitway.html": (
        "Transit tax trust rejects county’s South Dade Transitway data",
        "Miami Today",
    ),
    "msn.com.university.html": (
        "UK university student halls too full to be safe, experts warn",
        "MSN",
    ),
    "nationalgeographic.co.uk.goats.html": (
        "Ravenous wild goats ruled this island for over a century. Now, it's being reborn.",
        "National Geographic",
    ),
    "nationnews.com-schools.html": ("Schools ‘safe’ amidst surge", "Nation News"),
    "nationnews.com-tridents.html": ("Tridents’ challenge", "Nation News"),
    "nytimes.com.blackouts.html": (
        "Rolling Blackouts in California Have Power Experts Stumped",
        "The New York Times",
    ),
    "phillyvoice.com-Sixers.html": (
        "Sixers game notes: Joel Embiid leads Sixers to statement victory over Celtics",
        "Philly Voice",
    ),
    "phys.org.tool.html": (
        "Flint flake tool partially covered by birch tar adds to evidence of Neanderthal "
        "complex thinking",
        "Phys.org",
    ),
    "politico.com.retirement.html": (
        "Mark Meadows accused of timing retirement to help elect wife’s friend",
        "Politico",
    ),
    "reuters.com.parasite.html": (
        "'Parasite' scores historic upset at SAG awards, boosting Oscar chances",
        "Reuters",
    ),
    "salon.com.emissions.html": ("Despite everything, U.S. emissions dipped in 2019", "Salon"),
    "standard.co.uk.caribbean.html": (
        "Turkey, Poland, Caribbean islands added to UK quarantine list",
        "Evening Standard",
    ),
    "telegraph.co.uk.plumber.html": (
        "Plumber jailed after boiler killed millionaire's daughter",
        "The Telegraph",
    ),
    "theatlantic.com.disasters.html": (
        "How Can We Plan for the Future in California?",
        "The Atlantic",
    ),
    "theguardian.com.academics.html": (
        "Thousands of UK academics 'treated as second-class citizens'",
        "The Guardian",
    ),
    "thepointsguy.com.alaska.html": (
        "Alaska Airlines to become full Oneworld member by spring",
        "The Points Guy",
    ),
    "theverge.com.ios13.html": ("iOS 13 will fix the FaceTime eye contact problem", "The Verge"),
    "tomshardware.com.rtx.html": (
        "Where and How to Buy an RTX 3080, 3090 or 3070",
        "Tom's Hardware",
    ),
    "vice.com.amazon.html": (
        "The Amazon Is on Fire and the Smoke Can Be Seen from Space",
        "Vice",
    ),
    "wikimediafoundation.org.turkey.html": (
        "Access to Wikipedia restored in Turkey after more than two and a half years",
        "Wikimedia Foundation",
    ),
    "wired.com.burn.html": ("AI Can Do Great Things—if It Doesn't Burn the Planet", "Wired"),
    "wsvn.com-crash.html": (
        "15-year-old driver killed, 14-year-old passenger critical in SW Miami-Dade crash",
        "WSVN 7News",
    ),
}
NOT_STORIES = {
    "nationalrail.co.uk.disruptions.html": "a live departure board",
    "axios.com.future.html": "a newsletter's index of several stories",
}
SPOKEN_LINES = {
    "edition.cnn.com-royal.html": "From C N N: What we learned",  # said as letters, no "the"
    "cbsnews.com.carolina.html": "From C B S News: Black voters",
    "abc13.com-Copperfield.html": "From A-B C thirteen Houston: Aisha's",
    "theguardian.com.academics.html": "From the Guardian: Thousands of U K academics treated as "
    "second-class citizens.",
    "latimes.com.bloomberg.html": "From the Los Angeles Times: As his first",
    "nationnews.com-schools.html": "From Nation News: Schools safe amidst surge.",
    "salon.com.emissions.html": "From Salon: Despite everything, U S emissions dipped in "
    "twenty nineteen.",
    "dw.com.colonial.html": "From D W: Berlin confronts Germany's colonial past with new "
    "initiative.",
    "wsvn.com-crash.html": "From W S V N seven News: fifteen year-old driver killed",
}
DATE = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def pages(shared: Shared) -> Path:
    """The folder of saved pages, ../shared/real_pages."""
    return shared("real_pages")


@pytest.fixture(scope="module")
def page(pages: Path) -> Callable[[str], Article]:
    """Read a page as a fetched one, with the URL it was saved from (index.json)."""
    index = json.loads((pages / "index.json").read_text(encoding="utf-8"))
    urls = {entry["file"]: entry.get("url", "") for entry in index}

    def read(name: str) -> Article:
        data = (pages / name).read_bytes()
        return parse_article(data, origin=name, kind="html", url=urls.get(name) or None)

    return read


def _headline_line(article: Article) -> tuple[str, list[str]]:
    summary = get_summarizer("news").summarize(article, Length(sentences=3))
    script = compose_script([summary], DATE, clock=lambda: dt.datetime(2026, 12, 1, 7))
    line = next(s.text for s in script.segments if s.kind is SegmentKind.HEADLINE)
    body = [s.text for s in script.segments if s.kind is SegmentKind.BODY]
    return line, body


def test_every_page_in_the_folder_is_pinned(pages: Path) -> None:
    assert {p.name for p in pages.glob("*.html")} == set(EXPECTED) | set(NOT_STORIES)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_gives_its_headline_and_outlet_with_no_glitch(
    page: Callable[[str], Article], name: str
) -> None:
    headline, outlet = EXPECTED[name]
    article = page(name)
    assert article.title == headline
    assert article.source_name == outlet
    _, body = _headline_line(article)
    spoken_outlet = normalize(source_phrase(outlet)) if outlet else None
    assert story_glitches(normalize(headline), spoken_outlet, body) == []


@pytest.mark.parametrize("name", sorted(SPOKEN_LINES))
def test_the_headline_line_says_the_outlet_as_it_says_itself(
    page: Callable[[str], Article], name: str
) -> None:
    line, _ = _headline_line(page(name))
    assert line.startswith(SPOKEN_LINES[name])


@pytest.mark.parametrize("name", sorted(NOT_STORIES))
def test_pages_that_are_not_a_story_are_refused_by_name(
    page: Callable[[str], Article], name: str
) -> None:
    with pytest.raises(InputError, match=rf"^{re.escape(name)}: is not a news story .*one article"):
        page(name)
