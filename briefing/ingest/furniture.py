"""Page furniture that is not the story: datelines, bylines, "Updated …" stamps, a repeated
headline, a broadcast script's speaker cues, a drop capital torn off its word.

Extraction keeps these because they sit in the article's own markup. Read aloud they are
noise ("WASHINGTON —", "Posted on"), and worse, a dropped dateline can leave two words
glued ("London (CNN)It was" → "LondonIt was"). Each rule cuts at the mark that ends the
furniture, so the words on either side stay apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.ingest.outlets import outlet_key

LEAD_PARAGRAPHS = 3
"""Datelines and stamps are looked for at the start of the first few paragraphs only."""
_SHORT = 14
"""A paragraph of furniture is short; longer ones are kept whatever they start with."""

_DASH = r"(?:--|[-–—])"
_CAPS_DATELINE = re.compile(
    rf"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]*){{0,4}}"  # HOUSTON, SOUTHWEST MIAMI-DADE
    r"(?:,\s*[A-Z][A-Za-z.]*\.?(?:\s+[A-Z][A-Za-z.]*)?){0,2}"  # , Texas / , Calif. / , FLA.
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2}(?:,\s*[0-9]{4})?)?"  # , Jan 5 / , March 5, 2021
    rf"\s*(?:\([^()]{{1,40}}\))?\s*(?:{_DASH}|:(?=\s))\s*"  # (KTRK) -- / NEW DELHI:
)
_AGENCIES = (
    r"(?:CNN(?: Business| Money| Sport)?|Reuters|AP|AFP|UPI|Bloomberg|dpa|PA|ANI|IANS|PTI|"
    r"Xinhua|BBC|NBC(?: News)?|CBS(?: News)?|ABC(?: News)?|NPR|Fox News|CNBC|Sky News)"
)
_AGENCY_DATELINE = re.compile(
    r"^[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,3}\s*"  # London / New York / Washington, D.C.
    rf"(?:\({_AGENCIES}\)\s*(?:{_DASH}|:)?|\([A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){{0,3}}\)\s*{_DASH})"
    r"\s*(?=[A-Z\"“‘'])"  # (CNN)It / (KXAN) — : an unknown name in brackets needs its dash
)
_AGENCY_ONLY = re.compile(rf"^\({_AGENCIES}\)\s*{_DASH}?\s*(?=[A-Z\"“‘'])")
_STAMP = re.compile(
    r"^(?:last\s+)?(?:updated|modified|published|posted|first published)\b(?:\s+on)?:?\s*",
    re.IGNORECASE,
)
_YEAR_OR_ZONE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by|written by|words by|(?:additional )?reporting by|editing by)\s+"
    r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}(?:\s*(?:,|;|and|&|\||•|·|-|–|—)\s*.*)?$",
    re.IGNORECASE,
)
_DATE_ONLY = re.compile(
    r"^(?:\w+day,?\s+)?(?:\w+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+\w+"
    r"\s+\d{4}|\d{1,4}[./-]\d{1,2}[./-]\d{1,4})(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*[A-Z]{2,4})?)?$",
    re.IGNORECASE,
)
_SPEAKER_LABEL = re.compile(
    r"^(?:anchor|reporter|correspondent|narrator)\s*:\s*(?=[A-Z\"“‘'])", re.IGNORECASE
)
"""A broadcast script's cue ("Anchor: After heavy downpours…"): who reads, not the story."""
_CREDIT = re.compile(r"^\(?(?:via|h/t|hat tip:?)\s+[^.()]{1,60}\)?\.?$", re.IGNORECASE)
"""A blog's credit line: "(via Geeks Are Sexy)"."""
_REST_OF_SENTENCE = r"(?:[^.!?]|[.!?](?!\s|$))*(?:[.!?]|$)\s*"
"""To the end of the sentence, over the points inside numbers ("$699.99")."""
_CALL_TO_ACTION = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:(?:click|tap)\s+(?:here|through|the link|on the link|to\s+\w+)|"
    r"(?:read|see)\s+(?:more\b(?!\s+than)|the full|the whole|the rest)|sign up\b|subscribe\b|"
    rf"follow us\b){_REST_OF_SENTENCE}",
    re.IGNORECASE,
)
"""A sentence addressed to a web reader ("Click through for the whole thing."): nothing to hear."""
_PLUG = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?:[^.!?]|[.!?](?!\s|$))*?\b(?:(?:subscribe|sign up|signing up)\s+"
    rf"(?:to|for)\s+our|follow us|like us on|(?:download|join|follow)\s+our)\b{_REST_OF_SENTENCE}",
    re.IGNORECASE,
)
"""A plug for the outlet's channels ("If you enjoyed it, subscribe to our YouTube channel.")."""
_REPOST = re.compile(
    r"^(?:this (?:article|story|post) (?:originally |first )?(?:appeared|was published)|"
    r"originally published)\b",
    re.IGNORECASE,
)


def strip_furniture(
    paragraphs: Iterable[str], titles: Iterable[str] = (), outlets: Iterable[str] = ()
) -> list[str]:
    """The story's paragraphs without datelines, bylines, stamps or a repeated headline."""
    title_keys = {outlet_key(t) for t in titles if t}
    title_keys.discard("")
    outlet_pattern = _outlet_lead(outlets)
    kept: list[str] = []
    for paragraph in paragraphs:
        text = _SPEAKER_LABEL.sub("", paragraph.strip(), count=1)
        text = _PLUG.sub("", _CALL_TO_ACTION.sub("", text)).strip()
        lead = len(kept) < LEAD_PARAGRAPHS
        if lead:
            text = _strip_lead(text, outlet_pattern)
        if not text or _is_furniture(text, title_keys):
            continue
        kept.append(text)
    return _mend_drop_capital(kept, titles)


def _strip_lead(text: str, outlet_pattern: re.Pattern[str] | None) -> str:
    stamp = _STAMP.match(text)
    if stamp:
        years = list(_YEAR_OR_ZONE.finditer(text, stamp.end(), stamp.end() + 60))
        if years:
            text = text[years[-1].end() :].lstrip(" ,.|-–—")
    for pattern in (_CAPS_DATELINE, _AGENCY_DATELINE, _AGENCY_ONLY, outlet_pattern):
        if pattern is None:
            continue
        match = pattern.match(text)
        if match and (match.end() == len(text) or not text[match.end()].islower()):
            text = text[match.end() :]
    return text.strip()


def _is_furniture(text: str, title_keys: set[str]) -> bool:
    words = len(text.split())
    if words > _SHORT:
        return words <= 30 and outlet_key(text) in title_keys
    if outlet_key(text) in title_keys:
        return True
    if _STAMP.match(text) and (words <= 2 or _YEAR_OR_ZONE.search(text)):
        return True
    return bool(
        _BYLINE.match(text) or _DATE_ONLY.match(text) or _REPOST.match(text) or _CREDIT.match(text)
    )


def _outlet_lead(outlets: Iterable[str]) -> re.Pattern[str] | None:
    """ "Kaieteur News – Police said…": the outlet's own name used as a dateline."""
    names = sorted({n.strip() for n in outlets if n and n.strip()}, key=len, reverse=True)
    if not names:
        return None
    alternatives = "|".join(re.escape(re.sub(r"^(?i:the)\s+", "", n)) for n in names)
    return re.compile(rf"^(?:the\s+)?(?:{alternatives})\s*{_DASH}\s*", re.IGNORECASE)


def _mend_drop_capital(paragraphs: list[str], titles: Iterable[str]) -> list[str]:
    """ "urkey, Poland and…" → "Turkey, Poland and…": a styled first letter the extractor lost,
    put back when the headline or the text has the whole word."""
    if not paragraphs or not paragraphs[0][:1].islower():
        return paragraphs
    first = re.match(r"[^\W\d_]+", paragraphs[0])
    if not first:
        return paragraphs
    fragment = first.group(0)
    words = set(re.findall(r"\b[A-Z][^\W\d_]+\b", " ".join([*titles, *paragraphs[:3]])))
    whole = sorted(w for w in words if w[1:] == fragment)
    if len(whole) == 1:
        return [whole[0] + paragraphs[0][len(fragment) :], *paragraphs[1:]]
    return paragraphs
