"""The one error the command line reports as a single line (no traceback)."""

from __future__ import annotations


class CliError(Exception):
    """A problem with the user's input or saved files; its message is one line for stderr."""
