"""Section 4 of the lesson: advanced differentiation (seed lines 867–926).

Outputs are named ``<quantity>_<variant>`` (``grads_loop``, ``hessian_func``…): every way of
computing a quantity is checked against the same oracle, and the benchmark times each way under
the same name. Where a way exists in one framework only (``torch.autograd.functional``), the
other framework lacks that output and that variant.
"""

from shared.cases.model import INTEGERS, Arg, Bench, Case

LINEAR = {"x": Arg(("n", "d")), "w": Arg(("d",))}

PER_SAMPLE_METHODS = {
    "loop": "one forward, then one backward per sample through the kept graph "
    "(autograd.grad(..., retain_graph=True)) / one jax.vjp, then its vjp function per sample "
    "in a sequential lax.map",
    "batched": "one backward of a batch of cotangents, the rows of eye(n): "
    "autograd.grad(..., is_grads_batched=True) / jax.vmap over the vjp function",
    "vmap_grad": "the gradient of one sample's loss, vectorised over the batch: "
    "torch.func.vmap(torch.func.grad) / jax.vmap(jax.grad)",
    "jacrev": "the Jacobian of the batch's losses by reverse mode: torch.func.jacrev / jax.jacrev",
}
"""The ways to compute per-sample gradients; each runs on ``X @ w`` and on the lesson's
DeepNetwork (variants ``mlp_<method>``)."""

HESSIAN_METHODS = {
    "double_backward": "reverse over reverse: autograd.grad(create_graph=True), then a batched "
    "backward of the gradient with eye(d) / jax.jacrev(jax.grad)",
    "functional": "torch.autograd.functional.hessian (a Python loop over the gradient's "
    "entries; torch only)",
    "functional_vectorized": "torch.autograd.functional.hessian(vectorize=True) (torch only)",
    "func": "torch.func.hessian / jax.hessian (forward over reverse)",
    "jacfwd_jacrev": "jacfwd(jacrev(f)) written out: what func/jax.hessian are defined as",
}

HVP_METHODS = {
    "forward_over_reverse": "jvp of the gradient function: torch.func.jvp(torch.func.grad) / "
    "jax.jvp(jax.grad)",
    "reverse_over_reverse": "vjp of the gradient function: torch.func.vjp(torch.func.grad) / "
    "jax.vjp(jax.grad)",
    "dense": "form the whole Hessian (torch.func.hessian / jax.hessian), then H @ v",
}

_NO_TORCH_COMPILE = (
    "torch.compile is not benchmarked here: torch 2.13 refuses double backward and "
    "is_grads_batched inside a compiled function (RuntimeError), and a compiled "
    "torch.autograd.functional.hessian returns zeros without any error."
)

CASES = [
    Case(
        "advanced.grad_mean",
        "autograd.grad(mean(X @ w), w) == X.mean(0)",
        (867, 881),
        "torch.autograd.grad returns the gradient instead of accumulating it into w.grad; "
        "jax.grad returns a new function that computes it. Both give X.mean(0).",
        differs="torch.autograd.grad differentiates a recorded graph; jax.grad(f) turns f into "
        "its gradient function.",
        takes=LINEAR,
    ),
    Case(
        "advanced.vjp",
        "grad_outputs=v, a vector-Jacobian product == v @ X",
        (883, 890),
        "grad_outputs=v turns the backward pass of a vector output into v @ J without forming "
        "J; jax.vjp returns the output and a function that does the same for any v.",
        differs="torch passes grad_outputs=v to autograd.grad; jax.vjp returns the output and a "
        "function mapping v to v @ J.",
        takes={**LINEAR, "v": Arg(("n",))},
    ),
    Case(
        "advanced.per_sample_grads",
        "Per-sample gradients: loop, is_grads_batched, torch.func.vmap, jacrev vs JAX",
        (892, 906),
        "The lesson's loop runs one backward pass per sample through a kept graph: without "
        "retain_graph=True the first backward frees it and the second fails (RuntimeError). "
        "JAX's vjp function holds its residuals as ordinary arrays and may be called again. "
        "is_grads_batched and jax.vmap over the vjp run all backward passes as one batched "
        "pass; vmap(grad) vectorises one sample's gradient; jacrev does the same as a "
        "Jacobian. All give X for X @ w, and for the lesson's DeepNetwork what a loop over "
        "single samples gives. What the compiler makes of the method matters as much: at the "
        "large size XLA:CPU (jax 0.10) computes vmap(grad)'s first-layer gradients, 256 × 1000 "
        "× 64 floats, in transposed order and then copies them into the kernel's layout, most "
        "of that variant's time; the copy shows in jax.jit(f).lower(*args).compile().as_text(). "
        + _NO_TORCH_COMPILE,
        differs="torch's loop needs retain_graph=True to backward again; JAX's vjp function can "
        "be called any number of times.",
        expected={"torch": {"reuse_error": "RuntimeError"}, "jax": {"reuse_error": ""}},
        takes={**LINEAR, "labels": Arg(("n",), INTEGERS)},
        unchecked={
            "reuse_message": "the framework's own error text, shown to the student; the "
            "error type is judged"
        },
        bench=Bench(
            variants={
                **PER_SAMPLE_METHODS,
                **{f"mlp_{k}": f"{v}; on a DeepNetwork" for k, v in PER_SAMPLE_METHODS.items()},
            },
            sizes=("test", "small", "large"),
            modes={"torch": ("eager",), "jax": ("jit", "eager")},
            left_out={"torch/compile": _NO_TORCH_COMPILE},
        ),
    ),
    Case(
        "advanced.hessian",
        "Hessian of S = w @ XᵀX @ w: double backward, functional.hessian, torch.func, jax.hessian",
        (907, 926),
        "A gradient made with create_graph=True can be differentiated again: its backward with "
        "the rows of eye(d) (is_grads_batched=True) gives 2XᵀX. The lesson's cell omits "
        "is_grads_batched, which torch refuses (the (d, d) grad_outputs does not match the (d,) "
        "gradient). torch.func.hessian and jax.hessian are both jacfwd(jacrev(f)). "
        + _NO_TORCH_COMPILE,
        differs="torch differentiates a gradient again only with create_graph=True; JAX's "
        "jax.grad(f) is just another function.",
        takes=LINEAR,
        only={"hessian_functional": "torch", "hessian_functional_vectorized": "torch"},
        dtypes={"hessian_functional": "float32", "hessian_functional_vectorized": "float32"},
        bench=Bench(
            variants=HESSIAN_METHODS,
            sizes=("test", "small", "large"),
            modes={"torch": ("eager",), "jax": ("jit", "eager")},
            left_out={"torch/compile": _NO_TORCH_COMPILE},
        ),
    ),
    Case(
        "advanced.jvp_hvp",
        "(beyond the lesson) forward-mode JVP and Hessian-vector products without forming H",
        (907, 926),
        "A JVP pushes a direction forward through the function (one pass, J never formed). "
        "Differentiating the gradient function in direction v gives H @ v for the price of a "
        "couple of gradients, where forming H costs d of them.",
        differs="Next to nothing: torch.func.jvp, vjp and grad mirror jax.jvp, jax.vjp and "
        "jax.grad one to one.",
        takes={**LINEAR, "v": Arg(("d",))},
        bench=Bench(variants=HVP_METHODS, sizes=("test", "small", "large")),
    ),
]
