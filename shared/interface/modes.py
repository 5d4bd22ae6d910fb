"""The modes topic's case functions (one method per case id ``modes.<name>``)."""

from __future__ import annotations

from typing import Protocol


class Modes(Protocol):
    """Cases are declared here as they are implemented in both backends."""
