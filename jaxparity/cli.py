"""The ``jaxparity`` command: run, check, bench, report, compare, show, list, notebooks.

Here: ``main`` — the arguments (``cli_parser.py``) to a command (``commands.py``, its steps in
``pipeline.py``) and its exit status, SIGTERM taken as Ctrl-C.

Exit status: 0 all good; 1 a disagreement or a failed benchmark; 2 a usage problem (unknown
name, empty selection, no GPU for ``--device gpu``, an ``--out`` that cannot be written or
holds others' files, missing or unreadable results), reported as one line on stderr; 130
interrupted (the report is still written from what finished, and a rerun resumes: see
``outdir.py``). An artifact that fails (a graph file, a matmul count: ``jaxparity.artifacts``)
is reported, not counted.
"""

from __future__ import annotations

import signal
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from rich.console import Console

from jaxparity import user_paths
from jaxparity.cli_parser import parser
from jaxparity.commands import COMMANDS
from jaxparity.errors import CliError
from shared.cases import UnknownNameError

# torch.func.jacfwd/hessian warn once per process about their own use of torch.jit.script.
warnings.filterwarnings(
    "ignore", message="`torch.jit.script` is deprecated", category=DeprecationWarning
)

PATHS = ("out", "first", "second", "html")
"""The arguments that are paths, resolved against the caller's directory (``user_paths``)."""


def main(argv: list[str] | None = None) -> int:
    """Run the command ``argv`` (default: the process's arguments) asks for; its exit status."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as e:  # --help, or a usage error already printed as one line
        return int(e.code or 0)
    for name in PATHS:
        if getattr(args, name, None) is not None:
            setattr(args, name, user_paths.resolve(getattr(args, name)))
    # A pipe or file gets wide tables rather than rich's 80 columns.
    out = Console(file=sys.stdout, width=None if sys.stdout.isatty() else 150)
    with _terminate_as_interrupt():
        try:
            return COMMANDS[args.command](args, out)
        except (CliError, UnknownNameError) as e:
            print(f"jaxparity {args.command}: error: {e}", file=sys.stderr)
            return 2


def _interrupt(signum: int, frame: object) -> NoReturn:
    raise KeyboardInterrupt


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (``timeout``, a scheduler) ends a run like Ctrl-C: the report is still written."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
