"""Section 3 of the lesson: autograd (seed lines 391–866)."""

from shared.cases.model import COMPLEX, INTEGERS, Arg, Bench, Case

VECTORS = {"x": Arg(("n",)), "y": Arg(("n",)), "v": Arg(("n",))}
REGRESSION = {"w": Arg(("d",)), "b": Arg((1,)), "y": Arg(("n",)), "X": Arg(("n", "d"))}
"""The regression's shapes follow from its parameters: ``X`` is (len(y), len(w))."""
MESSAGE = "the framework's own error text, shown to the student; the error type is judged"

CASES = [
    Case(
        "autograd.backward_basics",
        "z = 3x³ − y², z.sum().backward(), x.grad == 9x²",
        (391, 437),
        "torch marks tensors with requires_grad, records a tape, and backward() stores the "
        "gradients in x.grad and y.grad. JAX differentiates the function: jax.grad(f, "
        "argnums=(0, 1)) returns (9x², −2y) as values. Seeding with a random cotangent v "
        "(z.backward(v), jax.vjp) checks what a .sum() could hide.",
        differs="torch: requires_grad, z.sum().backward(), then x.grad; JAX: jax.grad(f, "
        "argnums=(0, 1)) returns the gradients.",
        expected={"torch": {"matches_9x2": True}, "jax": {"matches_9x2": True}},
        takes=VECTORS,
    ),
    Case(
        "autograd.requires_grad",
        "requires_grad flags and grad_fn vs differentiating by argument",
        (400, 420),
        "A torch tensor carries a requires_grad flag (False by default), and results of "
        "tracked tensors carry a grad_fn (here SubBackward0) that keeps what backward needs "
        "alive: z holds on to x. A JAX array has neither flag nor grad_fn, and z refers to "
        "nothing: what to differentiate is the argnums of jax.grad, and the graph is the "
        "jaxpr JAX traces, whose last operation is the same sub.",
        differs="torch tensors carry requires_grad and grad_fn; JAX arrays carry neither: argnums "
        "of jax.grad picks the inputs.",
        expected={
            "torch": {
                "default_requires_grad": False,
                "output_requires_grad": True,
                "records_graph": True,
                "output_op": "sub",
                "grad_before_backward": "None",
                "result_keeps_input_alive": True,
            },
            "jax": {"output_op": "sub", "result_keeps_input_alive": False},
        },
        takes={"x": Arg(("n",)), "y": Arg(("n",))},
    ),
    Case(
        "autograd.intermediate_grad",
        "z.grad is None; retain_grad() vs jax.vjp at an intermediate",
        (439, 456),
        "torch keeps gradients only for leaves: z.grad is None, with a warning, unless "
        "z.retain_grad() was called. JAX stores no gradients anywhere: the gradient w.r.t. "
        "an intermediate z is the gradient w.r.t. a zero added to z.",
        differs="torch keeps z.grad only after z.retain_grad(); JAX differentiates with respect "
        "to a zero added to z.",
        expected={"torch": {"grad_none_without_retain": True, "warned": True}},
        takes=VECTORS,
    ),
    Case(
        "autograd.graph_view",
        "The graph of a linear-regression MSE: torchviz vs jaxpr",
        (458, 491),
        "torchviz draws torch's tape: backward nodes (MvBackward0 for X @ w), and as leaves "
        "only the tensors that require grad (Weight, Bias; not X or y). JAX's jaxpr is the "
        "traced forward program, every argument an input; jax.grad derives the backward "
        "program from it. write_graph(out_dir) in each backend writes both for a student.",
        differs="torchviz draws backward nodes, leaves only Weight and Bias; a jaxpr is the "
        "forward program, X and y included.",
        expected={
            "torch": {"leaves": "Bias,Weight", "matmul_op": "MvBackward0"},
            "jax": {"leaves": "Bias,Weight,X,y", "matmul_op": "dot_general"},
        },
        takes=REGRESSION,
        unchecked={
            key: "the drawing and its node names, written out for the student; leaves and "
            "matmul_op are the judged summary of it"
            for key in (
                "graph_text",
                "tape",
                "node_count",
                "drawn_by",
                "ops",
                "jaxpr",
                "grad_jaxpr",
            )
        },
    ),
    Case(
        "autograd.unsupported_op",
        "Backward through a complex Embedding and linalg.norm",
        (493, 506),
        "In the installed torch the lesson's complex Embedding fails already in the forward "
        "pass (RuntimeError: embedding does not support automatic differentiation for "
        "outputs with complex dtype); indexing the weight directly works. JAX "
        "differentiates jnp.take + norm, but returns the complex conjugate of torch's gradient "
        "(its convention), and "
        "without x64 the complex128 weight is complex64.",
        differs="torch's complex Embedding fails in the forward; JAX differentiates jnp.take + "
        "norm, gradient conjugated.",
        expected={
            "torch": {"error": "RuntimeError", "error_stage": "forward"},
            "jax": {"error": ""},
        },
        takes={"weight": Arg((None, None), COMPLEX), "idx": Arg((None,), INTEGERS)},
        dtypes={
            "loss": {"torch": "float64", "jax": "float32"},
            "grad_weight": {"torch": "complex128", "jax": "complex64"},
            "jax_grad_weight": "complex64",
        },
        only={"jax_grad_weight": "jax"},
        unchecked={"message": MESSAGE},
    ),
    Case(
        "autograd.custom_function",
        "MySquare as torch.autograd.Function and jax.custom_vjp",
        (506, 559),
        "A torch.autograd.Function is one node on the tape (MySquareBackward) whose backward "
        "you write, with ctx.save_for_backward; jax.custom_vjp is one custom_vjp_call in the "
        "jaxpr, with fwd returning residuals and bwd a tuple of cotangents. Both give the "
        "built-in square's gradients; the lesson's first backward (grad_output * 2) runs "
        "without complaint and only gradcheck / check_grads catch it.",
        differs="torch: a torch.autograd.Function with ctx.save_for_backward; JAX: jax.custom_vjp "
        "with fwd and bwd functions.",
        expected={
            "torch": {"custom_node": "MySquareBackward"},
            "jax": {"custom_node": "custom_vjp_call"},
        },
        takes=REGRESSION,
    ),
    Case(
        "autograd.backward_inputs",
        "calc_loss: backward() vs backward(inputs=[A]) vs [b] vs an unused [c]",
        (561, 673),
        "backward(inputs=[A]) skips the matmuls only B's gradient needs (about 2× faster), "
        "[b] needs no matmul, and an unused c gets no .grad (None). jax.grad(argnums=…) "
        "under jit lets XLA drop everything the requested gradient does not need: the "
        "forward pass (torch's eager forward runs all num_iters + 1 products, whereas XLA "
        "computes A @ B once), and for b every matmul; an unused argument gets zeros. "
        "matmul_counts() in each backend shows what each side computes.",
        differs="torch: backward(inputs=[A]), and an unused c's .grad is None; JAX: argnums of "
        "jax.grad, and c gets zeros.",
        expected={
            "torch": {"A_only_filled": "A", "b_only_filled": "b", "unused_grad": "None"},
            "jax": {"unused_grad": "zeros"},
        },
        takes={"A": Arg(("d", "d")), "B": Arg(("d", "d")), "b": Arg(()), "c": Arg(("d", "d"))},
        bench=Bench(
            variants={
                "all": "gradients of every input",
                "A": "only A's gradient",
                "b": "only b's gradient",
                "unused": "the gradient of an input the loss does not use",
            },
            sizes=("test", "cpu", "lesson"),
            # torch times backward() over a tape built in the setup, as the lesson's %%time;
            # there is nothing for torch.compile there. JAX times jax.grad under jit, and op
            # by op (the forward's num_iters + 1 products and their backward, all computed).
            modes={"torch": ("eager",), "jax": ("jit", "eager")},
            rounds=4,  # calls of 0.3–1.6 s: 8 rounds would cost a minute per pass
            left_out={
                "torch/compile": "torch times backward() over a tape built before the call: "
                "there is no function for torch.compile to compile"
            },
            unequal_work={
                "b": "XLA removes every matmul b's gradient does not need (0 products in the "
                "compiled program) while torch's tape replays all of them",
                "unused": "XLA returns zeros for an unused input without computing anything "
                "while torch's backward still runs the whole tape",
            },
        ),
    ),
    Case(
        "autograd.accumulation",
        "Gradients accumulate over backward calls; chunked linear regression",
        (675, 759),
        "Each torch backward() adds into .grad until it is set to None, which lets a batch "
        "too big for the device run in chunks. JAX returns gradients and stores none: "
        "accumulating is an explicit sum. Either way each chunk's loss must divide by the "
        "whole batch size (the lesson's mean per half would double the gradient).",
        differs="torch's backward() adds into .grad until it is set to None; JAX returns "
        "gradients, and you add them up.",
        takes={"x": Arg((None, None)), **REGRESSION},
        bench=Bench(
            variants={
                "full": "X (host memory) copied to the device whole inside the timed call, one "
                "gradient; on a CPU torch's .to('cpu') is free, JAX's device_put copies",
                "chunked": "X copied a chunk at a time inside the timed call, chunk gradients "
                "summed",
            },
            sizes=("test", "lesson"),
            # X stays in host memory and is copied inside the call, as in the lesson. JAX's
            # mode "jit_grad": the setup jits the gradient step; the chunk loop is Python (one
            # jit around it would copy all of X to the device as one argument). "eager": the
            # same loop with the gradient step op by op.
            modes={"torch": ("eager",), "jax": ("jit_grad", "eager")},
            rounds=2,  # calls of 0.2–3 s on 1.6 GB: 4 rounds would cost a minute per pass
            unequal_work={
                "*": "on a CPU torch's .to('cpu') returns X itself while JAX's device_put "
                "copies its 1.6 GB: a copy against a shared buffer, not a compute comparison"
            },
        ),
    ),
    Case(
        "autograd.inplace_error",
        "In-place ops on tensors autograd needs vs immutable arrays",
        (761, 792),
        "torch lets y.exp_() run after z = y**2 saved y, and fails at backward (RuntimeError: "
        "modified by an inplace operation); x[x > 0.5] = 0 on a leaf that requires grad "
        "fails at once. JAX arrays are immutable: any item assignment is a TypeError, and "
        "jnp.where or x.at[mask].set(0) make new arrays.",
        differs="torch's y.exp_() runs and backward fails later; writing into a JAX array is a "
        "TypeError at once.",
        expected={
            "torch": {
                "exp_error": "RuntimeError",
                "exp_error_stage": "backward",
                "mask_error": "RuntimeError",
            },
            "jax": {
                "exp_error": "TypeError",
                "exp_error_stage": "assignment",
                "mask_error": "TypeError",
            },
        },
        takes={"x": Arg(("m", "n")), "m": Arg(("m", "n")), "v": Arg(("m", "n"))},
        unchecked={"exp_message": MESSAGE, "mask_message": MESSAGE},
    ),
    Case(
        "autograd.clone_detach",
        "clone keeps the graph, detach cuts it; lax.stop_gradient",
        (794, 866),
        "In sum(x + x.clone() + y.detach()) x's gradient is 2 (the clone is a second path) "
        "and y gets none: torch leaves y.grad None, JAX's lax.stop_gradient gives zeros. "
        "detach() shares memory with the original, so writing into it changes the original; "
        "a loss built only from a detached copy cannot be backpropagated in torch, while JAX "
        "just returns a zero gradient. lax.stop_gradient outside a trace returns the array "
        "itself, memory and all, and that is harmless: nobody can write into it.",
        differs="torch: x.clone() stays in the graph, y.detach() leaves it (y.grad None); JAX: "
        "lax.stop_gradient(y), zeros.",
        expected={
            "torch": {
                "y_grad": "None",
                "clone_requires_grad": True,
                "detach_requires_grad": False,
                "detached_backward": "RuntimeError",
                "detach_shares_memory": True,
                "write_through_detached": True,
            },
            "jax": {
                "y_grad": "zeros",
                "detached_backward": "zeros",
                "detach_shares_memory": True,
            },
        },
        takes={**VECTORS, "p": Arg((None, None))},
    ),
]
