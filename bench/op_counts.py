"""How many operations one call of a timed function dispatches, counted outside the timed region.

What tells a dispatch-bound call (many small operations, each paying the framework's
per-operation cost) from a kernel-bound one (a few large kernels, where the libraries' kernels
decide): the report divides eager torch's time per call by this count and sets it beside the
machine's floor (``jaxparity.regimes``). One call is counted per benchmark, in the run's first
pass, after compilation and before any block is timed:

* **torch eager** — every aten operation that reaches torch's dispatcher during the call,
  backward's included (a ``TorchDispatchMode``: it sees each operation once, below autograd,
  and none of the operations a kernel calls inside itself);
* **torch.compile** — each compiled graph the call runs, plus the aten operations it runs
  outside them (``torch.profiler``: its ``Torch-Compiled Region`` events; a dispatch mode
  would make dynamo run the function uncompiled);
* **JAX ``jit`` and op by op** — the top-level equations of the call's jaxpr
  (``jax.make_jaxpr``): without ``jax.jit`` each one is dispatched on its own. A function
  that is itself jitted (a ``jit`` equation: ``jax.jit`` around the whole call, or a jitted
  library function such as ``jax.nn.relu``'s body) is one dispatch; a ``custom_jvp`` /
  ``custom_vjp`` call is counted by its body's equations, as it runs them one by one when
  nothing compiles it. So jitted JAX counts 1.

JAX's other modes (``nnx_jit``, ``scan``, ``jit_grad``, ``jit_donated``) are not counted: their
setups hand over stateful callables (an ``nnx`` module updated in place, a state threaded from
call to call), and tracing one would leave tracers in that state for the timed calls to trip
over. A count that cannot be made (a function the tracer or the profiler refuses) is ``None``,
with a warning; the benchmark is timed all the same.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from shared.run_modes import COMPILE, EAGER, JIT

EXPANDED = ("custom_jvp_call", "custom_vjp_call", "custom_vjp_call_jaxpr")
"""JAX primitives that run their body op by op when called outside ``jax.jit``."""
COMPILED_REGION = "Torch-Compiled Region"
"""The ``torch.profiler`` event of one compiled graph run by ``torch.compile``."""


def per_call(framework: str, mode: str, call: Callable[..., Any], args: tuple) -> int | None:
    """The operations one ``call(*args)`` dispatches (see the module's docstring), or
    ``None`` when they cannot be counted."""
    try:
        if framework == "torch" and mode == EAGER:
            return _torch_eager(call, args)
        if framework == "torch" and mode == COMPILE:
            return _torch_compiled(call, args)
        if framework == "jax" and mode in (JIT, EAGER):
            return _jax(call, args)
    except Exception as e:  # a count is an aid to reading the timing, never a reason to lose it
        warnings.warn(f"operations of {framework} {mode} not counted: {e!r}", stacklevel=2)
        return None
    return None


def _torch_eager(call: Callable[..., Any], args: tuple) -> int:
    from torch.utils._python_dispatch import TorchDispatchMode

    class Count(TorchDispatchMode):
        seen = 0

        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            self.seen += 1
            return func(*args, **(kwargs or {}))

    with Count() as count:
        call(*args)
    return count.seen


def _torch_compiled(call: Callable[..., Any], args: tuple) -> int:
    from torch.profiler import ProfilerActivity, profile

    with profile(activities=[ProfilerActivity.CPU]) as prof:
        call(*args)

    def outside(event: Any) -> bool:
        """An aten operation that no compiled graph and no other operation ran."""
        parent = event.cpu_parent
        while parent is not None:
            if parent.name.startswith(("aten::", COMPILED_REGION)):
                return False
            parent = parent.cpu_parent
        return True

    events = prof.events()
    graphs = sum(1 for e in events if e.name.startswith(COMPILED_REGION))
    return graphs + sum(1 for e in events if e.name.startswith("aten::") and outside(e))


def _jax(call: Callable[..., Any], args: tuple) -> int:
    import jax

    return _dispatches(jax.make_jaxpr(call)(*args).jaxpr)


def _dispatches(jaxpr: Any) -> int:
    """Top-level equations, a custom derivative's call counted by its body."""
    found = 0
    for eqn in jaxpr.eqns:
        body = _body(eqn) if eqn.primitive.name in EXPANDED else None
        found += 1 if body is None else _dispatches(body)
    return found


def _body(eqn: Any) -> Any | None:
    """The jaxpr a custom-derivative equation calls (``ClosedJaxpr`` or ``Jaxpr``), if any."""
    for value in eqn.params.values():
        inner = getattr(value, "jaxpr", value)
        if hasattr(inner, "eqns"):
            return inner
    return None
