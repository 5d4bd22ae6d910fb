"""The names a user types (case, topic, size, backend, device): one error for an unknown one.

A leaf module, imported by the registry, the case modules and ``shared.data`` alike, so that
none of them needs another to report a bad name or to choose by size.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


class UnknownNameError(LookupError):
    """A backend, case, topic, size or device name that does not exist; says which ones do."""

    def __init__(self, kind: str, name: str, valid: Iterable[str]) -> None:
        valid = sorted(valid)
        close = difflib.get_close_matches(name, valid, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        super().__init__(f"unknown {kind} {name!r}{hint}; valid: {', '.join(valid)}")
        self.kind, self.name, self.valid = kind, name, valid


def pick(size: str, **by_size: Any) -> Any:
    """The value for ``size`` among the keyword choices, or an error naming the valid sizes.

    A case's ``inputs(size, rng)`` chooses its sizes with it; ``shared.data.sizes`` reads the
    valid ones back from the error.
    """
    try:
        return by_size[size]
    except KeyError:
        raise UnknownNameError("size", size, by_size) from None
