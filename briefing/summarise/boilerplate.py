"""Recognise the parts of a news page that are not the story: captions, bylines, prompts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.summarise.language import Language

_TRUNCATED_ENDINGS = ("…", "...", "[…]", "[...]")
_CAPTION_START = re.compile(
    r"^\s*(\(?(photo|image|picture|pictured|video|watch|file photo|credit|caption)\b[:)]?"
    r"|image copyright|image caption|media caption|getty images|ap photo|reuters/)",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^\s*(?i:by|written by|reporting by|additional reporting by|edited by)\s+"
    r"[A-Z][\w'’.-]+(\s+[A-Z][\w'’.-]+){0,3}(\s*(,|and|&)\s*.*)?\s*$",
)
_PROMPT = re.compile(
    r"^\s*['\"‘“`]*\s*(read more|related|more:|see also|share (this|on)|click here|sign up|"
    r"subscribe|"
    r"follow (us|me|the)|advertisement|copyright|all rights reserved|©|listen to|"
    r"download the|this article (was|is)|you can (follow|read)|for more (news|stories)|"
    r"scroll down for|click (here|to|on)|watch the video|see the video)",
    re.IGNORECASE,
)
# Lower-cased, PTB-tokenised bylines (CNN/DM): "by joanna biggs ." / "by . daily mail reporter ."
_LOWER_BYLINE = re.compile(
    r"^\s*by\s+(\.\s+)?(?!(the|a|an|then|now|far|law|night|day|car|train|air|far)\b)"
    r"[a-z'’.-]+(\s+[a-z'’.-]+){1,3}\s*\.?\s*$"
)
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'-]{2,}(,\s*[A-Z][\w.]+)?\s*(\([A-Za-z .]+\))?\s*[-–—:]\s+(?=[A-Z])"
)
_TIMESTAMP_ONLY = re.compile(
    r"^\s*((published|updated|last updated|posted)\b.*\d|(published|updated)\s*:)",
    re.IGNORECASE,
)


# One anchored pattern for every "starts like boilerplate" rule, so a sentence costs one match.
_STARTS_AS_BOILERPLATE = re.compile(
    "|".join(
        f"(?{'i' if p.flags & re.IGNORECASE else '-i'}:{p.pattern})"
        for p in (_CAPTION_START, _BYLINE, _LOWER_BYLINE, _PROMPT, _TIMESTAMP_ONLY)
    )
)


# Every rule above starts with one of these words (after quotes or a bracket): a set look-up
# spares the regular expression for the ordinary sentences that make up almost all text.
_FIRST_WORDS = frozenset(
    """
    photo image picture pictured video watch file credit caption getty ap reuters by written
    reporting additional edited read related more see share click sign subscribe follow
    advertisement copyright all © listen download this you for scroll published updated last
    posted
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_OPENERS = "'\"‘“`( "
_FIRST_WORD_END = re.compile(r"[\s:)/]")


def is_boilerplate_paragraph(paragraph: str) -> bool:
    """A paragraph that is a photo caption, truncated teaser, byline or share prompt."""
    text = paragraph.strip()
    if not text:
        return True
    if text.endswith(_TRUNCATED_ENDINGS):
        return True
    opening = text.lstrip(_OPENERS)
    first = _FIRST_WORD_END.split(opening[:40], maxsplit=1)[0].lower()
    return (first in _FIRST_WORDS or first[:1] == "©") and bool(_STARTS_AS_BOILERPLATE.match(text))


def is_boilerplate_sentence(sentence: str) -> bool:
    """A sentence that should never be spoken as part of the story."""
    return len(sentence.split(None, 3)) < 3 or is_boilerplate_paragraph(sentence)


def strip_dateline(sentence: str) -> str:
    """'LONDON (Reuters) - Prices rose' → 'Prices rose'."""
    return _DATELINE.sub("", sentence, count=1)


# How a sentence that leans on an earlier one starts: a pronoun or connective as its subject,
# an opening quote (fine only if the sentence says who is speaking), or a continuation.
_LEANING_OPENING = re.compile(
    r"(?i:(?:[\"“‘'`]+\s*)?(?P<pronoun>he|she|it|they|this|that|these|those|his|her|its|their|"
    r"them|him|but|and|also|however|meanwhile|instead|still|yet|so|then|such)\b(?!-))"
    r"|\s*(?P<quote>\"|“|‘|``|'')"
    r"|\s*(?P<continuation>\.\.\.|…|[-–—]|[a-z])"
)
# Matched against the lower-cased sentence (a case-insensitive search costs twice as much).
_ATTRIBUTION = re.compile(
    r"\b(?:sa(?:id|ys|y)|t(?:old|ells)|add(?:ed|s)|asked|according to|explained|insisted|"
    r"warned|wr(?:ote|ites)|announced|stated|claimed|argued|declared)\b"
)


_QUOTE_ENDS = ",\"”’'`"
_QUOTE_MARK = re.compile(r"``|''|[\"“”]")
_STRAY_CLOSING_QUOTE = re.compile(r"^\s*(''|”)\s*")
_PRONOUN_SPEAKERS = frozenset(
    ("he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me")
)


def _attribution(sentence: str) -> bool | None:
    """Whether a quote or claim says who speaks: None if it is attributed to no one, True if
    to someone named ("…, Smith said"), False if only to a pronoun ("…, he said", "…," said
    he), which leans on an earlier sentence to say who "he" is."""
    lower = sentence.lower()
    attributed: bool | None = None
    for verb in _ATTRIBUTION.finditer(lower):
        before = lower[: verb.start()].rsplit(None, 1)
        subject = before[-1] if before else ""
        if not subject or subject[-1] in _QUOTE_ENDS:
            after = lower[verb.end() :].split(None, 1)
            subject = after[0] if after else subject  # "…," said Smith / "…," said he
        if subject.strip(",.;:\"”’'`") not in _PRONOUN_SPEAKERS:
            return True
        attributed = False
    return attributed


def _speaker_is_only_a_pronoun(sentence: str) -> bool:
    """Someone speaks ("If IS is defeated, he said, …") and only an earlier sentence says who."""
    return _attribution(sentence) is False


def _ends_a_quote_begun_earlier(sentence: str) -> bool:
    """The middle or end of someone's quote: its first double quote mark closes a quote (a
    curly ”, PTB's '' before any ``, or a straight " that follows a word or punctuation and
    is followed by a space or the end), so the opening one is in an earlier sentence."""
    for match in _QUOTE_MARK.finditer(sentence):
        mark = match.group()
        if mark in ("“", "``"):
            return False
        if mark in ("”", "''"):
            return True
        before = sentence[match.start() - 1] if match.start() else " "
        after = sentence[match.end()] if match.end() < len(sentence) else " "
        if before.isspace() or before in "([{":
            return False  # an opening straight quote
        return after.isspace() or after in ".,;:!?)"
    return False


def continues_a_quote(sentence: str) -> bool:
    """The middle or end of a quote opened in an earlier sentence: speakable only right after
    that sentence, wherever it falls in a summary. (A closing quote mark at the very start
    belongs to the previous sentence, as in `needs_context`.)"""
    if sentence.lstrip().startswith(("''", "”")):
        sentence = _STRAY_CLOSING_QUOTE.sub("", sentence, count=1)
    return _ends_a_quote_begun_earlier(sentence)


def needs_context(sentence: str, cased: bool = True, language: Language | None = None) -> bool:
    """A sentence that leans on an earlier one: a bare pronoun or connective subject, a quote
    fragment with no speaker, or (in cased text) a lower-case or dash continuation.

    Pronouns, connectives and attribution verbs are English's unless `language` (another
    language's table) is given: then its own `leaning` words say which openings lean.

    Set `cased` to False for text that is lower-cased throughout, where a lower-case start
    means nothing. A closing quote mark at the very start closes the previous sentence's
    quote (PTB splits put it there: `… . '' the crowd cheered .`), so it is set aside.
    """
    if sentence.lstrip().startswith(("''", "”")):
        sentence = _STRAY_CLOSING_QUOTE.sub("", sentence, count=1)
    if language is not None and not language.is_english:
        return _leans_in(sentence, cased, language)
    attribution = _attribution(sentence)
    if attribution is False or _ends_a_quote_begun_earlier(sentence):
        return True
    match = _LEANING_OPENING.match(sentence)
    if match is None:
        return False
    if match.group("pronoun"):
        return True
    if match.group("quote"):
        return attribution is not True
    return cased or not match.group("continuation")[-1].islower()


_OTHER_LANGUAGE_OPENING = re.compile(
    r"\s*(?P<quote>[\"“‘«„]|``)|\s*(?P<continuation>\.\.\.|…|[-–—]|[^\W\d_])"
)


def _leans_in(sentence: str, cased: bool, language: Language) -> bool:
    """`needs_context` for a language other than English: the sentence opens on one of the
    language's leaning pronouns or connectives, or (in cased text) on a lower-case letter or a
    dash; a quote fragment whose first mark closes a quote opened earlier leans too."""
    if _ends_a_quote_begun_earlier(sentence):
        return True
    leaning = language.leaning_opening
    if leaning is not None and leaning.match(sentence):
        return True
    match = _OTHER_LANGUAGE_OPENING.match(sentence)
    if match is None or match.group("quote"):
        return False
    opening = match.group("continuation")
    return cased and (not opening[-1].isalpha() or opening[-1].islower())
