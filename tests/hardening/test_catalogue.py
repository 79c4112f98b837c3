"""Every row of the bad-input catalogue through the real CLI: one line, the exit code, no loss.

"Nothing else was lost" means: every file in the case's folder (yesterday's episode and feed,
the good article, the bad input) is byte-for-byte what it was, no new file appeared (no
`.part` left behind) except the ones the row says the run creates, and when a bad input is
skipped beside a good one, the good story is still in the output.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLE_ARTICLE
from fixtures.server import FixtureServer, fixture_server
from hardening.catalogue import CASES, GOOD_HEADLINE, Case
from hardening.mounts import read_only_folder
from typer.testing import CliRunner

from briefing.cli import app

AREAS = {case.area for case in CASES}


def test_catalogue_covers_at_least_40_cases_in_every_area() -> None:
    assert len(CASES) >= 40
    assert {"ingest", "url", "config", "option", "environment"} == AREAS
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.fixture(scope="module")
def server() -> Iterator[FixtureServer]:
    with fixture_server(slow_s=2.0) as state:
        state.big_bytes = 1_000_000_000  # /big streams 1 GB unless the client stops reading
        yield state


@pytest.fixture(scope="module")
def readonly(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with read_only_folder(tmp_path_factory.mktemp("readonly")) as folder:
        yield folder


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def _workspace(tmp: Path, case: Case, server: FixtureServer, readonly: Path) -> dict[str, str]:
    good = tmp / "good.md"
    shutil.copy(EXAMPLE_ARTICLE, good)
    out = tmp / "out"
    (out / "episodes").mkdir(parents=True)
    (out / "episodes" / "briefing-yesterday.mp3").write_bytes(b"ID3 yesterday's episode")
    (out / "feed.xml").write_text("<rss><channel><title>yesterday</title></channel></rss>")
    fake = tmp / "fake.toml"
    fake.write_text('name = "fake"\nengine = "fake"\nrate = 180\n', encoding="utf-8")
    nobin = tmp / "nobin"
    nobin.mkdir()
    ffmpegbin = tmp / "ffmpegbin"
    ffmpegbin.mkdir()
    for tool in ("ffmpeg", "ffprobe"):
        found = shutil.which(tool)
        assert found, f"{tool} is needed by the tests (install.sh installs it)"
        (ffmpegbin / tool).symlink_to(found)
    bad = tmp / f"bad{case.suffix}"
    places = {
        "{good}": str(good), "{bad}": str(bad), "{out}": str(out), "{url}": server.base,
        "{fake}": str(fake), "{tmp}": str(tmp), "{nobin}": str(nobin),
        "{ffmpegbin}": str(ffmpegbin), "{readonly}": str(readonly),
    }  # fmt: skip
    if case.setup is not None:
        case.setup(bad)
        if case.suffix == ".toml" and bad.is_file():
            bad.write_bytes(_fill(bad.read_bytes().decode("latin-1"), places).encode("latin-1"))
    return places


def _fill(text: str, places: dict[str, str]) -> str:
    for key, value in places.items():
        text = text.replace(key, value)
    return text


def _home_config(home: Path) -> None:
    """`make URL` reads [fetch] from the user's config: a 3 s time cap keeps the test quick
    (1 s could cut off the 5 MB read of the 1 GB case on a loaded machine)."""
    articles = home / "articles"
    articles.mkdir(exist_ok=True)
    (home / "config.toml").write_text(
        f'[fetch]\ntimeout = 3\n\n[[sources]]\nfolder = "{articles}"\n', encoding="utf-8"
    )


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input(
    case: Case, tmp_path: Path, server: FixtureServer, readonly: Path, isolated_home: Path
) -> None:
    places = _workspace(tmp_path, case, server, readonly)
    _home_config(isolated_home)
    before = _snapshot(tmp_path)
    readonly_before = sorted(p.name for p in readonly.iterdir())
    args = [_fill(arg, places) for arg in case.args]
    env = {key: _fill(value, places) for key, value in case.env.items()}
    result = CliRunner().invoke(app, args, input=case.stdin, env=env)

    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code == case.exit_code, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    if case.message is None:
        assert lines == []
    else:
        assert len(lines) == 1, lines
        [line] = lines
        assert re.search(case.message, line), line
        skipped = line.startswith("briefing: skipped ")
        assert skipped or line.startswith("briefing: error: "), line
        if skipped:  # the bad input is named, and the good story was still read
            assert case.args[0] in {"script", "make"}
            assert GOOD_HEADLINE in result.stdout or "Wrote " in result.stdout
    if case.expect_stdout:
        assert re.search(case.expect_stdout, result.stdout), result.stdout[:500]
    if case.refuse_stdout:
        assert not re.search(case.refuse_stdout, result.stdout), result.stdout[:500]

    after = _snapshot(tmp_path)
    created = {name for name in after if name not in before}
    assert created == set(case.creates), created
    assert {k: v for k, v in after.items() if k in before} == before  # nothing changed or lost
    assert sorted(p.name for p in readonly.iterdir()) == readonly_before
