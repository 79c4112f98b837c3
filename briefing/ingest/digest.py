"""A newsletter's blocks into its stories: one per item of a digest, in the newsletter's order,
or the whole essay as one.

How a newsletter marks its items differs from one sender to the next, so the structure is
read from the message itself, in this order:

1. A table of contents ("In today's issue: …") whose entries come back later as headings
   says where the items start, and that this is a digest.
2. A heading near the top that repeats the subject is a post's title: one essay, however
   many sub-headings follow.
3. Numbered headlines ("1. …", "2. …") are the items.
4. Headings (tags, or bold or large type) that each lead some text are the items; the
   rank that splits the message into the most such sections of substance wins.
5. Paragraphs that open with a linked headline ("Title — what it is") are the items of a
   link digest; a link alone is an item that is only a headline.
6. Otherwise the whole message is one story.

Furniture is dropped before any of this (`briefing.ingest.mail_furniture`), and with it whole
sections whose heading says they are an ad, a referral ask, a poll or a jobs board.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.ingest.mail_furniture import (
    is_forward_header,
    is_furniture,
    is_section_furniture,
    is_sign_off,
    opens_sponsor_block,
)
from briefing.ingest.mail_html import Block

HEADLINE_MAX_WORDS = 22
"""A block longer than this is a paragraph, however it is set."""
SECTION_MIN_WORDS = 12
"""A heading leads an item when at least this much text follows it."""
ESSAY_TITLE_WITHIN_WORDS = 80
"""A post's title comes before this much of its text."""
SIGN_OFF_AFTER = 0.6
"""A sign-off ends the letter's own words only this far in (a share of its words)."""
LINK_ITEMS_PER_SECTION = 2.0
"""Link paragraphs this many per heading section: the headings are group labels."""
_NUMBERED = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+(?=\S)")
_SEPARATOR = re.compile(r"^\s*(?:[—–:|↳→»]|-{1,2}(?=\s)|\.\s)\s*")
_SENTENCE_END = re.compile(r"[.!?…\"”’:]$")
_SYMBOLS = re.compile(r"^[^\w\"“‘'(\[$£€]+|[^\w\"”’'?!)\]%$.…]+$")


@dataclass
class Item:
    """One story of a newsletter before it becomes an `Article`."""

    title: str | None
    paragraphs: list[str] = field(default_factory=list)
    url: str | None = None


@dataclass
class _Entry:
    block: Block
    rank: int | None
    """1 to 6 for heading tags, 7 for a short block set in bold or large type; None for text."""
    sponsor_tail: bool = False


def find_items(blocks: list[Block], subject: str | None) -> list[Item]:
    """The stories in a newsletter's blocks (see the module's docstring for the rules)."""
    entries = _content(blocks, subject)
    if not entries:
        return []
    contents = _contents_list(entries)
    title_at = _title_index(entries, subject)
    if title_at is not None and (contents is None or title_at < contents[0]):
        return [_essay(entries, title_at, subject)]  # a table of contents of the post itself
    story_rank = None
    if contents is not None:
        start, end, story_rank = contents
        entries = entries[:start] + entries[end:]
    else:
        numbered = _numbered(entries)
        if numbered:
            return numbered
    sections = _sections(entries, story_rank)
    links = _link_items(entries)
    linked = [item for item in links if item.url]
    if len(linked) >= 4 and len(linked) >= LINK_ITEMS_PER_SECTION * len(sections):
        return links
    if len(sections) >= 2:
        return sections
    return [_whole(entries, subject)]


def _content(blocks: list[Block], subject: str | None) -> list[_Entry]:
    """The blocks that are not furniture, ranked; furniture sections dropped whole, and
    everything after a sign-off late in the letter. A block that repeats the subject is the
    post's title, whatever it looks like ("why ish / 2022-10-14")."""
    total = sum(b.words for b in blocks)
    seen = 0
    entries: list[_Entry] = []
    skip_below: int | None = None  # inside a furniture section opened by a heading of this rank
    forwarded = False
    sponsored = False  # inside an advertiser's block opened by "Sponsored by …"
    for block in blocks:
        text = block.text
        seen += block.words
        if is_forward_header(text):
            forwarded = True
            continue
        if forwarded and not entries and re.match(r"^[\w-]+:\s", text) and block.words <= 20:
            continue  # the forward's header lines
        if entries and seen >= SIGN_OFF_AFTER * total and is_sign_off(text):
            break  # what follows "That's a wrap!" is the footer: an ad, a plug, a poll
        rank = _rank(block)
        if skip_below is not None:
            if rank is None or rank > skip_below:
                continue
            skip_below = None
        if rank is not None and is_section_furniture(text):
            skip_below = rank
            continue
        if sponsored:
            if rank is None and block.lead()[1] is None:
                continue  # the advertiser's copy, up to the next heading or linked item
            sponsored = False
        if opens_sponsor_block(text):
            sponsored = True
            continue
        if is_furniture(text) and not (subject and _is_title(block, subject)):
            if re.search(r"\bsponsor\)?$", text, re.IGNORECASE) and entries:
                entries[-1].sponsor_tail = True  # "Memetria sponsor": the item above is an ad
            continue
        entries.append(_Entry(block, rank))
    return entries


def _is_title(block: Block, subject: str) -> bool:
    return block.words <= HEADLINE_MAX_WORDS and same_headline(block.text, subject)


def _rank(block: Block) -> int | None:
    if block.words > HEADLINE_MAX_WORDS or block.words == 0:
        return None
    if block.level is not None:
        return block.level
    text = block.text
    if block.strong and not text.endswith((".", ",", ";", ":")) and not block.list_item:
        return 7
    return None


def _contents_list(entries: list[_Entry]) -> tuple[int, int, int] | None:
    """A list of short entries that come back later as headings is a table of contents:
    (where it starts, where it ends, the rank of the headings it names). Its intro line
    ("Here's what we're serving today:") goes with it."""
    headings = [(i, e) for i, e in enumerate(entries) if e.rank is not None]
    start = 0
    while start < len(entries):
        end = start
        while end < len(entries) and _contents_like(entries[end]):
            end += 1
        if end - start >= 2:
            later = [(i, e) for i, e in headings if i >= end]
            matched = [
                best
                for entry in entries[start:end]
                if (best := _best_heading(entry.block.text, later)) is not None
            ]
            if len(matched) >= 2 and len(matched) * 2 >= end - start:
                ranks = [e.rank for _, e in matched if e.rank is not None]
                rank = min(set(ranks), key=lambda r: (-ranks.count(r), r))
                if start > 0 and entries[start - 1].block.text.endswith(":"):
                    start -= 1
                return start, end, rank
        start = end + 1
    return None


def _contents_like(entry: _Entry) -> bool:
    block = entry.block
    return (
        block.words <= 14
        and (block.list_item or entry.rank is None)
        and not (block.text.endswith(".") and block.words > 8)
    )


def _best_heading(text: str, headings: list[tuple[int, _Entry]]) -> tuple[int, _Entry] | None:
    best: tuple[float, tuple[int, _Entry]] | None = None
    for candidate in headings:
        score = similarity(text, candidate[1].block.text)
        if score >= 0.34 and (best is None or score > best[0]):
            best = (score, candidate)
    return best[1] if best else None


def _title_index(entries: list[_Entry], subject: str | None) -> int | None:
    """Where the post's title (the subject again) stands, when it comes before much text."""
    if not subject:
        return None
    words_before = 0
    for index, entry in enumerate(entries):
        if _is_title(entry.block, subject):
            return index
        if entry.rank is None:
            words_before += entry.block.words
            if words_before > ESSAY_TITLE_WITHIN_WORDS:
                return None
    return None


def _essay(entries: list[_Entry], title_at: int, subject: str | None) -> Item:
    """One post: everything after its title, without its sub-headings and byline."""
    body = [e for e in entries[title_at + 1 :] if e.rank is None]
    while body and (_byline(body[0].block.text) or _dated(body[0].block.text)):
        body = body[1:]  # "by Nathan Baschez", "Andrew Methven", "Feb 19"
    heading = entries[title_at].block
    title = clean_headline(heading.text) or clean_headline(subject)
    return Item(title, [e.block.text for e in body], _first_link(heading))


def _dated(text: str) -> bool:
    return len(text.split()) <= 4 and bool(
        re.match(r"(?i)^(?:by\s|\w{3,9}\.? \d{1,2}\b|\d{1,2} \w{3,9}\b)", text)
    )


def _numbered(entries: list[_Entry]) -> list[Item]:
    """ "1. World's talking about Adani", "2. …": headlines numbered in order."""
    starts = [
        i
        for i, e in enumerate(entries)
        if (e.rank is not None or e.block.strong) and _NUMBERED.match(e.block.text)
    ]
    numbers = [int(_NUMBERED.match(entries[i].block.text).group(1)) for i in starts]  # type: ignore[union-attr]
    if len(starts) < 2 or numbers != sorted(numbers) or len(set(numbers)) != len(numbers):
        return []
    items = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(entries)
        items.append(_item(entries[start], entries[start + 1 : end]))
    return [item for item in items if item.title]


def _sections(entries: list[_Entry], rank: int | None) -> list[Item]:
    """Headings that lead text; the rank with the most sections of substance, or `rank`."""
    ranks = sorted({e.rank for e in entries if e.rank is not None})
    best: list[Item] = []
    for candidate in [rank] if rank is not None else ranks:
        starts = [i for i, e in enumerate(entries) if e.rank is not None and e.rank <= candidate]
        items = []
        for position, start in enumerate(starts):
            end = starts[position + 1] if position + 1 < len(starts) else len(entries)
            body = entries[start + 1 : end]
            if entries[start].rank != candidate and rank is None:
                continue
            if sum(e.block.words for e in body if e.rank is None) >= SECTION_MIN_WORDS:
                items.append(_item(entries[start], body))
        if len(items) > len(best):
            best = items
    return [item for item in best if item.title]


def _item(heading: _Entry, body: list[_Entry]) -> Item:
    paragraphs = [e.block.text for e in body if e.rank is None or e.block.words > 12]
    url = _first_link(heading.block)
    return Item(clean_headline(heading.block.text), paragraphs, url)


def _link_items(entries: list[_Entry]) -> list[Item]:
    """Paragraphs led by a linked headline ("Title — what it is"); a link alone is an item
    that is only a headline. Text between items belongs to the item above it; after a
    label ("In brief:") it is an item of its own under that label."""
    items: list[Item] = []
    current: Item | None = None
    sponsored: set[int] = set()
    for entry in entries:
        block = entry.block
        lead, href, rest = block.lead()
        is_item = (
            href is not None
            and 1 <= len(lead.split()) <= HEADLINE_MAX_WORDS
            and not block.list_item
            and (not rest or _SEPARATOR.match(rest) or _byline(rest) or _versioned(lead, rest))
        )
        if is_item:
            if _versioned(lead, rest):
                version, _, rest = rest.partition(" ")
                lead = f"{lead} {version}"
            current = Item(clean_headline(lead), [], href)
            items.append(current)
            described = _SEPARATOR.sub("", rest, count=1) if rest else ""
            if described and not (_byline(rest) and not _SEPARATOR.match(rest)):
                current.paragraphs.append(described)
            if entry.sponsor_tail:
                sponsored.add(len(items) - 1)
            continue
        if entry.rank is not None or _label(block):  # "Code & Tools", "In brief:"
            current = Item(clean_headline(block.text), [])
            items.append(current)
            continue
        if current is not None and not _byline(block.text):
            current.paragraphs.append(block.text)
        if entry.sponsor_tail and items:
            sponsored.add(len(items) - 1)
    return [
        item
        for i, item in enumerate(items)
        if i not in sponsored and item.title and (item.url or item.paragraphs)
    ]


def _versioned(lead: str, rest: str) -> bool:
    """ "Awilix 8.0 ↳ what it is": a linked name, its version, then the description."""
    return bool(re.match(r"^v?\d+(?:\.\d+)*\s*[↳—–:]", rest))


def _label(block: Block) -> bool:
    """A short line that names a group of items: "IN BRIEF:", "Code & Tools"."""
    text = block.text
    return block.words <= 5 and (text.endswith(":") or (block.strong and not text.endswith(".")))


def _byline(text: str) -> bool:
    """ "Liran Tal (Snyk)", "Jasper Haggenburg": a short line of names, no sentence."""
    words = text.split()
    return (
        0 < len(words) <= 6
        and not _SENTENCE_END.search(text)
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    )


def _whole(entries: list[_Entry], subject: str | None) -> Item:
    title = clean_headline(subject) if subject else None
    headings = [e for e in entries if e.rank is not None]
    if title is None and headings:
        title = clean_headline(headings[0].block.text)
    return Item(title, [e.block.text for e in entries if e.rank is None])


def _first_link(block: Block) -> str | None:
    hrefs = [h for h in block.hrefs if h.lower().startswith(("http://", "https://"))]
    return hrefs[0] if hrefs else None


def clean_headline(text: str | None) -> str | None:
    """A headline as said: no numbering, emoji or trailing colon; "Fwd:" and list tags gone."""
    if not text:
        return None
    text = re.sub(r"^(?:\s*(?:re|fwd?|fw|aw|tr)\s*:\s*)+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^\s*\[[^\]]{1,40}\]\s*", "", text)
    text = _NUMBERED.sub("", text)
    text = _READING_TIME.sub("", text)
    text = " ".join(_SYMBOLS.sub("", text).split())
    return text or None


_WORD = re.compile(r"[^\W_]+")
_READING_TIME = re.compile(
    r"\s*[(\[]\s*\d+\s*(?:-\s*\d+\s*)?(?:min(?:ute)?s?|m)(?:\s+(?:read|watch|listen))?\s*[)\]]",
    re.IGNORECASE,
)
"""TLDR's "(3 minute read)", "[5 min]": for a reader deciding what to click, not a listener."""


def same_headline(a: str, b: str) -> bool:
    """Do two lines give the same headline (a subject and the title above the post)?"""
    left, right = _stems(a), _stems(b)
    if not left or not right:
        return False
    shared = len(left & right)
    return 2 * shared / (len(left) + len(right)) >= 0.6 or (
        shared >= 3 and shared >= 0.8 * min(len(left), len(right))
    )


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _WORD.findall(text.casefold()) if len(w) > 2 or w.isdigit()}


def similarity(a: str, b: str) -> float:
    """How far two headlines say the same: the share of the shorter one's words (stemmed to
    five letters) found in the other."""
    left = {w[:5] for w in _WORD.findall(a.casefold()) if len(w) > 2 or w.isdigit()}
    right = {w[:5] for w in _WORD.findall(b.casefold()) if len(w) > 2 or w.isdigit()}
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def recase_shouted(headline: str, context: str) -> str:
    """ "THE SEC IS INVESTIGATING YUGA LABS" → "The SEC is investigating Yuga Labs": each
    word as the letter itself writes it elsewhere (an acronym stays in capitals, a name keeps
    its capital), any other word in lower case."""
    letters = [c for c in headline if c.isalpha()]
    if len(headline.split()) < 2 or not letters or not all(c.isupper() for c in letters):
        return headline
    forms: dict[str, dict[str, int]] = {}
    for word in _WORD.findall(context):
        counts = forms.setdefault(word.casefold(), {})
        counts[word] = counts.get(word, 0) + 1

    def recase(match: re.Match[str]) -> str:
        word = match.group(0)
        seen = forms.get(word.casefold(), {})
        lower = {form: n for form, n in seen.items() if not form.isupper() or len(form) == 1}
        if word in seen and seen[word] >= sum(lower.values()):
            return word  # written in capitals in the text too: an acronym
        if lower:
            best = max(lower, key=lambda form: (lower[form], form.islower()))
            return best if not best[:1].isupper() or _mid_sentence(best, context) else best.lower()
        return word.lower()

    text = _WORD.sub(recase, headline)
    return text[:1].upper() + text[1:]


def _mid_sentence(word: str, context: str) -> bool:
    """Is this capitalised form used inside a sentence (a name), not only after a full stop?"""
    return re.search(rf"[\w,;:] {re.escape(word)}\b", context) is not None
