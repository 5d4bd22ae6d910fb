"""Section 4 of the lesson: advanced differentiation (seed lines 867–926)."""

from shared.cases.model import Bench, Case

CASES = [
    Case("advanced.grad_mean", "autograd.grad(mean(X @ w), w) == X.mean(0)", (867, 881)),
    Case("advanced.vjp", "grad_outputs=v, a vector-Jacobian product == v @ X", (883, 890)),
    Case(
        "advanced.per_sample_grads",
        "Per-sample gradients: loop, is_grads_batched, torch.func.vmap vs jax.vmap(jax.grad)",
        (892, 906),
        bench=Bench(
            variants={
                "loop": "one backward per sample (retain_graph)",
                "batched": "autograd.grad(..., is_grads_batched=True) / jax.jacrev",
                "vmap": "torch.func.vmap(torch.func.grad) / jax.vmap(jax.grad)",
            },
            sizes=("test", "small", "large"),
        ),
    ),
    Case(
        "advanced.hessian",
        "Hessian of S = w @ XᵀX @ w: double backward, functional.hessian, torch.func, jax.hessian",
        (907, 926),
        bench=Bench(
            variants={
                "double_backward": "grad with create_graph, then is_grads_batched backward",
                "functional": "torch.autograd.functional.hessian",
                "functional_vectorized": "torch.autograd.functional.hessian(vectorize=True)",
                "func": "torch.func.hessian / jax.hessian",
            },
            sizes=("test", "small", "large"),
        ),
    ),
    Case(
        "advanced.jvp_hvp",
        "(beyond the lesson) forward-mode JVP and Hessian-vector products",
        (907, 926),
        bench=Bench(
            variants={"hvp": "forward-over-reverse Hessian-vector product"}, sizes=("test", "large")
        ),
    ),
]
