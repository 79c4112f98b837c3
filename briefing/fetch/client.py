"""Fetch one URL safely: http(s) only, public addresses only, capped in size, time and redirects.

Every hop of a redirect is checked again. Responses are streamed so that a 1 GB body or a
server that trickles bytes is cut off at the cap, not read to the end.

The address check holds for the connection itself: httpx is given a transport whose network
backend looks the name up (`resolve_host`), checks every address it got, and connects to
those very addresses (TLS still verifies the name, and the Host header is the URL's). A name
whose answer changes between the check and the connection (DNS rebinding) cannot slip a
private address in.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from briefing.config import FetchSettings
from briefing.errors import InputError

if TYPE_CHECKING:
    import httpx


_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchError(InputError):
    """A URL could not be fetched; the message names the URL and the reason."""


@dataclass(frozen=True)
class Validators:
    """What a server said about a response, to ask next time "only if it changed"."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Response:
    url: str
    """The final URL, after redirects."""
    status: int
    content: bytes
    content_type: str
    validators: Validators
    not_modified: bool = False
    location: str = ""
    """Where a redirect points (redirects only)."""


def is_url(text: str) -> bool:
    """True for http(s) URLs: the inputs the fetcher takes instead of a file."""
    return text.lower().startswith(("http://", "https://"))


def check_url(url: str, settings: FetchSettings) -> None:
    """Refuse other schemes, and private, loopback or link-local hosts unless allowed."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # "http://[::1" and the like
        raise FetchError(f"{url}: is not a valid URL; check it.") from None
    if parts.scheme.lower() not in {"http", "https"}:
        raise FetchError(f"{url}: only http:// and https:// URLs can be fetched.")
    if not host:
        raise FetchError(f"{url}: has no host name; check the URL.")
    if settings.allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise FetchError(f"{url}: has an invalid port; check the URL.") from None
    try:
        checked_addresses(host, port, allow_private=False)
    except Unresolved:
        raise FetchError(f"{url}: cannot resolve {host}; check the URL and the network.") from None
    except Refused as refused:
        raise FetchError(_refusal(url, refused)) from None


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` has for TCP (the one look-up the check and the connection share)."""
    infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def checked_addresses(host: str, port: int, allow_private: bool) -> list[str]:
    """Look `host` up once; refuse if any address is private, loopback or link-local."""
    try:
        addresses = resolve_host(host.strip("[]"), port)
    except (OSError, UnicodeError):
        raise Unresolved(host) from None
    if not addresses:
        raise Unresolved(host)
    if not allow_private:
        for text in addresses:
            address = ipaddress.ip_address(text.split("%")[0])
            if not address.is_global or address.is_multicast:
                raise Refused(host, str(address))
    return addresses


class Unresolved(Exception):
    """A name with no address (raised inside the transport, turned into a FetchError)."""


class Refused(Exception):
    """A name that resolves to an address the settings do not allow."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(host, address)
        self.host = host
        self.address = address


def _refusal(url: str, refused: Refused) -> str:
    return (
        f"{url}: {refused.host} is a private, loopback or link-local address "
        f"({refused.address}); set allow_private = true under [fetch] to read sources on "
        "your own network."
    )


def fetch(
    url: str,
    settings: FetchSettings,
    validators: Validators | None = None,
    client: httpx.Client | None = None,
) -> Response:
    """GET `url` within the caps; a 304 answer to `validators` comes back as `not_modified`."""
    import httpx

    own = client is None
    client = client or new_client(settings)
    deadline = time.monotonic() + settings.timeout
    headers: dict[str, str] = {}
    if validators and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    current = url
    try:
        for _hop in range(settings.max_redirects + 1):
            check_url(current, settings)
            try:
                response = _get(client, current, headers, settings, deadline)
            except httpx.TimeoutException:
                raise FetchError(
                    f"{url}: no answer within {settings.timeout:g} s; try again later."
                ) from None
            except httpx.InvalidURL as error:  # not an HTTPError: it would escape as a bug
                raise FetchError(
                    f"{current}: is not a valid URL, or redirects to one ({error})."
                ) from None
            except httpx.HTTPError as error:
                raise FetchError(f"{url}: cannot be fetched ({_reason(error)}).") from None
            except Refused as refused:  # the name changed its answer after the check
                raise FetchError(_refusal(current, refused)) from None
            except Unresolved:
                host = urlsplit(current).hostname
                raise FetchError(
                    f"{current}: cannot resolve {host}; check the URL and the network."
                ) from None
            if response.status in _REDIRECTS:
                location = response.location
                if not location:
                    raise FetchError(f"{url}: redirect without a Location; the server is broken.")
                current = urljoin(current, location)
                continue
            return response
    finally:
        if own:
            client.close()
    raise FetchError(
        f"{url}: more than {settings.max_redirects} redirects; check the URL in a browser."
    )


def new_client(settings: FetchSettings) -> httpx.Client:
    """One client for a run: connection reuse, a user agent, no automatic redirects, and
    connections only to addresses checked as they are connected to."""
    import httpx

    return httpx.Client(
        timeout=httpx.Timeout(settings.timeout),
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        trust_env=False,
        transport=checked_transport(settings),
    )


def checked_transport(settings: FetchSettings) -> httpx.HTTPTransport:
    """httpx's own transport, its connection pool given `CheckedBackend` to connect with."""
    import httpcore
    import httpx
    from httpx._config import create_ssl_context  # the context httpx would build itself

    from briefing.fetch.checked_backend import CheckedBackend

    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=create_ssl_context(trust_env=False),
        network_backend=CheckedBackend(settings.allow_private),
    )
    return transport


def _get(
    client: httpx.Client,
    url: str,
    headers: dict[str, str],
    settings: FetchSettings,
    deadline: float,
) -> Response:
    import httpx

    with client.stream("GET", url, headers=headers) as response:
        if response.status_code in _REDIRECTS:
            location = response.headers.get("location", "")
            return Response(url, response.status_code, b"", "", Validators(), location=location)
        validators = Validators(
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )
        if response.status_code == 304:
            return Response(url, 304, b"", "", validators, not_modified=True)
        if response.status_code >= 400:
            raise FetchError(
                f"{url}: the server answered {response.status_code} "
                f"{response.reason_phrase or ''}".rstrip()
                + "; check the URL."
            )
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > settings.max_bytes:
            raise FetchError(_too_large(url, settings))
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > settings.max_bytes:
                raise FetchError(_too_large(url, settings))
            if time.monotonic() > deadline:
                raise httpx.ReadTimeout("deadline passed")
            chunks.append(chunk)
        return Response(
            url=url,
            status=response.status_code,
            content=b"".join(chunks),
            content_type=response.headers.get("content-type", ""),
            validators=validators,
        )


def _too_large(url: str, settings: FetchSettings) -> str:
    return (
        f"{url}: larger than {settings.max_bytes:,} bytes, the limit; "
        "raise max_bytes under [fetch] if this source is genuine."
    )


def _reason(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:160]
