"""JAX op by op really is op by op: no timed JAX function compiles our own code inside.

The benchmarks time each JAX case twice, jitted and op by op, from the same plain function
(``TIMED`` setups). A ``jax.jit`` left inside one of our functions would make the "op by op"
column compiled after all, and the compilation factor a fiction. JAX's own library functions
may be jitted internally (``jnp`` and ``optax`` wrap some helpers in ``jit``): that is what op
by op means in JAX, and is allowed.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator

import pytest

from jaxparity import sources
from shared import backends, cases, data

jax = pytest.importorskip("jax", reason="the JAX backend is not installed")

TRACE_FREE = {
    "autograd.accumulation": "copies host chunks and waits for each inside the loop: not "
    "traceable; its op-by-op gradient step is checked against the oracle in test_autograd"
}
"""Timed JAX functions that cannot be traced, each with why and where else it is checked."""

TIMED = [
    (case, variant)
    for case in cases.CASES.values()
    if case.bench is not None and "eager" in case.bench.modes.get("jax", ())
    for variant in case.bench.variants
]


def _ours() -> set[str]:
    """Names of the functions our JAX modules define (each topic's and those beside it, its
    timing setups among them): an inner ``jit`` would carry one."""
    backend = backends.load("jax")
    names = set()
    for topic in cases.TOPICS:
        beside = [backend.topic(path.stem) for path in sources.companions("jax", topic)]
        for module in (backend.topic(topic), *beside):
            names |= {n for n, f in inspect.getmembers(module, inspect.isfunction)}
            names |= {n for n, f in vars(module).items() if hasattr(f, "lower")}  # jitted
    return names


def _jitted(jaxpr: object) -> Iterator[str]:
    """The names of every ``jit`` call in a jaxpr, nested ones included."""
    for eqn in jaxpr.eqns:  # type: ignore[attr-defined]
        if eqn.primitive.name in ("pjit", "jit"):
            yield str(eqn.params.get("name"))
        for value in eqn.params.values():
            inner = getattr(value, "jaxpr", None)
            if inner is not None:
                yield from _jitted(getattr(inner, "jaxpr", inner))


@pytest.mark.parametrize(("case", "variant"), TIMED, ids=[f"{c.id}-{v}" for c, v in TIMED])
def test_timed_jax_function_has_no_jit_of_ours(case: cases.Case, variant: str) -> None:
    if case.id in TRACE_FREE:
        pytest.skip(TRACE_FREE[case.id])
    backend = backends.ready("jax", "cpu")
    setups = backend.topic(case.topic).TIMED[case.id]
    if variant not in setups:
        pytest.skip(f"JAX has no {variant} variant")
    try:
        fn, args = setups[variant](data.inputs(case.id, "test"), "cpu", "eager")
    except backends.NotTimed as e:  # the variant is not timed op by op, and says why
        pytest.skip(str(e))
    if case.inputs == "numpy":
        pytest.skip("a conversion of NumPy input: nothing to trace")
    inner = set(_jitted(jax.make_jaxpr(fn)(*args).jaxpr)) & _ours()
    assert not inner, f"jax.jit inside the timed function: {sorted(inner)}"
