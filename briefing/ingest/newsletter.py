"""E-mail newsletters: a message (or its HTML body alone) into one `Article` per story.

The message is decoded (`briefing.ingest.message`), its HTML read as visible blocks
(`briefing.ingest.mail_html`), the frame dropped and the items found
(`briefing.ingest.digest`); each item then passes the same screening as any article
(`check_article`). The outlet said is the newsletter's name: the sender's display name
("Lenny from Lenny's Newsletter" → "Lenny's Newsletter"), else the List-Id's, else the
name in its copyright line, else its sender's domain.
"""

from __future__ import annotations

import re
from dataclasses import replace

from briefing.errors import BriefingError, InputError
from briefing.ingest.decode import decode_text
from briefing.ingest.digest import Item, clean_headline, find_items, recase_shouted
from briefing.ingest.mail_furniture import spoken_sentences, without_addresses
from briefing.ingest.mail_html import Block, html_blocks, page_title, text_blocks
from briefing.ingest.message import Letter, parse_message, read_letter
from briefing.ingest.stories import LinkOptions, Stories
from briefing.models import Article, StoryFailure

_MAIL_MARKS = re.compile(
    rb"x-apple-disable-message-reformatting|view (?:this email |it )?in (?:your |a )?browser",
    re.IGNORECASE,
)
_UNSUBSCRIBE = re.compile(
    r"unsubscribe|d[ée]sabonner|abmelden|darse de baja|opt[- ]?out|cancel your subscription|"
    r"manage (?:your )?(?:subscription|preferences)|e-?mail preferences",
    re.IGNORECASE,
)
_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]{0,200}\?>")
_WEB_PAGE = re.compile(rb"<link[^>]{1,300}rel=[\"']canonical|property=[\"']og:url", re.IGNORECASE)
_FORWARDED_FROM = re.compile(r"^(?:from|de|von|da|van|från|fra)\s?:\s*(.+)$", re.IGNORECASE)
_FORWARDED_SUBJECT = re.compile(
    r"^(?:subject|objet|betreff|asunto|oggetto|onderwerp|assunto|ämne|emne)\s?:\s*(.+)$",
    re.IGNORECASE,
)
_RIGHTS = re.compile(r"(?i)^(?:©\s*)*(?:tous droits réservés|all rights reserved)\s*")
_COPYRIGHT = re.compile(
    r"(?:©\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"([A-Z][^,.|–—©\d]{1,60}?)\s*(?=,|\.|\||–|—|\ball rights\b|\bunsubscribe|\d|$)",
    re.IGNORECASE,
)
_NAME_BEFORE_COPYRIGHT = re.compile(r"^([A-Z][^|©]{2,60}?)\s*©")
_FROM_NEWSLETTER = re.compile(r"^.{1,40}?\s+(?:from|at|@)\s+(.{2,60})$", re.IGNORECASE)
_TEMPLATE_TITLES = frozenset({"", "title", "untitled", "newsletter", "email", "(no subject)"})
MIN_STORY_WORDS = 5
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_SCRIPT = re.compile(r"\s*[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+")
"""Chinese, Japanese or Korean words quoted in an English letter: no English voice says them."""
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u20e3]+")
"""Pictographs ("🥛", "🤝"): a voice reads their names or nothing; neither helps."""
_ENDED = re.compile(r"[.!?…:;][\"”’')\]]*$")


def looks_like_newsletter(data: bytes) -> bool:
    """HTML written for a mail program rather than a web page: a link to unsubscribe (or a
    "view in browser" line, or Apple Mail's meta tag), and no canonical address of its own."""
    sample = data[: 4 * 1024 * 1024]
    if b"<" not in sample[:4096] or _WEB_PAGE.search(sample[:200_000]):
        return False
    if _MAIL_MARKS.search(sample):
        return True
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub(b"", sample, count=1))
    except (etree.ParserError, ValueError):
        return False
    for link in root.iter("a"):
        text = f"{link.get('href') or ''} {link.text_content()[:200]}"
        if _UNSUBSCRIBE.search(text):
            return True
    return False


def stories_from_message(data: bytes, origin: str, links: LinkOptions | None = None) -> Stories:
    """The stories of one RFC 822 message (an .eml file, a message on stdin)."""
    return stories_from_letter(read_letter(parse_message(data), origin), links)


def stories_from_letter(letter: Letter, links: LinkOptions | None = None) -> Stories:
    """The stories of a decoded message; `InputError` when none can be read."""
    if letter.html:
        blocks = html_blocks(letter.html)
        fallback_title = page_title(letter.html)
    else:
        blocks = list(text_blocks(letter.text or ""))
        fallback_title = None
    subject, forwarded_from = _forwarded(blocks)
    subject = subject or letter.subject or fallback_title
    outlet = newsletter_name(
        sender=forwarded_from or letter.sender_name,
        address=letter.sender_address,
        list_name=letter.list_name,
        blocks=blocks,
    )
    return _articles(blocks, letter.origin, subject, outlet, letter, links or LinkOptions())


def stories_from_html(data: bytes, origin: str, links: LinkOptions | None = None) -> Stories:
    """The stories of a newsletter's HTML body saved on its own (no message headers)."""
    html = decode_text(data, origin)
    blocks = html_blocks(html)
    subject, forwarded_from = _forwarded(blocks)
    title = page_title(html)
    subject = subject or (title if (title or "").casefold() not in _TEMPLATE_TITLES else None)
    outlet = newsletter_name(sender=forwarded_from, address=None, list_name=None, blocks=blocks)
    letter = Letter(origin, subject, None, None, None, html, None)
    return _articles(blocks, origin, subject, outlet, letter, links or LinkOptions())


def _articles(
    blocks: list[Block],
    origin: str,
    subject: str | None,
    outlet: str | None,
    letter: Letter,
    links: LinkOptions,
) -> Stories:
    from briefing.ingest import check_article
    from briefing.ingest.language import screen_language
    from briefing.ingest.scripts import usual_script

    items = find_items(blocks, subject)
    everything = "\n".join(b.text for b in blocks)
    written = "\n".join(b.text for b in blocks if not b.text.isupper())  # words as written
    items = [
        replace(item, title=_headline(item.title, written)) if item.title else item
        for item in items
    ]
    locale = screen_language(everything, None, origin)  # once for the letter, not per item
    latin = locale is None or usual_script(locale.split("-")[0]) in ("Latn", None)
    stories = Stories()
    fetcher = None
    try:
        for number, item in enumerate(items, start=1):
            paragraphs = _spoken(item, latin)
            title = item.title
            if not paragraphs and title:
                paragraphs = [title if title.endswith((".", "?", "!")) else title + "."]
            where = f"{origin} (story {number})" if len(items) > 1 else origin
            article = Article(
                text="\n\n".join(paragraphs),
                title=title,
                origin=where,
                source_name=outlet,
                url=item.url,
                published=letter.date,
                locale=locale,
            )
            if links.fetch_links and item.url and _only_headline(item):
                if fetcher is None:
                    from briefing.fetch import Fetcher, default_settings

                    fetcher = Fetcher(default_settings())
                article = _with_page(article, fetcher, stories.failures)
            try:
                stories.articles.append(check_article(article, language=False))
            except InputError:
                continue  # an item of a few words (a label, a button left over): not a story
    finally:
        if fetcher is not None:
            fetcher.close()
    if not stories.articles:
        raise InputError(
            f"{origin}: no story found in this newsletter (only its frame: links, buttons, "
            "footer); nothing to summarise."
        )
    return stories


def _headline(title: str, written: str) -> str:
    return " ".join(_EMOJI.sub(" ", recase_shouted(title, written)).split())


def _spoken(item: Item, latin: bool = True) -> list[str]:
    """The item's paragraphs as they will be read: no address, no furniture sentence, no
    line in another script than a `latin` letter's (a quoted Chinese phrase an English voice
    cannot say), each ending as a sentence ends."""
    from briefing.ingest.furniture import strip_furniture

    paragraphs = [spoken_sentences(without_addresses(p)) for p in item.paragraphs]
    paragraphs = [
        " ".join(_EMOJI.sub(" ", _OTHER_SCRIPT.sub("", p) if latin else p).split())
        for p in paragraphs
        if p and (_mostly_latin(p) or not latin)
    ]
    titles = [item.title] if item.title else []
    return [_ended(p) for p in strip_furniture(paragraphs, titles=titles) if p]


def _mostly_latin(text: str) -> bool:
    letters = _LETTER.findall(text)
    return not letters or len(_LATIN.findall(text)) >= 0.7 * len(letters)


def _ended(paragraph: str) -> str:
    """A list item or a line without a full stop is still a sentence when read."""
    return paragraph if _ENDED.search(paragraph) else paragraph + "."


def _only_headline(item: Item) -> bool:
    return sum(len(p.split()) for p in item.paragraphs) < MIN_STORY_WORDS * 6


def _with_page(article: Article, fetcher: object, failures: list[StoryFailure]) -> Article:
    """The item's linked article, read by the same fetcher and rules as a feed's teaser."""
    from briefing.fetch import Fetcher
    from briefing.fetch.stories import parse_article_page

    assert isinstance(fetcher, Fetcher) and article.url
    try:
        page = parse_article_page(fetcher.get(article.url))
    except BriefingError as error:
        failures.append(StoryFailure(article.url, error.message, error.exit_code))
        return article
    return replace(article, text=page.text, locale=page.locale, url=page.url or article.url)


def _forwarded(blocks: list[Block]) -> tuple[str | None, str | None]:
    """The original subject and sender of a forwarded newsletter: from the innermost
    forward's header ("---------- Forwarded message ---------", then From:, Subject:)."""
    from briefing.ingest.mail_furniture import is_forward_mark

    subject = sender = None
    for index, block in enumerate(blocks[:80]):
        if not is_forward_mark(block.text):
            continue
        for line in blocks[index + 1 : index + 8]:
            if match := _FORWARDED_FROM.match(line.text):
                sender = _display_name(match.group(1))
            elif match := _FORWARDED_SUBJECT.match(line.text):
                subject = match.group(1).strip()
    return subject, sender


def _display_name(value: str) -> str | None:
    from email.utils import parseaddr

    name, _address = parseaddr(value)
    return " ".join(name.split()) or None


def newsletter_name(
    sender: str | None, address: str | None, list_name: str | None, blocks: list[Block]
) -> str | None:
    """The newsletter's name as said aloud, or None when nothing trustworthy names it."""
    from briefing.ingest.outlets import speakable_outlet

    candidates: list[str] = []
    if sender:
        match = _FROM_NEWSLETTER.match(sender)
        candidates.append(match.group(1) if match else sender)
    if list_name:
        candidates.append(list_name)
    copyright_name = _copyright_holder(blocks)
    if copyright_name:
        candidates.append(copyright_name)
    for candidate in candidates:
        name = clean_headline(candidate.strip("\"' "))
        if name and "@" not in name and len(name.split()) <= 6:
            return name
    host = address.rsplit("@", 1)[-1] if address and "@" in address else None
    return speakable_outlet([], host) if host else None


def _copyright_holder(blocks: list[Block]) -> str | None:
    """ "© 2023 ETEnergyworld, All rights reserved." → "ETEnergyworld"."""
    for block in reversed(blocks[-40:]):
        text = re.sub(r"(?i)\bcopyright\b|\(c\)", "©", block.text)
        if "©" not in text:
            continue
        before = _NAME_BEFORE_COPYRIGHT.match(text)
        if before:
            return before.group(1).strip(" -–—")
        match = _COPYRIGHT.search(text)
        if match:
            name = _RIGHTS.sub("", match.group(1)).strip(" -–—")
            if name:
                return name
    return None
