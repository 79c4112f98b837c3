"""What is never spoken (captions, bylines, prompts) and what cannot open a summary."""

from __future__ import annotations

import pytest

from briefing.summarise.boilerplate import (
    is_boilerplate_paragraph,
    is_boilerplate_sentence,
    needs_context,
)


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi forces deploy in the Bajwaniyah village, about 30 kms south of Mosul …",
        "Pictured: the bridge at dawn.",
        "Image caption: Crowds gathered outside the court.",
        "By Jane Smith",
        "By JOHN SMITH and Jane Doe",
        "by joanna biggs .",
        "by . daily mail reporter .",
        "Read more: the council's plans",
        "' scroll down for video .",
        "published : .",
        "Updated 10:45 EST, 15 March 2013",
        "Two words",
    ],
)
def test_boilerplate_is_recognised(text: str) -> None:
    assert is_boilerplate_sentence(text)


@pytest.mark.parametrize(
    "text",
    [
        "By the end of the day the bridge had reopened.",
        "The council approved the bridge on Monday.",
        "Photographers gathered at the bridge on Monday.",
        "the council approved the bridge on monday .",
    ],
)
def test_story_sentences_are_kept(text: str) -> None:
    assert not is_boilerplate_sentence(text)


def test_a_truncated_paragraph_is_boilerplate_wherever_it_starts() -> None:
    assert is_boilerplate_paragraph(
        "Tens of thousands of troops were making gains in an offensive..."
    )


@pytest.mark.parametrize(
    ("sentence", "cased", "expected"),
    [
        ("He said the bridge would open in May.", True, True),
        ("They voted against it.", True, True),
        ("But the vote was close.", True, True),
        ("“We will rebuild the town.”", True, True),
        ('"We will rebuild the town," the mayor said.', True, False),
        ("and then the storm came.", True, True),
        ("- but knew he never would .", False, True),
        ("the council approved the bridge .", False, False),
        ("The council approved the bridge.", True, False),
        ("There were 30 people on the bridge.", True, False),
        ("Italy won the match.", True, False),
    ],
)
def test_needs_context(sentence: str, cased: bool, expected: bool) -> None:
    assert needs_context(sentence, cased) is expected
