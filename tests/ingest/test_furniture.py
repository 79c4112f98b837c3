"""Datelines, bylines and stamps never reach the script, and no words are glued when they go."""

from __future__ import annotations

import pytest

from briefing.ingest.furniture import strip_furniture


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("LONDON (Reuters) - Prices rose sharply.", "Prices rose sharply."),
        ("WASHINGTON — The Senate voted on Monday.", "The Senate voted on Monday."),
        ("London (CNN)It was the interview of the year.", "It was the interview of the year."),
        ("NAPA COUNTY, Calif. (KGO) -- A plan was approved.", "A plan was approved."),
        ("HOUSTON, Texas (KTRK) -- A salon banned men.", "A salon banned men."),
        ("Kaieteur News – Police are investigating.", "Police are investigating."),
        (
            "Updated 6:36 PM ET, Mon March 8, 2021 London (CNN)It was the interview.",
            "It was the interview.",
        ),
        ("NEW DELHI: The monsoon arrived early.", "The monsoon arrived early."),
        ("LONDON, Jan 5 (Reuters) - Shares fell.", "Shares fell."),
        ("(CNN) — The storm made landfall.", "The storm made landfall."),
        ("Boris Johnson (PM) said it was over.", "Boris Johnson (PM) said it was over."),
        ("Tesla (TSLA) CEO Elon Musk said so.", "Tesla (TSLA) CEO Elon Musk said so."),
        ("Austin (KXAN) — Police closed the road.", "Police closed the road."),
        ("US inflation rose in March.", "US inflation rose in March."),
    ],
)
def test_a_dateline_is_cut_at_its_mark(paragraph: str, expected: str) -> None:
    assert (
        strip_furniture([paragraph, "More text follows here."], outlets=["Kaieteur News"])[0]
        == expected
    )


@pytest.mark.parametrize(
    "furniture",
    [
        "WASHINGTON —",
        "By Jane Doe, Staff Writer",
        "By Jane Doe",
        "By JANE DOE • Published March 5, 2021",
        "Reporting by Jane Doe; Editing by John Roe",
        "Last modified on Mon 20 Jan 2020 08.41 GMT",
        "Updated 6:36 PM ET, Mon March 8, 2021",
        "Posted on",
        "November 08, 2023",
        "This article originally appeared on VICE US.",
        "Bridge opens at last",
    ],
)
def test_furniture_paragraphs_are_dropped(furniture: str) -> None:
    story = "The bridge opened on Monday after ten years of work."
    assert strip_furniture([furniture, story], titles=["Bridge opens at last"]) == [story]


def test_a_byline_sentence_in_the_story_is_kept() -> None:
    story = ["By the end of the year, the council expects the bridge to carry 9,000 cars a day."]
    assert strip_furniture(story) == story


def test_a_lost_drop_capital_is_put_back_from_the_headline() -> None:
    paragraphs = ["urkey, Poland and Saba have been removed from the list.", "More."]
    fixed = strip_furniture(paragraphs, titles=["Turkey, Poland added to quarantine list"])
    assert fixed[0] == "Turkey, Poland and Saba have been removed from the list."
    assert strip_furniture(["iOS 13 has a new feature."]) == ["iOS 13 has a new feature."]


def test_a_broadcast_scripts_speaker_cues_are_not_read() -> None:
    paragraphs = [
        "Anchor: Heavy rain closed the coast road on Monday.",
        "Reporter: Crews worked through the night to clear it.",
        "The anchor: a heavy weight dropped by the ship.",
    ]
    assert strip_furniture(paragraphs) == [
        "Heavy rain closed the coast road on Monday.",
        "Crews worked through the night to clear it.",
        "The anchor: a heavy weight dropped by the ship.",
    ]


def test_calls_to_a_web_reader_and_credit_lines_are_not_read() -> None:
    paragraphs = [
        "The cartoonist mocked the critics. Click through for the whole thing.",
        "(via Harbour Blog)",
        "Read more: Bridge opens at last",
        "Readers who click through the archive find older maps. See the full list below.",
        "Read more than ten reports and you see a pattern.",
        "The bridge is open. If you enjoyed this, subscribe to our channel for more.",
        "Ferries will stop in May, the company told its subscribers.",
    ]
    assert strip_furniture(paragraphs) == [
        "The cartoonist mocked the critics.",
        "Readers who click through the archive find older maps.",
        "Read more than ten reports and you see a pattern.",
        "The bridge is open.",
        "Ferries will stop in May, the company told its subscribers.",
    ]
