"""Advanced differentiation (seed lines 867–926).

``x`` is the lesson's ``X`` (n samples × d features), ``w`` the weights (d,). The MLP of
``per_sample_grads`` is the lesson's ``DeepNetwork(*dims)`` (``modules.py`` of each backend)
with ``weights`` in the shared format of ``shared.cases.modules._weights`` (torch names and
layouts).

Outputs are named ``<quantity>_<variant>`` (``grads_loop``, ``hessian_func``…): every way of
computing a quantity is checked against the same oracle (closed forms in float64, for the
DeepNetwork a loop over single samples of the hand-written backward pass), and the benchmark
times each way under the same name (``_methods.py``). Where a way exists in one framework only
(``torch.autograd.functional``), the other framework lacks that output and that variant. Sums
over the samples carry their forward-error bound (:class:`shared.oracles.Summed`).

Sizes: ``test`` (tiny, for CI), ``lesson``/``small`` (the lesson's X of 5×10) and ``large`` (a
batch big enough for the methods' costs to separate: 256×1000 per-sample, 500×200 Hessian,
500×1000 Hessian-vector products, where forming H is the expensive way).
"""

ORDER: tuple[str, ...] = (
    "grad_mean",
    "vjp",
    "per_sample_grads",
    "hessian",
    "jvp_hvp",
)
"""The topic's cases in lesson order: the modules ``shared/cases/advanced/<name>.py``."""
