"""The glitch detector the real-page check and tests share: it finds each kind, and it does
not cry wolf over ordinary spoken text."""

from __future__ import annotations

import pytest

from briefing.script import normalize
from briefing.script.glitches import outlet_glitches, speech_glitches, story_glitches


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("It cost one hundred and fifty dollarsK.", "number word glued"),
        ("LondonIt was the interview.", "glued words"),
        ("CNNThe anchor said.", "glued words"),
        ("nineteen point zero one.two thousand", "dotted token"),
        ("From the D W.C O M.", "dotted token"),
        ("It rose 5 per cent.", "digit or symbol left"),
        ("Profits & losses", "digit or symbol left"),
    ],
)
def test_each_kind_is_found(text: str, kind: str) -> None:
    assert [g.kind for g in speech_glitches(text)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "iOS thirteen will fix the FaceTime eye contact problem.",
        "McDonald's and YouTube said so, the U S and the U K agreed.",
        "She posted it on LinkedIn and PlayStation fans shared it.",
        "From A-B C thirteen Houston: a salon bans men.",
        "The players' union said no, and it's over.",
    ],
)
def test_ordinary_speech_has_no_glitch(text: str) -> None:
    assert speech_glitches(text) == []


def test_outlet_faults() -> None:
    long_name = "W S V N seven News, Miami News, Weather, Sports, Fort Lauderdale"
    assert [g.kind for g in outlet_glitches(long_name, "A crash")] == ["outlet too long"]
    assert [g.kind for g in outlet_glitches("the Times", "Times")] == ["headline is the outlet"]
    tail = "The Future of A I in Healthcare, Appen."
    assert [g.kind for g in outlet_glitches("Appen", tail)] == ["outlet in headline"]
    assert outlet_glitches("C N N", "C N N anchor leaves the network") == []
    assert outlet_glitches("B B C News", "A story") == []


def test_a_clean_story_has_none() -> None:
    body = [normalize("The bridge, which cost £2.5bn, opened on 19.01.2020 at 8 p.m. ET.")]
    assert story_glitches("Bridge opens", "the Harbour Gazette", body) == []


def test_a_colon_between_words_and_a_doubled_article_are_found() -> None:
    assert [g.kind for g in speech_glitches("around twenty:oh oh hrs")] == ["dotted token"]
    assert [g.kind for g in speech_glitches("It follows a the twenty-sixth of May")] == [
        "doubled article"
    ]


def test_a_one_word_headline_and_a_domain_for_an_outlet_are_found() -> None:
    assert [g.kind for g in story_glitches("escenic", "the Telegraph", [])] == [
        "headline too short"
    ]
    assert [g.kind for g in outlet_glitches("Salon dot com", "Emissions dipped")] == [
        "outlet read as a web address"
    ]
    assert outlet_glitches("Phys dot org", "A flint tool") == []
