"""Paths on the command line mean what they mean in the directory the user typed them in.

``./venv-run`` changes to the repository root before it runs a command (the benchmarks import
``bench/`` from there), so it exports the caller's directory first as ``JAXPARITY_CWD``: a
relative ``--out t1`` typed in ``elsewhere/`` is then ``elsewhere/t1``, not ``<repo>/t1``.
Run without ``./venv-run``, the process's own directory is the caller's and paths stay as
given.
"""

from __future__ import annotations

import os
from pathlib import Path

CALLER_CWD = "JAXPARITY_CWD"


def resolve(path: Path) -> Path:
    """``path`` as the user meant it: relative to the directory the command was typed in."""
    caller = os.environ.get(CALLER_CWD)
    if path.is_absolute() or not caller:
        return path
    return Path(caller) / path
