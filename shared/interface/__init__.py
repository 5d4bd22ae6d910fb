"""The interface both backends implement, as typed Protocols (no bodies, no frameworks).

* :class:`Backend` — one per framework: devices, conversion to and from NumPy, sync, modes.
* One Protocol per topic (``shared.interface.tensors.Tensors`` …), one method per case, named
  after the case id, generated from the case records (``python -m jaxparity.interface_stubs``).
  Each backend's ``<topic>.py`` module satisfies it structurally; the test
  ``tests/test_interface.py`` checks names and signatures on both sides.

Conventions of a case function: data arrives as keyword arguments named as in
``shared.data`` (already converted to the backend's arrays on the requested device, or NumPy
when the case is about conversion); a ``device`` parameter, where declared, receives the
neutral device name (``"cpu"`` or ``"gpu"``). It returns a dict of arrays (compared with the
oracle and the other backend) and plain observations (bool/int/str, compared with the case's
expectations).
"""

from __future__ import annotations

from importlib import import_module

from shared.cases import TOPICS
from shared.interface.backend import Array, Backend, Outputs, TimedSetup

TOPIC_PROTOCOLS: dict[str, type] = {
    topic: import_module(f"shared.interface.{topic}").PROTOCOL for topic in TOPICS
}
"""Topic → its Protocol, in lesson order."""


def case_functions(topic: str) -> list[str]:
    """Names of the case functions a topic's Protocol declares, in declaration order."""
    proto = TOPIC_PROTOCOLS[topic]
    return [n for n, v in vars(proto).items() if callable(v) and not n.startswith("_")]


__all__ = [
    "TOPIC_PROTOCOLS",
    "Array",
    "Backend",
    "Outputs",
    "TimedSetup",
    "case_functions",
]
