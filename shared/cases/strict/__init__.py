"""The lesson's conclusion (seed lines 1300–1305): JAX trains faster "thanks to optimisation
and compilation, but needs stricter code". Here that claim is shown as code: the same ordinary
Python function run eagerly by torch, through ``torch.compile`` and through ``jax.jit``, with
what each does asserted — the error it raises and how its message starts, the compilations it
makes, how many times a side effect runs — and the JAX rewrite that works judged against torch's
answer.

``torch.compile``'s graph captures, graph breaks and recompilations are Dynamo's decisions,
made before a backend generates any code, so they are observed with a backend that only counts
the graphs and runs them as captured; Inductor's seconds are measured in the main job
(``strict.new_shapes`` at its ``lesson`` size).

Each case runs the same ordinary Python function (written alike in both backends) the ways its
framework offers: torch eagerly and through ``torch.compile``, JAX through ``jax.jit`` and op by
op. It returns the answers (torch eager's; JAX's rewrite that works under ``jit``) and what each
way did, as observations: the error class and the start of its message (``""`` when it ran),
compilations counted by the frameworks' own means, and how many times a side effect ran.
"""

ORDER: tuple[str, ...] = (
    "python_if",
    "new_shapes",
    "side_effect_print",
    "side_effect_append",
    "inplace_update",
    "dynamic_shape",
)
"""The topic's cases in lesson order."""
