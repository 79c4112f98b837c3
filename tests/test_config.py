"""The daily config: the starter file loads, and every mistake names its key and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.config import load_config, starter_config
from briefing.errors import ConfigError
from briefing.paths import cache_dir, config_file, state_dir

GOOD = """\
minutes = 5
favour = ["climate"]

[podcast]
title = "Mine"
keep = 3

[fetch]
timeout = 5

[[sources]]
url = "https://example.org/feed.xml"
limit = 2

[[sources]]
folder = "inbox"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_briefing_home_moves_every_folder(isolated_home: Path) -> None:
    assert config_file() == isolated_home / "config.toml"
    assert cache_dir() == isolated_home / "cache"
    assert state_dir() == isolated_home / "state"


def test_init_writes_the_starter_config_which_loads(isolated_home: Path) -> None:
    result = CliRunner().invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"Wrote {isolated_home / 'config.toml'}"
    assert (isolated_home / "config.toml").read_text(encoding="utf-8") == starter_config()
    config = load_config()
    assert config.minutes == 10 and len(config.sources) == 2
    again = CliRunner().invoke(app, ["init"])
    assert again.exit_code == 2
    assert "already exists; edit it, or remove it to start again." in again.output


def test_good_config(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, GOOD))
    assert config.minutes == 5.0
    assert config.favour == ("climate",)
    assert config.podcast.title == "Mine" and config.podcast.keep == 3
    assert config.fetch.timeout == 5 and not config.fetch.allow_private
    assert config.sources[0].limit == 2
    assert config.sources[1].folder == tmp_path / "inbox"  # relative to the config file
    assert config.output == Path("~/briefing-podcast").expanduser()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GOOD.replace("minutes = 5", "minuets = 5"),
            "minuets (line 1) is not a known setting; use one of:",
        ),
        (
            GOOD.replace("minutes = 5", 'minutes = "five"'),
            "minutes (line 1) should be a number, not a string",
        ),
        (
            GOOD.replace("keep = 3", "keep = 3.5"),
            "podcast.keep (line 6) should be an integer, not a number",
        ),
        (
            GOOD.replace("timeout = 5", "timeout = true"),
            "fetch.timeout (line 9) should be a number, not a boolean",
        ),
        (
            GOOD.replace("limit = 2", 'limit = "2"'),
            "sources[1].limit (line 13) should be an integer",
        ),
        (
            GOOD.replace('folder = "inbox"', 'folder = "inbox"\ncolour = 1'),
            "sources[2].colour (line 17) is not a known setting",
        ),
        (
            GOOD.replace('url = "https://example.org/feed.xml"', 'url = "file:///etc/passwd"'),
            "sources[1].url (line 12) should start with http:// or https://",
        ),
        (
            GOOD.replace('favour = ["climate"]', "favour = [1, 2]"),
            "favour (line 2) should be a list of strings",
        ),
        (GOOD.replace("[podcast]", "[podcasts]"), "podcasts (line 4) is not a known setting"),
        (
            GOOD.replace('folder = "inbox"', 'folder = "inbox"\nurl = "https://x.org/"'),
            "sources[2] (line 15) needs exactly one of `url`, `folder` or `imap`",
        ),
        ("minutes = 5\n", "no [[sources]]; add at least one feed, page or folder."),
        (
            GOOD.replace("minutes = 5", "minutes = 0"),
            "minutes (line 1) should be between 0.5 and 180",
        ),
        ("minutes = = 5", "not valid TOML"),
        (
            GOOD.replace("minutes = 5", 'loudness = "-19"'),
            "loudness (line 1) should be a number (LUFS), not a string",
        ),
        (
            GOOD.replace("minutes = 5", "loudness = true"),
            "loudness (line 1) should be a number (LUFS), not a boolean",
        ),
        (
            GOOD.replace("minutes = 5", "loudness = -9"),
            "loudness (line 1) should be between -30 and -10 LUFS",
        ),
        (
            GOOD.replace("minutes = 5", "loudness = -30.5"),
            "loudness (line 1) should be between -30 and -10 LUFS",
        ),
        (
            GOOD.replace("minutes = 5", "loudness = nan"),
            "loudness (line 1) should be between -30 and -10 LUFS",
        ),
    ],
)
def test_mistakes_name_the_key_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert error.value.message.startswith(f"{path}: ")
    assert message in error.value.message


@pytest.mark.parametrize(
    ("line", "value"),
    [("loudness = -19", -19.0), ("loudness = -10.0", -10.0), ("loudness = -30", -30.0), ("", None)],
)
def test_loudness_is_a_number_of_lufs(tmp_path: Path, line: str, value: float | None) -> None:
    config = load_config(write(tmp_path, GOOD.replace("minutes = 5", line)))
    assert config.loudness == value
    assert config.loudness is None or isinstance(config.loudness, float)


def test_loudness_range_is_the_one_make_allows(tmp_path: Path) -> None:
    from briefing.audio.render import LOUDNESS_RANGE

    low, high = LOUDNESS_RANGE
    assert load_config(write(tmp_path, f"loudness = {low}\n" + GOOD)).loudness == low
    assert load_config(write(tmp_path, f"loudness = {high}\n" + GOOD)).loudness == high
    with pytest.raises(ConfigError):
        load_config(write(tmp_path, f"loudness = {high + 0.1}\n" + GOOD))


def test_a_bad_loudness_is_one_line_from_the_cli(isolated_home: Path) -> None:
    config_file().write_text("loudness = -5\n" + GOOD, encoding="utf-8")
    result = CliRunner().invoke(app, ["daily"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"briefing: error: {config_file()}: loudness (line 1) should be between -30 and -10 "
        "LUFS, e.g. -19."
    )


def test_missing_config_tells_what_to_do(isolated_home: Path) -> None:
    result = CliRunner().invoke(app, ["daily"])
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"briefing: error: {isolated_home / 'config.toml'}: no such config file; "
        "run `briefing init` to create one."
    )


SCRIPT_TABLE = """
[script]
good_morning = "Morning, all."
good_afternoon = "Morning, all."
good_evening = "Morning, all."
outro = "That's the news for {weekday}. Bye for now."
"""


def test_script_table_sets_the_wording_of_daily(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[[sources]]\nfolder = "news"\n' + SCRIPT_TABLE, encoding="utf-8")
    templates = load_config(path).templates
    assert templates.good_morning == "Morning, all."
    assert templates.outro.startswith("That's the news for")
    assert templates.transitions  # the rest keep their defaults


def test_script_table_mistake_names_the_table_and_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[[sources]]\nfolder = "news"\n\n[script]\ngreeting = "Hi."\n', "utf-8")
    with pytest.raises(ConfigError, match=r"\(the \[script\] table, line 4\): unknown script "
                                          r"template 'greeting'"):
        load_config(path)


def test_make_and_script_use_the_config_wording(isolated_home: Path) -> None:
    config_file().write_text(SCRIPT_TABLE, encoding="utf-8")  # no [[sources]]: fine for script
    example = Path(__file__).resolve().parent.parent / "examples" / "harbour-tidal-turbines.md"
    result = CliRunner().invoke(app, ["script", str(example), "--date", "2026-11-25"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Morning, all. It's Wednesday, the twenty-fifth of November.")
    assert result.output.rstrip().endswith("That's the news for Wednesday. Bye for now.")


def test_publish_table_gives_a_url_and_store_options(tmp_path: Path) -> None:
    text = GOOD + '\n[publish]\nto = "s3://bucket/podcast"\n[publish.options]\nanon = false\n'
    config = load_config(write(tmp_path, text))
    assert config.publish is not None
    assert config.publish.to == "s3://bucket/podcast"
    assert config.publish.options == {"anon": False}
    assert load_config(write(tmp_path, GOOD)).publish is None


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('to = "s3://b/p"\nbucket = "b"', "publish.bucket (line 20) is not a known setting"),
        ('to = "/var/www/podcast"', "publish.to (line 19) should be a storage URL such as s3://"),
        ("to = 3", "publish.to (line 19) should be a storage URL string, not an integer"),
        ('to = "s3://b/p"\noptions = 1', "publish.options (line 20) should be a table"),
        ("[publish.options]\nanon = true", "publish (line 18) should be a storage URL such as"),
    ],
)
def test_publish_mistakes_name_the_key_and_line(tmp_path: Path, table: str, message: str) -> None:
    path = write(tmp_path, GOOD + "\n[publish]\n" + table + "\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert message in error.value.message
