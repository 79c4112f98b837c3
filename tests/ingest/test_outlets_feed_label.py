"""A feed's title is not an outlet's name: "tagesschau.de RSS2-Feed" was said aloud whole."""

from __future__ import annotations

import pytest

from briefing.ingest.outlets import outlet_name


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Le Monde RSS", "Le Monde"),
        ("BBC News - Atom feed", "BBC News"),
        ("Heise RSS 2.0 Feed", "Heise"),
        ("Heartland Newsfeed", "Heartland Newsfeed"),  # a name that ends in "feed" stays
        ("Feedly", "Feedly"),
    ],
)
def test_a_feed_label_is_taken_off_a_name(raw: str, name: str) -> None:
    assert outlet_name(raw) == name
