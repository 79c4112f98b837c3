"""Find what a listener would hear as plainly wrong in a spoken story: the check behind
`benchmarks/real_pages.py` and the real-page tests.

Each finder looks at text *after* normalisation (what the engine is given) and names the
fault: digits or symbols left in speech, a dotted token ("one.two", "twenty:oh"), a doubled
article ("a the twenty-sixth"), two words glued together ("LondonIt"), a number word glued
to letters ("dollarsK"), a one-word headline, an outlet name too long to be a name or read
out as a web address, a headline that is only the outlet's name, or the outlet's name left
on the end of the headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MAX_OUTLET_WORDS = 4
"""An outlet's name is a few words; more is a title's SEO tail or a headline."""

MIN_HEADLINE_WORDS = 2
"""A one-word "headline" is a template's or a CMS's name, not the story's."""

_WEB_ADDRESS = re.compile(r"\bdot (?:com|net|co)\b", re.IGNORECASE)
"""'nationnews dot com': a domain read out instead of a name ("Phys dot org" is a name)."""
_LEFT_OVER = re.compile(r"[0-9]|[^\w\s.,;:!?'\-]|_")
_DOTTED = re.compile(r"[^\W\d_][.:][^\W\d_]")
_DOUBLED_ARTICLE = re.compile(r"\b(?:a|an|the)\s+the\b", re.IGNORECASE)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred|thousand|million|billion|trillion|point|dollars?|pounds?|euros?|pence|cents?|"
    "per cent|percent|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
)
_NUMBER_GLUED = re.compile(rf"\b(?:{_NUMBER_WORDS})(?=[A-Z])", re.IGNORECASE)
_NUMBER_GLUED_CASED = re.compile(rf"\b(?:{_NUMBER_WORDS})[A-Z]")
_CAMEL = re.compile(r"\b([A-Za-z]*[a-z]|[A-Z]{2,})([A-Z][a-z]+)\b")
_SENTENCE_STARTS = frozenset(
    """
    A An The It Its He She They We You I This That These Those There Here His Her Their Our
    But And Or So Yet For As At In On Of To By From With Without After Before When While
    If Although Though Because Since Until During Over Under Now Then Today Yesterday
    Tomorrow Last Next One Two Three Some Many Most More Few All Every Each No Not
    What Who Why How Where Which Mr Mrs Ms Dr Officials Police Authorities Sources
    Updated Published Posted Photo Image Video Read Watch Listen Share Advertisement
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
"""Words that start sentences: after a name they mark a dropped dateline or byline."""
_BRANDS = frozenset({"LinkedIn", "SignIn", "LogIn", "CheckIn", "PlugIn", "AddOn", "TurnOn"})
"""Names written with a capital inside that happen to end in such a word."""


@dataclass(frozen=True)
class Glitch:
    """One thing a listener would hear as wrong, and the text that shows it."""

    kind: str
    evidence: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.evidence!r}"


def speech_glitches(text: str) -> list[Glitch]:
    """Faults in normalised speech text: left-over digits and symbols, dotted and glued tokens."""
    found = [Glitch("doubled article", m.group(0)) for m in _DOUBLED_ARTICLE.finditer(text)]
    for token in text.split():
        if _LEFT_OVER.search(token):
            found.append(Glitch("digit or symbol left", token))
        elif _DOTTED.search(token):
            found.append(Glitch("dotted token", token))
        elif _NUMBER_GLUED_CASED.search(token):
            found.append(Glitch("number word glued", token))
        elif (match := _CAMEL.search(token.strip(".,;:!?'"))) and _glued(match):
            found.append(Glitch("glued words", token))
    return found


def outlet_glitches(outlet: str | None, headline: str) -> list[Glitch]:
    """Faults in the spoken outlet and its relation to the spoken headline."""
    if not outlet:
        return []
    found: list[Glitch] = []
    if count_outlet_words(outlet) > MAX_OUTLET_WORDS:
        found.append(Glitch("outlet too long", outlet))
    if _WEB_ADDRESS.search(outlet):
        found.append(Glitch("outlet read as a web address", outlet))
    said_outlet = _plain(outlet)
    if said_outlet and said_outlet == _plain(headline):
        found.append(Glitch("headline is the outlet", headline))
    elif said_outlet and _tail_or_head_is(headline, said_outlet):
        found.append(Glitch("outlet in headline", headline))
    return found


def story_glitches(headline: str, outlet: str | None, body: Iterable[str]) -> list[Glitch]:
    """Every fault in one spoken story: its headline, its outlet and its body sentences."""
    found = speech_glitches(headline)
    if len(headline.split()) < MIN_HEADLINE_WORDS:
        found.append(Glitch("headline too short", headline))  # "escenic": a CMS's name
    if outlet:
        found += speech_glitches(outlet)
    found += outlet_glitches(outlet, headline)
    for sentence in body:
        found += speech_glitches(sentence)
    return found


def count_outlet_words(outlet: str) -> int:
    """Words in a spoken name, a spelled run of letters ("B B C", "A-B C") counting as one."""
    words = re.sub(r"^the\s+", "", outlet.strip(), flags=re.IGNORECASE).split()
    count = 0
    previous_letter = False
    for word in words:
        letter = bool(re.fullmatch(r"[A-Z](?:-[A-Z])?[A-Z]?", word))
        if not (letter and previous_letter):
            count += 1
        previous_letter = letter
    return count


def _glued(match: re.Match[str]) -> bool:
    """ "LondonIt", "CNNThe": a word run into a word that starts sentences."""
    return match.group(2) in _SENTENCE_STARTS and match.group(0) not in _BRANDS


def _plain(text: str) -> str:
    text = re.sub(r"^the\s+", "", text.strip().casefold())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _tail_or_head_is(headline: str, outlet: str) -> bool:
    """The outlet's name alone at the end or start of the headline, set off by a pause mark:
    "…in Healthcare, Appen." (a headline that merely mentions the outlet is fine)."""
    pieces = [_plain(piece) for piece in re.split(r"[,:;!?]\s|\.\s|\.$", headline.strip())]
    pieces = [piece for piece in pieces if piece]
    return len(pieces) > 1 and outlet in (pieces[0], pieces[-1])
