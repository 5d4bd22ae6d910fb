"""A jaxpr as Graphviz DOT, as ``torch_impl/tape_dot.py`` draws torch's tape.

``autograd.graph_view`` draws the lesson's MSE with it: JAX draws no jaxpr itself, and this
drawing takes torchviz's look so that the two pictures read alike side by side.
"""

from __future__ import annotations

import jax
import jax.extend.core


def draw(jaxpr: jax.extend.core.Jaxpr, names: tuple[str, ...]) -> tuple[str, int]:
    """A jaxpr as Graphviz DOT: one box per input, equation and output, edges along vars.

    Drawn in torchviz's colours (inputs light blue, the output green), top-level equations
    only: a nested ``jit`` or ``custom_vjp_call`` is one box named after its primitive.
    """
    lines = [
        "digraph {",
        '\tgraph [size="12,12"]',
        "\tnode [fontname=monospace fontsize=10 height=0.2 shape=box style=filled]",
    ]
    producer: dict[object, str] = {}

    def aval(var: object) -> str:
        return var.aval.str_short()

    for i, (var, name) in enumerate(zip(jaxpr.invars, names, strict=True)):
        producer[var] = f"in{i}"
        lines.append(f'\tin{i} [label="{name}\\n{aval(var)}" fillcolor=lightblue]')
    for i, eqn in enumerate(jaxpr.eqns):
        consts = [f" {v.val}" for v in eqn.invars if isinstance(v, jax.extend.core.Literal)]
        scalars = [f" {k}={v}" for k, v in eqn.params.items() if isinstance(v, int | float)]
        label = eqn.primitive.name + "".join(scalars + consts)
        lines.append(f'\top{i} [label="{label}\\n{aval(eqn.outvars[0])}" fillcolor=white]')
        lines += [
            f"\t{producer[v]} -> op{i}"
            for v in eqn.invars
            if not isinstance(v, jax.extend.core.Literal) and v in producer
        ]
        producer.update({v: f"op{i}" for v in eqn.outvars})
    for i, var in enumerate(jaxpr.outvars):
        lines.append(f'\tout{i} [label="Loss\\n{aval(var)}" fillcolor=darkolivegreen1]')
        lines.append(f"\t{producer[var]} -> out{i}")
    lines.append("}")
    nodes = len(jaxpr.invars) + len(jaxpr.eqns) + len(jaxpr.outvars)
    return "\n".join(lines) + "\n", nodes
