"""What a newsletter wraps its stories in, never read aloud: "view in browser", pre-headers,
sponsor and ad blocks, referral asks, share and like buttons, feedback polls, unsubscribe and
preference footers, imprints and postal addresses, a forwarded message's header lines.

Each rule is about the words e-mail tools and senders use for these things, so it holds for
newsletters never seen before; rules that could hit a sentence of a story apply to short
blocks only.
"""

from __future__ import annotations

import re

STRONG_MAX_WORDS = 70
"""A block this short that names an unsubscribe link, a "view in browser" link or an
imprint is a footer or a header, whatever else it says."""
WEAK_MAX_WORDS = 14
"""Words that may also appear in a story ("share", "sponsor", "follow") mark a block as
furniture only when it is this short."""

_STRONG = re.compile(
    r"unsubscribe|opt[- ]out\b|désabonner|abmelden|"
    r"\bmanage (?:your |my )?(?:subscriptions?|preferences|e-?mail|account|newsletters?)|"
    r"\b(?:e-?mail|subscription|communication|newsletter) (?:preferences|settings)|"
    r"\bupdate (?:your |my )?(?:preferences|profile|subscription|e-?mail address)|"
    r"\byou(?:'re| are|['’]re)? (?:currently )?(?:receiving|subscribed|getting) "
    r"(?:this|these|our|to)|"
    r"\byou (?:received|are receiving|were sent|signed up|subscribed|opted in)|"
    r"\b(?:this|the) (?:e-?mail|message|newsletter) was sent\b|\bsent to [^\s@]+@|"
    r"\bno longer (?:want|wish|interested)|\bstop receiving\b|"
    r"\bview (?:this |the |it |our )?(?:e-?mail |newsletter |post |issue |edition |message )?"
    r"(?:online|in (?:your |a |the )?(?:web )?browser|on the web|as a web ?page)|"
    r"\b(?:read|view|open) (?:it |this )?(?:online|on the web|in (?:the |our )?app|in browser)\b|"
    r"\bread on (?:the web|[A-Z])|\bweb version\b|\bhaving trouble (?:viewing|reading|seeing)|"
    r"\b(?:can['’]t|cannot|unable to) (?:see|view|read) (?:this|the) (?:e-?mail|message)|"
    r"\badd [^\n]{0,80}? to your (?:address book|contacts|safe sender)|\bwhitelist\b|"
    r"\bour archives?\b|\bjoin [\d,.]+\+? (?:\w+ )?(?:\w+ )?(?:readers|subscribers|enthusiasts|"
    r"people|others|professionals|investors|founders)\b|"
    r"\b(?:primary|main) (?:folder|inbox|tab)\b|\breport (?:this e-?mail|spam|abuse)\b|"
    r"©|\(c\) ?\d{4}|\ball rights reserved\b|droits réservés|"
    r"\b(?:our )?mailing address\b|\bforwarded (?:this|to you|message)|"
    r"\bwas this (?:e-?mail |newsletter )?forwarded|\bsomeone forwarded\b|"
    r"\bnot (?:yet )?(?:a )?subscribe[rd]\b|\bsubscribe (?:here|now|for free|today)\b|"
    r"\bsign up (?:here|for free|now|today)\b|\bget (?:it|this|the newsletter) in your inbox|"
    r"\brefer (?:a friend|friends|your friends|\d)|\binvite (?:a |your )?friends?\b|"
    r"\bforward (?:this|it) to a friend\b|\bclick to share\b|\bcopy and paste this link\b|"
    r"\bnot (?:financial|investment) advice\b|\bbrought to you by\b|"
    r"\bpaid (?:partnership|post|promotion)\b|\bpublish(?:ed)? on beehiiv\b|"
    r"\bwhat did you think|\bwhat['’]d you think|\bhow (?:did we do|was (?:today|this))|"
    r"\brate (?:this|today)|\bgive (?:us )?feedback\b|\b(?:hit|just) reply\b|"
    r"\breply (?:to this e-?mail|and (?:tell|let) us)\b|\bgot a (?:link|tip|story) for us\b|"
    r"\bdownload (?:the|our) app\b|\blisten (?:to (?:posts|this)|on|in) (?:the )?app\b|"
    r"\bin the app\b|\bget (?:the )?app\b|\bsubscriber chats\b|\bfree trial\b|"
    r"\bwhy did I get this\b|\bleave a comment\b|\bgift (?:a )?subscription\b|"
    r"\bpledge your support\b|\bchange how you receive\b|"
    r"\byou['’]re (?:getting|reading|on) the free\b|\bbecome a (?:paid )?(?:member|subscriber)\b|"
    r"\bupgrade to (?:paid|premium)\b|\bpaid subscri(?:ber|ption)s?\b",
    re.IGNORECASE,
)
"""Said only by a newsletter's frame: any block of up to STRONG_MAX_WORDS that says it goes."""

_MEDIUM = re.compile(
    r"\bcopyright\b|\bprivacy (?:policy|notice)\b|\bterms (?:of (?:service|use)|and conditions)\b|"
    r"\breferrals?\b|\bdisclaimer\b|\badvertise (?:with|in|on)\b|\bsponsorship\b",
    re.IGNORECASE,
)
"""Frame words a story may also use ("a copyright case", "GP referrals"): furniture only in a
block no longer than MEDIUM_MAX_WORDS."""
MEDIUM_MAX_WORDS = 25

_WEAK = re.compile(
    r"^(?:share|like|comment|restack|tweet|subscribe|sign up|advertise|upgrade|jobs?|careers?|"
    r"hiring|contact(?: us)?|about(?: us)?|ad|advertisement|promoted|sponsored|sponsors?|"
    r"partners?|partager|read more|click here|learn more|continue reading|view online)$|"
    r"^(?:share (?:this|on|via|with|the (?:newsletter|post|email|issue|edition)|"
    r"(?-i:[A-Z])[\w ]{0,30}$)|like (?:this|us on)|follow (?:us|me)(?: on)?\b|"
    r"join (?:us|our (?:community|discord|newsletter|slack))|"
    r"subscribe (?:now|here|today|for free|to)|sign up (?:now|here|today|for free)|"
    r"(?:sponsored|presented|supported|powered) by\b|in partnership with\b|"
    r"together with\b|en partenariat avec|a (?:word|message) from (?:our|this week['’]s) "
    r"sponsor|(?:today['’]s|this week['’]s|our) sponsors?\b|published by\b|made with\b|"
    r"sent with\b|(?:listen|watch|read|shop|buy|order|register|donate|get started|try it) now\b|"
    r"read the (?:full )?(?:story|article|post)\b|leave a comment\b)|"
    r"\b(?:sponsor|sponsored|advertisement|partner)\)?$|\bsponsor(?:ed)? (?:content|post)\b|"
    r"^\W*(?:twitter|x|facebook|linkedin|instagram|youtube|tiktok|threads|mastodon|rss|email)"
    r"(?:\W+(?:twitter|x|facebook|linkedin|instagram|youtube|tiktok|threads|mastodon|rss|"
    r"email))*\W*$|"
    r"\d[\d.,]*[KkMm]? ?(?:likes?|retweets?|replies|reposts?|comments?|shares?|views?)\b|"
    r"^\d+\s*min(?:ute)?s?(?: read| listen| watch)?$",
    re.IGNORECASE,
)
"""Buttons, badges and labels: furniture when the block is no longer than WEAK_MAX_WORDS."""

_SECTION = re.compile(
    r"\b(?:sponsor(?:ed)?|advertis\w*|brought to you by|presented by|in partnership with|"
    r"en partenariat|together with|partner(?:ed)? (?:content|post)|promoted|"
    r"share (?:this|the|our)|refer(?:ral)?s?|feedback|what did you think|"
    r"jobs? (?:board|listings?|of the week)|job openings|we['’]re hiring|"
    r"classifieds?|"
    r"events? (?:calendar|listings?)|"
    r"(?:meme|pic|picture|photo|tweet|gif|quote) of the (?:day|week)|reader(?:s['’])? reviews?|"
    r"roaders review|free (?:version|edition)|upgrade(?: to)?(?: paid| premium)?|"
    r"become a (?:paid )?(?:member|subscriber|supporter)|membership)\b|^\W*jobs?\W*$",
    re.IGNORECASE,
)
"""A section whose heading says this is an ad, a referral ask or a poll: dropped whole."""

_ADDRESS = re.compile(
    r"\b\d{1,6}[A-Za-z]?\s+(?:[A-Z][\w.'-]*\s+){0,4}(?:street|st|avenue|ave|road|rd|boulevard|"
    r"blvd|lane|ln|drive|dr|way|place|pl|square|sq|court|ct|suite|ste|floor|fl|parkway|pkwy|"
    r"highway|hwy|rue|strasse|straße)\b\.?|"
    r"\b(?:p\.?\s?o\.?\s?box|pmb|postfach)\s*\d|"
    r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|"  # CA 94104
    r"\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b|"  # LN11 0LS
    r"\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b",  # K1S 3W3
    re.IGNORECASE,
)
_ADDRESS_MAX_WORDS = 30

_FORWARD_MARK = re.compile(
    r"^-{2,}\s*(?:forwarded message|original message|message transféré|weitergeleitete "
    r"nachricht|mensaje reenviado)\s*-{2,}|^begin forwarded message:?$",
    re.IGNORECASE,
)
_FORWARD_HEADER = re.compile(
    r"^(?:from|date|sent|subject|to|cc|reply-to|de|von|da|objet|betreff|asunto|oggetto|à|an|"
    r"para|envoyé|gesendet|enviado|datum|fecha|data)\s?:\s",
    re.IGNORECASE,
)
_ISSUE_LINE = re.compile(
    r"^(?:(?:issue|no\.?|number|vol\.?|volume|edition|#)\s*\d+|[A-Z][\w .&'-]{0,40}"
    r"(?:newsletter|digest|weekly|daily|briefing|edition))\b[^.!?]{0,80}$",
    re.IGNORECASE,
)
_DATE_WORDS = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|\b(?:jan|feb|mar|apr|"
    r"may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^(?:that['’]s (?:all|it|a wrap)|that is all|see (?:you|ya)\b|until (?:next|tomorrow)|"
    r"thanks? (?:for reading|you for reading|again)|cheers\b|best,|talk (?:soon|tomorrow)|"
    r"have a (?:great|good|nice)|stay (?:tuned|safe|thirsty)|happy (?:reading|\w+day)|"
    r"good (?:morning|afternoon|evening|night)\b|gm\b|hi (?:there|all|everyone)|hello\b|"
    r"dear (?:reader|subscriber|friend)|p\.?\s?p?\.?\s?s\.?\b|\+{3}|-{3,}|\*{3,}|"
    r"(?:here['’]s )?what['’]s in today|in (?:this|today['’]s) (?:issue|edition|email)|"
    r"here['’]s what we['’]re|today['’]s (?:issue|edition)|\w[\w ]{0,30} is a (?:weekly|daily) "
    r"newsletter)",
    re.IGNORECASE,
)
SIGN_OFF_MAX_WORDS = 18


def is_furniture(text: str) -> bool:
    """Is this block the newsletter's frame rather than its content?"""
    words = len(text.split())
    if words <= STRONG_MAX_WORDS and _STRONG.search(text):
        return True
    if words <= MEDIUM_MAX_WORDS and _MEDIUM.search(text):
        return True
    if words <= WEAK_MAX_WORDS and _WEAK.search(text.strip(" \t|•·-–—:!")):
        return True
    if words <= _ADDRESS_MAX_WORDS and _ADDRESS.search(text) and not re.search(r"[.!?]\s", text):
        return True
    if words <= SIGN_OFF_MAX_WORDS and _SIGN_OFF.search(text.strip(" \t\"'“”")):
        return True
    return words <= 16 and (_is_dateline(text) or bool(_ISSUE_LINE.match(text)))


def _is_dateline(text: str) -> bool:
    """ "Friday, February 3, 2023", "#459 — October 20, 2022", "March 7, 2022 | Read Online":
    a line of the masthead, a date with at most a few other words."""
    if not _DATE_WORDS.search(text):
        return False
    rest = _DATE_WORDS.sub(" ", text)
    rest = re.sub(r"\b\d{1,4}(?:st|nd|rd|th)?\b|[,|/#—–\-:•·.]", " ", rest)
    return len(rest.split()) <= 3


_LAST_WORDS = re.compile(
    r"^(?:(?:alright|all right|ok(?:ay)?|well|and|so)[,!]?\s+)?"
    r"(?:that['’]s (?:all|it|a wrap)|that is all|see (?:you|ya)\b|until (?:next|tomorrow)|"
    r"thanks? (?:for reading|you for reading)|talk (?:soon|tomorrow)|catch you)",
    re.IGNORECASE,
)


_SPONSOR_OPENS = re.compile(
    r"^(?:(?:sponsored|presented|supported|powered) by|brought to you by|together with|"
    r"in partnership with|a (?:word|message) from|en partenariat avec|today['’]s sponsor|"
    r"from our (?:sponsor|partner)s?)\b|\((?:sponsor(?:ed)?|ad|advertisement|partner)\)$",
    re.IGNORECASE,
)


def opens_sponsor_block(text: str) -> bool:
    """ "Sponsored by Acme", "Presented by …", "Headline (Sponsor)": what follows, up to the
    next heading or item, is the advertiser's."""
    return len(text.split()) <= WEAK_MAX_WORDS * 2 and bool(_SPONSOR_OPENS.search(text.strip()))


def is_sign_off(text: str) -> bool:
    """ "That's a wrap, see ya tomorrow!": the end of the letter's own words."""
    return len(text.split()) <= SIGN_OFF_MAX_WORDS and bool(_LAST_WORDS.search(text.strip()))


def is_section_furniture(heading: str) -> bool:
    """Does this heading open an ad, a referral ask, a poll or a jobs board?"""
    return len(heading.split()) <= 12 and bool(_SECTION.search(heading))


def is_forward_mark(text: str) -> bool:
    """ "---------- Forwarded message ---------", "Begin forwarded message:"."""
    return bool(_FORWARD_MARK.search(text))


def is_forward_header(text: str) -> bool:
    """The forward's mark, or one of its header lines ("From: …", "Subject: …")."""
    return is_forward_mark(text) or (len(text.split()) <= 20 and bool(_FORWARD_HEADER.match(text)))


_URL = re.compile(
    r"\(?<?(?:https?://|www\.)[^\s<>()]+(?:\([^\s<>()]*\)[^\s<>()]*)*>?\)?", re.IGNORECASE
)
_EMAIL = re.compile(r"\(?<?(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?\)?")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|<\s*>")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?])")


def without_addresses(text: str) -> str:
    """The text with every URL and e-mail address taken out: neither is said aloud."""
    if "@" not in text and "://" not in text and "www." not in text.lower():
        return text
    text = _EMPTY_BRACKETS.sub(" ", _EMAIL.sub(" ", _URL.sub(" ", text)))
    return " ".join(_SPACE_BEFORE_MARK.sub(r"\1", text).split())


_POINTER = re.compile(r"[^.!?]{0,40}(?:here|at|below|link):?")


def spoken_sentences(text: str) -> str:
    """Drop sentences left pointing at nothing once an address is gone ("Details here:")."""
    parts = re.split(r"(?<=[.!?])\s+", text)
    kept = [p for p in parts if not _POINTER.fullmatch(p.strip())]
    return " ".join(kept).strip()
