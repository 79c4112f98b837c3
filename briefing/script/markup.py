"""Text as printed → text as read: entities, tags, editorial brackets, links, tags and handles.

Runs first, so later passes see plain ASCII digits, straight quotes and one kind of hyphen.
"""

from __future__ import annotations

import html
import re
import unicodedata

_VULGAR_FRACTIONS = {
    "½": "a half", "⅓": "a third", "⅔": "two thirds", "¼": "a quarter", "¾": "three quarters",
    "⅕": "a fifth", "⅖": "two fifths", "⅗": "three fifths", "⅘": "four fifths",
    "⅙": "a sixth", "⅚": "five sixths", "⅛": "an eighth", "⅜": "three eighths",
    "⅝": "five eighths", "⅞": "seven eighths",
}  # fmt: skip
_VULGAR = re.compile(r"([0-9])?\s?([" + "".join(_VULGAR_FRACTIONS) + "])")
_DROPPED_MARKS = str.maketrans({"©": " ", "®": " ", "™": " ", "℠": " ", "\u00ad": ""})
_PUNCTUATION = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "‹": "'", "›": "'", "′": "'", "`": "'",
        "‐": "-", "‑": "-", "‒": "-", "−": "-", "﹣": "-", "－": "-",
        "–": " – ", "—": " – ", "―": " – ",
        "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
    }
)  # fmt: skip
_DASH_BETWEEN_NUMBERS = re.compile(r"(?<=[0-9])\s?[–—]\s?(?=[0-9$£€])")
_TAG = re.compile(r"<[^<>\n]{0,200}>")
_MD_LINK = re.compile(r"\[([^\[\]]{1,200})\]\([^()\s]{1,500}\)")
_EDITORIAL_DROP = re.compile(r"\[\s*(?:\.\.\.|sic|\s*)\s*\]|\((?:\.\.\.)\)", re.IGNORECASE)
_EDITORIAL_KEEP = re.compile(r"\[([^\[\]]{1,80})\]")
_EMPHASIS = re.compile(r"\*+|_{2,}|~{2,}")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_BULLET = re.compile(r"^\s*(?:[•◦▪▫‣●○■□➢➤►·*+]|-(?=\s))\s*", re.MULTILINE)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z0-9._%+-]{1,64})@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?![A-Za-z0-9])"
)
_BARE_DOMAIN = re.compile(
    r"(?<![a-z0-9-])([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|io|co\.uk|org\.uk|"
    r"gov\.uk|ac\.uk|uk|eu|de|fr|ie|au|ca|info|news|tv))(?![a-z0-9-]|\.[a-z])"
)
_HASHTAG = re.compile(r"(?<![\w&])#([A-Za-z][A-Za-z0-9_]*)")
_HANDLE = re.compile(r"(?<![\w.])@([A-Za-z0-9_]{1,30})\b")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])")
_ACRONYM_ASIDE = re.compile(r"(?<=[\w.])\s*\(\s*[A-Z][A-Za-z.&]*[A-Z]s?\s*\)")
_PICTURED_ASIDE = re.compile(r"\s*\((?:pictured|pictured [a-z ]{1,30}|file photo|above|below)\)")


def prepare(text: str) -> str:
    """Entities, Unicode look-alikes and fractions → plain text with ASCII digits and quotes."""
    text = html.unescape(text).translate(_DROPPED_MARKS)
    text = _DASH_BETWEEN_NUMBERS.sub("-", text)
    text = _VULGAR.sub(_vulgar, text)
    text = unicodedata.normalize("NFKC", text).translate(_PUNCTUATION)
    return "".join(_ascii_digit(c) for c in text)


def _vulgar(match: re.Match[str]) -> str:
    words = _VULGAR_FRACTIONS[match.group(2)]
    return f"{match.group(1)} and {words}" if match.group(1) else f" {words}"


def _ascii_digit(char: str) -> str:
    if char.isdecimal() and not "0" <= char <= "9":
        return str(unicodedata.decimal(char, 0))
    return char


def strip_markup(text: str) -> str:
    """Tags, Markdown, editorial brackets and asides a listener should not hear."""
    text = _TAG.sub(" ", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _HEADING.sub("", text)
    text = _BULLET.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _EDITORIAL_DROP.sub("", text)
    text = _EDITORIAL_KEEP.sub(r"\1", text)
    text = _ACRONYM_ASIDE.sub("", text)
    return _PICTURED_ASIDE.sub("", text)


def speak_addresses(text: str, dot: str = "dot", at: str = "at") -> str:
    """Links and e-mail addresses → a speakable domain; hashtags and handles → their words.

    `dot` and `at` are the words said for "." and "@" (another language has its own)."""
    text = _EMAIL.sub(lambda m: f"{_dotted(m.group(1), dot)} {at} {_dotted(m.group(2), dot)}", text)
    text = _URL.sub(lambda m: _url(m, dot), text)
    text = _BARE_DOMAIN.sub(lambda m: _dotted(m.group(1), dot), text)
    text = _HASHTAG.sub(lambda m: _split_camel(m.group(1)), text)
    return _HANDLE.sub(lambda m: _split_camel(m.group(1)), text)


def _url(match: re.Match[str], dot: str) -> str:
    url = match.group(0)
    trailing = url[len(url.rstrip(".,;:!?)'")) :]
    return _domain(url, dot) + trailing


def _domain(url: str, dot: str) -> str:
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE)
    host = re.split(r"[/?#:]", host, maxsplit=1)[0].rstrip(".,;")
    return _dotted(host.lower(), dot) if host else ""


def _dotted(name: str, dot: str = "dot") -> str:
    parts = [p for p in re.split(r"[._]", name) if p]
    return f" {dot} ".join(parts)


def _split_camel(tag: str) -> str:
    return " ".join(p for p in _CAMEL.sub(" ", tag.replace("_", " ")).split())
