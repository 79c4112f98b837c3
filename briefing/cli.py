"""The `briefing` command: parse options, call the library, print. Nothing else lives here."""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from briefing import __version__
from briefing import clock as clocks
from briefing.errors import BriefingError


class _ReportingGroup(TyperGroup):
    """Turns every `BriefingError` into one line on stderr and its exit code: the one place."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except BriefingError as error:
            typer.echo(f"briefing: error: {error.message}", err=True)
            raise typer.Exit(error.exit_code) from None
        except typer.TyperException as error:  # a bad option or argument: one line, not a panel
            ctx_of = getattr(error, "ctx", None)
            where = ctx_of.command_path if ctx_of is not None else "briefing"
            message = error.format_message().rstrip(".")
            typer.echo(f"briefing: error: {message}; see `{where} --help`.", err=True)
            raise typer.Exit(getattr(error, "exit_code", 2)) from None


app = typer.Typer(
    cls=_ReportingGroup,
    help="Turn news articles into a short spoken audio briefing for your phone.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

InputsArg = Annotated[
    list[str],
    typer.Argument(
        help="Article files (.txt, .md or .html), e-mail newsletters (.eml, an .mbox file or "
        "a Maildir folder: one story per item), or - to read one from stdin.",
        metavar="INPUT",
        show_default=False,
    ),
]
SentencesOpt = Annotated[
    int,
    typer.Option("--sentences", "-n", min=1, max=20, help="Sentences to keep from each story."),
]
FetchLinksOpt = Annotated[
    bool,
    typer.Option(
        "--fetch-links",
        help="Read a newsletter item that is only a headline and a link from its linked page "
        "(fetched with the same guards as URLs).",
    ),
]
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        "-l",
        help="The episode's language: en, de, fr, es, it or pt (the presenter's lines). "
        "Default: the config's `language`, else the language most stories are in. Each "
        "story is read in its own language.",
        show_default=False,
    ),
]
DateOpt = Annotated[
    dt.datetime | None,
    typer.Option(
        "--date",
        formats=["%Y-%m-%d"],
        help="The date the briefing is for (YYYY-MM-DD). Default: today.",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefing {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose",
            help="Also show the log on stderr (libraries' warnings and notes). "
            "Without it they go only to briefing.log in briefing's data folder.",
        ),
    ] = False,
) -> None:
    """Turn news articles into a short spoken audio briefing for your phone.

    Start with: briefing make article.txt
    """
    if verbose:
        from briefing.log import route_library_output

        route_library_output(verbose=True)


@app.command()
def make(
    inputs: InputsArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the briefing (.mp3, .m4a, .opus, .wav or .flac). "
            "Default: briefing-YYYY-MM-DD.mp3 here.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    sentences: SentencesOpt = 3,
    date: DateOpt = None,
    lang: LangOpt = None,
    fetch_links: FetchLinksOpt = False,
    voice: Annotated[
        str,
        typer.Option("--voice", help="Voice preset name (see `briefing voices`) or .toml path."),
    ] = "default",
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Cores for voicing: segments voiced at once. Default: every core.",
            show_default=False,
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Voice every segment again; ignore the cache.")
    ] = False,
    audio_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="mp3, m4a, opus, wav or flac. Default: from -o, else mp3.",
            show_default=False,
        ),
    ] = None,
    bitrate: Annotated[
        str | None,
        typer.Option(
            "--bitrate",
            help="e.g. 64k (mp3, m4a) or 32k (opus). Default: per format.",
            show_default=False,
        ),
    ] = None,
    loudness: Annotated[
        float | None,
        typer.Option(
            "--loudness",
            help="Integrated loudness in LUFS, -30 to -10. Default: -21 (mono), the AES's "
            "podcast level; -19 is louder, with the peaks limited harder.",
            show_default=False,
        ),
    ] = None,
    chime: Annotated[
        bool, typer.Option("--chime/--no-chime", help="A short chime between stories.")
    ] = False,
    music: Annotated[
        Path | None,
        typer.Option(
            "--music",
            help="A music bed under the speech (ducked, faded in and out).",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    cover: Annotated[
        Path | None,
        typer.Option(
            "--cover",
            help="Cover art, PNG or JPEG. Default: one made for the date.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help='Episode title. Default: "Briefing — <weekday date>".',
            show_default=False,
        ),
    ] = None,
) -> None:
    """Make a spoken briefing (MP3) from one or more articles."""
    from briefing.config import load_language
    from briefing.models import Length
    from briefing.pipeline import make_briefing, start_engines
    from briefing.tts import load_preset

    preset = load_preset(voice)
    clock = _clock()
    day = date.date() if date else clock().date()
    language = lang or load_language()
    with start_engines(
        preset, workers=workers, output=output, date=day, cache=not no_cache,
        languages=(language,) if language else (),
    ) as engines:  # their workers start while the rest is imported and the script composed
        from briefing.audio import AudioOptions
        from briefing.config import load_lexicon, load_templates
        from briefing.ingest.stories import LinkOptions

        audio = AudioOptions(
            format=audio_format,
            bitrate=bitrate,
            loudness=loudness,
            chime=chime,
            music=music,
            cover=cover,
            title=title,
        )
        with _voicing_progress() as on_progress:
            result = make_briefing(
                inputs,
                output,
                length=Length(sentences=sentences, words_per_minute=preset.settings.rate_wpm),
                date=day,
                voice=voice,
                on_progress=on_progress,
                cache=not no_cache,
                audio=audio,
                templates=load_templates(),
                engines=engines,
                clock=clock,
                lexicon=load_lexicon(),
                links=LinkOptions(fetch_links=fetch_links),
                language=language,
            )
    minutes, seconds = divmod(round(result.duration_s), 60)
    stories = result.story_count
    typer.echo(
        f"Wrote {result.path} ({minutes}:{seconds:02d}, {stories} "
        f"{'story' if stories == 1 else 'stories'})."
    )
    _report_failures(result.failures)
    for note in result.notes:
        typer.echo(f"briefing: {note}", err=True)
    _report_fallbacks(result.fallbacks)
    typer.echo(f"Listen: copy it to your phone, or play it here with: ffplay -nodisp {result.path}")
    if result.side_files:
        typer.echo("Beside it: " + ", ".join(str(path) for path in result.side_files))
    if result.failures:
        raise typer.Exit(max(f.exit_code for f in result.failures))


@app.command()
def script(
    inputs: InputsArg,
    sentences: SentencesOpt = 3,
    date: DateOpt = None,
    lang: LangOpt = None,
    fetch_links: FetchLinksOpt = False,
) -> None:
    """Print the spoken script of a briefing, without making audio: every story found."""
    from briefing.config import load_language, load_templates
    from briefing.ingest.stories import LinkOptions
    from briefing.models import Length
    from briefing.pipeline import build_script

    result, failures = build_script(
        inputs,
        length=Length(sentences=sentences),
        date=date.date() if date else None,
        templates=load_templates(),
        clock=_clock(),
        links=LinkOptions(fetch_links=fetch_links),
        language=lang or load_language(),
    )
    typer.echo(result.text)
    _report_failures(failures)
    if failures:
        raise typer.Exit(max(f.exit_code for f in failures))


@app.command()
def normalize(
    text: Annotated[
        str | None,
        typer.Argument(help="Text to say; read from stdin when left out.", show_default=False),
    ] = None,
    lang: Annotated[
        str,
        typer.Option(
            "--lang",
            "-l",
            help="The text's language or locale: en (default), de, fr, es, it, pt, pt-BR, …",
        ),
    ] = "en",
) -> None:
    """Print TEXT (or stdin) as the script stage will have it spoken."""
    from briefing.script import normalize as to_speech

    typer.echo(to_speech(sys.stdin.read() if text is None else text, lang))


voices_app = typer.Typer(
    help="List the voice presets (usable here or not, and why) and each engine's voices; "
    "`briefing voices install` installs the natural voice.",
    invoke_without_command=True,
)
app.add_typer(voices_app, name="voices")


@voices_app.callback()
def voices(ctx: typer.Context) -> None:
    """List the voice presets (usable here or not, and why) and each engine's voices.

    `briefing voices install` installs the natural voice.
    """
    if ctx.invoked_subcommand is not None:
        return
    from briefing.tts import preset_paths
    from briefing.tts.report import engine_voice_lines, language_lines, preset_lines

    typer.echo("Presets (use with --voice NAME):")
    for line in preset_lines(preset_paths()):
        typer.echo(line)
    typer.echo("\nVoices per language (a segment in another language than the preset's):")
    for line in language_lines():
        typer.echo(line)
    for line in engine_voice_lines():
        typer.echo(line)


@voices_app.command("install")
def voices_install(
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print nothing unless it fails.")
    ] = False,
) -> None:
    """Install the natural voice (Kokoro) in your data folder, checked by its sha256."""
    from briefing.tts.kokoro_install import install, summary

    report = install()
    if not quiet:
        typer.echo(summary(report))


cache_app = typer.Typer(
    help="The cache of voiced segments and finished episodes (re-runs redo only what changed).",
    no_args_is_help=True,
)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info() -> None:
    """Show where the cache is and how big it is."""
    from briefing.tts import SegmentCache

    cache = SegmentCache()
    stats = cache.stats()
    typer.echo(
        f"{cache.root}: {stats.entries} segments, {_megabytes(stats.bytes)} "
        f"(limit {_megabytes(cache.max_bytes)})."
    )


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cached segment and finished episode."""
    from briefing.audio.render_cache import EpisodeCache
    from briefing.tts import SegmentCache

    cache = SegmentCache()
    stats = cache.clear()
    episodes, size = EpisodeCache.beside(cache.root).clear()
    typer.echo(f"Cleared {stats.entries} segments ({_megabytes(stats.bytes)}) from {cache.root}.")
    typer.echo(f"Cleared {episodes} finished episodes ({_megabytes(size)}).")


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


@app.command()
def batch(
    manifest: Annotated[
        Path,
        typer.Argument(
            help="Jobs to make: a .toml or .jsonl manifest.", metavar="MANIFEST", show_default=False
        ),
    ],
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="A Dask scheduler to run on, e.g. tcp://HOST:8786. Default: a local cluster.",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Local worker processes. Default: one per core.",
            show_default=False,
        ),
    ] = None,
    cache: Annotated[
        str | None,
        typer.Option(
            "--cache",
            help="Voiced-segment cache every worker can reach: a folder, or a URL such as "
            "s3://bucket/briefing-cache. Default: user cache.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Make many briefings at once on Dask (needs the `distributed` extra)."""
    from rich.progress import BarColumn, Progress, TextColumn

    from briefing.distributed import load_manifest, run_batch
    from briefing.distributed.report import failure_lines, progress_text, summary_line

    jobs = load_manifest(manifest)
    with Progress(
        TextColumn("Briefings"),
        BarColumn(),
        TextColumn("{task.description}"),
        transient=True,
        disable=not sys.stderr.isatty(),
        console=_stderr_console(),
    ) as bar:
        task = bar.add_task("", total=len(jobs.jobs))
        report = run_batch(
            jobs.jobs,
            scheduler=scheduler,
            workers=workers,
            cache_dir=cache or jobs.cache,
            clock=_clock(),
            on_progress=lambda p: bar.update(
                task, completed=p.jobs_done, description=progress_text(p)
            ),
        )
    typer.echo(summary_line(report))
    for line in failure_lines(report):
        typer.echo(line, err=True)
    if report.exit_code:
        raise typer.Exit(report.exit_code)


ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="The config file. Default: config.toml in the user's config folder.",
        show_default=False,
        dir_okay=False,
    ),
]


@app.command()
def init(
    config: ConfigOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter config for `briefing daily` and print its path."""
    from briefing.config import write_starter_config

    path = write_starter_config(config, force=force)
    typer.echo(f"Wrote {path}")
    typer.echo("Next: edit its [[sources]], then run: briefing daily")


@app.command()
def daily(
    config: ConfigOpt = None,
    date: DateOpt = None,
    minutes: Annotated[
        float | None,
        typer.Option(
            "--minutes",
            min=0.5,
            max=180,
            help="Target length. Default: the config's minutes.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Make today's episode from the config's sources and update the podcast feed."""
    from rich.progress import BarColumn, Progress, TextColumn

    from briefing.config import load_config
    from briefing.daily import report_lines, run_daily
    from briefing.errors import InputError

    settings = load_config(config)
    with Progress(
        TextColumn("Voicing"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} segments"),
        transient=True,
        disable=not sys.stderr.isatty(),
        console=_stderr_console(),
    ) as progress:
        task = progress.add_task("voicing", total=None)
        report = run_daily(
            settings,
            date=date.date() if date else None,
            minutes=minutes,
            on_progress=lambda done, total: progress.update(task, completed=done, total=total),
            clock=_clock(),
        )
    for line in report_lines(report):
        typer.echo(line)
    if report.publish_error is not None:  # the episode is written; the next run uploads it
        typer.echo(f"briefing: error: {report.publish_error}", err=True)
        codes = [failure.exit_code for failure in report.failures]
        raise typer.Exit(max([1, *codes]))
    if report.episode is None:
        raise InputError(
            f"no new stories for {report.date.isoformat()}; "
            "check the failures above, or add sources to the config."
        )
    if report.failures:  # the episode is out, but cron should still hear that a source failed
        raise typer.Exit(max(failure.exit_code for failure in report.failures))


@app.command()
def publish(
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="The folder to publish. Default: the config's output folder.",
            show_default=False,
            file_okay=False,
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Where: s3://bucket/path, gs://…, sftp://user@host/path, file:///path. "
            "Default: `to` under \\[publish] in the config.",
            show_default=False,
        ),
    ] = None,
    config: ConfigOpt = None,
) -> None:
    """Mirror the episodes, feed and player to remote storage; only changed files are sent."""
    from briefing.config import load_config
    from briefing.errors import ConfigError
    from briefing.paths import config_file
    from briefing.publish.lock import exclusive
    from briefing.publish.remote import publish_folder, publish_summary

    settings = load_config(config) if config or config_file().is_file() else None
    folder = folder or (settings.output if settings else None)
    target = settings.publish if settings else None
    url = to or (target.to if target else None)
    if folder is None:
        raise ConfigError("no FOLDER and no config file; give FOLDER, or run `briefing init`.")
    if url is None:
        raise ConfigError("nowhere to publish; give --to URL, or set [publish] to in the config.")
    options = target.options if target is not None and url == target.to else {}
    with exclusive(folder):  # not while a `daily` is writing the folder
        report = publish_folder(folder, url, options)
    typer.echo(publish_summary(report))


@app.command()
def serve(
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="The folder to serve. Default: the config's output folder.",
            show_default=False,
            file_okay=False,
        ),
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "0.0.0.0",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port.")] = 8000,
) -> None:
    """Serve the web player, the episodes and feed.xml to phones on your network (read-only)."""
    from briefing.publish.serve import feed_url, make_server, player_url, qr_text

    if folder is None:
        from briefing.config import load_config
        from briefing.paths import config_file

        folder = load_config().output if config_file().is_file() else Path.cwd()
    server = make_server(folder, host, port)
    url = player_url(host, server.server_address[1])
    typer.echo(f"Serving {folder} read-only. Press Ctrl-C to stop.")
    typer.echo(f"Listen in the phone's browser (same Wi-Fi): {url}")
    typer.echo(f"Or subscribe in your podcast app: {feed_url(host, server.server_address[1])}")
    typer.echo(qr_text(url))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("Stopped.")
    finally:
        server.server_close()


def _report_fallbacks(fallbacks: Any) -> None:
    from briefing.tts.report import fallback_lines

    for line in fallback_lines(fallbacks):
        typer.echo(f"briefing: {line}", err=True)


def _report_failures(failures: Any) -> None:
    for failure in failures:
        reason = failure.reason.removeprefix(f"{failure.origin}: ")  # name the input once
        typer.echo(f"briefing: skipped {failure.origin}: {reason}", err=True)


@contextmanager
def _voicing_progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr when it is a terminal; when it is not, no bar and no rich."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("Voicing"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} segments"),
        TimeRemainingColumn(),
        transient=True,
        console=_stderr_console(),
    ) as progress:
        task = progress.add_task("voicing", total=None)
        yield lambda done, total: progress.update(task, completed=done, total=total)


def _clock() -> clocks.Clock:
    """The real clock, read once here at the edge: the run stands at one moment throughout."""
    return clocks.fixed_clock(clocks.system_clock())


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def main() -> None:
    """The `briefing` command (console script and `python -m briefing`): run, then exit."""
    # numpy's OpenBLAS starts a thread per core as it loads, which burns the other core for
    # as long as the import takes. briefing's matrices are tiny and its parallel work is in
    # processes (engine workers, ffmpeg) that want that core; a user's own setting wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from briefing.log import route_library_output

    route_library_output()  # before any library is imported: their warnings go to the log
    try:
        app(prog_name="briefing")
    finally:
        # The process ends next, and Python's last garbage collections would walk every object
        # the run made (numpy's, pydantic's schemas): 40 to 50 ms of a one-second `make`.
        # Frozen objects are left to the OS; atexit handlers and module cleanup still run.
        gc.freeze()
