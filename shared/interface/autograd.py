"""The autograd topic's case functions (one method per case id ``autograd.<name>``)."""

from __future__ import annotations

from typing import Protocol


class Autograd(Protocol):
    """Cases are declared here as they are implemented in both backends."""
