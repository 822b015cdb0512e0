"""`hrdialogue dialogue …`: opinion groups from Polis-format vote files.

`analyse VOTES.csv COMMENTS.csv [--plot map.png] [--json]` is a cold start on one export;
`eval` runs `evals/eval_dialogue.py` (our groups and red-dwarf's against Polis's own).
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from hrdialogue.dialogue.conversation import DialogueResult, analyse_votes
from hrdialogue.dialogue.polis_csv import (
    PolisComment,
    PolisCsvError,
    read_polis_comments,
    read_polis_votes,
)

__all__ = ["register"]

_LARGE_BYTES = 5_000_000  # show a progress bar from about 100,000 vote rows
_STAGES = ("votes", "map", "groups", "statements")


def register(main: click.Group) -> None:
    """Add the `dialogue` command group to the `hrdialogue` group."""
    main.add_command(dialogue)


@click.group()
def dialogue() -> None:
    """Structured dialogue: opinion groups, representative and consensus statements."""


@dialogue.command()
@click.argument("votes_csv", type=click.Path(path_type=Path))
@click.argument("comments_csv", type=click.Path(path_type=Path))
@click.option(
    "--plot", "plot_path", type=click.Path(path_type=Path), help="Write the opinion map as PNG."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of tables.")
def analyse(votes_csv: Path, comments_csv: Path, plot_path: Path | None, as_json: bool) -> None:
    """Analyse a Polis export: groups, representative and consensus statements.

    With --json it prints one object: `participants` maps each participant id to
    {"group", "x", "y"} (null when not in the conversation); `groups` is a list of
    {"id", "size", "representative": [{"statement", "direction", "rate", "z"}]};
    `consensus` a list of {"statement", "direction", "rate"}; `group_informed_consensus` maps
    statement id to its score.
    """
    err = Console(stderr=True)
    try:
        comments = read_polis_comments(comments_csv)
        large = votes_csv.exists() and votes_csv.stat().st_size > _LARGE_BYTES
        result = _analyse(votes_csv, comments, err if large else None)
    except PolisCsvError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if plot_path is not None:
        _plot(result, plot_path)
    if as_json:
        click.echo(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        _print_tables(result, {c.comment_id: c.body for c in comments})


def _analyse(
    votes_csv: Path, comments: tuple[PolisComment, ...], err: Console | None
) -> DialogueResult:
    statements = [c.comment_id for c in comments]
    moderated_out = [c.comment_id for c in comments if c.moderated == -1]
    if err is None:
        events = read_polis_votes(votes_csv)
        return analyse_votes(events, statements, moderated_out=moderated_out)
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        size = votes_csv.stat().st_size
        reading = bar.add_task("reading votes", total=size)
        with votes_csv.open("rb") as handle:
            approx_row = max(1, size // max(1, sum(1 for _ in handle)))
        events = read_polis_votes(
            votes_csv, lambda line: bar.update(reading, completed=line * approx_row)
        )
        bar.update(reading, completed=size)
        task = bar.add_task("analysing", total=len(_STAGES))

        def step(stage: str) -> None:
            bar.update(task, description=f"analysing: {stage}", completed=_STAGES.index(stage))

        result = analyse_votes(events, statements, moderated_out=moderated_out, progress=step)
        bar.update(task, completed=len(_STAGES))
    return result


def _print_tables(result: DialogueResult, bodies: dict[Any, str]) -> None:
    console = Console()
    n_in = int(result.in_conversation.sum())
    console.print(
        f"{len(result.participant_ids)} participants, {n_in} in the conversation, "
        f"{len(result.groups)} opinion groups, {len(result.statement_ids)} statements"
    )
    for group in result.groups:
        table = Table(
            title=f"Group {group.id} ({group.size} participants): representative statements"
        )
        for col in ("statement", "direction", "rate", "z", "text"):
            table.add_column(col)
        for r in group.representative:
            table.add_row(
                str(r.statement),
                r.direction,
                f"{r.rate:.2f}",
                f"{r.z:.2f}",
                bodies.get(r.statement, ""),
            )
        console.print(table)
    table = Table(title="Consensus statements")
    for col in ("statement", "direction", "rate", "text"):
        table.add_column(col)
    for c in result.consensus:
        table.add_row(str(c.statement), c.direction, f"{c.rate:.2f}", bodies.get(c.statement, ""))
    console.print(table)


def _plot(result: DialogueResult, path: Path) -> None:
    import matplotlib  # noqa: PLC0415 (only when a plot is asked for)

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    fig, ax = plt.subplots(figsize=(6, 6), dpi=100)
    inside = result.in_conversation
    for group in result.groups:
        mask = result.group == group.id
        ax.scatter(
            result.xy[mask, 0], result.xy[mask, 1], s=12, label=f"group {group.id} ({group.size})"
        )
    ax.set_title(f"Opinion map: {int(inside.sum())} participants, {len(result.groups)} groups")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.legend(loc="best")
    fig.savefig(path, format="png")
    plt.close(fig)


@dialogue.command(name="eval")
@click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path.cwd,
    help="The repository checkout that holds evals/ (default: the current folder).",
)
def eval_(root: Path) -> None:
    """Our groups and red-dwarf's against Polis's own on the shared Polis conversations."""
    if not (root / "evals" / "eval_dialogue.py").is_file():
        click.echo(
            f"error: {root}/evals/eval_dialogue.py not found: run from the repository checkout",
            err=True,
        )
        sys.exit(2)
    sys.path.insert(0, str(root))
    importlib.import_module("evals.eval_dialogue").run()
