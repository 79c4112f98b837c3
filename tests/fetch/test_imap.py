"""IMAP sources against a real server: dovecot on 127.0.0.1 over TLS (tests/fixtures)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.imap_server import PASSWORD, ImapServer, dropping_proxy, imap_server
from fixtures.newsletters import (
    DIGEST_HEADLINES,
    DIGEST_HTML,
    ESSAY_HTML,
    ESSAY_SUBJECT,
    newsletter_message,
)

from briefing.config import FetchSettings, ImapSettings, Source, load_config
from briefing.daily.collect import collect
from briefing.errors import BriefingError, ConfigError
from briefing.fetch.imap import stories_from_mailbox

SETTINGS = FetchSettings(timeout=10.0)
ESSAY = newsletter_message(
    ESSAY_HTML, subject=ESSAY_SUBJECT, sender="Harbour Notes <notes@notes.example.org>"
)
DIGEST = newsletter_message(DIGEST_HTML)


@pytest.fixture(scope="module")
def server() -> Iterator[ImapServer]:
    with imap_server() as running:
        yield running


@pytest.fixture()
def mailbox(server: ImapServer, monkeypatch: pytest.MonkeyPatch) -> ImapServer:
    """An INBOX holding the digest (unread) and the essay (already read)."""
    monkeypatch.setenv("BRIEFING_IMAP_PASSWORD", PASSWORD)
    server.empty()
    server.deliver(DIGEST)
    server.deliver(ESSAY, seen=True)
    return server


@pytest.fixture()
def refusing(monkeypatch: pytest.MonkeyPatch) -> Iterator[ImapServer]:
    """A server of its own for a refused login: dovecot slows the next logins from the same
    address after one (its auth penalty), which would slow every test after it."""
    monkeypatch.setenv("BRIEFING_IMAP_PASSWORD", PASSWORD)
    with imap_server() as running:
        running.deliver(DIGEST)
        yield running


def _source(server: ImapServer, **options: object) -> Source:
    imap = ImapSettings(url=server.url(), ca_file=server.ca_file, **options)  # type: ignore[arg-type]
    return Source(imap=imap, limit=10)


def _one_line(error: BaseException) -> str:
    message = str(error)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_reads_the_unread_newsletters_and_leaves_them_unread(mailbox: ImapServer) -> None:
    articles, failures = stories_from_mailbox(_source(mailbox), SETTINGS)
    assert failures == []
    assert [a.title for a in articles] == DIGEST_HEADLINES
    assert {a.source_name for a in articles} == {"Harbour Digest"}
    assert mailbox.unseen() == 1  # BODY.PEEK: still unread


def test_mark_read_marks_the_messages_read(mailbox: ImapServer) -> None:
    stories_from_mailbox(_source(mailbox, mark_read=True), SETTINGS)
    assert mailbox.unseen() == 0


def test_every_message_from_given_senders(mailbox: ImapServer) -> None:
    source = _source(mailbox, unread=False, senders=("notes.example.org", "nobody@nowhere.org"))
    articles, _ = stories_from_mailbox(source, SETTINGS)
    assert [a.title for a in articles] == [ESSAY_SUBJECT]


def test_since_the_last_run_reads_only_what_came_after(mailbox: ImapServer) -> None:
    source = _source(mailbox, unread=False, since_last_run=True)
    first, _ = stories_from_mailbox(source, SETTINGS)
    assert len(first) == 4  # the essay and the digest's three items
    again, _ = stories_from_mailbox(source, SETTINGS)
    assert again == []
    mailbox.deliver(newsletter_message(ESSAY_HTML, subject=ESSAY_SUBJECT))
    later, _ = stories_from_mailbox(source, SETTINGS)
    assert [a.title for a in later] == [ESSAY_SUBJECT]


def test_bad_credentials_are_one_line(
    refusing: ImapServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRIEFING_IMAP_PASSWORD", "not-the-password")
    with pytest.raises(BriefingError) as refused:
        stories_from_mailbox(_source(refusing), SETTINGS)
    assert _one_line(refused.value) == (
        f"{refusing.url()}: the server refused the login for "
        "reader ([AUTHENTICATIONFAILED] Authentication failed.); check the user and the "
        "password in BRIEFING_IMAP_PASSWORD or the keyring."
    )
    assert refused.value.exit_code == 2


def test_a_missing_folder_is_one_line_naming_the_folders(mailbox: ImapServer) -> None:
    source = Source(imap=ImapSettings(url=mailbox.url("Newsletters"), ca_file=mailbox.ca_file))
    with pytest.raises(BriefingError) as missing:
        stories_from_mailbox(source, SETTINGS)
    assert _one_line(missing.value) == (
        f"{mailbox.url('Newsletters')}: no folder named 'Newsletters' on the server (folders "
        "there: INBOX); fix the folder in the URL."
    )


def test_a_dropped_connection_is_one_line(mailbox: ImapServer) -> None:
    big = "<p>" + "The harbour news goes on and on for a long while today. " * 4000 + "</p>"
    mailbox.deliver(newsletter_message(f"<html><body>{big}</body></html>", subject="Long"))
    with dropping_proxy(mailbox.port, after_bytes=60_000) as port:
        url = mailbox.url(port=port)
        source = Source(imap=ImapSettings(url=url, ca_file=mailbox.ca_file), limit=10)
        with pytest.raises(BriefingError) as dropped:
            stories_from_mailbox(source, SETTINGS)
    message = _one_line(dropped.value)
    assert message.startswith(f"{url}: the connection was dropped (")
    assert message.endswith("); try again later.")
    assert dropped.value.exit_code == 1


def test_an_untrusted_certificate_is_one_line(mailbox: ImapServer) -> None:
    source = Source(imap=ImapSettings(url=mailbox.url()))  # the throwaway cert not trusted
    with pytest.raises(BriefingError) as untrusted:
        stories_from_mailbox(source, SETTINGS)
    assert "the server's certificate is not trusted" in _one_line(untrusted.value)
    assert "set ca_file" in str(untrusted.value)


def test_no_password_anywhere_says_where_to_put_it(
    mailbox: ImapServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEFING_IMAP_PASSWORD")
    with pytest.raises(ConfigError) as missing:
        stories_from_mailbox(_source(mailbox), SETTINGS)
    assert _one_line(missing.value) == (
        f"{mailbox.url()}: no password; set BRIEFING_IMAP_PASSWORD, or store it in the system "
        "keyring (keyring set briefing reader@127.0.0.1)."
    )


def test_a_daily_run_goes_on_when_the_mailbox_fails(
    refusing: ImapServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mailbox = refusing
    monkeypatch.setenv("MAIL_PASSWORD", "wrong")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "digest.eml").write_bytes(DIGEST)
    config = tmp_path / "config.toml"
    config.write_text(
        f'[[sources]]\nname = "Mail"\nimap = "{mailbox.url()}"\npassword_env = "MAIL_PASSWORD"\n'
        f'ca_file = "{mailbox.ca_file}"\n\n[[sources]]\nfolder = "inbox"\n',
        encoding="utf-8",
    )
    candidates, failures = collect(load_config(config))
    assert [c.article.title for c in candidates] == DIGEST_HEADLINES
    assert [f.origin for f in failures] == ["Mail"]
    assert "refused the login" in failures[0].reason and "MAIL_PASSWORD" in failures[0].reason


def test_a_password_in_the_config_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[[sources]]\nimap = "imaps://me:hunter2@mail.example.org/INBOX"\n')
    with pytest.raises(ConfigError) as refused:
        load_config(config)
    assert "hunter2" not in str(refused.value)
    assert "has a password in it; never put it in the config" in str(refused.value)


def test_imap_keys_belong_to_imap_sources(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[[sources]]\nfolder = "inbox"\nmark_read = true\n')
    with pytest.raises(ConfigError, match=r"sources\[1\]\.mark_read \(line 3\) is only for"):
        load_config(config)
