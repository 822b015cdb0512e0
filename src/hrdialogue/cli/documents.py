"""`hrdialogue parse | compare | schema | demo`: the resolution reader from the command line.

Input a person can get wrong (an empty, binary, scanned or oversized file, a text in a
seventh language, a text that is not a resolution) is reported as one line on stderr,
`hrdialogue: error: <file>: <message>`, with exit code 2. Any other failure is one line too,
with exit code 1; `--debug` (or `HRDIALOGUE_DEBUG=1`) shows its traceback. What a person
should know about a file that was read (glyphs of a PDF that could not be mapped to text, a
damaged PDF that was repaired) is one `hrdialogue: warning:` line each on stderr.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from hrdialogue.documents import akn, render
from hrdialogue.documents.errors import ReaderError
from hrdialogue.documents.language import detect_language
from hrdialogue.documents.model import Resolution, resolution_json_schema
from hrdialogue.documents.parse import parse_resolution
from hrdialogue.documents.source import Document, read_path, read_stream
from hrdialogue.languages import LANGUAGES

__all__ = ["find_seed", "register"]

SEED_NAME = "000_8dba0c578e5ca190.txt"
SAMPLE_NAME = "A_RES_63_180.ru.txt"
_PAGES_WORTH_A_BAR = 5

P = ParamSpec("P")
R = TypeVar("R")


def register(main: click.Group) -> None:
    """Add the reader's commands to the `hrdialogue` group."""
    for command in (parse, compare, schema, demo):
        main.add_command(command)


# --- Errors: one line, never a traceback ---------------------------------------------------


def _debug_option(fn: Callable[P, R]) -> Callable[P, R]:
    return click.option(
        "--debug",
        is_flag=True,
        envvar="HRDIALOGUE_DEBUG",
        help="Show the traceback of an unexpected error (or set HRDIALOGUE_DEBUG=1).",
    )(fn)


def _one_line_errors(fn: Callable[..., None]) -> Callable[..., None]:
    """Report what goes wrong as one line on stderr: exit 2 for bad input, 1 for the rest."""

    @functools.wraps(fn)
    def wrapper(*args: Any, debug: bool = False, **kwargs: Any) -> None:
        try:
            fn(*args, **kwargs)
        except ReaderError as error:
            _fail(str(error), 2)
        except OSError as error:  # a missing file, a directory, no permission
            place = error.filename if error.filename is not None else kwargs.get("file", "")
            _fail(f"{place}: {error.strerror or error}", 2)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except click.ClickException:
            raise
        except Exception as error:
            if debug or os.environ.get("HRDIALOGUE_DEBUG") == "1":
                raise
            detail = " ".join(str(error).split()) or "no detail"
            # the file(s) the command was reading, as a ReaderError names its file
            files = [kwargs[k] for k in ("file", "file_a", "file_b") if kwargs.get(k)]
            place = ", ".join("<stdin>" if f == "-" else str(f) for f in files)
            message = f"unexpected {type(error).__name__}: {detail} (run with --debug to see where)"
            _fail(f"{place}: {message}" if place else message, 1)

    return wrapper


def _fail(message: str, code: int) -> None:
    click.echo(f"hrdialogue: error: {message}", err=True)
    sys.exit(code)


# --- Reading ------------------------------------------------------------------------------


@contextmanager
def _page_progress() -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr for PDFs of many pages, shown only when stderr is a terminal."""
    console = Console(stderr=True)
    bar: Progress | None = None
    task = None

    def advance(done: int, total: int) -> None:
        nonlocal bar, task
        if total < _PAGES_WORTH_A_BAR or not console.is_terminal:
            return
        if bar is None:
            bar = Progress(
                SpinnerColumn(),
                TextColumn("reading PDF pages"),
                BarColumn(),
                MofNCompleteColumn(),
                console=console,
                transient=True,
            )
            bar.start()
            task = bar.add_task("pages", total=total)
        if task is not None:
            bar.update(task, completed=done)

    try:
        yield advance
    finally:
        if bar is not None:
            bar.stop()


def _read(file: str) -> Document:
    with _page_progress() as progress:
        if file == "-":
            return read_stream(sys.stdin.buffer, name="<stdin>", progress=progress)
        return read_path(file, progress=progress)


def _parse(file: str, language: str | None) -> Resolution:
    document = _read(file)
    name = document.name or file
    try:
        language = language or detect_language(document.text, source=name)
        resolution = parse_resolution(document.text, language=language, source=name)
    except ReaderError as error:
        error.source = error.source or name  # every message names the file
        raise
    for note in document.notes:
        click.echo(f"hrdialogue: warning: {name}: {note}", err=True)
    return resolution


_LANGUAGE = click.option(
    "--language",
    type=click.Choice(sorted(LANGUAGES)),
    help="The text's language (ISO 639-1); detected when not given.",
)


# --- Commands -----------------------------------------------------------------------------


@click.command()
@click.argument("file", metavar="FILE|-")
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json", "md", "akn"]),
    default="text",
    show_default=True,
    help="text: readable summary; json: the Resolution; md: Markdown; akn: Akoma Ntoso XML.",
)
@_LANGUAGE
@_debug_option
@_one_line_errors
def parse(file: str, output: str, language: str | None) -> None:
    """Read a resolution (text, PDF or DOCX; `-` for stdin) and print it structured."""
    resolution = _parse(file, language)
    if output == "json":
        click.echo(resolution.model_dump_json(indent=2))
    elif output == "md":
        click.echo(render.to_markdown(resolution))
    elif output == "akn":
        click.echo(akn.to_akoma_ntoso(resolution))
    else:
        click.echo(render.to_summary(resolution))


@click.command()
@click.argument("file_a", metavar="A")
@click.argument("file_b", metavar="B")
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
@_debug_option
@_one_line_errors
def compare(file_a: str, file_b: str, as_json: bool) -> None:
    """Align two language versions, or two years, of a resolution, paragraph by paragraph."""
    # compare.py lands with the exports work; imported by name so this module loads without it.
    comparing = importlib.import_module("hrdialogue.documents.compare")
    a, b = _parse(file_a, None), _parse(file_b, None)
    comparison = comparing.compare_resolutions(a, b)
    if as_json:
        click.echo(comparison.model_dump_json(indent=2))
    else:
        Console().print(comparing.comparison_table(comparison))


@click.command()
@click.argument("name", type=click.Choice(["resolution"]))
@_debug_option
@_one_line_errors
def schema(name: str) -> None:
    """Print the JSON Schema of the reader's output."""
    del name  # one schema for now
    click.echo(json.dumps(resolution_json_schema(), indent=2, ensure_ascii=False))


@click.command()
@_debug_option
@_one_line_errors
def demo() -> None:
    """Read the seed resolution A/RES/63/180 and print its summary (what `make run` does)."""
    path, origin = find_seed()
    click.echo(f"hrdialogue: reading {path} ({origin})", err=True)
    resolution = _parse(str(path), None)
    click.echo(render.to_summary(resolution))


def find_seed() -> tuple[Path, str]:
    """The seed in `$HRDIALOGUE_SHARED` (default ../shared), else the copy in `examples/`."""
    shared = Path(os.environ.get("HRDIALOGUE_SHARED") or Path.cwd().parent / "shared")
    seed = shared / "seeds" / SEED_NAME
    if seed.is_file():
        return seed, "the seed in the shared data"
    here = Path(__file__).resolve()
    for root in (Path.cwd(), *here.parents):
        sample = root / "examples" / SAMPLE_NAME
        if sample.is_file():
            return sample, "the sample shipped in examples/"
    msg = f"no seed at {seed} and no examples/{SAMPLE_NAME} beside the project"
    raise FileNotFoundError(2, msg, str(seed))
