"""The daily configuration: a TOML file, checked key by key so a typo names its key and line."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from briefing.errors import ConfigError
from briefing.paths import config_file
from briefing.script.templates import ScriptTemplates
from briefing.tts.lexicon import Lexicon, parse_lexicon

DEFAULT_USER_AGENT = "briefing/0.1 (+podcast briefing maker)"


@dataclass(frozen=True)
class FetchSettings:
    """How feeds and pages are fetched: caps that keep an unattended run safe."""

    timeout: float = 20.0
    """Seconds for one whole response, connection to last byte."""
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    allow_private: bool = False
    """Allow loopback, private and link-local addresses (LAN sources, tests)."""
    user_agent: str = DEFAULT_USER_AGENT


@dataclass(frozen=True)
class ImapSettings:
    """An IMAP mailbox of newsletters, and which of its messages to read."""

    url: str
    """imaps://user@host/Folder (or imap:// with STARTTLS); never a password."""
    unread: bool = True
    """Only messages not yet read."""
    since_last_run: bool = False
    """Only messages that arrived after those read by the last run."""
    senders: tuple[str, ...] = ()
    """Only messages from these senders (an address, a name or a domain; any of them)."""
    mark_read: bool = False
    """Mark the messages read once their stories are taken; by default they stay unread."""
    password_env: str | None = None
    """The environment variable holding the password (default BRIEFING_IMAP_PASSWORD); without
    it, the system keyring's entry for service "briefing", user "user@host"."""
    ca_file: Path | None = None
    """A certificate authority to trust for a private server's certificate."""


@dataclass(frozen=True)
class Source:
    """One place stories come from: a feed or page URL, a local folder or an IMAP mailbox."""

    url: str | None = None
    folder: Path | None = None
    name: str | None = None
    limit: int = 5
    imap: ImapSettings | None = None
    fetch_links: bool = False
    """Read a newsletter item that is only a headline and a link from its linked page."""

    @property
    def label(self) -> str:
        return self.name or self.url or (self.imap.url if self.imap else str(self.folder))


@dataclass(frozen=True)
class PodcastSettings:
    title: str = "My morning briefing"
    author: str = "briefing"
    description: str = "The news of the day, read aloud."
    language: str = ""
    """The feed's and the player's language (BCP 47, "en-gb"); empty: the newest episode's."""
    artwork: str = ""
    base_url: str = ""
    """Where phones reach the output folder; empty: this computer's LAN address, port 8000."""
    keep: int = 7


@dataclass(frozen=True)
class PublishSettings:
    """Where `briefing daily` and `briefing publish` mirror the output folder."""

    to: str
    """An fsspec URL: s3://bucket/podcast, gs://…, sftp://user@host/var/www/podcast, file://…"""
    options: dict[str, Any] = field(default_factory=dict)
    """Passed to the store (fsspec); credentials stay in the store's usual places."""


@dataclass(frozen=True)
class DailyConfig:
    sources: tuple[Source, ...]
    minutes: float = 10.0
    max_stories: int = 8
    voice: str = "default"
    output: Path = field(default_factory=lambda: Path("~/briefing-podcast").expanduser())
    favour: tuple[str, ...] = ()
    mute: tuple[str, ...] = ()
    podcast: PodcastSettings = field(default_factory=PodcastSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    templates: ScriptTemplates = field(default_factory=ScriptTemplates)
    """The script's wording, from the [script] table (see `briefing.script.ScriptTemplates`)."""
    path: Path | None = None
    publish: PublishSettings | None = None
    """The [publish] table: mirror the folder to remote storage after each episode."""
    lexicon: Lexicon = Lexicon()
    """The [pronunciations] table: how every voice says the words it names."""
    language: str | None = None
    """The episode's language ("de"): its presenter's lines; None: the language most of the
    day's stories are in. Each story is read in its own language either way."""
    loudness: float | None = None
    """The episode's integrated loudness in LUFS (−30 to −10, as `make --loudness`); None:
    the mastering norm, −21 LUFS mono."""


# key → (accepted types, human name); one table per section
_TOP: dict[str, tuple[tuple[type, ...], str]] = {
    "minutes": ((int, float), "a number"),
    "max_stories": ((int,), "an integer"),
    "voice": ((str,), "a string"),
    "output": ((str,), "a string"),
    "favour": ((list,), "a list of strings"),
    "mute": ((list,), "a list of strings"),
    "podcast": ((dict,), "a table"),
    "fetch": ((dict,), "a table"),
    "sources": ((list,), "a list of [[sources]] tables"),
    "script": ((dict,), "a table of script templates"),
    "publish": ((dict,), "a table"),
    "pronunciations": ((dict,), "a table of word = respelling"),
    "language": ((str,), 'a language code such as "de"'),
    "loudness": ((int, float), "a number (LUFS)"),
}
_PUBLISH: dict[str, tuple[tuple[type, ...], str]] = {
    "to": ((str,), "a storage URL string"),
    "options": ((dict,), "a table of store options"),
}
_PODCAST: dict[str, tuple[tuple[type, ...], str]] = {
    "title": ((str,), "a string"),
    "author": ((str,), "a string"),
    "description": ((str,), "a string"),
    "language": ((str,), "a string"),
    "artwork": ((str,), "a string"),
    "base_url": ((str,), "a string"),
    "keep": ((int,), "an integer"),
}
_FETCH: dict[str, tuple[tuple[type, ...], str]] = {
    "timeout": ((int, float), "a number"),
    "max_bytes": ((int,), "an integer"),
    "max_redirects": ((int,), "an integer"),
    "allow_private": ((bool,), "true or false"),
    "user_agent": ((str,), "a string"),
}
_SOURCE: dict[str, tuple[tuple[type, ...], str]] = {
    "url": ((str,), "a string"),
    "folder": ((str,), "a string"),
    "imap": ((str,), "a string"),
    "name": ((str,), "a string"),
    "limit": ((int,), "an integer"),
    "fetch_links": ((bool,), "true or false"),
    "unread": ((bool,), "true or false"),
    "since_last_run": ((bool,), "true or false"),
    "senders": ((list,), "a list of strings"),
    "mark_read": ((bool,), "true or false"),
    "password_env": ((str,), "a string"),
    "ca_file": ((str,), "a string"),
}
_IMAP_ONLY = ("unread", "since_last_run", "senders", "mark_read", "password_env", "ca_file")


def starter_config() -> str:
    """The commented starter file `briefing init` writes."""
    return resources.files("briefing").joinpath("config_template.toml").read_text("utf-8")


def write_starter_config(path: Path | None = None, force: bool = False) -> Path:
    """Write the starter config to `path` (default: the user's config file); never overwrite."""
    from briefing.audio.export import atomic_path

    path = path or config_file()
    if path.exists() and not force:
        raise ConfigError(f"{path}: already exists; edit it, or remove it to start again.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        tmp.write_text(starter_config(), encoding="utf-8")
    return path


def load_templates(path: Path | None = None) -> ScriptTemplates:
    """The script wording from the config file's [script] table, for `make` and `script` too.

    No config file means the defaults; only the [script] table is read, so a config that is
    still being written for `daily` does not stop `make`.
    """
    path = path or config_file()
    if not path.is_file():
        return ScriptTemplates()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, OSError) as error:
        raise ConfigError(f"{path}: cannot be read as TOML ({error}).") from None
    table = data.get("script", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: script should be a table of script templates.")
    try:
        return ScriptTemplates.from_mapping(table)
    except ConfigError as error:
        raise ConfigError(f"{path} ([script]): {error.message}") from None


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The user's pronunciations from the config file's [pronunciations] table, for every
    command that speaks. No config file means none; other tables are not checked here."""
    path = path or config_file()
    if not path.is_file():
        return Lexicon()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, OSError) as error:
        raise ConfigError(f"{path}: cannot be read as TOML ({error}).") from None
    table = data.get("pronunciations", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: pronunciations should be a table of word = respelling.")
    return parse_lexicon(table, str(path))


def load_config(path: Path | None = None) -> DailyConfig:
    """Read and check a config file; every problem names the file, the key and its line."""
    path = path or config_file()
    if not path.is_file():
        hint = "run `briefing init` to create one" if path == config_file() else "check the path"
        raise ConfigError(f"{path}: no such config file; {hint}.")
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; save it as UTF-8.") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error}).") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror}).") from None
    return parse_config(data, text, path)


def parse_config(data: dict[str, Any], text: str, path: Path) -> DailyConfig:
    lines = _KeyLines(text)

    def fail(keypath: tuple[str | int, ...], problem: str) -> ConfigError:
        name = _dotted(keypath)
        line = lines.find(keypath)
        where = f" (line {line})" if line else ""
        return ConfigError(f"{path}: {name}{where} {problem}.")

    def check(table: dict[str, Any], schema: dict[str, Any], prefix: tuple[str | int, ...]) -> None:
        for key, value in table.items():
            keypath = (*prefix, key)
            if key not in schema:
                known = ", ".join(sorted(schema))
                raise fail(keypath, f"is not a known setting; use one of: {known}")
            kinds, described = schema[key]
            ok = isinstance(value, kinds) and not (isinstance(value, bool) and bool not in kinds)
            if not ok:
                raise fail(keypath, f"should be {described}, not {_toml_type(value)}")
            if described == "a list of strings" and not all(isinstance(v, str) for v in value):
                raise fail(keypath, "should be a list of strings")

    check(data, _TOP, ())
    podcast = data.get("podcast", {})
    fetch = data.get("fetch", {})
    check(podcast, _PODCAST, ("podcast",))
    check(fetch, _FETCH, ("fetch",))
    publish = _publish_settings(data.get("publish"), check, fail)
    sources: list[Source] = []
    for index, raw in enumerate(data.get("sources", [])):
        if not isinstance(raw, dict):
            raise fail(("sources",), "should be a list of [[sources]] tables")
        check(raw, _SOURCE, ("sources", index))
        if sum(key in raw for key in ("url", "folder", "imap")) != 1:
            raise fail(("sources", index), "needs exactly one of `url`, `folder` or `imap`")
        if "url" in raw and not re.match(r"^https?://", raw["url"], re.IGNORECASE):
            raise fail(("sources", index, "url"), "should start with http:// or https://")
        limit = raw.get("limit", 5)
        if limit < 1:
            raise fail(("sources", index, "limit"), "should be 1 or more")
        folder = raw.get("folder")
        sources.append(
            Source(
                url=raw.get("url"),
                folder=_resolve(folder, path) if folder else None,
                name=raw.get("name"),
                limit=limit,
                imap=_imap_settings(raw, path, lambda key, problem, i=index: fail(
                    ("sources", i, key), problem
                )),
                fetch_links=raw.get("fetch_links", False),
            )
        )
    if not sources:
        raise ConfigError(f"{path}: no [[sources]]; add at least one feed, page or folder.")
    minutes = float(data.get("minutes", 10.0))
    if not 0.5 <= minutes <= 180:
        raise fail(("minutes",), "should be between 0.5 and 180")
    for keypath, value in (
        (("max_stories",), data.get("max_stories", 8)),
        (("podcast", "keep"), podcast.get("keep", 7)),
        (("fetch", "max_bytes"), fetch.get("max_bytes", 1)),
        (("fetch", "timeout"), fetch.get("timeout", 1)),
    ):
        if value <= 0:
            raise fail(keypath, "should be more than 0")
    if fetch.get("max_redirects", 0) < 0:
        raise fail(("fetch", "max_redirects"), "should be 0 or more")
    try:
        templates = ScriptTemplates.from_mapping(data.get("script", {}))
    except ConfigError as error:
        line = lines.find(("script",))
        where = f" (the [script] table, line {line})" if line else ""
        raise ConfigError(f"{path}{where}: {error.message}") from None
    loudness = data.get("loudness")
    if loudness is not None:
        loudness = _loudness(float(loudness), lambda problem: fail(("loudness",), problem))
    lexicon = parse_lexicon(data.get("pronunciations", {}), str(path))
    language = data.get("language")
    if language is not None:
        language = _episode_language(language, lambda problem: fail(("language",), problem))
    return DailyConfig(
        sources=tuple(sources),
        minutes=minutes,
        max_stories=data.get("max_stories", 8),
        voice=data.get("voice", "default"),
        output=_resolve(data.get("output", "~/briefing-podcast"), path),
        favour=tuple(data.get("favour", ())),
        mute=tuple(data.get("mute", ())),
        podcast=PodcastSettings(**podcast),
        fetch=FetchSettings(**{k: v for k, v in fetch.items()}),
        templates=templates,
        path=path,
        publish=publish,
        lexicon=lexicon,
        language=language,
        loudness=loudness,
    )


def _loudness(value: float, fail: Any) -> float:
    """A configured loudness, checked against the range `make --loudness` allows."""
    from briefing.audio.render import LOUDNESS_RANGE  # only when set: the audio stack is heavy

    low, high = LOUDNESS_RANGE
    if not low <= value <= high:
        raise fail(f"should be between {low:g} and {high:g} LUFS, e.g. -19")
    return value


def _episode_language(value: str, fail: Any) -> str:
    """A configured episode language, checked: one the presenter speaks."""
    from briefing.languages import language_code
    from briefing.script.presenter import presenter_languages

    if language_code(value) not in presenter_languages():
        known = ", ".join(presenter_languages())
        raise fail(f"is {value!r}, a language the presenter does not speak; use one of: {known}")
    return language_code(value)


def load_language(path: Path | None = None) -> str | None:
    """The episode language from the config file's top-level `language`, for `make` and
    `script` too; None when no config file or no `language` (only that key is read)."""
    path = path or config_file()
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, OSError) as error:
        raise ConfigError(f"{path}: cannot be read as TOML ({error}).") from None
    value = data.get("language")
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(f'{path}: language should be a language code such as "de".')
    return _episode_language(value, lambda problem: ConfigError(f"{path}: language {problem}."))


def _imap_settings(raw: dict[str, Any], path: Path, fail: Any) -> ImapSettings | None:
    """A source's `imap` URL and its search; the other keys only with `imap`."""
    if "imap" not in raw:
        for key in _IMAP_ONLY:
            if key in raw:
                raise fail(key, "is only for `imap` sources")
        return None
    url = raw["imap"]
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        scheme, password = parts.scheme.lower(), parts.password
    except ValueError:
        raise fail("imap", "is not a valid imaps:// address") from None
    if scheme not in ("imaps", "imap"):
        raise fail("imap", "should start with imaps:// (or imap:// for STARTTLS)")
    if password is not None:
        raise fail(
            "imap",
            "has a password in it; never put it in the config: set BRIEFING_IMAP_PASSWORD "
            "(or the variable `password_env` names) or store it in the system keyring",
        )
    if not parts.hostname or not parts.username:
        raise fail("imap", "should name the user and the server: imaps://user@host/Folder")
    ca_file = raw.get("ca_file")
    return ImapSettings(
        url=url,
        unread=raw.get("unread", True),
        since_last_run=raw.get("since_last_run", False),
        senders=tuple(raw.get("senders", ())),
        mark_read=raw.get("mark_read", False),
        password_env=raw.get("password_env"),
        ca_file=_resolve(ca_file, path) if ca_file else None,
    )


def _publish_settings(table: Any, check: Any, fail: Any) -> PublishSettings | None:
    """The [publish] table: `to` (a URL with a scheme) and free-form `options` for the store."""
    if table is None:
        return None
    check(table, _PUBLISH, ("publish",))
    to = table.get("to", "")
    if "://" not in to:
        raise fail(
            ("publish", "to") if "to" in table else ("publish",),
            "should be a storage URL such as s3://bucket/podcast or "
            "sftp://user@host/var/www/podcast",
        )
    return PublishSettings(to=to, options=dict(table.get("options", {})))


def _resolve(value: str, config_path: Path) -> Path:
    """`~` expands; a relative path is relative to the config file's folder."""
    candidate = Path(value).expanduser()
    return candidate if candidate.is_absolute() else config_path.parent / candidate


def _dotted(keypath: tuple[str | int, ...]) -> str:
    out = ""
    for part in keypath:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _toml_type(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}
    for kind, name in names.items():
        if type(value) is kind:
            return name
    return "a list" if isinstance(value, list) else "a table"


class _KeyLines:
    """Finds the line of a key in TOML text (tomllib gives values, not positions)."""

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
    _KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=")

    def __init__(self, text: str) -> None:
        self.positions: dict[tuple[str | int, ...], int] = {}
        table: tuple[str | int, ...] = ()
        counts: dict[str, int] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            header = self._HEADER.match(line)
            if header:
                name = header.group(2).strip()
                if header.group(1) == "[[":
                    counts[name] = counts.get(name, -1) + 1
                    table = (name, counts[name])
                else:
                    table = tuple(name.split("."))
                self.positions.setdefault(table, number)
                continue
            key = self._KEY.match(line)
            if key:
                self.positions.setdefault((*table, key.group(1).strip('"')), number)

    def find(self, keypath: tuple[str | int, ...]) -> int | None:
        return self.positions.get(keypath)
