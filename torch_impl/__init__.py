"""PyTorch side of the parity suite: eager tensors with a device, flags and tapes.

Device model, for a student comparing with ``jax_impl``: a ``torch.Tensor`` lives on exactly
one ``torch.device`` (``cpu``, ``cuda:0``, …), you move it with ``.to(device)``, and every
operation requires all operands on the same device. CUDA work is queued asynchronously, so
timing needs ``torch.cuda.synchronize()``.

Modules mirror ``jax_impl`` file by file: tensors, devices, autograd, advanced, modes, modules.
"""

from torch_impl.backend import BACKEND, TorchBackend

__all__ = ["BACKEND", "TorchBackend"]
