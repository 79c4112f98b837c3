"""Money as said: "$1.64" → "one dollar sixty-four", "£3bn" → "three billion pounds",
"50p" → "fifty pence", "$5-10m" → "five to ten million dollars"."""

from __future__ import annotations

import re
from typing import NamedTuple

from briefing.script.words import NUMBER, cardinal, decimal


class Currency(NamedTuple):
    one: str
    many: str
    sub_one: str | None = None
    sub_many: str | None = None


_DOLLAR = ("dollar", "dollars", "cent", "cents")
CURRENCIES: dict[str, Currency] = {
    "US$": Currency("US dollar", "US dollars", "cent", "cents"),
    "USD": Currency(*_DOLLAR),
    "$": Currency(*_DOLLAR),
    "A$": Currency("Australian dollar", "Australian dollars", "cent", "cents"),
    "AU$": Currency("Australian dollar", "Australian dollars", "cent", "cents"),
    "C$": Currency("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "CA$": Currency("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "NZ$": Currency("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
    "HK$": Currency("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
    "S$": Currency("Singapore dollar", "Singapore dollars", "cent", "cents"),
    "R$": Currency("Brazilian real", "Brazilian reais"),
    "£": Currency("pound", "pounds", "penny", "pence"),
    "GBP": Currency("pound", "pounds", "penny", "pence"),
    "€": Currency("euro", "euros", "cent", "cents"),
    "EUR": Currency("euro", "euros", "cent", "cents"),
    "¥": Currency("yen", "yen"),
    "₹": Currency("rupee", "rupees"),
    "Rs": Currency("rupee", "rupees"),
    "₽": Currency("rouble", "roubles"),
    "₩": Currency("won", "won"),
    "₺": Currency("lira", "lira"),
    "₦": Currency("naira", "naira"),
    "₪": Currency("shekel", "shekels"),
    "CHF": Currency("Swiss franc", "Swiss francs", "centime", "centimes"),
}
SCALES = {
    "k": "thousand", "thousand": "thousand", "m": "million", "mn": "million",
    "million": "million", "bn": "billion", "b": "billion", "billion": "billion",
    "tn": "trillion", "trillion": "trillion",
}  # fmt: skip

_SYMBOLS = sorted(CURRENCIES, key=len, reverse=True)
_CURRENCY = "|".join(re.escape(c) + (r"\.?\s?" if c.isalpha() else "") for c in _SYMBOLS)
_SCALE = (
    r"(?:\s?(?:k|m|mn|bn|b|tn)\b|(?:K|M|MN|BN|B|TN)\b"  # "$150K", "$2.5M": no space before capitals
    r"|\s(?:thousand|million|billion|trillion)\b)"
)
_MONEY = re.compile(
    rf"(?<![\w$£€¥])(?P<cur>{_CURRENCY})\s?(?P<a>{NUMBER})(?P<sa>{_SCALE})?"
    rf"(?:\s?-\s?(?:{_CURRENCY})?\s?(?P<b>{NUMBER})(?P<sb>{_SCALE})?)?"
)
_PENCE = re.compile(r"\b([0-9]{1,3})p\b")


def expand_money(text: str) -> str:
    text = _MONEY.sub(_money, text)
    return _PENCE.sub(
        lambda m: cardinal(int(m.group(1))) + (" penny" if m.group(1) == "1" else " pence"), text
    )


def _currency(symbol: str) -> Currency:
    key = re.sub(r"[.\s]", "", symbol)
    return CURRENCIES[key]


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:of|in|for|to|from|and|or|per|a|an|the|each|on|at|by|with|was|is|were)\b)"
    r"[A-Za-z][a-z-]+\b"
)
"""Money between "a"/"an" and a noun qualifies it: "a $16M boost" is a sixteen million dollar
boost, as a unit before a noun is singular ("a ten-mile walk")."""


def _money(match: re.Match[str]) -> str:
    spoken = _money_words(match)
    currency = _currency(match.group("cur"))
    before, after = match.string[: match.start()], match.string[match.end() :]
    if (
        _ARTICLE_BEFORE.search(before)
        and _NOUN_AFTER.match(after)
        and spoken.endswith(f" {currency.many}")
    ):
        return spoken[: -len(currency.many)] + currency.one
    return spoken


def _money_words(match: re.Match[str]) -> str:
    currency = _currency(match.group("cur"))
    a, b = match.group("a"), match.group("b")
    scale_a = _scale(match.group("sa"))
    scale_b = _scale(match.group("sb"))
    if b is None:
        if scale_a:
            return f"{decimal(a)} {scale_a} {currency.many}"
        return _amount(a, currency)
    if scale_b and not scale_a:
        return f"{decimal(a)} to {decimal(b)} {scale_b} {currency.many}"
    if scale_a:
        return f"{decimal(a)} {scale_a} to {decimal(b)} {scale_b or scale_a} {currency.many}"
    return f"{decimal(a)} to {decimal(b)} {currency.many}"


def _scale(text: str | None) -> str | None:
    return SCALES[text.strip().lower()] if text else None


def _amount(written: str, currency: Currency) -> str:
    """ "47.10" dollars → "forty-seven dollars ten"; "0.99" → "ninety-nine cents"."""
    whole_text, _, fraction = written.replace(",", "").partition(".")
    whole = int(whole_text or 0)
    unit = currency.one if whole == 1 else currency.many
    if not fraction or int(fraction) == 0 and len(fraction) == 2:
        return f"{cardinal(whole)} {unit}"
    if len(fraction) != 2 or currency.sub_one is None or currency.sub_many is None:
        return f"{decimal(written)} {currency.many}"
    cents = int(fraction)
    if whole == 0:
        return f"{cardinal(cents)} {currency.sub_one if cents == 1 else currency.sub_many}"
    return f"{cardinal(whole)} {unit} {cardinal(cents)}"
