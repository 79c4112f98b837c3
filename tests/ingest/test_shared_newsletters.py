"""The 13 real newsletters of ../shared/newsletters, each wrapped in a MIME message as a mail
program sends it: the stories found, their headlines in the newsletter's order, and nothing
in the spoken script that is furniture, an e-mail address or a URL."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from fixtures.newsletters import newsletter_message
from shared_corpus import shared_path

from briefing.errors import InputError
from briefing.ingest import load_stories
from briefing.ingest.mail_html import page_title
from briefing.models import Length
from briefing.pipeline import build_script

NEVER_READ = re.compile(
    r"https?://|\bwww\.|[\w.+-]+@[\w-]+\.\w|unsubscribe|view (?:it |this )?(?:in (?:your |a )?"
    r"browser|online)|read (?:it )?online|\bsponsor|brought to you by|\breferr(?:al|ed)|"
    r"preferences|©|copyright|all rights reserved|forwarded message|share this|click to share|"
    r"what did you think|disclaimer|mailing address|open in app|publish on beehiiv",
    re.IGNORECASE,
)

# file → (sender as the mail program shows it, stories found, headlines heard, in order)
EXPECTED: dict[str, tuple[str, int, list[str]]] = {
    "beehiiv-newsletter.html": (
        "Milk Road <hello@milkroad.com>",
        4,
        [
            "We talked to a Crypto OG worth $100m",
            "Chart Of The Day",
            "Five Nuggets",
            "How FTX & Coinbase Enforce US Sanctions",
        ],
    ),
    "convertkit-newsletter.html": (
        "Farnam Street <newsletter@fs.blog>",
        5,
        ["FS", "TKP", "Insight", "Tiny Thought", "Etc."],
    ),
    "energy-world-newsletter.html": (
        "ETEnergyWorld <newsletter@etenergyworld.com>",
        36,
        [
            "RBI seeks details of banks' exposure to Adani Group",
            "Citigroup stops margin loans against India Adani's securities - source",
            "Shell annual profit hits record $42 billion as Ukraine invasion sent prices soaring",
            "Railways eyes doubling of earnings from coal loading in FY24",
        ],
    ),
    "every-io-newsletter.html": (
        "Every <hello@every.to>",
        1,
        ["The Endgame for AI-generated Writing"],
    ),
    "ghost-newsletter.html": (
        '"Open(ish) Machine Learning News" <luis@example.org>',
        1,
        ["why ish / 2022-10-14"],
    ),
    "hey-world-newsletter.html": ("David Heinemeier Hansson <dhh@hey.com>", 1, []),
    "india-times-newsletter.html": (
        "Times of India <newsletters@timesofindia.com>",
        10,
        [
            "World's talking about Adani, but Parliament won't",
            "How Kejriwal's name found mention in ED chargesheet on excise case",
            "Why a journalist spent 27 months in jail",
            "Why Australia is debating British monarchy",
        ],
    ),
    "milkroad-newsletter.html": (
        "Milk Road <hello@milkroad.com>",
        3,
        [
            "The SEC is investigating Yuga Labs, the creators of Bored Apes",
            "Coinbase teams up with Google",
            "Quick bites",
        ],
    ),
    "node-weekly-newsletter.html": (
        "Node Weekly <node@cooperpress.com>",
        23,
        [
            "Node.js 19 Released",
            "Choosing the Best Node.js Docker Image",
            "In brief",
            "Javet 2.0.0: Embed Node and V8 in Java Apps",
            "Mojo.js 1.7",
        ],
    ),
    "substack-forwarded-newsletter.html": (
        "Martin <martin@example.org>",
        1,
        ["Companies that eat people"],
    ),
    "tomasz-tunguz-newsletter.html": (
        "Martin <martin@example.org>",
        1,
        ["Grey Skies in Cloud Earnings"],
    ),
}
REFUSED = {
    "substack-newsletter-new.html": "no story found in this newsletter",  # its text: "content"
}


def _as_message(name: str, tmp_path: Path, sender: str) -> Path:
    html = shared_path(f"newsletters/{name}").read_text(encoding="utf-8")
    path = tmp_path / name.replace(".html", ".eml")
    path.write_bytes(newsletter_message(html, subject=page_title(html), sender=sender))
    return path


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_real_newsletter_is_read_right(name: str, tmp_path: Path) -> None:
    sender, count, headlines = EXPECTED[name]
    message = _as_message(name, tmp_path, sender)
    script, failures = build_script(
        [message], length=Length(sentences=3), date=dt.date(2026, 11, 25)
    )
    found = [summary.headline for summary in script.stories]
    assert len(found) == count, found
    positions = [found.index(headline) for headline in headlines]
    assert positions == sorted(positions), found  # in the newsletter's order
    assert failures == []
    left = sorted({m.group(0) for m in NEVER_READ.finditer(script.text)})
    assert left == [], left
    outlet = sender.split(" <")[0].strip('"')
    if not name.startswith(("substack-forwarded", "tomasz")):  # a forward names its sender
        assert {s.article.source_name for s in script.stories} == {outlet}


def test_a_forwarded_newsletter_is_credited_to_its_sender(tmp_path: Path) -> None:
    message = _as_message("tomasz-tunguz-newsletter.html", tmp_path, "Martin <m@example.org>")
    script, _ = build_script([message], date=dt.date(2026, 11, 25))
    assert [s.article.source_name for s in script.stories] == ["Tomasz Tunguz"]
    assert "From Tomasz Tunguz: Grey Skies in Cloud Earnings." in script.text


def test_a_french_newsletter_is_read_as_french(tmp_path: Path) -> None:
    """The letter's language is judged once, for the letter, and each story carries it."""
    articles, failures = load_stories(
        _as_message("ttso-newsletter.html", tmp_path, "TTSO <t@o.fr>")
    )
    assert failures == [] and articles
    assert {article.language for article in articles} == {"fr"}
    assert "Retraites" in articles[0].text


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_newsletter_that_cannot_be_read_is_one_line(name: str, tmp_path: Path) -> None:
    message = _as_message(name, tmp_path, "Letters <letters@example.org>")
    with pytest.raises(InputError) as refused:
        build_script([message], date=dt.date(2026, 11, 25))
    assert REFUSED[name] in str(refused.value) and "\n" not in str(refused.value)
