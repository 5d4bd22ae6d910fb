"""The interface both backends implement, as typed Protocols (no bodies, no frameworks).

* :class:`Backend` — one per framework: devices, conversion to and from NumPy, sync, modes.
* One Protocol per topic (``shared.interface.tensors.Tensors`` …), one method per case, named
  after the case id. Each backend's ``<topic>.py`` module satisfies it structurally; the test
  ``tests/test_interface.py`` checks names and signatures on both sides.

Conventions of a case function: data arrives as keyword arguments named as in
``shared.data`` (already converted to the backend's arrays on the requested device, or NumPy
when the case is about conversion); a ``device`` parameter, where declared, receives the
neutral device name (``"cpu"`` or ``"gpu"``). It returns a dict of arrays (compared with the
oracle and the other backend) and plain observations (bool/int/str, compared with the case's
expectations).
"""

from __future__ import annotations

from shared.interface.advanced import Advanced
from shared.interface.autograd import Autograd
from shared.interface.backend import Array, Backend, Outputs, TimedSetup
from shared.interface.devices import Devices
from shared.interface.distributed import Distributed
from shared.interface.modes import Modes
from shared.interface.modules import Modules
from shared.interface.resnet import Resnet
from shared.interface.tensors import Tensors

TOPIC_PROTOCOLS: dict[str, type] = {
    "tensors": Tensors,
    "devices": Devices,
    "autograd": Autograd,
    "advanced": Advanced,
    "modes": Modes,
    "modules": Modules,
    "resnet": Resnet,
    "distributed": Distributed,
}


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
