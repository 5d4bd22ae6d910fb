"""Section 2, device placement: one method per case id ``devices.<name>``."""

from __future__ import annotations

from typing import Protocol

from shared.interface.backend import Array, Outputs


class Devices(Protocol):
    def inspect(self, *, a: Array, device: str) -> Outputs:
        """``dtype`` and whether ``a`` lives on ``device`` (``on_device``); ``gpu_available``."""
        ...

    def select(self) -> Outputs:
        """The lesson's ``cuda:0 if available else cpu``: returns ``selected`` ("gpu"/"cpu")."""
        ...

    def transfer(self, *, a: Array, device: str) -> Outputs:
        """``a`` moved to ``device``: returns ``moved`` and ``on_device``."""
        ...

    def cross_device_error(self, *, a: Array, device: str) -> Outputs:
        """Combine ``a`` on ``device`` with a copy on a second device.

        Returns ``error`` (the exception's class name, ``""`` if none), ``message`` and
        ``other`` (the second device used: the GPU or CPU when both exist, otherwise each
        framework's honest stand-in for a second device; see the implementations).
        """
        ...

    def copy_on_transfer(self, *, p: Array, device: str) -> Outputs:
        """``p_dev = p.to(device)``, then ``p -= 1`` on the host copy.

        Returns ``host_after``, ``device_copy_shares_memory`` and, in torch,
        ``device_copy_changed``.
        """
        ...

    def layer(self, *, a: Array, b: Array) -> Outputs:
        """``c = (a @ b) ** 2``, the lesson's typical layer."""
        ...
