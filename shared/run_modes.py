"""How a framework runs a timed function: the one table of modes.

A case's benchmark names its modes per framework (``Bench.modes``); the backends prepare a
function for a mode, the harness times it, and the summary, the report, its plots and the
command's ``--modes`` help all describe it from this table. The same mode name can mean
different things per framework: ``eager`` is torch as the lesson writes it, and JAX op by op
(the jitted function called without ``jax.jit``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

EAGER = "eager"
COMPILE = "compile"
JIT = "jit"
NNX_JIT = "nnx_jit"
JIT_GRAD = "jit_grad"
SCAN = "scan"
JIT_DONATED = "jit_donated"


@dataclass(frozen=True)
class RunMode:
    """One framework × mode: what the report calls it, what it does, how the plots draw it."""

    framework: str
    name: str
    label: str
    description: str
    compiles: bool
    colour: str

    @property
    def key(self) -> tuple[str, str]:
        """``(framework, name)``, as benchmark records store it."""
        return self.framework, self.name


TORCH_EAGER = RunMode(
    "torch",
    EAGER,
    "torch eager",
    "PyTorch as the lesson writes it: each op dispatched as Python reaches it",
    False,
    "#d9480f",
)
TORCH_COMPILE = RunMode(
    "torch",
    COMPILE,
    "torch.compile",
    "the same function through torch.compile (TorchInductor), compiled before timing",
    True,
    "#862e0c",
)
JAX_JIT = RunMode(
    "jax",
    JIT,
    "JAX jit",
    "the function compiled by jax.jit (XLA) before timing, then one dispatch per call",
    True,
    "#1c6dd0",
)
JAX_OP_BY_OP = RunMode(
    "jax",
    EAGER,
    "JAX op by op",
    "the same function without jax.jit: each op dispatched on its own, nothing fused",
    False,
    "#74a9e8",
)
JAX_NNX_JIT = RunMode(
    "jax",
    NNX_JIT,
    "JAX nnx.jit",
    "Flax's nnx.jit over the module, as a student writes it: its object graph walked per call",
    True,
    "#7048e8",
)
JAX_JIT_GRAD = RunMode(
    "jax",
    JIT_GRAD,
    "JAX jit (gradient step)",
    "the gradient step compiled by jax.jit, the loop around it in Python",
    True,
    "#2b8a3e",
)
JAX_SCAN = RunMode(
    "jax",
    SCAN,
    "JAX scan",
    "a whole epoch as one jax.jit program, jax.lax.scan over the batches: one dispatch per "
    "epoch, not per step (torch on a CPU has no counterpart)",
    True,
    "#0b7285",
)
JAX_JIT_DONATED = RunMode(
    "jax",
    JIT_DONATED,
    "JAX jit, donated",
    "the step compiled by jax.jit with its parameters and optimiser state donated "
    "(donate_argnums), each call's new state fed to the next: XLA may write it in place",
    True,
    "#0b4a8f",
)
NUMPY = RunMode(
    "numpy",
    EAGER,
    "NumPy",
    "NumPy's own call (its BLAS): the machine's matmul ceiling only",
    False,
    "#777777",
)

TABLE: dict[tuple[str, str], RunMode] = {
    m.key: m
    for m in (
        TORCH_EAGER,
        TORCH_COMPILE,
        JAX_JIT,
        JAX_OP_BY_OP,
        JAX_NNX_JIT,
        JAX_JIT_GRAD,
        JAX_SCAN,
        JAX_JIT_DONATED,
        NUMPY,
    )
}
"""Every known framework × mode, in the order the report lists them."""

OTHER_COLOUR = "#495057"
"""How the plots draw a mode missing from the table."""


def find(framework: str, mode: str) -> RunMode | None:
    """The table's row for ``framework`` × ``mode``, or ``None`` when it has none."""
    return TABLE.get((framework, mode))


def label(framework: str, mode: str) -> str:
    """What the report calls a framework × mode (``JAX op by op``); a mode missing from the
    table is still named, by its framework and mode."""
    found = find(framework, mode)
    if found is not None:
        return found.label
    return f"{'JAX' if framework == 'jax' else framework} {mode}"


def colour(framework: str, mode: str) -> str:
    """The colour the plots draw a framework × mode in."""
    found = find(framework, mode)
    return found.colour if found is not None else OTHER_COLOUR


def compiles(framework: str, mode: str) -> bool:
    """Whether the mode compiles the function before it is timed."""
    found = find(framework, mode)
    return found is not None and found.compiles


def help_text(names: Iterable[str] | None = None) -> str:
    """Mode names for a command's help (``--modes``), each with what it runs per framework:
    ``eager: torch eager, JAX op by op; compile: torch.compile; …``. ``names``: the modes
    to list (e.g. those the cases declare); by default every one of the table's."""
    if names is None:
        names = dict.fromkeys(m.name for m in TABLE.values() if m.framework != "numpy")
    parts = []
    for name in names:
        labels = [m.label for m in TABLE.values() if m.name == name and m.framework != "numpy"]
        parts.append(f"{name}: {', '.join(labels)}" if labels else name)
    return "; ".join(parts)
