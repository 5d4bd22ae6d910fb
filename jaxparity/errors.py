"""Errors as single lines: the command line's own, and a failing case's for its record."""

from __future__ import annotations


class CliError(Exception):
    """A problem with the user's input or saved files; its message is one line for stderr."""


RAISED = "raised "
"""How a result record says that an exception ended it (the report shows those words as code)."""


def one_line(e: BaseException) -> str:
    """``raised Type: first line of the message``, at most 300 characters, for a result record."""
    text = str(e).strip()
    message = text.splitlines()[0] if text else ""
    return f"{RAISED}{type(e).__name__}: {message}"[:300]
