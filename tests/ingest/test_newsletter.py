"""How a newsletter's stories are found, on small letters written here: each rule of
`briefing.ingest.digest`, and the furniture and addresses that are never read."""

from __future__ import annotations

from fixtures.newsletters import DIGEST_HEADLINES, DIGEST_HTML, newsletter_message

from briefing.ingest.stories import parse_stories

FOOTER = (
    '<p><a href="https://example.org/unsubscribe">Unsubscribe</a> | '
    '<a href="https://example.org/prefs">Manage preferences</a></p>'
    "<p>© 2026 Quay Letters Ltd, 1 Harbour Road, Bristol BS1 4QA</p>"
)
TEXT = (
    "The council approved the plan on Tuesday after a long debate. Work will start in the "
    "spring and should take two years. Residents will be consulted on the final design."
)


def _stories(html: str, subject: str | None = "Quay Letters", **kwargs: str) -> list[tuple]:
    data = newsletter_message(f"<html><body>{html}{FOOTER}</body></html>", subject, **kwargs)
    return [(a.title, a.text) for a in parse_stories(data, "letter.eml").articles]


def test_a_digest_is_one_story_per_item_without_its_frame() -> None:
    articles = parse_stories(newsletter_message(DIGEST_HTML), "digest.eml").articles
    assert [a.title for a in articles] == DIGEST_HEADLINES
    spoken = " ".join(a.text for a in articles)
    never = (
        "View in browser",
        "Acme Boats",
        "referrals",
        "tote bag",
        "That's all",
        "All rights reserved",
        "Quay Street",
        "Unsubscribe",
        "https://",
        "@",
    )
    assert [phrase for phrase in never if phrase in spoken] == []


def test_a_link_digest_reads_each_link_with_its_description() -> None:
    items = "".join(
        f'<p><a href="https://example.org/{n}"><b>Harbour story number {n}</b></a> — {TEXT}</p>'
        f"<p>Jane Writer</p>"
        for n in ("one", "two", "three", "four")
    )
    sponsored = (
        '<p><a href="https://ads.example.org/x"><b>Try Acme Cloud today</b></a> — The fastest '
        "cloud for every harbour, now with free credits.</p><p>Acme sponsor</p>"
    )
    stories = _stories(items + sponsored)
    assert [title for title, _ in stories] == [
        f"Harbour story number {n}" for n in ("one", "two", "three", "four")
    ]
    assert all(text == TEXT for _, text in stories)  # no byline, no ad


def test_a_link_that_is_only_a_headline_is_a_story_of_its_headline() -> None:
    links = "".join(
        f'<p><a href="https://example.org/{n}">Council backs the new harbour plan for {n}</a></p>'
        for n in ("Bristol", "Cardiff", "Swansea", "Newport")
    )
    stories = _stories("<h2>Top stories</h2>" + links)
    assert stories[0] == (
        "Council backs the new harbour plan for Bristol",
        "Council backs the new harbour plan for Bristol.",
    )
    assert len(stories) == 4


def test_numbered_headlines_are_the_items() -> None:
    html = "".join(f"<p><b>{n}. Story about the harbour number {n}</b></p><p>{TEXT}</p>"
                   for n in (1, 2, 3))  # fmt: skip
    expected = [f"Story about the harbour number {n}" for n in (1, 2, 3)]
    assert [t for t, _ in _stories(html)] == expected


def test_an_essay_with_sub_headings_is_one_story_titled_by_its_subject() -> None:
    html = (
        "<h1>The quiet return of the ferry</h1><p>By Ann Lee</p><p>Mar 3</p>"
        f"<p>{TEXT}</p><h2>Why now</h2><p>{TEXT}</p><h2>What next</h2><p>{TEXT}</p>"
    )
    [(title, text)] = _stories(html, subject="The quiet return of the ferry")
    assert title == "The quiet return of the ferry"
    assert text == "\n\n".join([TEXT] * 3)


def test_a_forwarded_letter_keeps_the_original_subject_and_sender() -> None:
    html = (
        "<div>---------- Forwarded message ---------<br>From: Pat &lt;pat@example.org&gt;<br>"
        "Subject: Fwd: The quiet return of the ferry<br></div>"
        "<div>---------- Forwarded message ---------<br>De : <b>Ferry Notes</b> "
        "&lt;notes@ferry.example.org&gt;<br>Date: mer. 2 mars 2022<br>"
        "Subject: The quiet return of the ferry<br>To: pat@example.org<br></div>"
        f"<h1>The quiet return of the ferry</h1><p>{TEXT}</p>"
    )
    data = newsletter_message(f"<html><body>{html}{FOOTER}</body></html>", "Fwd: Fwd: ferry",
                              sender="Sam <sam@example.org>")  # fmt: skip
    [article] = parse_stories(data, "fwd.eml").articles
    assert (article.title, article.source_name, article.text) == (
        "The quiet return of the ferry",
        "Ferry Notes",
        TEXT,
    )


def test_a_sponsor_block_is_dropped_up_to_the_next_heading() -> None:
    html = (
        f"<h2>Trams return to the seafront</h2><p>{TEXT}</p>"
        "<p>Presented by Acme Boats</p><p>Acme Boats are the finest boats on the coast, "
        "with ten per cent off this month only.</p>"
        f"<h2>Library hours extended</h2><p>{TEXT}</p>"
    )
    stories = _stories(html)
    assert [t for t, _ in stories] == ["Trams return to the seafront", "Library hours extended"]
    assert all("Acme" not in text for _, text in stories)


def test_addresses_and_reading_times_are_not_read() -> None:
    html = (
        f"<h2>Trams return (4 minute read)</h2><p>{TEXT} Details at https://example.org/trams "
        "or from trams@example.org today.</p>"
        f"<h2>LIBRARY HOURS EXTENDED BY THE HARBOUR TRUST</h2><p>{TEXT} So said the Harbour "
        "Trust.</p>"
    )
    stories = _stories(html)
    expected = ["Trams return", "Library hours extended by the Harbour Trust"]
    assert [t for t, _ in stories] == expected
    assert "http" not in stories[0][1] and "@" not in stories[0][1]


def test_a_plain_text_newsletter_is_read_too() -> None:
    text = (
        f"VIEW IN BROWSER: https://example.org/v\n\nTrams return to the seafront\n{TEXT}\n\n"
        f"Library hours extended\n{TEXT}\n\nUnsubscribe: https://example.org/u\n"
    )
    data = newsletter_message(None, subject="Quay Letters", text=text)
    titles = [a.title for a in parse_stories(data, "plain.eml").articles]
    assert titles == ["Trams return to the seafront", "Library hours extended"]


def test_a_story_may_use_the_frame_s_words() -> None:
    """ "Copyright", "referrals", "sponsorship": a story's words too, kept in a paragraph."""
    story = (
        "The Supreme Court heard a copyright case on Monday about an artist's use of a "
        "photograph, while doctors said GP referrals to the harbour clinic doubled and the "
        "club signed a new shirt sponsorship deal worth two million pounds."
    )
    html = f"<h2>Courts and clinics</h2><p>{story}</p><h2>Trams return</h2><p>{TEXT}</p>"
    assert _stories(html)[0] == ("Courts and clinics", story)


def test_a_headline_that_starts_like_a_button_is_still_a_headline() -> None:
    heads = ["Share prices fall sharply", "Jobs report beats forecasts", "Contact tracing ends"]
    html = "".join(f"<h2>{head}</h2><p>{TEXT}</p>" for head in heads)
    assert [t for t, _ in _stories(html)] == heads
