"""Which machine and which kernels produced a benchmark: enough to tell two "AMD EPYC"s apart.

A model name is not an identity. Two cloud machines both called "AMD EPYC" measured 209 and
353 GFLOP/s on the same float32 matmul, and their records could not say why. A timing means
something only next to the CPU generation, the vector instructions a kernel may use (OpenBLAS
and oneDNN pick their kernels from them at run time), the caches, whether a hypervisor sits in
between, which BLAS / MKL / oneDNN / XLA build ran and the environment variables that steer
them. One module per thing identified:

* ``cpu`` (with ``cpu_models``, the core generation from its ids) — the CPU;
* ``libraries`` — NumPy's BLAS, torch's MKL / oneDNN, JAX's XLA, the thread pools;
* ``environment`` — the variables that steer kernels, secrets left out;
* ``record`` — all of it as one ``identity``, and the whole machine record of a run;
* ``naming`` — an identity in one line (``label``) or a folder name (``slug``);
* ``differences`` — what differs between two records, so a comparison of runs says why its
  numbers may not be comparable.
"""

from jaxparity.machine.differences import differences
from jaxparity.machine.naming import label, slug
from jaxparity.machine.record import describe_machine, identity

__all__ = ["describe_machine", "differences", "identity", "label", "slug"]
