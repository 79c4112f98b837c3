"""Content terms: what counts as a word, which words meet, and which sentence each is in."""

from __future__ import annotations

from briefing.summarise.terms import term_ids, words


def test_words_are_lower_cased_ascii_letter_and_digit_runs() -> None:
    rows, ids, lengths = term_ids(["The TAXES rose 5%.", "Tax rises hit the café, don't they?"])
    assert lengths.tolist() == [4, 8]  # the taxes rose 5 / tax rises hit the caf don t they
    assert lengths.tolist() == [
        len(words(s)) for s in ("The TAXES rose 5%.", "Tax rises hit the café, don't they?")
    ]
    taxes, tax = ids[rows == 0][0], ids[rows == 1][0]
    assert taxes == tax  # "TAXES" and "Tax" meet on one stem
    assert 0 not in ids.tolist()  # stop words ("the", "they") and single letters are left out


def test_a_separator_inside_a_sentence_does_not_shift_the_rows() -> None:
    rows, _, lengths = term_ids(["Bridge\x00council votes", "Mayor resigns"])
    assert lengths.tolist() == [3, 2]
    assert rows.tolist() == [0, 0, 0, 1, 1]


def test_an_article_without_content_words_has_no_terms() -> None:
    rows, ids, lengths = term_ids(["It was.", "They did!"])
    assert rows.size == ids.size == 0
    assert lengths.tolist() == [2, 2]
