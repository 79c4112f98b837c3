"""An outlet's name as its listeners know it: "CNN", "CBS News", "Nation News", "DW".

Pages, feeds and config files name their publisher in many ways: a domain ("nationnews.com",
"DW.COM"), a title's SEO tail ("WSVN 7News | Miami News, Weather, Sports"), a section that
stood in for the site ("U.S."), a glued brand ("PhillyVoice"). A small table gives the
names of major outlets as they say them; rules turn the rest into a speakable name; when
no candidate is trustworthy there is no outlet, which is better than reading out garbage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

MAX_OUTLET_WORDS = 4
"""A name longer than this is a headline or a slogan, not an outlet."""

KNOWN_OUTLETS: dict[str, str] = {
    "abcnews": "ABC News", "aljazeera": "Al Jazeera", "apnews": "Associated Press",
    "associatedpress": "Associated Press", "axios": "Axios", "bbc": "BBC News",
    "bbcnews": "BBC News", "bloomberg": "Bloomberg", "buzzfeednews": "BuzzFeed News",
    "cbc": "CBC News", "cbs": "CBS News", "cbsnews": "CBS News", "cnbc": "CNBC", "cnn": "CNN",
    "dailymail": "Daily Mail", "deutschewelle": "DW", "dw": "DW", "economist": "The Economist",
    "euronews": "Euronews", "forbes": "Forbes", "foxnews": "Fox News", "ft": "Financial Times",
    "huffingtonpost": "HuffPost", "huffpost": "HuffPost", "independent": "The Independent",
    "irishtimes": "The Irish Times", "latimes": "Los Angeles Times", "msn": "MSN",
    "msnbc": "MSNBC", "nationnews": "Nation News", "nationnewsbarbados": "Nation News",
    "nbcnews": "NBC News", "newsweek": "Newsweek", "npr": "NPR", "nypost": "New York Post",
    "nytimes": "The New York Times", "phys": "Phys.org", "physorg": "Phys.org",
    "politico": "Politico", "reuters": "Reuters", "salon": "Salon",
    "scmp": "South China Morning Post", "skynews": "Sky News",
    "smh": "The Sydney Morning Herald", "telegraph": "The Telegraph",
    "theatlantic": "The Atlantic", "theguardian": "The Guardian", "guardian": "The Guardian",
    "thehill": "The Hill", "thetimes": "The Times", "theverge": "The Verge",
    "usatoday": "USA Today", "vox": "Vox", "washingtonpost": "The Washington Post",
    "wsj": "The Wall Street Journal", "wired": "Wired", "vice": "Vice",
}  # fmt: skip
"""outlet_key(name or domain label) → the outlet's name as it says it."""

_DOMAIN_NAME = re.compile(
    r"^(?:www\.)?((?:[a-z0-9-]+\.)*?)([a-z0-9-]+)\.(?:(?:co|com|org|net|ac|gov)\.[a-z]{2}|"
    r"[a-z]{2}|com|org|net|info|news|media|online|blog|site|live|today|world|dev|io|tv)$",
    re.IGNORECASE,
)
"""A domain used as a name: any country code ("nachrichten.at", "wien.ORF.at") or common
generic ending."""
_FEED_LABEL = re.compile(
    r"(?i)[\s-]+(?:rss|atom)\s*[\d.]*(?:[\s-]*feed)?$"
)
"""A feed's label after a name ("RSS2-Feed", "Atom feed"): a feed's title, not the outlet's."""
_NAME_SEPARATOR = re.compile(r"\s+[|–—·»•>:]\s+|\s+-{1,2}\s+|\s*\|\s*|:\s+")
TEMPLATE_NAMES = frozenset(
    (  # noqa: SIM905 (a word list reads better as text)
        "home homepage index news latestnews blog website site article articles wordpress "
        "untitled default"
    ).split()
)
"""Template values where a site's name (or a page's title) should be."""
_MAX_PLAIN_STEM = 8
"""A lower-case domain stem longer than this is probably several words run together."""
_GLUED = re.compile(r"(?<=[A-Z][a-z]{3})(?=[A-Z][a-z]{2})|(?<=[a-z]{5})(?=[A-Z][a-z]{2})")
"""Where a glued brand splits into words a listener hears: "HeraldSun", "PhillyVoice". Short
first parts stay whole ("GitHub", "YouTube", "PayPal"): a brand, said as one word."""


def outlet_key(text: str) -> str:
    """A name reduced for comparison: "The Guardian", "the guardian" and "GUARDIAN" agree."""
    text = re.sub(r"^the\s+", "", text.strip().casefold())
    return re.sub(r"[^a-z0-9]", "", text)


def host_of(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.lower() if host else None


def domain_label(host: str) -> str:
    """The registered name of a host: "edition.cnn.com" → "cnn", "bbc.co.uk" → "bbc",
    "ynet.co.il" → "ynet", by the Public Suffix List that `tld` ships (no download)."""
    from tld import Result, get_tld

    host = host.lower().rstrip(".")
    found = get_tld(f"http://{host}", as_object=True, fail_silently=True)
    if isinstance(found, Result) and found.domain:
        return re.sub(r"[^a-z0-9]", "", found.domain)
    labels = [label for label in host.split(".") if label]  # localhost, an IP address
    return re.sub(r"[^a-z0-9]", "", labels[-2] if len(labels) >= 2 else labels[0] if labels else "")


def speakable_outlet(
    candidates: Iterable[str], host: str | None = None, sections: frozenset[str] = frozenset()
) -> str | None:
    """The best outlet name among `candidates` (in trust order), or from the host, or None.

    A candidate that matches the page's address wins over one that does not (a section
    standing in for the site, "U.S.", loses to "Reuters"); the known table wins over both.
    """
    label = domain_label(host) if host else None
    cleaned = [name for name in (outlet_name(c) for c in candidates) if name]
    cleaned = [
        name for name in cleaned if outlet_key(name) not in sections or _matches(name, label)
    ]
    for name in cleaned:
        known = KNOWN_OUTLETS.get(outlet_key(name))
        if known:
            return known
    if label and label in KNOWN_OUTLETS:
        return KNOWN_OUTLETS[label]
    matching = [name for name in cleaned if _matches(name, label)]
    if matching:
        return _fullest_form(matching[0], cleaned)
    return _fullest_form(cleaned[0], cleaned) if cleaned else None


def _fullest_form(name: str, names: list[str]) -> str:
    """The same name as the page writes it most fully: "PC Gamer" beside "pcgamer"."""
    same = [n for n in names if outlet_key(n) == outlet_key(name)]
    return max(same, key=lambda n: (len(n.split()), not n.islower()))


def outlet_name(raw: str) -> str | None:
    """One declared name made speakable, or None when it cannot be a name.

    "WSVN 7News | Miami News, Weather" → "WSVN 7News"; "DW.COM" → "DW"; "nationnews.com" →
    "Nation News"; "PhillyVoice" → "Philly Voice"; a sentence → None.
    """
    text = " ".join(raw.split()).strip(" -|–—:·")
    text = re.sub(
        r"\s*\((?:www\.)?[\w.-]+\.[a-z]{2,}\)$", "", text
    )  # "Deutsche Welle (www.dw.com)"
    text = _FEED_LABEL.sub("", text)  # "tagesschau.de RSS2-Feed": the feed's title, not a name
    if not text:
        return None
    text = _NAME_SEPARATOR.split(text, maxsplit=1)[0].strip(" ,")
    domain = _DOMAIN_NAME.match(text)
    if domain:
        label = re.sub(r"[^a-z0-9]", "", domain.group(2).lower())
        if label in KNOWN_OUTLETS:
            return KNOWN_OUTLETS[label]
        stem = domain.group(2)
        if stem.islower() and len(stem.replace("-", "")) > _MAX_PLAIN_STEM:
            return None  # "valleychronicle.com": glued words nobody can split by rule
        text = stem if not stem.islower() else stem.replace("-", " ").title()
    known = KNOWN_OUTLETS.get(outlet_key(text))
    if known:
        return known
    if outlet_key(text) in TEMPLATE_NAMES:
        return None
    if text.islower() and " " not in text and len(text) > _MAX_PLAIN_STEM:
        return None  # "bostonherald": the same glued words, without the ".com"
    text = _GLUED.sub(" ", text)
    words = text.split()
    if not words or len(words) > MAX_OUTLET_WORDS or text.endswith((".", "?", "!")):
        return None
    if not any(c.isalpha() for c in text):
        return None
    return text


def _matches(name: str, label: str | None) -> bool:
    """Does a name belong to the address? "Reuters" ↔ reuters, "WSVN 7News" ↔ wsvn,
    "Kaieteur News" ↔ kaieteurnewsonline, "Los Angeles Times" ↔ latimes (initials)."""
    if not label:
        return False
    key = outlet_key(name)
    if not key:
        return False
    if re.sub(r"[^a-z0-9]", "", name.casefold()) == label:
        return True  # "The Hindu" ↔ thehindu
    if (
        key == label
        or (len(label) >= 3 and key.startswith(label))
        or (len(key) >= 4 and label.startswith(key))
    ):
        return True
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z0-9]+", name)).lower()
    return len(initials) >= 2 and label.startswith(initials)
