"""Targeted normaliser behaviour, and property checks over arbitrary text (hypothesis)."""

from __future__ import annotations

import re
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefing.cli import app
from briefing.script.acronyms import lexicon, speak_acronym, spell
from briefing.script.normalize import normalize

MISREAD = re.compile(r"[0-9$£€¥%&/#@+<>\[\]{}()*_~^|\\\"“”‘’«»…•]")
"""Nothing an engine would read literally, or as markup, may be left."""

NEWSY_PIECES = [
    *"aAbBIiSsUuTtXxVvLl0123456789 .,;:!?'\"-–—/\\&%$£€#@+()[]{}<>*_~^|…“”‘’°²½\n\t",
    "IS", "US", "Mr.", "St", "No.", "km", "m", "bn", "pm", "am", "1st", "2016", "1990s",
    "'90s", "Elizabeth", " II", "World War", "http://x.com/a", "a@b.com", "#Tag", "@Handle",
    "🎉", "e.g.", "U.S.", "A", "CIA", "NATO", "October", "18", ":30", "C", "°C", "ft", "Queen",
    "between ", "won ", "<b>", "[", "]", "(IS)", "Baker ", "$1.64", "£3bn", "50p",
]  # fmt: skip
newsy_text = st.lists(st.sampled_from(NEWSY_PIECES), max_size=25).map("".join)
any_text = st.text(max_size=80)
PROPERTY_SETTINGS = settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(st.one_of(newsy_text, any_text))
def test_never_raises_and_leaves_nothing_an_engine_would_misread(text: str) -> None:
    spoken = normalize(text)
    assert not MISREAD.search(spoken), spoken


@PROPERTY_SETTINGS
@given(st.one_of(newsy_text, any_text))
def test_is_stable_when_applied_twice(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


def test_the_seed_sentences() -> None:
    caption = (
        "Iraqi forces deploy in the Bajwaniyah village, about 30 kms south of Mosul, on "
        "October 18, 2016 after they liberated the village from Islamic State (IS) group "
        "jihadists."
    )
    assert normalize(caption) == (
        "Iraqi forces deploy in the Bajwaniyah village, about thirty kilometres south of "
        "Mosul, on the eighteenth of October twenty sixteen after they liberated the village "
        "from Islamic State group jihadists."
    )
    assert normalize("If IS is defeated, he said") == "If I S is defeated, he said"
    assert normalize("“We realize that Prime Minister [Haidar] al-Abadi wants”") == (
        "We realize that Prime Minister Haidar al-Abadi wants"
    )


def test_abbreviation_dots_never_end_a_sentence() -> None:
    spoken = normalize("Mr. Smith met Dr. Jones and Gen. Carr at St. Paul's in the U.S. capital.")
    assert spoken.count(".") == 1 and spoken.endswith(".")


def test_a_sentence_ending_in_an_abbreviation_keeps_its_full_stop() -> None:
    assert normalize("Troops arrived in the U.S.") == "Troops arrived in the U S."
    assert normalize("They sell pens, paper, etc.") == "They sell pens, paper, et cetera."


@pytest.mark.parametrize("written", sorted(w for w, s in lexicon().items() if s == "letters"))
def test_lexicon_spellings_are_fixed_points(written: str) -> None:
    spoken = speak_acronym(written)
    assert normalize(spoken) == spoken


def test_unknown_acronyms_follow_the_rule() -> None:
    assert speak_acronym("DVLA") == "D V LA"  # unpronounceable: spelled
    assert speak_acronym("XYZ") == "X Y Z"  # three letters: spelled
    assert speak_acronym("NASDAQ") == "Nasdaq"  # pronounceable: a word


def _phonemes(text: str) -> str:
    result = subprocess.run(
        ["espeak-ng", "-v", "en-gb", "-q", "-x", text], capture_output=True, text=True, check=True
    )
    return result.stdout


def test_espeak_reads_spelled_acronyms_as_letters() -> None:
    """The ear-proxy: espeak-ng's phonemes for our spellings are letter names, not words."""
    said = _phonemes(
        f"If {spell('IS')} is defeated, the {spell('UAE')} and the {spell('CIA')} said"
    )
    assert "Iz Iz" not in said  # "IS" read as the word "is"
    assert "a#" not in said  # a lone A read as the article
    assert said.count("'Es") >= 1 and "'eI" in said


def test_cli_prints_the_spoken_form_of_an_argument_or_stdin() -> None:
    runner = CliRunner()
    argument = runner.invoke(app, ["normalize", "The IEA said $1 million."])
    assert argument.exit_code == 0
    assert argument.output == "The I EA said one million dollars.\n"
    piped = runner.invoke(app, ["normalize"], input="30 kms south of Mosul\n")
    assert piped.output == "thirty kilometres south of Mosul\n"


@pytest.mark.parametrize(
    "text",
    ["$" + "9" * 6000, "9" * 6000 + "th", "5" * 6000 + "-" + "6" * 6000, "x" * 20000, "a1" * 10000],
    ids=["money", "ordinal", "range", "letters", "letters-digits"],
)
def test_huge_runs_are_spoken_without_error(text: str) -> None:
    """int() refuses more than 4,300 digits, and a backtracking pattern once took seconds."""
    spoken = normalize(text)
    assert spoken and not any(ch.isdigit() for ch in spoken)
    assert normalize(spoken) == spoken
