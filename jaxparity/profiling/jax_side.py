"""Table 1 for JAX: the compiled program's kernels (``jax.jit``) and op by op, from
``jax.profiler``; flops from the jaxpr.

``jax.jit`` hands XLA the whole forward pass, which it compiles into fused kernels: work
folded into a product's kernel is timed as that contraction, and chains of element-wise ops
run as one loop. XLA:CPU runs the program as one *thunk* per kernel, and
``jax.profiler`` records an event per thunk (jaxlib 0.10 on the CPU: named after the HLO
instruction, with ``hlo_op`` and ``hlo_module`` stats), so each event is looked up in the
compiled program's text and classified by what the kernel computes (``hlo.Program``). The
model runs as ``jax.jit`` over ``nnx.split`` state, ``nnx.merge`` inside (as
``jax_impl/modules_timing.py::_pure_sgd_step``): ``nnx.jit`` would add ~0.7 ms of Python per
call and stand in for JAX unfairly at the tiny network.

Op by op (the same function without ``jax.jit``), JAX dispatches each function on its own as
a small compiled module (``jit_dot_general``, ``jit_relu``, ``jit__mean``), each event
classified by its module's name (``classes.JAX``): the same program, nothing fused.

Flops come from the jaxpr, equation by equation: ``dot_general`` and ``conv_general_dilated``
2 per multiply-add, others from their sizes (``classes.simple_flops``); XLA's own count
(``compiled.cost_analysis()``) is kept beside it as a check. It agrees on the MLPs and is 2 %
lower on ResNet-101: XLA leaves out the products with a convolution's padding zeros, which
torch's ``FlopCounterMode`` and this count include.
"""

from __future__ import annotations

import math
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jax
import numpy as np
from flax import nnx
from jax.extend.core import ClosedJaxpr, Jaxpr, JaxprEqn
from jax.profiler import ProfileData, ProfileOptions

from jax_impl.backend import jax_device
from jaxparity.profiling import networks
from jaxparity.profiling.classes import CONTRACTION, JAX_CALLS, jax_class, simple_flops
from jaxparity.profiling.hlo import LIBRARIES, XLA_OWN, Program
from jaxparity.profiling.networks import Network
from jaxparity.profiling.record import CALL, PerClass, Span, calls_for, measurement, median_s, warm
from shared.run_modes import EAGER, JIT

METHODS = {
    JIT: "jax.profiler: XLA:CPU thunk events of the compiled program, each classified by the "
    "HLO it runs",
    EAGER: "jax.profiler: the events of each op dispatched on its own, classified by its name",
}


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


def jaxpr_flops(jaxpr: Jaxpr, tally: PerClass | None = None) -> PerClass:
    """Flops per class of ``jaxpr``, through the sub-jaxprs of calls (``jit``,
    ``custom_jvp_call``); a primitive no table knows is listed in ``unknown``."""
    tally = PerClass() if tally is None else tally
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
    from jax_impl.modules_weights import load_weights

    if network.id == networks.LESSON_MLP.id:
        dims = (data["input_dim"], data["hidden_dim"], data["num_classes"])
        model = load_weights(modules.MyFirstNetwork(*dims), data["weights"])
    elif network.id == networks.WIDE_MLP.id:
        model = modules.DeepNetwork(**networks.WIDE_DIMS)
        model = load_weights(model, data["weights"])
    else:
        from jax_impl.resnet import load_state, resnet101

        # Built abstractly (shapes only, no random draws op by op), then loaded.
        model = load_state(nnx.eval_shape(resnet101), data["state"])
    model.eval()  # BatchNorm on its running statistics, as torch's eval()
    return model


def _trace(folder: str) -> tuple[list[tuple[float, float]], list[tuple[str, str, float, float]]]:
    """The calls (start, end) and kernel runs (``hlo_module``, ``hlo_op``, start, end) of the
    trace written in ``folder``, in seconds on the profiler's clock."""
    (path,) = Path(folder).rglob("*.xplane.pb")
    calls, kernels = [], []
    for plane in ProfileData.from_file(str(path)).planes:
        for line in plane.lines:
            for event in line.events:
                start, end = event.start_ns * 1e-9, event.end_ns * 1e-9
                stats = dict(event.stats)
                if event.name == CALL:
                    calls.append((start, end))
                elif "hlo_op" in stats:
                    kernels.append((stats.get("hlo_module", ""), stats["hlo_op"], start, end))
    return sorted(calls), kernels


def _library(instruction: str) -> str:
    """Who ran an op-by-op contraction, from its kernel's name (``ynn_fusion``)."""
    return next((lib for key, lib in LIBRARIES.items() if key in instruction), XLA_OWN)


def _span(module: str, op: str, start: float, end: float, program: Program | None) -> Span:
    """A kernel run: classified by ``program``'s HLO when it is one of its kernels, else
    by its module's name (an op dispatched on its own)."""
    if program is not None and module == program.module:
        cls = program.classify(op)
        kernel = program.kernel(op) if cls == CONTRACTION else None
        return Span(start, end, end - start, cls, f"{op} ({' '.join(program.opcodes(op))})", kernel)
    cls = jax_class(module)
    kernel = (module.removeprefix("jit_"), _library(op)) if cls == CONTRACTION else None
    return Span(start, end, end - start, cls, module, kernel)


def _measure(
    call: Callable[[], object], flops: PerClass, program: Program | None, mode: str
) -> dict[str, Any]:
    """Time ``call``, then profile it: the fields of a passing record. ``jax.profiler``'s
    Python tracer stays off: it would time every Python function JAX calls."""
    n = calls_for(warm(call))
    wall = median_s(call, n)
    options = ProfileOptions()
    options.python_tracer_level = 0
    with tempfile.TemporaryDirectory() as folder:
        with jax.profiler.trace(folder, profiler_options=options):
            for _ in range(n):
                with jax.profiler.TraceAnnotation(CALL):
                    call()
        calls, kernels = _trace(folder)
    spans = [_span(*kernel, program) for kernel in kernels]
    return measurement(flops, calls, spans, wall, METHODS[mode])


def profile_network(network: Network) -> dict[str, dict[str, Any]]:
    """One forward pass of ``network`` on the CPU, compiled (``jit``) and op by op
    (``eager``), measured: each mode's fields of a passing record (``record.measurement``)."""
    with jax.default_device(jax_device("cpu")):  # JAX's default is a GPU where there is one
        return _profile(network)


def _profile(network: Network) -> dict[str, dict[str, Any]]:
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
    cost = compiled.cost_analysis() or {}  # None where a backend cannot tell
    program = Program(compiled.as_text())
    jit = _measure(lambda: compiled(params, x).block_until_ready(), flops, program, JIT)
    folded, kernels = program.folded()
    jit |= {
        "trace_s": trace_s,
        "compile_s": compile_s,
        "xla_flops": cost.get("flops"),
        "contraction_kernels": kernels,
        "with_other_work": folded,
    }
    eager = _measure(lambda: forward(params, x).block_until_ready(), flops, None, EAGER)
    return {JIT: jit, EAGER: eager}
