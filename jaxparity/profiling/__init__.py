"""The lesson's Table 1 — flops and runtime per operator class — measured in both frameworks.

The lesson argues that neural networks are matrix products with a table from Ivanov et al.:
in a BERT layer, tensor contractions do 99.8 % of the flops but take 61 % of the time. This
package measures the same split for the lesson's networks, on this machine, in eager torch,
in JAX compiled by ``jax.jit`` and in JAX op by op, and ``jaxparity run`` saves it as
``profile.json`` for the report.

* ``classes`` — the lesson's table, the classes, which op of each framework is which (neutral);
* ``hlo`` — a compiled XLA program read from its text: each kernel's class and library
  (neutral);
* ``record`` — a measurement as saved, shares, timing helpers (neutral);
* ``networks`` — the networks profiled and their NumPy inputs (neutral);
* ``torch_side`` — ``torch.profiler``, ``FlopCounterMode`` and a dispatch mode;
* ``jax_side`` — ``jax.profiler`` over the compiled program and op by op, flops from the jaxpr;
* ``collect`` — every network on each framework in turn, into ``profile.json``.
"""
