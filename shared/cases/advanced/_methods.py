"""The ways each advanced case computes its quantity: its benchmark variants and outputs."""

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

PER_SAMPLE_IDIOMS = {
    "vmap_grad_1d": "vmap_grad without the lesson's wrapping: each sample a 1-D row, w passed "
    "as the tensor itself, no unsqueeze(0) and no parameter dict: "
    "torch.func.vmap(torch.func.grad(f), in_dims=(None, 0)) / jax.vmap(jax.grad(f), "
    "in_axes=(None, 0))",
}
"""Faster idiomatic spellings of a lesson's method (``Bench.idioms``): timed beside it, never
a case output (the parity tests check the lesson's spelling)."""

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

NO_TORCH_COMPILE = (
    "torch.compile is not benchmarked here: torch 2.13 refuses double backward and "
    "is_grads_batched inside a compiled function (RuntimeError), and a compiled "
    "torch.autograd.functional.hessian returns zeros without any error."
)
"""Why the second-order cases leave torch.compile out: ends their explanation and is their
``Bench.left_out`` reason."""

NO_TORCH_COMPILE_RU = (
    "torch.compile здесь не замеряется: torch 2.13 отказывается выполнять двойной backward и "
    "is_grads_batched внутри скомпилированной функции (RuntimeError), а скомпилированный "
    "torch.autograd.functional.hessian без всякой ошибки возвращает нули."
)
""":data:`NO_TORCH_COMPILE` in Russian."""
