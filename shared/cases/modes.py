"""Section 5 of the lesson: grad modes (seed lines 927–995).

torch records a graph for every operation on a tensor that requires grad, unless a *mode*
(``no_grad``, ``inference_mode``) says otherwise: the mode is global state of the thread. JAX
records nothing: a gradient exists only where ``jax.grad``/``jax.vjp`` is applied to a function,
so JAX has no modes, and each case shows how JAX says the same thing.
"""

from shared.cases.model import Arg, Bench, Case

CASES = [
    Case(
        "modes.enable_grad",
        "enable_grad inside no_grad",
        (931, 934),
        "Inside torch.no_grad(), torch.enable_grad() records again: `on` requires grad, `off` "
        "does not, and the gradient flows only through `on`. JAX has no switch to flip: what "
        "jax.grad differentiates is the function it is given, and lax.stop_gradient marks a "
        "value (not a region) as constant.",
        differs="torch turns recording back on inside no_grad with enable_grad(); JAX has no "
        "modes, only lax.stop_gradient.",
        expected={"torch": {"off_requires_grad": False, "on_requires_grad": True}},
        takes={"x": Arg(None)},
    ),
    Case(
        "modes.no_grad",
        "no_grad as context and decorator vs lax.stop_gradient",
        (935, 960),
        "Results made under torch.no_grad() (as a with-block or a decorator) have "
        "requires_grad=False and take no part in a later backward. JAX's counterpart is "
        "lax.stop_gradient on the value; the gradient through the rest is the same (ones).",
        differs="torch.no_grad() (a with-block or a decorator) stops recording; JAX wraps the "
        "values in lax.stop_gradient.",
        expected={"torch": {"context_requires_grad": False, "decorator_requires_grad": False}},
        takes={"x": Arg(None)},
    ),
    Case(
        "modes.inference_mode",
        "Inference tensors cannot enter autograd later",
        (939, 952),
        "A tensor made under torch.inference_mode() is an inference tensor: autograd refuses "
        "to save it for a backward pass later (RuntimeError), until it is cloned into a normal "
        "tensor. JAX has no inference mode, so nothing is refused: a jitted forward is the "
        "fast path, and its outputs are ordinary arrays.",
        differs="torch's inference tensor can't be used with a requires_grad tensor "
        "(RuntimeError); JAX has no inference mode.",
        expected={
            "torch": {"error": "RuntimeError", "is_inference": True},
            "jax": {"error": ""},
        },
        takes={"x": Arg(("n",)), "w": Arg(("n",))},
        unchecked={
            "message": "the framework's own error text, shown to the student; the error type "
            "is judged"
        },
    ),
    Case(
        "modes.item_leak",
        "Stored loss tensors keep graphs and memory alive; .item() does not",
        (961, 995),
        "A torch loss that is part of a graph keeps every tensor saved for its backward pass, "
        "here the whole batch: storing such losses keeps one batch per step alive. .item() "
        "stores a Python float and frees the graph. A JAX loss is a plain array: storing it "
        "keeps only its own scalar buffer, and float(loss) waits for the device. Measured by "
        "the allocator on a GPU; on the CPU by the bytes autograd saved (torch) and the live "
        "arrays (JAX). Its benchmark measures memory (bench/test_memory_modes.py), not time.",
        differs="A stored torch loss keeps its graph and the batch alive (.item() lets go); a "
        "stored JAX loss is just a scalar.",
        expected={
            "torch": {"stored_keeps_batch": True, "item_keeps_batch": False},
            "jax": {"stored_keeps_batch": False, "item_keeps_batch": False},
        },
        inputs="numpy",
        takes={"x": Arg(("m", "n")), "w": Arg(("n",))},
        unchecked={
            "stored_bytes_per_loss": "a measurement (version- and allocator-dependent) shown "
            "to the student; stored_keeps_batch judges what it means",
            "item_bytes_per_loss": "a measurement, as stored_bytes_per_loss; item_keeps_batch "
            "judges it",
            "probe": "names the instrument each framework measures with",
        },
    ),
    Case(
        "modes.forward",
        "MLP forward with grad on, no_grad, inference_mode vs jitted JAX",
        (927, 960),
        "With grad on, torch records the graph and keeps what backward will need; no_grad and "
        "inference_mode skip that. JAX's forward never records: its `grad` variant is jax.vjp, "
        "which computes the output and keeps the residuals for a backward pass, its `no_grad` "
        "variant the plain forward; jit compiles both.",
        differs="torch records the graph unless no_grad/inference_mode; a JAX forward never does: "
        "jax.vjp keeps the residuals.",
        expected={
            "torch": {
                "tracked_requires_grad": True,
                "untracked_requires_grad": False,
                "inference_is_inference": True,
            }
        },
        takes={"x": Arg(("n", None))},
        only={"out_inference": "torch"},
        dtypes={"out_inference": "float32"},
        bench=Bench(
            variants={
                "grad": "forward that keeps what backward needs: grad mode on / jax.vjp",
                "no_grad": "forward only: torch.no_grad / the plain function",
                "inference_mode": "torch.inference_mode (torch only)",
            },
            sizes=("test", "small", "large"),
        ),
    ),
]
