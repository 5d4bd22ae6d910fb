"""Section 3 of the lesson: autograd (seed lines 391–866)."""

from shared.cases.model import Bench, Case

CASES = [
    Case("autograd.backward_basics", "z = 3x³ − y², z.sum().backward(), x.grad == 9x²", (391, 437)),
    Case(
        "autograd.requires_grad",
        "requires_grad flags and grad_fn vs differentiating by argument",
        (400, 420),
    ),
    Case(
        "autograd.intermediate_grad",
        "z.grad is None; retain_grad() vs jax.vjp at an intermediate",
        (439, 456),
    ),
    Case(
        "autograd.graph_view", "The graph of a linear-regression MSE: torchviz vs jaxpr", (458, 491)
    ),
    Case(
        "autograd.unsupported_op",
        "Backward through a complex Embedding and linalg.norm",
        (493, 506),
    ),
    Case(
        "autograd.custom_function",
        "MySquare as torch.autograd.Function and jax.custom_vjp",
        (506, 559),
    ),
    Case(
        "autograd.backward_inputs",
        "calc_loss: backward() vs backward(inputs=[A]) vs [b] vs an unused [c]",
        (561, 673),
        bench=Bench(
            variants={
                "all": "gradients of every input",
                "A": "only A's gradient",
                "b": "only b's gradient",
                "unused": "the gradient of an input the loss does not use",
            },
            sizes=("test", "cpu", "lesson"),
        ),
    ),
    Case(
        "autograd.accumulation",
        "Gradients accumulate over backward calls; chunked linear regression",
        (675, 759),
        bench=Bench(
            variants={"full": "one full-batch gradient", "chunked": "sum of chunk gradients"},
            sizes=("test", "lesson"),
        ),
    ),
    Case(
        "autograd.inplace_error",
        "In-place ops on tensors autograd needs vs immutable arrays",
        (761, 792),
    ),
    Case(
        "autograd.clone_detach",
        "clone keeps the graph, detach cuts it; lax.stop_gradient",
        (794, 866),
    ),
]
