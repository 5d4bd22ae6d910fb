"""The lesson's closing words — JAX "needs stricter code" — shown as code: one method per case
id ``strict.<name>``.

Each case runs the same ordinary Python function (written alike in both backends) the ways its
framework offers: torch eagerly and through ``torch.compile``, JAX through ``jax.jit`` and op by
op. It returns the answers (torch eager's; JAX's rewrite that works under ``jit``) and what each
way did, as observations: the error class and the start of its message (``""`` when it ran),
compilations counted by the frameworks' own means, and how many times a side effect ran.
"""

from __future__ import annotations

from typing import Protocol

from shared.interface.backend import Array, Outputs


class Strict(Protocol):
    def python_if(self, *, x: Array) -> Outputs:
        """``x * 2 if x.sum() > 0 else x - 1``, written with Python's ``if``, on ``x`` and
        ``-x`` (one call down each branch).

        Returns ``answer`` (torch: eager; JAX: the ``jnp.where`` rewrite under ``jit``); torch
        ``compiled_answer`` and what ``torch.compile`` did (``compile_graphs``,
        ``graph_break``, ``fullgraph_error``); JAX ``cond_answer`` (``lax.cond``) and what
        ``jax.jit`` and op by op did (``jit_error``, ``jit_message``, ``op_by_op_error``,
        ``op_by_op_message``).
        """
        ...

    def new_shapes(self, *, x: Array, backend: str) -> Outputs:
        """``x * 2 + 1`` on the prefixes of ``x`` of lengths 2, 3, 4, 5: a new shape every call.

        ``backend`` is ``torch.compile``'s (``eager``: Dynamo's decisions only; ``inductor``:
        code generated, seconds worth reporting); ``jax.jit`` always compiles with XLA.
        Returns ``answer`` (all calls' results, concatenated; JAX: inputs padded to one shape),
        the compilations counted (torch ``compile_graphs``, ``dynamic_graphs``; JAX
        ``jit_compiles``, ``rewrite_compiles``) and each call's seconds.
        """
        ...

    def side_effect_print(self, *, xs: Array) -> Outputs:
        """``print(x.sum())`` inside ``x * 2``, called once per row of ``xs``.

        Returns ``answer`` and how many times the print ran: torch eager and compiled, JAX
        under ``jit`` (with what it printed) and the ``jax.debug.print`` rewrite.
        """
        ...

    def side_effect_append(self, *, xs: Array) -> Outputs:
        """``log.append(x.sum())`` to a list outside ``x * 2``, called once per row of ``xs``.

        Returns ``logged`` (the values appended; JAX: returned by the function and appended
        outside it) and how many times the append ran in each way, with the compilations.
        """
        ...

    def inplace_update(self, *, x: Array) -> Outputs:
        """``x[0] = 0; return x``.

        Returns ``answer`` (torch: eager; JAX: the ``x.at[0].set(0)`` rewrite), whether each
        way changed the input, and the errors JAX raises with and without ``jit``.
        """
        ...

    def dynamic_shape(self, *, x: Array) -> Outputs:
        """``x[x > 0]``: an output whose length depends on the values.

        Returns ``answer`` (torch: eager; JAX: ``jnp.nonzero(..., size=len(x))`` under
        ``jit``, cut to the count afterwards), JAX ``where_answer`` (``jnp.where(x > 0, x,
        0)``: the shape kept), and what ``torch.compile`` and ``jax.jit`` did.
        """
        ...
