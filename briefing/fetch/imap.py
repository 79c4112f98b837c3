"""Newsletters from an IMAP mailbox: `[[sources]] imap = "imaps://user@host/Folder"`.

Over TLS only (imaps://, or imap:// upgraded with STARTTLS), the server's certificate checked
as a browser checks it (`ca_file` for a private server's authority). The password never sits in
the config: it comes from an environment variable (`password_env`, default
BRIEFING_IMAP_PASSWORD) or the system keyring (service "briefing", user "user@host"). Messages
are read with BODY.PEEK, so they stay unread unless the source says `mark_read = true`.
Every failure is one line naming the mailbox: a refused login, a missing folder, a dropped
connection, an untrusted certificate.
"""

from __future__ import annotations

import imaplib
import os
import re
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from briefing.config import FetchSettings, ImapSettings, Source
from briefing.errors import BriefingError, ConfigError, InputError
from briefing.models import Article, StoryFailure

PASSWORD_ENV = "BRIEFING_IMAP_PASSWORD"
"""Where the password is looked for when the source names no `password_env`."""
KEYRING_SERVICE = "briefing"
MAX_MESSAGES = 30
"""Messages read from a mailbox in one run, newest first."""
_STATE_FILE = "imap.json"


class MailboxError(BriefingError):
    """The mailbox could not be read at run time (network, server); exit code 1."""


@dataclass(frozen=True)
class MailboxAddress:
    """What an imap(s):// URL names."""

    tls: bool
    """True for imaps:// (TLS from the start); False for imap:// (STARTTLS, required)."""
    user: str
    host: str
    port: int
    folder: str

    @property
    def label(self) -> str:
        scheme = "imaps" if self.tls else "imap"
        return f"{scheme}://{self.user}@{self.host}:{self.port}/{self.folder}"


def parse_mailbox_url(url: str) -> MailboxAddress:
    """imaps://user@host[:port]/Folder → its parts; `ConfigError` naming what is wrong."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ConfigError(f"{url}: is not a valid imaps:// address.") from None
    scheme = parts.scheme.lower()
    if scheme not in ("imaps", "imap"):
        raise ConfigError(f"{url}: should start with imaps:// (or imap:// for STARTTLS).")
    if parts.password is not None:
        raise ConfigError(
            f"{_without_password(url)}: has a password in it; take it out of the config and "
            f"set {PASSWORD_ENV} (or password_env) or store it in the system keyring."
        )
    if not parts.hostname or not parts.username:
        raise ConfigError(f"{url}: should name the user and the server: imaps://user@host/Folder.")
    folder = unquote(parts.path.lstrip("/")) or "INBOX"
    return MailboxAddress(
        tls=scheme == "imaps",
        user=unquote(parts.username),
        host=parts.hostname,
        port=port or (993 if scheme == "imaps" else 143),
        folder=folder,
    )


def stories_from_mailbox(
    source: Source, settings: FetchSettings
) -> tuple[list[Article], list[StoryFailure]]:
    """The stories of the newest messages that match the source's search, and what failed."""
    from briefing.ingest.stories import LinkOptions

    assert source.imap is not None
    options = source.imap
    address = parse_mailbox_url(options.url)
    password = find_password(address, options)
    links = LinkOptions(fetch_links=source.fetch_links)
    articles: list[Article] = []
    failures: list[StoryFailure] = []
    with _session(address, password, options, settings) as client:
        validity, uids = _search(client, address, options)
        done: list[bytes] = []
        for uid in reversed(uids[-MAX_MESSAGES:]):  # newest first
            if len(articles) >= source.limit:
                break
            found, failed = _read_message(client, address, uid, links)
            articles.extend(found)
            failures.extend(failed)
            done.append(uid)
        if options.mark_read and done:
            _check(client.uid("STORE", b",".join(done).decode(), "+FLAGS", r"(\Seen)"), address)
        if options.since_last_run and uids:
            _remember(address, validity, max(int(u) for u in uids))
    return articles, failures


def find_password(address: MailboxAddress, options: ImapSettings) -> str:
    """From the environment variable the source names, else the system keyring."""
    variable = options.password_env or PASSWORD_ENV
    password = os.environ.get(variable, "")
    if password:
        return password
    account = f"{address.user}@{address.host}"
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            password = keyring.get_password(KEYRING_SERVICE, account) or ""
        except KeyringError:
            password = ""
    except ImportError:  # pragma: no cover - keyring is a dependency
        password = ""
    if not password:
        raise ConfigError(
            f"{address.label}: no password; set {variable}, or store it in the system keyring "
            f"(keyring set {KEYRING_SERVICE} {account})."
        )
    return password


@contextmanager
def _session(
    address: MailboxAddress, password: str, options: ImapSettings, settings: FetchSettings
) -> Iterator[imaplib.IMAP4]:
    """A logged-in connection with the folder selected; every failure is one line."""
    context = ssl.create_default_context(cafile=str(options.ca_file) if options.ca_file else None)
    client: imaplib.IMAP4 | None = None
    try:
        if address.tls:
            client = imaplib.IMAP4_SSL(
                address.host, address.port, ssl_context=context, timeout=settings.timeout
            )
        else:
            client = imaplib.IMAP4(address.host, address.port, timeout=settings.timeout)
            if "STARTTLS" not in client.capabilities:
                raise InputError(
                    f"{address.label}: the server offers no STARTTLS, and the password is never "
                    "sent in clear; use imaps:// if it has TLS on port 993."
                )
            client.starttls(ssl_context=context)
        _login(client, address, password, options)
        status, data = client.select(_quoted(address.folder), readonly=not options.mark_read)
        if status != "OK":
            raise InputError(
                f"{address.label}: no folder named {address.folder!r} on the server"
                f"{_folders(client)}; fix the folder in the URL."
            )
        yield client
    except BriefingError:
        raise
    except ssl.SSLCertVerificationError as error:
        raise MailboxError(
            f"{address.label}: the server's certificate is not trusted ({error.verify_message}); "
            "for a private server, set ca_file to its certificate authority."
        ) from None
    except (imaplib.IMAP4.abort, ssl.SSLError, ConnectionError, EOFError) as error:
        raise MailboxError(
            f"{address.label}: the connection was dropped ({_reason(error)}); try again later."
        ) from None
    except TimeoutError:
        raise MailboxError(
            f"{address.label}: no answer within {settings.timeout:g} s; try again later."
        ) from None
    except socket.gaierror:
        raise MailboxError(
            f"{address.label}: cannot resolve {address.host}; check the URL and the network."
        ) from None
    except OSError as error:
        raise MailboxError(
            f"{address.label}: cannot connect ({error.strerror or _reason(error)}); check the "
            "server and the port."
        ) from None
    except imaplib.IMAP4.error as error:
        raise MailboxError(f"{address.label}: the server refused: {_reason(error)}.") from None
    finally:
        if client is not None:
            with suppress(imaplib.IMAP4.error, OSError, EOFError):
                client.logout()


def _login(
    client: imaplib.IMAP4, address: MailboxAddress, password: str, options: ImapSettings
) -> None:
    try:
        client.login(address.user, password)
    except imaplib.IMAP4.abort:
        raise
    except imaplib.IMAP4.error as error:
        variable = options.password_env or PASSWORD_ENV
        raise InputError(
            f"{address.label}: the server refused the login for {address.user} "
            f"({_reason(error)}); check the user and the password in {variable} or the keyring."
        ) from None


def _search(
    client: imaplib.IMAP4, address: MailboxAddress, options: ImapSettings
) -> tuple[int, list[bytes]]:
    """UIDVALIDITY and the UIDs that match, oldest first."""
    validity = _validity(client)
    criteria: list[str] = []
    if options.unread:
        criteria.append("UNSEEN")
    if options.since_last_run:
        last = _last_uid(address, validity)
        if last is not None:
            criteria.append(f"UID {last + 1}:*")
    senders = [f"FROM {_quoted(sender)}" for sender in options.senders]
    while len(senders) > 1:  # OR takes two keys: OR a (OR b c)
        senders = [*senders[:-2], f"OR {senders[-2]} {senders[-1]}"]
    criteria.extend(senders)
    status, data = client.uid("SEARCH", *(criteria or ["ALL"]))
    _check((status, data), address)
    uids = sorted((int(u) for u in (data[0] or b"").split()), key=int)
    last_seen = _last_uid(address, validity) if options.since_last_run else None
    if last_seen is not None:  # "UID n:*" always matches the newest message, even if older
        uids = [u for u in uids if u > last_seen]
    return validity, [str(u).encode() for u in uids]


def _read_message(
    client: imaplib.IMAP4, address: MailboxAddress, uid: bytes, links: object
) -> tuple[list[Article], list[StoryFailure]]:
    from briefing.ingest.newsletter import stories_from_message
    from briefing.ingest.stories import MAX_DOCUMENT_BYTES, LinkOptions

    assert isinstance(links, LinkOptions)
    where = f"{address.label} (message {uid.decode()})"
    status, data = client.uid("FETCH", uid.decode(), "(RFC822.SIZE)")
    _check((status, data), address)
    size = re.search(rb"RFC822\.SIZE (\d+)", data[0] if isinstance(data[0], bytes) else b"")
    if size and int(size.group(1)) > MAX_DOCUMENT_BYTES:
        reason = f"{where}: larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB; skipped."
        return [], [StoryFailure(where, reason)]
    status, data = client.uid("FETCH", uid.decode(), "(BODY.PEEK[])")
    _check((status, data), address)
    raw = next((part[1] for part in data if isinstance(part, tuple)), None)
    if not isinstance(raw, bytes):
        return [], [StoryFailure(where, f"{where}: the server sent no message; skipped.")]
    try:
        stories = stories_from_message(raw, where, links)
    except BriefingError as error:
        return [], [StoryFailure(where, error.message, error.exit_code)]
    return stories.articles, stories.failures


def _check(answer: tuple[str, list[object]], address: MailboxAddress) -> None:
    status, data = answer
    if status != "OK":
        detail = data[0].decode(errors="replace") if data and isinstance(data[0], bytes) else ""
        raise MailboxError(f"{address.label}: the server refused: {detail or status}.")


def _validity(client: imaplib.IMAP4) -> int:
    _status, data = client.response("UIDVALIDITY")
    try:
        return int(data[0]) if data and data[0] else 0
    except (TypeError, ValueError):
        return 0


def _folders(client: imaplib.IMAP4) -> str:
    """ "; folders there: INBOX, Archive" (at most eight), or "" when the list fails."""
    try:
        status, data = client.list()
    except (imaplib.IMAP4.error, OSError):
        return ""
    if status != "OK":
        return ""
    names = []
    for line in data:
        if isinstance(line, bytes):
            match = re.search(rb'(?:"[^"]*"|NIL)\s+"?([^"]*)"?$', line)
            if match:
                names.append(match.group(1).decode(errors="replace"))
    shown = ", ".join(names[:8]) + (", …" if len(names) > 8 else "")
    return f" (folders there: {shown})" if names else ""


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _reason(error: BaseException) -> str:
    text = error.args[0] if error.args else ""
    if isinstance(text, bytes):
        text = text.decode(errors="replace")
    text = str(text or error or type(error).__name__).strip()
    return (text.splitlines() or [type(error).__name__])[0][:160] or type(error).__name__


def _without_password(url: str) -> str:
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:…@", url)


def _state_key(address: MailboxAddress) -> str:
    return address.label


def _last_uid(address: MailboxAddress, validity: int) -> int | None:
    from briefing.daily.state_file import read_mapping
    from briefing.paths import state_dir

    entry = read_mapping(state_dir() / _STATE_FILE).get(_state_key(address))
    if not isinstance(entry, dict) or entry.get("uidvalidity") != validity:
        return None  # never read, or the server renumbered its messages
    last = entry.get("last_uid")
    return last if isinstance(last, int) else None


def _remember(address: MailboxAddress, validity: int, last_uid: int) -> None:
    """The newest message read, so the next run with `since_last_run` starts after it."""
    from briefing.daily.state_file import read_mapping, write_mapping
    from briefing.paths import state_dir

    path = state_dir() / _STATE_FILE
    mapping = read_mapping(path)
    mapping[_state_key(address)] = {"uidvalidity": validity, "last_uid": last_uid}
    write_mapping(path, mapping)
