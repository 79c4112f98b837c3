"""What PDF and EPUB readers share: size limits, and the parts of a document nobody reads aloud.

A document brings furniture a web page does not: a press release's "ENDS" and notes to
editors, contact lines with e-mail addresses and links, a word processor's file name as its
title. These rules work on paragraphs of plain text, after a reader has put them in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from briefing.errors import InputError
from briefing.models import Article

MAX_DOCUMENT_BYTES = 40 * 1024 * 1024
"""PDFs and EPUBs carry pictures and fonts, so they may be larger than an article; past this a
file is a book of scans or an archive, not something to listen to."""

_MB = 1024 * 1024

_EMAIL = re.compile(r"[\w.%+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+", re.UNICODE)
_URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"]+|"
    r"\b[\w-]{2,63}(?:\.[\w-]{2,63})*\.(?:com|org|net|gov|edu|int|info|example|io|co\.uk|"
    r"org\.uk|ac\.uk|gov\.uk|eu|de|fr|uk|us|ca|au|nz|ie|in)(?:/[^\s<>\"]*)?(?=[\s,;:.!?)]|$)",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+|(?<=[.!?…][\"”’)])\s+")
_SHORT_SENTENCE = 24
"""A sentence this short that holds an address is a contact line; a longer one keeps its words."""
_LEAD_IN = re.compile(
    r"\s*(?:\b(?:at|on|via|visit|see|to|from|email|e-mail|contact|website|web|online at)"
    r"\s*:?\s*)?$",
    re.IGNORECASE,
)
_END_MARK = re.compile(
    r"^\s*(?:[-–—#*\s]*\b(?:ends?|end of (?:release|text))\b[-–—#*\s]*|#{3,})\s*$", re.IGNORECASE
)
_NOTES = re.compile(
    r"^\s*(?:notes? (?:to|for) (?:editors?|the editor)|editor'?s notes?|media (?:contacts?|"
    r"enquiries|inquiries)|press (?:contacts?|enquiries)|for (?:further|more) information)\b",
    re.IGNORECASE,
)
_JUNK_TITLE = re.compile(
    r"(?:^(?:microsoft (?:word|powerpoint|excel) ?-|untitled\b|document\s*\d*$|doc\d+$|"
    r"slide \d+$|powerpoint presentation$|press release$|title$|no title$|print$|pdf$|"
    r"layout \d+$|\d+$)|\.(?:docx?|pdf|indd|rtf|odt|pages|qxp|txt|tex|dvi|ps|html?|xlsx?|"
    r"pptx?|eps|ai|psd)$)",
    re.IGNORECASE,
)


_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = rf"(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+{_MONTH}\s+\d{{4}})"
_RELEASE_DATELINE = re.compile(
    rf"^(?:[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){{0,4}}\s*[,(–—-]?\s*)?\(?{_DATE}\)?\s*[-–—:/]+\s*"
    r"(?=[A-Z\"“‘'])",
)
"""A press release's dateline: "PORT ELLERY, 14 March 2026 —", "Washington, D.C. (March 5,
2021) –"; the place and the date, not the story."""
_RELEASE_LABEL = re.compile(
    r"^(?:for immediate release|(?:press|news|media) release|embargoed(?: until)?\b.*|"
    r"immediate release)[:.]?$",
    re.IGNORECASE,
)


def check_size(size: int, origin: str, kind: str) -> None:
    """Refuse a document over `MAX_DOCUMENT_BYTES` before reading it."""
    if size > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"{origin}: is a {size // _MB} MB {kind}, too large to read "
            f"(limit {MAX_DOCUMENT_BYTES // _MB} MB); give a smaller file, or the text alone."
        )


def plausible_title(title: str | None) -> str | None:
    """A metadata title worth saying; None for a file's name, "Untitled", "Microsoft Word - …"."""
    if not title:
        return None
    title = " ".join(title.replace("\x00", " ").split())
    if len(title) < 4 or _JUNK_TITLE.search(title):
        return None
    if " " not in title and ("_" in title or title.islower() or len(title) > 30):
        return None  # "pr_tours_final", "report2026v3": a file's name, not a headline
    return title


def drop_release_furniture(paragraphs: Sequence[str]) -> list[str]:
    """ "FOR IMMEDIATE RELEASE", "Press release" and the dateline opening the first paragraph."""
    kept = [p for p in paragraphs if not _RELEASE_LABEL.match(p.strip())]
    if kept:
        match = _RELEASE_DATELINE.match(kept[0])
        if match and len(match.group(0).split()) <= 12:
            kept[0] = kept[0][match.end() :]
    return kept


def cut_after_end_mark(paragraphs: Sequence[str]) -> list[str]:
    """A press release stops at "ENDS" (or "###", "- end -"); what follows is for journalists.
    Notes to editors and media contacts near the end go too, mark or none."""
    kept = list(paragraphs)
    words = [len(p.split()) for p in kept]
    total = sum(words) or 1
    before = 0
    for index, paragraph in enumerate(kept):
        if before >= total * 0.4 and (_END_MARK.match(paragraph) or _NOTES.match(paragraph)):
            return kept[:index]
        before += words[index]
    return kept


def drop_addresses(paragraphs: Iterable[str]) -> list[str]:
    """Paragraphs without e-mail addresses or links: a short sentence holding one (a contact
    line, "Photographs are at www…") goes whole, a long one loses the address and its lead-in."""
    kept: list[str] = []
    for paragraph in paragraphs:
        if not (_EMAIL.search(paragraph) or _URL.search(paragraph)):
            kept.append(paragraph)
            continue
        sentences = [s for s in _SENTENCE_BREAK.split(paragraph) if s.strip()]
        out: list[str] = []
        for sentence in sentences:
            if not (_EMAIL.search(sentence) or _URL.search(sentence)):
                out.append(sentence.strip())
            elif len(sentence.split()) > _SHORT_SENTENCE:
                out.append(_remove_addresses(sentence).strip())
        text = " ".join(s for s in out if s)
        if text:
            kept.append(text)
    return kept


def _remove_addresses(sentence: str) -> str:
    for pattern in (_EMAIL, _URL):
        while match := pattern.search(sentence):
            head = _LEAD_IN.sub("", sentence[: match.start()])
            sentence = head.rstrip(" ,(") + " " + sentence[match.end() :].lstrip(" )")
    return re.sub(r"\s+([,.;:!?])", r"\1", " ".join(sentence.split()))


def finish(articles: Sequence[Article], origin: str, kind: str) -> list[Article]:
    """Each story made safe to speak (`check_article`); a story too short to summarise (a
    dedication, a caption page) is left out, and only a document with none is refused."""
    from briefing.ingest import check_article  # the package imports this module's users

    stories: list[Article] = []
    first_error: InputError | None = None
    for article in articles:
        try:
            stories.append(check_article(article))
        except InputError as error:
            first_error = first_error or error
    if stories:
        return stories
    if first_error is not None and "too little text" not in first_error.message:
        raise first_error
    raise InputError(
        f"{origin}: has too little text to read aloud (a form, a drawing or a few words); "
        f"give a {kind} with an article or a report in it."
    )


_SITE_TAIL = re.compile(r"^(?P<title>.{20,}?)\s+(?:[-|–—:»·]|::)\s+(?P<site>[^-|–—:»·]{2,40})$")


def without_site_name(title: str | None) -> str | None:
    """ "Headline - ABC13 Houston" → "Headline": a saved web page's title ends in its site."""
    for _ in range(3):  # "Headline | Section | Site"
        match = _SITE_TAIL.match(title or "")
        if not (match and len(match.group("site").split()) <= 4 <= len(match["title"].split())):
            break
        title = match.group("title").strip()
    return title
