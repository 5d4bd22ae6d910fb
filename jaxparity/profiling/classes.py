"""The lesson's Table 1 and its operator classes, and which op of each framework is which.

The lesson opens with Ivanov et al.'s measurement of a BERT layer in PyTorch: tensor
contractions do almost every flop but take only ~61 % of the runtime; normalisations and
element-wise ops, almost no flops, take the rest. The classes here are theirs, plus
:data:`OTHER` for what is no arithmetic at all (copies, views, layout changes, allocation,
the framework's own bookkeeping), so that measured shares add up to 100 %.

Each framework names its ops differently, so each has its own table:

* torch: aten op names as ``torch.profiler`` and a ``TorchDispatchMode`` see them
  (``aten::addmm``, ``aten::mkldnn_convolution``, ``aten::batch_norm``…). A composite op
  (``aten::linear``) and the kernel it calls (``aten::addmm``) both appear: a profiler's
  *self* time splits their time between them, and both are contractions.
* JAX: primitive names of a jaxpr (``dot_general``, ``reduce_max``…) and the names of the
  functions JAX dispatches on their own when nothing is jitted (``matmul``, ``relu``,
  ``_mean``: the ``jit_…`` modules of op-by-op execution).
* XLA: HLO opcodes of the compiled program (``dot``, ``reduce``, ``multiply``…). XLA fuses
  several ops into one kernel; a fusion is classified by what it holds
  (:func:`fusion_class`).

Nothing here imports torch or jax. A name missing from its table is *unknown*: its time
goes to :data:`OTHER` and the name is listed with it, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

CONTRACTION = "contraction"
NORMALISATION = "normalisation"
ELEMENTWISE = "element-wise"
OTHER = "other"
CLASSES = (CONTRACTION, NORMALISATION, ELEMENTWISE, OTHER)
"""The operator classes, in the lesson's order (△, □, ○), then the rest."""

LESSON_PAPER = "Data movement is all you need"
"""The title of the paper the lesson's table comes from (Ivanov et al., MLSys 2021: one BERT
encoder layer in PyTorch on a GPU); a title stays as written in every language."""
LESSON_TABLE: dict[str, tuple[float, float]] = {
    CONTRACTION: (99.80, 61.0),
    NORMALISATION: (0.17, 25.5),
    ELEMENTWISE: (0.03, 13.5),
}
"""The lesson's Table 1: class → (% of flops, % of runtime)."""


def _table(**groups: str) -> dict[str, str]:
    """``{name: class}`` from ``class_key="name name …"`` groups."""
    by_key = {
        "contraction": CONTRACTION,
        "normalisation": NORMALISATION,
        "elementwise": ELEMENTWISE,
        "other": OTHER,
    }
    table: dict[str, str] = {}
    for key, names in groups.items():
        for name in names.split():
            if name in table:  # one name, two classes: the table would depend on its order
                raise ValueError(f"{name!r} is in two classes")
            table[name] = by_key[key]
    return table


ATEN = _table(
    contraction="linear matmul mm addmm bmm baddbmm addmv mv dot einsum conv1d conv2d conv3d "
    "convolution _convolution mkldnn_convolution mkldnn_linear _slow_conv2d_forward thnn_conv2d "
    "_nnpack_spatial_convolution slow_conv3d_forward _addmm_activation",
    # Pooling is a reduction over a window: the lesson counts reductions here.
    normalisation="batch_norm _batch_norm_impl_index native_batch_norm "
    "_native_batch_norm_legit_no_training _native_batch_norm_legit layer_norm native_layer_norm "
    "group_norm native_group_norm softmax _softmax log_softmax _log_softmax sum mean amax amin "
    "max min var std var_mean std_mean norm linalg_vector_norm max_pool2d "
    "max_pool2d_with_indices mkldnn_max_pool2d avg_pool2d adaptive_avg_pool2d "
    "_adaptive_avg_pool2d mkldnn_adaptive_avg_pool2d argmax argmin logsumexp",
    elementwise="relu relu_ clamp_min clamp_min_ clamp clamp_ threshold add add_ sub sub_ rsub "
    "mul mul_ div div_ neg exp log sqrt rsqrt pow tanh sigmoid gelu silu hardtanh maximum "
    "minimum where abs sign erf square reciprocal",
    other="t transpose as_strided as_strided_ expand copy_ resolve_conj resolve_neg view reshape "
    "_reshape_alias _unsafe_view flatten empty empty_like empty_strided contiguous clone permute "
    "select slice unsqueeze squeeze detach alias to _to_copy lift_fresh fill_ zero_ zeros ones "
    "resize_ _nnpack_available dropout feature_dropout identity stride size cat stack",
)
"""torch: aten op name (without ``aten::``) → class."""

JAX = _table(
    contraction="dot_general conv_general_dilated matmul dot einsum tensordot",
    normalisation="reduce_sum reduce_max reduce_min reduce_prod reduce_and reduce_or argmax "
    "argmin reduce_window_sum reduce_window_max reduce_window_min reduce_window cumsum cummax "
    "mean var std softmax log_softmax logsumexp",
    elementwise="add sub mul div max min neg exp exp2 log log1p expm1 sqrt rsqrt cbrt pow "
    "integer_pow tanh logistic erf abs sign select_n clamp square relu gelu silu sigmoid "
    "subtract multiply true_divide divide maximum minimum negative where",
    other="broadcast_in_dim reshape transpose squeeze expand_dims convert_element_type "
    "concatenate slice dynamic_slice dynamic_update_slice pad copy copy_p iota gather "
    "rev device_put stop_gradient astype asarray",
)
"""JAX: primitive or dispatched function name → class."""

JAX_CALLS = ("pjit", "jit", "closed_call", "core_call", "custom_jvp_call", "custom_vjp_call")
"""Primitives that only call a sub-jaxpr: their equations are counted, not the call itself."""

HLO = _table(
    contraction="dot convolution",
    normalisation="reduce reduce-window select-and-scatter",
    elementwise="add subtract multiply divide maximum minimum negate exponential "
    "exponential-minus-one log log-plus-one sqrt rsqrt cbrt power tanh logistic erf abs sign "
    "compare select clamp and or not xor floor ceil round-nearest-even round-nearest-afz",
    other="parameter constant copy transpose bitcast reshape broadcast slice concatenate pad "
    "tuple get-tuple-element iota dynamic-slice dynamic-update-slice gather scatter convert "
    "copy-start copy-done after-all reverse bitcast-convert",
)
"""XLA: HLO opcode → class (``fusion``, ``call`` and ``custom-call`` are looked into)."""


NORMALISATION_FLOPS = {
    "batch_norm": 4,  # (x − mean) · 1/σ · γ + β
    "layer_norm": 7,  # mean, x − mean, its square, their mean, · 1/σ, · γ, + β
    "softmax": 5,  # max, x − max, exp, sum, ÷ sum
    "log_softmax": 5,  # max, x − max, exp, sum, − log sum
}
"""Flops per input element of a normalisation torch runs as one op; any other normalisation
(a reduction, a pooling window) does one per input element. JAX has no such ops: its
normalisations arrive as the reductions and element-wise primitives they are made of."""


def simple_flops(cls: str | None, name: str, in_numel: int, out_numel: int) -> int:
    """The flops of an op that is no contraction, from its sizes: one per output element of an
    element-wise op, one per input element of a reduction (times
    :data:`NORMALISATION_FLOPS`), none for the other classes (data moved, nothing computed)."""
    if cls == ELEMENTWISE:
        return out_numel
    if cls == NORMALISATION:
        return in_numel * NORMALISATION_FLOPS.get(name.removeprefix("aten::").lstrip("_"), 1)
    return 0


def aten_class(name: str) -> str | None:
    """The class of an aten op (``aten::addmm``), or ``None`` when the table lacks it."""
    return ATEN.get(name.removeprefix("aten::"))


def jax_class(name: str) -> str | None:
    """The class of a JAX primitive (``dot_general``) or of a function JAX dispatched as its
    own module (``jit_relu``, ``jit__mean``), or ``None`` when the table lacks it."""
    return JAX.get(name.removeprefix("jit_").lstrip("_"))


def fusion_class(opcodes: Iterable[str]) -> str | None:
    """The class of a kernel that runs ``opcodes`` together (an XLA fusion's body, or one
    instruction): a contraction if it holds one (XLA folds element-wise work and even
    reductions into a product's kernel), else a normalisation if it reduces, else element-wise
    if it computes anything, else other (it only moves data). ``None`` when an opcode is
    unknown and nothing known outranks it."""
    found = {HLO.get(op) for op in opcodes}
    for cls in (CONTRACTION, NORMALISATION):
        if cls in found:
            return cls
    if None in found:
        return None
    return ELEMENTWISE if ELEMENTWISE in found else OTHER
