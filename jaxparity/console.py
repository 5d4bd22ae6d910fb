"""What the command prints beside its results: notes, and a step's progress bar (on stderr,
when it is a terminal)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)


@contextmanager
def progress(label: str, total: int) -> Iterator[Callable[[str], None]]:
    """A bar of ``total`` steps; the ``advance(what)`` it yields counts one done."""
    err = Console(stderr=True)
    columns = (
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("", total=total)
        done = 0

        def advance(what: str) -> None:
            nonlocal done
            done += 1
            # Whole bench modules (e.g. memory) add tests the plan cannot count in advance.
            bar.update(task, completed=done, total=max(done, total), description=what)

        yield advance


def say(out: Console) -> Callable[[str], None]:
    """How the command prints a note: what it did on its own, or what the reader should know."""
    return lambda text: out.print(f"[yellow]note:[/] {escape(text)}")
