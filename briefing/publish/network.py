"""This computer's address on the local network, for URLs a phone can reach."""

from __future__ import annotations

import socket


def lan_address() -> str:
    """The IPv4 address of the interface that routes outwards; 127.0.0.1 when there is none.

    Connecting a UDP socket sends no packet; it only asks the kernel which interface it would use.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, nothing is sent
            address = str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"
    return address if address != "0.0.0.0" else "127.0.0.1"


def default_base_url(port: int = 8000) -> str:
    return f"http://{lan_address()}:{port}/"
