"""The network backend behind every fetch: connect only to addresses checked just now.

httpcore asks its backend for a TCP stream to (host, port), then starts TLS on that stream
with the request's own host name, so certificates are verified as usual and the Host header
is the URL's. This backend looks the name up once (`client.checked_addresses`), refuses a
private, loopback or link-local answer unless allowed, and connects to exactly the addresses
it checked: a name that answers differently the second time (DNS rebinding) gains nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

import httpcore

from briefing.fetch import client


class CheckedBackend(httpcore.NetworkBackend):
    def __init__(self, allow_private: bool) -> None:
        self._inner = httpcore.SyncBackend()
        self._allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = client.checked_addresses(host, port, self._allow_private)
        error: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as failed:
                error = failed
        raise error or httpcore.ConnectError(f"no address to connect to for {host}")

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise client.Unresolved(path)  # never asked for: no transport here uses a socket file

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)
