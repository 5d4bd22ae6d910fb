"""JAX/Flax side of the parity suite: immutable arrays, pure functions, jit and transforms.

Device model, for a student comparing with ``torch_impl``: a ``jax.Array`` may span several
devices (``x.devices()`` is a set); new arrays go to the default device (the first GPU when
there is one); ``jax.device_put(x, d)`` commits an array to a device, and operations on arrays
committed to different devices are refused. Work is dispatched asynchronously:
``block_until_ready`` waits for it. float64 is off unless x64 is enabled.

Modules mirror ``torch_impl`` file by file: tensors, devices, autograd, advanced, modes, modules.
"""

from jax_impl.backend import BACKEND, JaxBackend

__all__ = ["BACKEND", "JaxBackend"]
