"""Headline and outlet from what a page declares: the general rules, on pages written here."""

from __future__ import annotations

import pytest

from briefing.errors import InputError, UnsupportedLanguageError
from briefing.ingest import parse_article
from briefing.ingest.outlets import outlet_name, speakable_outlet
from briefing.ingest.page_meta import PageMeta, clean_headline, feed_item_title, read_meta

BODY = "".join(
    f"<p>The council approved the new harbour bridge on Monday after a long debate, part {i}.</p>"
    for i in range(6)
)


def page(head: str, body: str = BODY) -> bytes:
    html = f"<!doctype html><html><head>{head}</head><body><article>{body}</article></body></html>"
    return html.encode()


def meta(
    site: str = "", host: str | None = "www.gazette.example.com", sections: str = ""
) -> PageMeta:
    return PageMeta(
        titles=(),
        site_names=(site,) if site else (),
        sections=frozenset(sections.split()),
        host=host,
    )


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Bridge opens at last | Harbour Gazette", "Harbour Gazette", "Bridge opens at last"),
        ("Harbour Gazette - Bridge opens at last", "Harbour Gazette", "Bridge opens at last"),
        ("Harbour Gazette: Bridge opens at last", "Harbour Gazette", "Bridge opens at last"),
        ("Bridge opens at last – The Harbour Gazette", "Harbour Gazette", "Bridge opens at last"),
        ("Bridge opens at last | Gazette | 19.01.2020", "GAZETTE.COM", "Bridge opens at last"),
        ("Bridge opens at last | Local | Harbour Gazette", "Harbour Gazette",
         "Bridge opens at last"),
        ("Letters: Roads | Schools | Rates", "Harbour Gazette", "Letters: Roads | Schools | Rates"),
        ("Spider-Man - Far From Home tops box office", "Harbour Gazette",
         "Spider-Man - Far From Home tops box office"),
        ("Harbour Gazette", "Harbour Gazette", None),
    ],
)  # fmt: skip
def test_site_prefixes_suffixes_and_tails_are_cleaned(
    title: str, site: str, expected: str | None
) -> None:
    assert clean_headline(title, meta(site)) == expected


def test_a_site_named_by_its_initials_in_the_address_is_cut() -> None:
    title = "Bridge opens at last | New York Post"
    assert clean_headline(title, meta(host="nypost.com")) == "Bridge opens at last"


def test_a_site_named_with_the_in_its_address_is_cut() -> None:
    title = "Monsoon arrives early - The Hindu"
    assert clean_headline(title, meta(host="www.thehindu.com")) == "Monsoon arrives early"


def test_a_truncated_og_title_gives_way_to_the_whole_headline() -> None:
    head = (
        '<meta property="og:title" content="Council approves the new harbour bridge after...">'
        "<title>Council approves the new harbour bridge after a decade of campaigning</title>"
    )
    article = parse_article(page(head), origin="p.html", kind="html")
    assert article.title == "Council approves the new harbour bridge after a decade of campaigning"


def test_a_cms_name_is_never_the_headline() -> None:
    head = (
        '<meta property="og:site_name" content="The Gazette">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "escenic",'
        ' "publisher": {"name": "The Gazette"}}</script>'
        "<title>Council approves harbour bridge</title>"
    )
    article = parse_article(page(head), origin="p.html", kind="html")
    assert article.title == "Council approves harbour bridge"
    assert article.source_name == "The Gazette"


def test_a_section_name_is_not_the_headline_when_the_page_has_one() -> None:
    head = (
        '<meta property="og:title" content="Allergies Health Center">'
        '<meta property="article:section" content="Allergies Health Center">'
        "<title>Pollen season starts early this year | Allergies Health Center</title>"
    )
    article = parse_article(page(head), origin="p.html", kind="html")
    assert article.title == "Pollen season starts early this year"


def test_the_headline_is_not_taken_as_the_outlet() -> None:
    head = (
        '<meta name="application-name" content="Council approves harbour bridge">'
        "<title>Council approves harbour bridge</title>"
    )
    article = parse_article(
        page(head), origin="p.html", kind="html", url="https://www.msn.com/en-gb/news/x/ar-1"
    )
    assert article.title == "Council approves harbour bridge"
    assert article.source_name == "MSN"


def test_a_page_whose_only_title_is_the_site_is_refused_by_name() -> None:
    head = (
        '<meta name="application-name" content="Rail Live Boards"><title>Rail Enquiries -</title>'
    )
    with pytest.raises(InputError, match=r"^board\.html: is not a news story"):
        parse_article(
            page(head), origin="board.html", kind="html", url="https://www.rail.co.uk/live"
        )


@pytest.mark.parametrize(
    ("head", "url"),
    [
        ("<title>Home | Harbour Gazette</title>", "https://www.harbourgazette.co.uk/news"),
        ("<title>Harbour Gazette - News, sport and weather</title>", "https://harbour.co.uk/"),
    ],
)
def test_front_and_index_pages_are_refused(head: str, url: str) -> None:
    with pytest.raises(InputError, match=r"^index\.html: is not a news story"):
        parse_article(page(head), origin="index.html", kind="html", url=url)


def test_a_media_kicker_is_not_read_out() -> None:
    assert clean_headline("WATCH: Bridge opens at last", meta()) == "Bridge opens at last"


def test_a_page_with_no_title_at_all_is_still_read() -> None:
    article = parse_article(page(""), origin="p.html", kind="html")
    assert article.title is None
    assert "harbour bridge" in article.text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("nationnews.com", "Nation News"),
        ("DW.COM", "DW"),
        ("Salon.com", "Salon"),
        ("valleychronicle.com", None),  # glued words: better no outlet than "Valleychronicle"
        ("slate.com", "Slate"),
        ("HeraldSun", "Herald Sun"),
        ("PhillyVoice", "Philly Voice"),
        ("GitHub", "GitHub"),  # a short first part: one brand, said as one word
        ("YouTube", "YouTube"),
        ("harbourgazette", None),  # glued lower-case words, with or without ".com"
        ("gazette.at", "Gazette"),  # any country's ending is a domain
        ("wien.Gazette.at", "Gazette"),  # the registered name, not the subdomain
        ("WSVN 7News | Miami News, Weather, Sports | Fort Lauderdale", "WSVN 7News"),
        ("Deutsche Welle (www.dw.com)", "DW"),  # the table: as DW says itself
        ("BBC News - Home", "BBC News"),
        ("UK university student halls too full to be safe, experts warn", None),
        ("CNN", "CNN"),
        ("the Guardian", "The Guardian"),
        ("", None),
        ("Home", None),
    ],
)
def test_outlet_names_are_made_speakable(raw: str, expected: str | None) -> None:
    assert outlet_name(raw) == expected


def test_a_name_that_matches_the_address_wins_over_a_section() -> None:
    assert speakable_outlet(["U.S.", "Reuters"], "www.reuters.com") == "Reuters"
    assert speakable_outlet([], "edition.cnn.com") == "CNN"
    assert speakable_outlet([], "www.unknown-site.example") is None


def test_a_feed_item_title_loses_the_outlet_some_feeds_add() -> None:
    assert feed_item_title("Bridge opens - Reuters", "Reuters: World News", None) == "Bridge opens"
    assert feed_item_title("Bridge opens", "Harbour Gazette", None) == "Bridge opens"


def test_a_site_page_in_a_language_briefing_cannot_read_is_refused_for_that_first() -> None:
    japanese = "".join(
        f"<p>市議会は月曜日、港に架かる新しい橋の建設を承認した。第{i}部。工事は春に始まる予定だ。</p>"
        for i in range(6)
    )
    head = "<title>港新聞</title>"
    with pytest.raises(UnsupportedLanguageError, match=r"^ja\.html: looks like Japanese;"):
        parse_article(
            page(head, japanese), origin="ja.html", kind="html", url="https://minato.example/"
        )


def test_a_german_site_page_is_refused_as_not_a_story() -> None:
    german = "".join(
        f"<p>Der Stadtrat hat am Montag die neue Brücke über den Hafen beschlossen, Teil {i}, "
        "und die Arbeiten sollen im Frühjahr beginnen, sagte die Bürgermeisterin.</p>"
        for i in range(6)
    )
    head = "<title>Hafenzeitung</title>"
    with pytest.raises(InputError, match=r"^de\.html: is not a news story"):
        parse_article(
            page(head, german), origin="de.html", kind="html", url="https://hafenzeitung.de/"
        )


def test_the_fullest_form_of_one_name_is_said() -> None:
    assert speakable_outlet(["hbpost", "HB Post"], "hbpost.example") == "HB Post"
    assert speakable_outlet(["Harbour Post", "harbourpost"], "hp.example") == "Harbour Post"


def test_a_declared_alternative_headline_gives_way_to_the_printed_one() -> None:
    ld = (
        '{"@type": "NewsArticle", "headline": "Council approves the harbour bridge after a '
        'decade of debate", "alternativeHeadline": "Bridge gets the nod"}'
    )
    head = (
        '<meta property="og:title" content="Bridge gets the nod">'
        f'<script type="application/ld+json">{ld}</script>'
        "<title>Council approves the harbour bridge after a decade of debate | Gazette</title>"
    )
    article = parse_article(page(head), origin="p.html", kind="html")
    assert article.title == "Council approves the harbour bridge after a decade of debate"


def test_an_alternative_equal_to_the_headline_changes_nothing() -> None:
    ld = (
        '{"@type": "NewsArticle",'
        ' "headline": "Bridge opens", "alternativeHeadline": "Bridge opens"}'
    )
    head = f'<script type="application/ld+json">{ld}</script><title>Bridge opens | Gazette</title>'
    assert parse_article(page(head), origin="p.html", kind="html").title == "Bridge opens"


def test_a_short_non_english_page_is_judged_with_its_headline() -> None:
    """The body alone (18 words) is too short to judge; with its headline it is German."""
    body = "<p>Der Stadtrat hat am Montag die neue Brücke über den Hafen beschlossen.</p>"
    head = "<title>Die Brücke über den Hafen wird gebaut, sagt die Bürgermeisterin</title>"
    article = parse_article(page(head, body * 2), origin="de.html", kind="html")
    assert article.language == "de"


@pytest.mark.parametrize(
    ("html_start", "locale"),
    [
        ('<html lang="en-US"><head>', "en-US"),
        ('<html lang="en"><head><meta property="og:locale" content="en_GB">', "en-GB"),
        ('<html xml:lang="en-US"><head>', "en-US"),
        ("<html><head>", None),
        ('<html lang="en-GB"><head><meta property="og:locale" content="en_US">', "en-GB"),
        ('<html><head><meta property="og:locale" content="en_gb">', "en-GB"),
        ('<html lang="{{lang}}"><head><meta property="og:locale" content="en_AU">', "en-AU"),
    ],
)
def test_the_pages_declared_locale_travels_with_the_article(
    html_start: str, locale: str | None
) -> None:
    html = f"<!doctype html>{html_start}</head><body><article>{BODY}</article></body></html>"
    assert parse_article(html.encode(), origin="p.html", kind="html").locale == locale


def test_a_page_without_a_declared_site_name_takes_its_feeds() -> None:
    head = (
        '<link rel="alternate" type="application/rss+xml" title="Harbour Notes &raquo; Feed"'
        ' href="/feed/"><title>Bridge opens at last &#8211; Harbour Notes</title>'
    )
    article = parse_article(page(head), origin="p.html", kind="html", url="https://hn.example/b")
    assert (article.title, article.source_name) == ("Bridge opens at last", "Harbour Notes")


@pytest.mark.parametrize(
    ("head", "locale"),
    [
        ('<meta property="og:locale" content="fr_FR">', "de"),  # <html lang="de"> first
        ('<meta property="og:locale" content="de_AT">', "de-AT"),  # its region, same language
        ('<script type="application/ld+json">{"@type": "NewsArticle", "inLanguage": "de-CH"}'
         "</script>", "de-CH"),
    ],
)  # fmt: skip
def test_html_lang_comes_first_and_later_declarations_add_its_region(
    head: str, locale: str
) -> None:
    import lxml.html

    tree = lxml.html.fromstring(f'<html lang="de"><head>{head}</head><body><p>x</p></body></html>')
    assert read_meta(tree, None).locale == locale


def test_og_locale_comes_before_json_ld_and_a_language_object_is_read() -> None:
    import lxml.html

    ld = '{"@type": "NewsArticle", "inLanguage": {"@type": "Language", "alternateName": "it"}}'
    head = f'<script type="application/ld+json">{ld}</script>'
    first = f'<meta property="og:locale" content="fr_fr">{head}'
    for markup, locale in ((first, "fr-FR"), (head, "it")):
        tree = lxml.html.fromstring(f"<html><head>{markup}</head><body><p>x</p></body></html>")
        assert read_meta(tree, None).locale == locale
