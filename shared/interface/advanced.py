"""The advanced topic's case functions (one method per case id ``advanced.<name>``)."""

from __future__ import annotations

from typing import Protocol


class Advanced(Protocol):
    """Cases are declared here as they are implemented in both backends."""
