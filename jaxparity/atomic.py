"""Whole files written atomically, and every write failure as one line.

A report, a summary or a plan is written to a temporary file beside it, flushed to disk, then
renamed over the old one: a reader (or a later run, after a crash or a full disk) sees the old
file or the new one, never half of either. A write that fails — full disk, read-only folder,
no permission — becomes a :class:`CliError` naming the file, so the command ends with one line
and exit status 2 instead of a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from pathlib import Path
from typing import Any

from jaxparity.errors import CliError

_WHY = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "a read-only file system",
    errno.EACCES: "no permission to write there",
    errno.EPERM: "no permission to write there",
}


def cannot(action: str, path: Path, e: OSError) -> CliError:
    """``cannot write out/summary.json: the disk is full`` as a one-line error."""
    why = _WHY.get(e.errno or 0) or e.strerror or str(e)
    return CliError(f"cannot {action} {path}: {why}")


def write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` all at once (temporary file, fsync, rename)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        with contextlib.suppress(OSError):  # the write's error is the one to report
            tmp.unlink(missing_ok=True)
        raise cannot("write", path, e) from None


def write_json(path: Path, value: Any) -> None:
    write_text(path, json.dumps(value, indent=1) + "\n")


def append_line(path: Path, line: str) -> None:
    """Append one line, flushed at once: it survives a kill right after. A line cut off by a
    crash or a full disk is the last one, and readers ignore it with a note."""
    try:
        with path.open("a") as f:
            f.write(line + "\n")
    except OSError as e:
        raise cannot("write", path, e) from None
