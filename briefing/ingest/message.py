"""An e-mail message decoded: its subject, sender, date and the body to read (RFC 822 / MIME).

The stdlib `email` package with `policy.default` undoes the transfer encodings (quoted-printable,
base64) and the charsets; the HTML part is preferred, since newsletters mark their headlines
there, and the plain-text part is read when there is none. Attachments are never read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser
from email.utils import parseaddr

from briefing.errors import InputError
from briefing.ingest.decode import decode_text

_HEADER_LINE = re.compile(rb"^([A-Za-z][A-Za-z0-9-]{1,40}):[ \t]?[^\r\n]*\r?$")
_CONTINUATION = re.compile(rb"^[ \t]+\S")
_MESSAGE_HEADERS = frozenset(
    b"from to cc subject date message-id mime-version content-type received return-path "
    b"delivered-to reply-to list-id list-unsubscribe x-mailer dkim-signature sender".split()
)
_MIN_MESSAGE_HEADERS = 2


@dataclass(frozen=True)
class Letter:
    """What a message says about itself, and the body to read."""

    origin: str
    subject: str | None
    sender_name: str | None
    """The From header's display name ("Milk Road"), when it has one."""
    sender_address: str | None
    date: dt.datetime | None
    html: str | None
    """The HTML body, decoded, when the message has one."""
    text: str | None
    """The plain-text body, decoded, read when there is no HTML."""
    list_name: str | None = None
    """The List-Id header's phrase ("Node Weekly"), when it has one."""


def looks_like_message(head: bytes) -> bool:
    """Do these bytes start with RFC 822 headers (From:, Subject:, Received:, …)?"""
    known = 0
    for line in head.split(b"\n")[:60]:
        if not line.strip(b"\r"):
            return known >= _MIN_MESSAGE_HEADERS
        if _CONTINUATION.match(line):
            continue
        match = _HEADER_LINE.match(line)
        if not match:
            return False
        known += match.group(1).lower() in _MESSAGE_HEADERS
    return known >= _MIN_MESSAGE_HEADERS and known >= 3


def parse_message(data: bytes) -> EmailMessage:
    """The message's structure; bodies are decoded only when asked for."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def read_letter(message: EmailMessage, origin: str) -> Letter:
    """Headers and the body to read; `InputError` when the message has no text part at all."""
    name, address = _sender(message)
    html = text = None
    body = message.get_body(preferencelist=("html", "plain"))
    if body is not None:
        content = _content(body, origin)
        if body.get_content_subtype() == "html":
            html = content
        else:
            text = content
    if html is None and text is None or not (html or text or "").strip():
        raise InputError(
            f"{origin}: the message has no text to read (no text or HTML part"
            f"{_attachment_note(message)}); nothing to summarise."
        )
    return Letter(
        origin=origin,
        subject=_header(message, "subject"),
        sender_name=name,
        sender_address=address,
        date=_date(message),
        html=html,
        text=text,
        list_name=_list_name(message),
    )


def _content(part: MIMEPart, origin: str) -> str:
    """A text part decoded by its declared charset; an unknown or wrong charset is read as
    the article path reads bytes (UTF-8, then the legacy encodings)."""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError, AssertionError):
        raw = part.get_payload(decode=True)
        content = decode_text(raw if isinstance(raw, bytes) else b"", origin)
    if isinstance(content, bytes):
        content = decode_text(content, origin)
    return str(content)


def _attachment_note(message: EmailMessage) -> str:
    names = [part.get_filename() or part.get_content_type() for part in message.iter_attachments()]
    if not names:
        return ""
    return ", only " + (names[0] if len(names) == 1 else f"{len(names)} attachments")


def _header(message: EmailMessage, name: str) -> str | None:
    try:
        value = message.get(name)
    except (ValueError, IndexError, TypeError):  # a malformed header the policy cannot parse
        return None
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _sender(message: EmailMessage) -> tuple[str | None, str | None]:
    value = _header(message, "from")
    if not value:
        return None, None
    name, address = parseaddr(value)
    return (" ".join(name.split()) or None), (address or None)


def _date(message: EmailMessage) -> dt.datetime | None:
    try:
        value = message.get("date")
        when = getattr(value, "datetime", None)
    except (ValueError, IndexError, TypeError):
        return None
    if not isinstance(when, dt.datetime):
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _list_name(message: EmailMessage) -> str | None:
    """ "Node Weekly <nodeweekly.cooperpress.com>" → "Node Weekly"."""
    value = _header(message, "list-id")
    if not value or "<" not in value:
        return None
    name = value.split("<", 1)[0].strip().strip('"').strip()
    return name or None
