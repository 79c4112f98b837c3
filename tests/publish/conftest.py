"""Stores for the publish tests: moto's S3 server and sshd on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fixtures.stores import S3Server, SSHServer, moto_server, ssh_server


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    with moto_server(tmp_path_factory.mktemp("moto") / "moto.log") as server:
        yield server


@pytest.fixture()
def s3_env(s3_server: S3Server, monkeypatch: pytest.MonkeyPatch) -> S3Server:
    """The AWS variables set as an R2 or MinIO user would; a fresh bucket per test."""
    for name, value in s3_server.env().items():
        monkeypatch.setenv(name, value)
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE"):
        monkeypatch.delenv(name, raising=False)
    return s3_server


@pytest.fixture()
def bucket(s3_env: S3Server, request: pytest.FixtureRequest) -> str:
    name = "pod-" + request.node.name.lower().replace("_", "-")[:40].strip("-")
    s3_env.client().create_bucket(Bucket=name)  # type: ignore[attr-defined]
    return name


@pytest.fixture(scope="session")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SSHServer]:
    with ssh_server(tmp_path_factory.mktemp("sshd")) as server:
        yield server


@pytest.fixture()
def ssh_home(sshd: SSHServer, monkeypatch: pytest.MonkeyPatch) -> SSHServer:
    """HOME points at a folder whose ~/.ssh holds the key and known_hosts, as a user's would."""
    monkeypatch.setenv("HOME", str(sshd.home))
    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    return sshd
