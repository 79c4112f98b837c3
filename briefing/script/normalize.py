"""Speech normalisation: text as a newsreader would say it, for any TTS engine.

Plain text in, plain text out. The passes run in a fixed order, each one turning a kind of
written form into words, so a later pass never sees what an earlier one has said:

    markup → ALL-CAPS → abbreviations → dates and times → money → units → numbers
    → Roman numerals → symbols → acronyms → tidy

The result holds only letters, spaces and pause punctuation; applying it twice changes
nothing. `briefing normalize TEXT` prints it (`--lang de` for another language).
"""

from __future__ import annotations

import re

from briefing.script.abbreviations import expand_abbreviations
from briefing.script.acronyms import expand_acronyms
from briefing.script.dates import expand_dates, month_first
from briefing.script.lang import language_code, normalizer_for
from briefing.script.lines import join_lines
from briefing.script.markup import prepare, speak_addresses, strip_markup
from briefing.script.money import expand_money
from briefing.script.numbers import expand_numbers
from briefing.script.punctuation import tidy
from briefing.script.roman import expand_roman_numerals
from briefing.script.symbols import speak_symbols
from briefing.script.units import expand_units
from briefing.script.words import MAX_DIGITS_AS_NUMBER, digit_by_digit

_LONG_DIGIT_RUN = re.compile(rf"[0-9]{{{MAX_DIGITS_AS_NUMBER + 1},}}")

PASSES = (
    expand_abbreviations,
    expand_dates,
    expand_money,
    expand_units,
    expand_numbers,
    expand_roman_numerals,
    speak_symbols,
    expand_acronyms,
)


_MAX_ROUNDS = 4


def normalize(text: str, locale: str | None = None) -> str:
    """Return `text` as it should be spoken: every number, symbol and acronym in words.

    `locale` is the article's ("en-US", "de", "pt-BR"): its language chooses the rules
    (German, French, Spanish, Italian and Portuguese have their own, any other language
    num2words knows a basic set, see `briefing.script.lang`; another raises
    `UnsupportedLanguageError` naming it); in English it decides how a slashed date that
    reads both ways is said.

    Dropping a symbol can bring two words together that a pass reads differently
    ("Mr.$ Smith"), so the passes run again until nothing changes: one extra round on
    ordinary text, which is what makes `normalize` idempotent.
    """
    if language_code(locale) != "en":
        return normalizer_for(locale or "").normalize(text)
    order = month_first(locale)
    spoken = _once(text, order)
    for _ in range(_MAX_ROUNDS - 1):
        again = _once(spoken, order)
        if again == spoken:
            break
        spoken = again
    return spoken


def _once(text: str, dates_month_first: bool = False) -> str:
    text = speak_addresses(strip_markup(prepare(text)))
    # Nobody says a number of twenty digits; reading long runs digit by digit first also keeps
    # every later pass from handing int() more digits than it accepts.
    text = _LONG_DIGIT_RUN.sub(lambda m: f" {digit_by_digit(m.group(0))} ", text)
    text = join_lines(text)
    for expand in PASSES:
        text = expand_dates(text, dates_month_first) if expand is expand_dates else expand(text)
    return tidy(text)
