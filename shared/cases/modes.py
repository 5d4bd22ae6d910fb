"""Section 5 of the lesson: grad modes (seed lines 927–995)."""

from shared.cases.model import Bench, Case

CASES = [
    Case("modes.enable_grad", "enable_grad inside no_grad", (931, 934)),
    Case("modes.no_grad", "no_grad as context and decorator vs lax.stop_gradient", (935, 960)),
    Case("modes.inference_mode", "Inference tensors cannot enter autograd later", (939, 952)),
    Case(
        "modes.item_leak",
        "Stored loss tensors keep graphs and memory alive; .item() does not",
        (961, 995),
        bench=Bench(
            variants={"tensor": "store the loss tensor", "item": "store loss.item()"},
            sizes=("test", "lesson"),
            modes={"torch": ("eager",), "jax": ("jit",)},
        ),
    ),
    Case(
        "modes.forward",
        "MLP forward with grad on, no_grad, inference_mode vs jitted JAX",
        (927, 960),
        bench=Bench(
            variants={
                "grad": "grad mode on",
                "no_grad": "torch.no_grad",
                "inference_mode": "torch.inference_mode",
            },
            sizes=("test", "lesson"),
        ),
    ),
]
