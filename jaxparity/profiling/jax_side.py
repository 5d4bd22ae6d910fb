"""Table 1 for JAX: the compiled program's kernels (``jax.jit``) and op by op, from
``jax.profiler``; flops from the jaxpr.

``jax.jit`` hands XLA the whole forward pass, which it compiles into a few fused kernels:
there are no separate element-wise or normalisation ops left to time when XLA has folded them
into a product's kernel. XLA:CPU runs the program as one *thunk* per kernel, and
``jax.profiler`` records an event per thunk (jaxlib 0.10 on the CPU: named after the HLO
instruction, with ``hlo_op`` and ``hlo_module`` stats), so each event is looked up in the
compiled program's text and classified by what the kernel computes (``hlo.Program``). The
model runs as ``jax.jit`` over ``nnx.split`` state, ``nnx.merge`` inside (as
``jax_impl/modules.py::_pure_sgd_step``): ``nnx.jit`` would add ~0.7 ms of Python per call
and stand in for JAX unfairly at the tiny network.

Op by op (the same function without ``jax.jit``), JAX dispatches each function on its own as
a small compiled module (``jit_dot_general``, ``jit_relu``, ``jit__mean``), each event
classified by its module's name (``classes.JAX``): the same program, nothing fused.

Flops come from the jaxpr, equation by equation: ``dot_general`` and ``conv_general_dilated``
2 per multiply-add, others from their sizes (``classes.simple_flops``); XLA's own count
(``compiled.cost_analysis()``) is kept beside it as a check.
"""

from __future__ import annotations

import math
import tempfile
import time
from pathlib import Path
from typing import Any

import jax
import numpy as np
from flax import nnx
from jax.extend.core import ClosedJaxpr, Jaxpr, JaxprEqn
from jax.profiler import ProfileData, ProfileOptions

from jaxparity.profiling import networks
from jaxparity.profiling.classes import CONTRACTION, JAX_CALLS, jax_class, simple_flops
from jaxparity.profiling.hlo import LIBRARIES, XLA_OWN, Program
from jaxparity.profiling.networks import Network
from jaxparity.profiling.record import Tally, calls_for, covered_s, measurement, timed, warm
from shared.run_modes import EAGER, JIT

METHODS = {
    JIT: "jax.profiler: XLA:CPU thunk events of the compiled program, each classified by the "
    "HLO it runs",
    EAGER: "jax.profiler: the events of each op dispatched on its own, classified by its name",
}

Event = tuple[str, str, float, float]
"""A kernel's run: (``hlo_module``, ``hlo_op``, start ns, end ns)."""


def _numel(var: Any) -> int:
    return math.prod(var.aval.shape)


def _contraction_flops(eqn: JaxprEqn) -> int:
    """2 per multiply-add: per output element, one for every element summed over."""
    lhs, rhs = (v.aval.shape for v in eqn.invars[:2])
    out = _numel(eqn.outvars[0])
    if eqn.primitive.name == "dot_general":
        (contracting, _), _ = eqn.params["dimension_numbers"]
        return 2 * out * math.prod(lhs[d] for d in contracting)
    out_features = eqn.params["dimension_numbers"].rhs_spec[0]
    return 2 * out * math.prod(rhs) // rhs[out_features]


def jaxpr_flops(jaxpr: Jaxpr, tally: Tally | None = None) -> Tally:
    """Flops per class of ``jaxpr``, through the sub-jaxprs of calls (``jit``,
    ``custom_jvp_call``); a primitive no table knows is listed in ``unknown``."""
    tally = Tally() if tally is None else tally
    for eqn in jaxpr.eqns:
        name = eqn.primitive.name
        if name in JAX_CALLS:
            for value in eqn.params.values():
                if isinstance(value, ClosedJaxpr | Jaxpr):
                    jaxpr_flops(getattr(value, "jaxpr", value), tally)
            continue
        cls = jax_class(name)
        if cls == CONTRACTION:
            tally.add(cls, name, _contraction_flops(eqn))
        else:
            out = sum(map(_numel, eqn.outvars))
            tally.add(cls, name, simple_flops(cls, name, _numel(eqn.invars[0]), out))
    return tally


def _model(network: Network, data: dict[str, Any]) -> nnx.Module:
    from jax_impl import modules

    if network.id == networks.LESSON_MLP.id:
        dims = (data["input_dim"], data["hidden_dim"], data["num_classes"])
        model = modules.load_weights(modules.MyFirstNetwork(*dims), data["weights"])
    elif network.id == networks.WIDE_MLP.id:
        model = modules.DeepNetwork(**networks.WIDE_DIMS)
        model = modules.load_weights(model, data["weights"])
    else:
        from jax_impl.resnet import resnet101  # its own random initialisation

        model = resnet101(rngs=nnx.Rngs(0))
    model.eval()  # BatchNorm on its running statistics, as torch's eval()
    return model


def _events(folder: str) -> list[Event]:
    """Every kernel event of the trace written in ``folder``."""
    (path,) = Path(folder).rglob("*.xplane.pb")
    found = []
    for plane in ProfileData.from_file(str(path)).planes:
        for line in plane.lines:
            for event in line.events:
                stats = dict(event.stats)
                if "hlo_op" in stats:
                    found.append(
                        (stats.get("hlo_module", ""), stats["hlo_op"], event.start_ns, event.end_ns)
                    )
    return found


def _profiled(call: Any, n: int) -> tuple[float, list[Event]]:
    """Seconds for ``n`` calls under ``jax.profiler`` (its Python tracer off: it would time
    every Python function JAX calls), and the kernel events they ran."""
    options = ProfileOptions()
    options.python_tracer_level = 0
    with tempfile.TemporaryDirectory() as folder:
        with jax.profiler.trace(folder, profiler_options=options):
            seconds = timed(call, n)
        return seconds, _events(folder)


def _library(instruction: str) -> str:
    """Who ran an op-by-op contraction, from its kernel's name (``ynn_fusion``)."""
    return next((lib for key, lib in LIBRARIES.items() if key in instruction), XLA_OWN)


def _measure(call: Any, flops: Tally, program: Program | None, mode: str) -> dict[str, Any]:
    """Time ``call``, then profile it: the fields of a passing record. Events of
    ``program`` are classified by its HLO, any other by its module's name."""
    n = calls_for(warm(call))
    wall = timed(call, n) / n
    seconds, events = _profiled(call, n)
    runtime, kernels = Tally(), {}
    for module, op, start, end in events:
        ours = program is not None and module == program.module
        cls = program.classify(op) if ours else jax_class(module)
        unknown = f"{op} ({' '.join(program.opcodes(op))})" if ours else module
        runtime.add(cls, unknown, (end - start) * 1e-9)
        if cls == CONTRACTION:
            key = program.kernel(op) if ours else (module.removeprefix("jit_"), _library(op))
            kernels[key] = kernels.get(key, 0.0) + (end - start) * 1e-9
    # Kernels running at once on several threads count for each; "outside" is the calls'
    # time during which no kernel ran.
    outside = max(0.0, seconds - covered_s((start, end) for *_, start, end in events) * 1e-9)
    return measurement(flops, runtime, n, seconds, outside, wall, kernels, METHODS[mode])


def profile_network(network: Network) -> dict[str, dict[str, Any]]:
    """One forward pass of ``network``, compiled (``jit``) and op by op (``eager``),
    measured: each mode's fields of a passing record (``record.measurement``)."""
    data = networks.inputs(network)
    model = _model(network, data)
    graphdef, state = nnx.split(model)
    params = nnx.to_pure_dict(state)
    x = np.asarray(data["x"])
    x = jax.device_put(x.transpose(0, 2, 3, 1) if x.ndim == 4 else x)  # NCHW → NHWC

    def forward(params: dict, x: jax.Array) -> jax.Array:
        return nnx.merge(graphdef, params)(x)

    start = time.perf_counter()
    traced = jax.jit(forward).trace(params, x)
    trace_s = time.perf_counter() - start
    flops = jaxpr_flops(traced.jaxpr.jaxpr)
    start = time.perf_counter()
    compiled = traced.lower().compile()
    compile_s = time.perf_counter() - start
    cost = compiled.cost_analysis()
    cost = cost[0] if isinstance(cost, list) else cost  # one dict per device before jax 0.4.30
    jit = _measure(
        lambda: compiled(params, x).block_until_ready(), flops, Program(compiled.as_text()), JIT
    )
    jit |= {"trace_s": trace_s, "compile_s": compile_s, "xla_flops": (cost or {}).get("flops")}
    eager = _measure(lambda: forward(params, x).block_until_ready(), flops, None, EAGER)
    return {JIT: jit, EAGER: eager}
