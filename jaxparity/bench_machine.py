"""The machine's floor and ceiling, timed in every benchmark run beside the cases.

* **Ceiling** (``machine.matmul_peak``): a float32 n×n matmul in each library of
  :data:`LIBRARIES` — NumPy (CPU), eager torch, jitted JAX and JAX op by op — on each device.
* **Floor** (``machine.dispatch``): one dispatched call that does almost nothing, per
  :data:`FLOOR` entry.

The plan lists them (``bench_plan.py``); ``bench/test_bench_machine.py`` times them.
"""

from __future__ import annotations

from shared import backends
from shared.run_modes import JAX_JIT, JAX_OP_BY_OP, NUMPY, TORCH_EAGER

LIBRARIES = [m.key for m in (NUMPY, TORCH_EAGER, JAX_JIT, JAX_OP_BY_OP)]
"""(framework, mode) of each library whose matmul rate is measured."""
FLOOR = {
    TORCH_EAGER.key: "x + 1 on a one-element tensor",
    JAX_JIT.key: "an empty jax.jit function (returns its argument)",
    JAX_OP_BY_OP.key: "x + 1 on a one-element array, op by op",
}
"""(framework, mode) → the call whose time is that framework's floor."""


def machine_id(framework: str, device: str, mode: str) -> str:
    """The test id of one machine benchmark (``bench/test_bench_machine.py``)."""
    return f"{backends.target_id(framework, device)}-{mode}"
