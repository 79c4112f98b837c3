"""What a news page declares about itself: its headline and the outlet's name, cleaned.

Pages say their headline in several places (`og:title`, `twitter:title`, JSON-LD
`headline`, `<h1>`, `<title>`) and their publisher's name in others (`og:site_name`,
JSON-LD `publisher`, `application-name`), and each is polluted in its own way: "| Site"
tails, section names, dates, SEO phrases, a CMS's name where a headline should be, a
section's name where a site name should be. The rules here compare every candidate with
the names the page gives for its site and with its address, so they hold for sites never
seen before. A page whose only "headline" is its site's own name is not a story (a live
board, an index page) and is refused by name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from briefing.ingest.outlets import (
    TEMPLATE_NAMES,
    domain_label,
    host_of,
    outlet_key,
    outlet_name,
    speakable_outlet,
)

_SEPARATOR = re.compile(r"(\s+[|–—·»•]\s+|\s+-{1,2}\s+|\s*\|\s*|\s+[–—]|[–—]\s+)")
_CMS_NAMES = TEMPLATE_NAMES | frozenset(
    ["escenic", "drupal", "joomla", "arc", "page", "story", "post", "null", "none", "undefined"]
)
"""Names of content systems and template values: never a page's headline."""
_DATE_SEGMENT = re.compile(
    r"^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(?:\w+day,?\s+)?\d{1,2}\s+\w+\s+\d{4}|"
    r"\w+\.?\s+\d{1,2},?\s+\d{4}|\d{4})$"
)
_FRONT_PAGE = re.compile(r"^/?(?:index\.\w+|home|default\.\w+)?/?$", re.IGNORECASE)
_MEDIA_KICKER = re.compile(
    r"^(?:watch|video|photos?|pictures|gallery|listen|in pictures|live)\s*[:|–—-]\s+(?=\S)",
    re.IGNORECASE,
)
"""What the page shows beside the story ("WATCH:"), not part of what a listener hears."""
_STORY_TYPES = re.compile(r"(?i)article|posting|report|story")
_MIN_HEADLINE_WORDS = 2
_MAX_SECTION_WORDS = 4


@dataclass(frozen=True)
class PageMeta:
    """The page's own declarations, in the order they are trusted."""

    titles: tuple[str, ...]
    """Headline candidates: og:title, twitter:title, JSON-LD headline, <title>, <h1>."""
    site_names: tuple[str, ...]
    """Outlet candidates: og:site_name, JSON-LD publisher and organisation, application-name."""
    sections: frozenset[str]
    """Keys of the page's section names (meta, JSON-LD, breadcrumbs, the URL's path)."""
    host: str | None
    front_page: bool = False
    """The address is a site's front page ("https://example.com/"): an index, not a story."""
    locale: str | None = None
    """The language and region the page declares (`<html lang>`, og:locale, JSON-LD
    inLanguage), as "en-US"."""
    alternatives: frozenset[str] = frozenset()
    """Keys of JSON-LD `alternativeHeadline`s: the page's own word that a title (often the
    og:title) is the social-media variant, not the headline it prints."""


def read_meta(tree: Any, url: str | None) -> PageMeta:
    """Collect the page's declarations from a parsed lxml tree."""
    ld = list(_json_ld(tree))
    titles: list[str] = []
    titles += _meta(tree, "og:title", "twitter:title")
    titles += [str(item["headline"]) for item in ld if _is_story(item) and item.get("headline")]
    alternatives = {
        outlet_key(" ".join(str(item["alternativeHeadline"]).split()))
        for item in ld
        if _is_story(item) and item.get("alternativeHeadline")
    }
    titles += [_text(t) for t in tree.xpath("//head/title | //title")[:1]]
    titles += [_text(h) for h in tree.xpath("//h1")[:2]]
    names: list[str] = _meta(tree, "og:site_name")
    for item in ld:
        publisher = item.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.append(publisher["name"])
        elif isinstance(publisher, str):
            names.append(publisher)
    for item in ld:
        is_site = _types(item) & {"NewsMediaOrganization", "Organization", "WebSite"}
        if is_site and isinstance(item.get("name"), str):
            names.append(item["name"])
    names += _meta(tree, "application-name", "publisher")
    names += _feed_names(tree)
    sections = set(_meta(tree, "article:section"))
    for item in ld:
        section = item.get("articleSection")
        sections.update([section] if isinstance(section, str) else [])
        if "BreadcrumbList" in _types(item):
            for entry in (item.get("itemListElement") or [])[:-1]:  # the last is the page
                if isinstance(entry, dict):
                    inner = entry.get("item")
                    name = entry.get("name") or (
                        inner.get("name") if isinstance(inner, dict) else None
                    )
                    if isinstance(name, str):
                        sections.add(name)
    page_url = url or next(iter(_meta(tree, "og:url")), None) or _canonical(tree)
    host = host_of(page_url) if page_url else None
    front = bool(url) and _FRONT_PAGE.match(urlsplit(url or "").path) is not None
    if page_url:
        parts = [p for p in urlsplit(page_url).path.split("/") if p and not p.isdigit()]
        sections.update(p for p in parts[:-1] if len(re.split(r"[-_]", p)) <= 3)
    titles = [t for t in (" ".join(x.split()) for x in titles) if t]
    title_keys = {outlet_key(t) for t in titles}
    weak = {" ".join(n.split()) for n in _meta(tree, "application-name")}
    names = [
        n
        for n in (" ".join(x.split()) for x in names)
        if n and not (outlet_key(n) in title_keys and (n in weak or len(n.split()) > 3))
    ]  # a "site name" that is the headline is not a site name
    return PageMeta(
        titles=tuple(titles),
        site_names=tuple(names),
        sections=frozenset(k for k in (outlet_key(s) for s in sections) if k),
        host=host,
        front_page=front,
        alternatives=frozenset(alternatives - _headline_keys(ld)),
        locale=_locale(tree, ld),
    )


def choose_headline(meta: PageMeta) -> tuple[str | None, bool]:
    """The page's headline, cleaned; and whether the page's titles were only its site's name
    (then it is not a story). (None, False) when the page declares no title at all."""
    if meta.front_page and meta.titles:
        return None, True
    only_site = False
    # a title the page calls its alternative headline is tried after the others
    ordered = sorted(meta.titles, key=lambda t: outlet_key(t) in meta.alternatives)
    for candidate in ordered:
        stem = candidate.rstrip(".… ")
        if candidate.endswith(("...", "…")) and any(
            t.startswith(stem) and len(t) > len(stem) + 1 for t in meta.titles if t != candidate
        ):
            continue  # a truncated og:title, whole in another declaration
        cleaned = clean_headline(candidate, meta)
        if cleaned is None:
            only_site = only_site or _site_like(candidate.strip(" -|–—:"), meta)
            continue
        if _acceptable(cleaned, meta):
            return cleaned, False
        only_site = only_site or cleaned.casefold() in _CMS_NAMES  # "Home | Gazette"
    return None, only_site


def choose_outlet(meta: PageMeta, headline: str | None) -> str | None:
    """The outlet's name as a listener should hear it, or None when nothing is trustworthy."""
    titles = {outlet_key(t) for t in meta.titles} | {outlet_key(headline or "")}
    names = [n for n in meta.site_names if outlet_key(n) not in titles]
    names += [seg for t in meta.titles for seg in _segments(t)[1:] if _site_like(seg, meta)]
    if headline:  # "Headline | Valley Chronicle": the segment after the headline names the site
        names += [
            segments[-1]
            for t in meta.titles
            if len(segments := _segments(t)) == 2
            and outlet_key(segments[0]) == outlet_key(headline)
        ]
    return speakable_outlet(names, meta.host, meta.sections)


def feed_item_title(title: str, feed_title: str | None, feed_url: str | None) -> str:
    """A feed item's title without the outlet's name some feeds add ("Headline - Reuters")."""
    host = host_of(feed_url) if feed_url else None
    names = tuple(n for n in (feed_title, speakable_outlet([feed_title or ""], host)) if n)
    meta = PageMeta(titles=(title,), site_names=names, sections=frozenset(), host=host)
    return clean_headline(title, meta) or title


def clean_headline(title: str, meta: PageMeta) -> str | None:
    """Drop "| Site", "Site - ", section and date segments; None when nothing but those is left."""
    text = " ".join(title.split())
    site_cut = False
    for name in sorted(meta.site_names, key=len, reverse=True):  # a site name with separators
        suffix = re.search(rf"{_SEPARATOR.pattern}(?i:the\s+)?{re.escape(name)}$", text)
        if len(name) > 3 and suffix and suffix.start() > 3:
            text, site_cut = text[: suffix.start()], True
    parts = _SEPARATOR.split(text)
    segments, separators = parts[0::2], parts[1::2]
    others = {outlet_key(t) for t in meta.titles if t != title}
    agreed = [s for s in segments if len(segments) > 1 and outlet_key(s) in others]
    if agreed and _acceptable(agreed[0], meta):  # "Headline | Chronicle" beside <h1>Headline
        return agreed[0].strip()
    cut = next((i for i in range(1, len(segments)) if _site_like(segments[i], meta)), None)
    if cut is not None:
        segments, separators = segments[:cut], separators[: cut - 1]
    if cut is not None or site_cut:
        while len(segments) > 1 and _short_tail(segments):  # "Headline | Education | Site"
            segments, separators = segments[:-1], separators[:-1]
    while len(segments) > 1 and _tail_like(segments[-1], meta):
        segments, separators = segments[:-1], separators[:-1]
    while len(segments) > 1 and _site_like(segments[0], meta):
        segments, separators = segments[1:], separators[1:]
    joined = segments[0]
    for separator, segment in zip(separators, segments[1:], strict=True):
        joined += separator + segment
    joined = joined.strip(" |–—·-:")
    joined = _MEDIA_KICKER.sub("", joined)
    prefix = re.match(r"([^:]{1,40}):\s+(?=\S)", joined)  # "Site: headline"
    if prefix and _site_like(prefix.group(1), meta):
        joined = joined[prefix.end() :]
    if not joined or _site_like(joined, meta):
        return None
    return joined


_FEED_TAIL = re.compile(
    r"\s*(?:[»›:|]|\s[-–—]\s).*$|\s+(?:rss|atom)\b.*$|\s+feeds?$", re.IGNORECASE
)


def _feed_names(tree: Any) -> list[str]:
    """The site's name as its feed link gives it ("Daniel Lemire's blog » Feed"), the last
    resort of pages that declare no site name anywhere else."""
    feeds = tree.xpath(
        "//link[@rel='alternate'][contains(@type, 'rss') or contains(@type, 'atom')]/@title"
    )
    for title in feeds:
        name = _FEED_TAIL.sub("", " ".join(str(title).split()))
        if name and "comment" not in str(title).casefold():
            return [name]
    return []


def _locale(tree: Any, ld: list[dict[str, Any]]) -> str | None:
    """The language of the first declaration (`<html lang>`, then og:locale, then JSON-LD
    inLanguage), with the region a later one gives for the same language ("de" and og:locale
    "de_DE" → "de-DE"; "en" alone says nothing of dates)."""
    from briefing.ingest.language import normalise_locale

    declared = [str(v) for v in tree.xpath("/html/@*[local-name()='lang' or name()='xml:lang']")]
    declared += _meta(tree, "og:locale")
    declared += [_in_language(i["inLanguage"]) for i in ld if i.get("inLanguage")]
    forms = [f for f in map(normalise_locale, declared) if f]
    if not forms:
        return None
    language = forms[0].split("-")[0]
    return next((f for f in forms if f.startswith(f"{language}-")), forms[0])


def _in_language(value: Any) -> str:
    """JSON-LD inLanguage: "de-DE", or a Language object {"alternateName": "de"}."""
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name") or ""
    return str(value)


def _headline_keys(ld: list[dict[str, Any]]) -> set[str]:
    """Keys of the JSON-LD headlines themselves: an alternative equal to one is no signal."""
    return {
        outlet_key(" ".join(str(item["headline"]).split()))
        for item in ld
        if _is_story(item) and item.get("headline")
    }


def _acceptable(headline: str, meta: PageMeta) -> bool:
    """Not a CMS or template name, not a section's name, not a lone word."""
    words = headline.split()
    if len(words) < _MIN_HEADLINE_WORDS or headline.casefold() in _CMS_NAMES:
        return False
    return len(words) > _MAX_SECTION_WORDS or outlet_key(headline) not in meta.sections


def _site_like(segment: str, meta: PageMeta) -> bool:
    """Is this title segment the site's name (or its address)?"""
    key = outlet_key(segment)
    if not key:
        return True
    if len(segment.split()) > 5:
        return False
    label = domain_label(meta.host) if meta.host else None
    if label and (key == label or (len(label) >= 3 and (key.startswith(label)))):
        return True
    if label and re.sub(r"[^a-z0-9]", "", segment.casefold()) == label:
        return True  # "The Hindu" on thehindu.com
    if label and len(key) >= 4 and label.startswith(key):
        return True
    words = re.findall(r"[A-Za-z0-9]+", segment)
    initials = "".join(w[0] for w in words).lower()
    if label and 2 <= len(words) <= 4 and label.startswith(initials):
        return True  # "New York Post" on nypost.com, "Los Angeles Times" on latimes.com
    for name in _names_and_forms(meta.site_names):
        name_key = outlet_key(name)
        if not name_key or len(name.split()) > 8:
            continue
        if key == name_key or (len(key) >= 3 and key in name_key and len(name.split()) <= 5):
            return True
        if len(name_key) >= 4 and name_key in key:
            return True
    return False


def _names_and_forms(names: Iterable[str]) -> list[str]:
    """Each declared site name and its speakable form ("DW.COM" and "DW")."""
    forms = list(names)
    forms += [form for form in (outlet_name(n) for n in names) if form]
    return forms


def _short_tail(segments: list[str]) -> bool:
    """Before a site's name, a short last segment after a real headline is a section."""
    return len(segments[0].split()) >= 4 and len(segments[-1].split()) <= 3


def _tail_like(segment: str, meta: PageMeta) -> bool:
    """A segment that follows a headline but is not part of it: a date or a section."""
    return bool(_DATE_SEGMENT.match(segment.strip())) or outlet_key(segment) in meta.sections


def _segments(title: str) -> list[str]:
    return [s for s in _SEPARATOR.split(" ".join(title.split()))[0::2] if s.strip()]


def _meta(tree: Any, *names: str) -> list[str]:
    found: list[str] = []
    for name in names:
        for value in tree.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content'):
            if str(value).strip():
                found.append(str(value))
                break
    return found


def _canonical(tree: Any) -> str | None:
    links = tree.xpath('//link[@rel="canonical"]/@href')
    return str(links[0]) if links and str(links[0]).startswith("http") else None


def _text(element: Any) -> str:
    return " ".join(str(element.text_content()).split())


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph and lists flattened; broken blocks skipped."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        yield from _flatten(data)


def _flatten(data: Any) -> Iterable[dict[str, Any]]:
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            graph = item.get("@graph")
            if graph is not None:
                stack.extend(graph if isinstance(graph, list) else [graph])
            yield item


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    if isinstance(kind, str):
        return {kind}
    return {k for k in kind if isinstance(k, str)} if isinstance(kind, list) else set()


def _is_story(item: dict[str, Any]) -> bool:
    return any(_STORY_TYPES.search(kind) for kind in _types(item))
