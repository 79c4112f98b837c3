"""What is never spoken (captions, bylines, prompts) and what cannot open a summary."""

from __future__ import annotations

import pytest

from briefing.summarise.boilerplate import (
    continues_a_quote,
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


@pytest.mark.parametrize(
    ("sentence", "cased", "expected"),
    [
        # A quote or claim whose only named speaker is a pronoun: who is "he"?
        ("If IS is defeated, he said, “we’ll see a strategic alliance.”", True, True),
        ("“We will rebuild the town,” he said.", True, True),
        ("“We will rebuild the town,” said he.", True, True),
        ('"We will rebuild the town," she told the BBC.', True, True),
        ("Prices will rise next year, they warned.", True, True),
        ("Prices will rise next year, according to him.", True, True),
        # The speaker is named: the sentence stands alone.
        ("“We will rebuild the town,” said the mayor.", True, False),
        ('"We will rebuild the town," Smith said.', True, False),
        ("Prices will rise next year, the minister told the BBC.", True, False),
        ("According to the official, Iraq will seek closer ties.", True, False),
        ("Officials say the bridge will reopen in May.", True, False),
        # The end of a quote begun in an earlier sentence, even with a named speaker.
        ("Abadi wants to stay neutral, and knows the Americans built the army.”", True, True),
        ("The town will be rebuilt by spring,” the mayor said.", True, True),
        ('The town will be rebuilt by spring," the mayor said.', True, True),
        # Quotes that open (and close) in the sentence itself are not fragments.
        ('The mayor called it a "new start" for the town.', True, False),
        ('The mayor said: "We will rebuild the town."', True, False),
        # Lower-cased PTB text (CNN/DM): `` opens, '' closes.
        ("`` we will rebuild the town , '' he said .", False, True),
        ("`` we will rebuild the town , '' said he .", False, True),
        ("`` we will rebuild the town , '' the mayor said .", False, False),
        ("`` we will rebuild the town , '' said the mayor .", False, False),
        ("the town will be rebuilt by spring , '' the mayor said .", False, True),
        ("'' then she left the hall ?", False, True),
        # A closing mark at the very start belongs to the previous sentence (a PTB split).
        ("'' `` one duckling ran back , '' abdallah said .", False, False),
        ("'' after countless diets , nidetch joined a club .", False, False),
        ("'' `` one duckling ran back , '' she said .", False, True),
        ("the mayor said the town would be rebuilt .", False, False),
    ],
)
def test_needs_context_for_quotes_and_speakers(sentence: str, cased: bool, expected: bool) -> None:
    assert needs_context(sentence, cased) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It will take the summer,” the mayor said.", True),
        ("and the market too. '' the crowd cheered .", True),  # PTB: the closer is at the end
        ("'' the crowd cheered .", False),  # PTB: a closer at the start ends the last sentence
        ("“We will rebuild,” the mayor said.", False),
        ("The mayor said the hall would reopen.", False),
    ],
)
def test_continues_a_quote(sentence: str, expected: bool) -> None:
    assert continues_a_quote(sentence) is expected
