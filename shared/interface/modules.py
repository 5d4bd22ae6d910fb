"""The modules topic's case functions (one method per case id ``modules.<name>``)."""

from __future__ import annotations

from typing import Protocol


class Modules(Protocol):
    """Cases are declared here as they are implemented in both backends."""
