"""Messages decoded: charsets, transfer encodings, the HTML part preferred, no text, a huge
attachment; messages on stdin, in an mbox and in a Maildir."""

from __future__ import annotations

import base64
import mailbox
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fixtures.newsletters import (
    DIGEST_HEADLINES,
    DIGEST_HTML,
    ESSAY_HTML,
    ESSAY_SUBJECT,
    SENT,
    newsletter_message,
)

from briefing.errors import InputError
from briefing.ingest import load_stories
from briefing.ingest.message import looks_like_message
from briefing.ingest.stories import parse_stories

STORY = (
    "Señora Núñez opened the new ferry terminal on Monday. The terminal cost twelve million "
    "euros and took three years to build. Ferries will leave every hour from June."
)


def _titles(data: bytes) -> list[str | None]:
    return [a.title for a in parse_stories(data, "test.eml").articles]


@pytest.mark.parametrize(
    ("charset", "encoding"),
    [("iso-8859-1", "quoted-printable"), ("utf-8", "base64"), ("windows-1252", "8bit"),
     ("utf-8", "quoted-printable")],
)  # fmt: skip
def test_charsets_and_transfer_encodings_are_decoded(charset: str, encoding: str) -> None:
    html = f"<html><body><h1>Ferry terminal opens</h1><p>{STORY}</p></body></html>"
    data = newsletter_message(html, subject="Ferry news", charset=charset, encoding=encoding)
    assert (f'charset="{charset}"' in data.decode("latin-1")) or charset in data.decode("latin-1")
    [article] = parse_stories(data, "ferry.eml").articles
    assert "Señora Núñez opened the new ferry terminal" in article.text
    assert article.source_name == "Harbour Digest"
    assert article.published == SENT


def test_the_html_part_is_preferred_and_the_text_part_read_when_there_is_none() -> None:
    both = newsletter_message(DIGEST_HTML, text="Plain words only.\n\n" + STORY + "\n")
    assert _titles(both) == DIGEST_HEADLINES
    plain = f"Ferry terminal opens\n\n{STORY}\n"
    text_only = newsletter_message(None, subject="Ferry news", text=plain)
    [article] = parse_stories(text_only, "text.eml").articles
    assert article.title == "Ferry news"
    assert article.text.startswith("Señora Núñez")


def test_an_unknown_charset_is_read_as_text_all_the_same() -> None:
    data = newsletter_message(f"<p>{STORY}</p>", subject="Ferry news").replace(
        b'charset="utf-8"', b'charset="x-no-such-charset"'
    )
    [article] = parse_stories(data, "odd.eml").articles
    assert "ferry terminal" in article.text


def test_a_message_with_no_text_is_one_line() -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = "Scan"
    message["From"] = "scanner@example.org"
    message.add_attachment(b"%PDF-1.4 not really", maintype="application", subtype="pdf",
                           filename="scan.pdf")  # fmt: skip
    with pytest.raises(InputError) as refused:
        parse_stories(bytes(message), "scan.eml")
    assert str(refused.value) == (
        "scan.eml: the message has no text to read (no text or HTML part, only scan.pdf); "
        "nothing to summarise."
    )


def test_a_huge_attachment_is_skipped_and_the_text_read(tmp_path: Path) -> None:
    """50 MB of attachment: the letter is read, quickly, and the attachment never decoded."""
    letter = newsletter_message(ESSAY_HTML, subject=ESSAY_SUBJECT).replace(b"\r\n", b"\n")
    blob = base64.encodebytes(b"\0" * (50 * 1024 * 1024))
    path = tmp_path / "big.eml"
    path.write_bytes(
        b"From: Harbour Notes <notes@example.org>\nSubject: "
        + ESSAY_SUBJECT.encode()
        + b"\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=OUTER\n\n--OUTER\n"
        + letter
        + b"\n--OUTER\nContent-Type: application/octet-stream\n"
        b"Content-Transfer-Encoding: base64\n"
        b'Content-Disposition: attachment; filename="backup.bin"\n\n' + blob + b"--OUTER--\n"
    )
    started = time.monotonic()
    articles, failures = load_stories(path)
    assert time.monotonic() - started < 30
    assert [a.title for a in articles] == [ESSAY_SUBJECT] and failures == []


def test_a_message_on_stdin_is_read_as_a_message(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "script", "-", "--date", "2026-11-25"],
        input=newsletter_message(DIGEST_HTML),
        capture_output=True,
        timeout=120,
    )
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr.decode()
    for headline in DIGEST_HEADLINES:
        assert f"From Harbour Digest: {headline}." in out
    assert "From:" not in out and "Subject" not in out


def test_headers_are_sniffed_and_text_is_not_a_message() -> None:
    assert looks_like_message(b"From: a@example.org\nSubject: Hi\nDate: Mon\n\nbody")
    assert looks_like_message(b"Received: from x\n\tby y\nFrom: a@b.c\nTo: d@e.f\n\nbody")
    assert not looks_like_message(b"Subject to change\n\nThe council said.")
    assert not looks_like_message(b"Harbour news: turbines\n\nThe harbour said today.")


def test_every_message_of_an_mbox_and_one_line_for_a_bad_one(tmp_path: Path) -> None:
    path = tmp_path / "letters.mbox"
    box = mailbox.mbox(path)
    box.add(newsletter_message(DIGEST_HTML))
    box.add(newsletter_message("<html><body><p>Unsubscribe</p></body></html>", subject="x"))
    box.add(newsletter_message(ESSAY_HTML, subject=ESSAY_SUBJECT))
    box.flush()
    articles, failures = load_stories(path)
    assert [a.title for a in articles] == [*DIGEST_HEADLINES, ESSAY_SUBJECT]
    assert [f.origin for f in failures] == [f"{path} (message 2)"]
    assert "\n" not in failures[0].reason


def test_every_message_of_a_maildir_in_delivery_order(tmp_path: Path) -> None:
    box = mailbox.Maildir(tmp_path / "Mail")
    box.add(mailbox.MaildirMessage(newsletter_message(ESSAY_HTML, subject=ESSAY_SUBJECT)))
    box.add(mailbox.MaildirMessage(newsletter_message(DIGEST_HTML)))
    articles, failures = load_stories(tmp_path / "Mail")
    assert [a.title for a in articles] == [ESSAY_SUBJECT, *DIGEST_HEADLINES]
    assert failures == []


def test_an_html_newsletter_saved_alone_is_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "digest.html"
    path.write_text(DIGEST_HTML, encoding="utf-8")
    articles, _ = load_stories(path)
    assert [a.title for a in articles] == DIGEST_HEADLINES


def test_pdf_and_epub_without_their_readers_say_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for kind in ("pdf", "epub"):
        monkeypatch.setitem(sys.modules, f"briefing.ingest.{kind}", None)  # not in this build
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\n")
    with pytest.raises(InputError) as refused:
        load_stories(pdf)
    assert str(refused.value) == f"{pdf}: PDF input is not available in this build."
    book = tmp_path / "book"  # no suffix: an EPUB by its first bytes
    book.write_bytes(b"PK\x03\x04" + b"\0" * 26 + b"mimetypeapplication/epub+zip")
    with pytest.raises(InputError, match=r"book: EPUB input is not available in this build"):
        load_stories(book)
