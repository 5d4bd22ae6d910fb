"""Grad modes (seed lines 927–995).

torch records a graph for every operation on a tensor that requires grad, unless a *mode*
(``no_grad``, ``inference_mode``) says otherwise: the mode is global state of the thread. JAX
records nothing: a gradient exists only where ``jax.grad``/``jax.vjp`` is applied to a function,
so JAX has no modes, and each case shows how JAX says the same thing. Observations are torch's
flags (``requires_grad``, ``is_inference``); JAX has no such flags and returns only the values,
which must agree with torch's.
"""

ORDER: tuple[str, ...] = (
    "enable_grad",
    "no_grad",
    "inference_mode",
    "item_leak",
    "forward",
)
"""The topic's cases in lesson order: the modules ``shared/cases/modes/<name>.py``."""
