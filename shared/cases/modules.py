"""Section 6 of the lesson: modules and MLPs (seed lines 996–1300)."""

from shared.cases.model import INTEGERS, Arg, Bench, Case

BATCH = {"x": Arg(("n", None)), "labels": Arg(("n",), INTEGERS)}

SWEEP_SIZES: tuple[str, ...] = tuple(
    dict.fromkeys(
        f"b{b}_w{w}_d{d}"
        for b, w, d in [
            *((b, 256, 4) for b in (4, 64, 1024)),
            *((64, w, 4) for w in (32, 256, 1024)),
            *((64, 256, d) for d in (2, 4, 8)),
        ]
    )
)
"""``modules.train_step`` sizes for scaling plots (``--bench-size sweep``): batch, width
(``hidden_dim``) and depth (``num_layers``) varied one at a time around ``b64_w256_d4``, so
each plot changes one thing (7 points instead of the 27 of the full product)."""

CASES = [
    Case(
        "modules.identity",
        "Identity module with a __repr__",
        (1000, 1050),
        "An nn.Module's forward is reached through __call__ (which also runs hooks); an NNX "
        "module's __call__ is the forward itself. Both return the very input object, and both "
        "print what __repr__ says.",
        differs="torch's nn.Module needs super().__init__() and a forward; an NNX module's "
        "__call__ is the forward itself.",
        expected={
            "torch": {"is_input": True, "repr": "Identity()"},
            "jax": {"is_input": True, "repr": "Identity()"},
        },
        takes={"x": Arg(None)},
    ),
    Case(
        "modules.registration",
        "What is and is not a parameter",
        (1000, 1076),
        "torch registers what is assigned as an nn.Parameter or nn.Module, or through "
        "register_buffer and the containers; a plain tensor, or a plain list of parameters, "
        "is silently ignored. NNX decides by Variable type: nnx.Param is a parameter, "
        "nnx.BatchStat (or any Variable subclass) is state like a buffer, and a plain array "
        "attribute is state too, just no Param. Flax refuses a plain list of Params with a "
        "ValueError (nnx.List / nnx.Dict are the containers). Both count 25 parameters; the "
        "names differ: NNX sorts them and says kernel and seq.layers.0 where torch says weight "
        "and seq.0.",
        differs="torch silently skips a plain list of parameters; NNX raises a ValueError and "
        "wants nnx.List / nnx.Dict.",
        expected={
            "torch": {
                "parameter_names": "weight,plist.0,pdict.a,mlist.0.weight,mlist.0.bias,"
                "mdict.head.weight,mdict.head.bias,seq.0.weight,seq.0.bias",
                "buffer_names": "running_mean",
                "n_params": 25,
                "plain_array_is_parameter": False,
                "plain_array_in_state": False,
                "python_list_error": "",
                "python_list_registered": False,
            },
            "jax": {
                "parameter_names": "mdict.head.bias,mdict.head.kernel,mlist.0.bias,"
                "mlist.0.kernel,pdict.a,plist.0,seq.layers.0.bias,seq.layers.0.kernel,weight",
                "buffer_names": "running_mean",
                "n_params": 25,
                "plain_array_is_parameter": False,
                "plain_array_in_state": True,
                "python_list_error": "ValueError",
                "python_list_registered": False,
            },
        },
    ),
    Case(
        "modules.api",
        "parameters, named_parameters, buffers, requires_grad_, to, train/eval",
        (1052, 1076),
        "parameters()/buffers() are nnx.state(model, nnx.Param) and nnx.state(model, "
        "nnx.BatchStat). requires_grad_(False) is a flag on a torch parameter; NNX has no flag "
        "and instead picks what to differentiate per call (nnx.DiffState filter, an "
        "optimizer's wrt=). .to(device, dtype) is a map over nnx.state put back with "
        "nnx.update. train()/eval() exist in both and switch Dropout and BatchNorm. Careful: "
        "BatchNorm's momentum means opposite things — torch's 0.1 is the weight of the new "
        "batch in the running mean, NNX's 0.99 the weight of the old value (new batch: 0.01).",
        differs="torch: methods, requires_grad flags; NNX: nnx.state filters. BatchNorm momentum "
        "means opposite things.",
        expected={
            "torch": {
                "n_parameter_tensors": 4,
                "parameter_names": "0.weight,0.bias,1.weight,1.bias",
                "buffer_names": "1.running_mean,1.running_var,1.num_batches_tracked",
                "eval_deterministic": True,
                "train_deterministic": False,
                "frozen_grad_is_none": True,
                "bn_new_batch_weight": "0.1",
                "moved_dtype": "bfloat16",
                "moved_on_device": True,
            },
            "jax": {
                "n_parameter_tensors": 4,
                "parameter_names": "layers.0.bias,layers.0.kernel,layers.1.bias,layers.1.scale",
                "buffer_names": "layers.1.mean,layers.1.var",
                "eval_deterministic": True,
                "train_deterministic": False,
                "frozen_grad_is_none": True,
                "bn_new_batch_weight": "0.01",
                "moved_dtype": "bfloat16",
                "moved_on_device": True,
            },
        },
        takes={"x": Arg(("n", "in")), "weight": Arg(("out", "in")), "bias": Arg(("out",))},
    ),
    Case(
        "modules.param_count",
        "print_params_count: total and trainable parameters",
        (1094, 1104),
        "The same counts in both: MyFirstNetwork(64, 32, 2) has 3202 parameters, "
        "DeepNetwork(64, 32, 2, 2) 4226 (fc_in has no bias). Freezing fc_in is "
        "requires_grad_(False) in torch; NNX has no such flag: trainable is whatever filter "
        "the optimizer's wrt= (and nnx.grad) uses, here all Params outside fc_in — or the "
        "frozen arrays get a Variable type other than nnx.Param.",
        differs="Same counts (3202, 4226); freezing fc_in is requires_grad_(False) in torch, a "
        "filter for wrt= in NNX.",
    ),
    Case(
        "modules.first_network",
        "MyFirstNetwork(64, 32, 2)",
        (1106, 1177),
        "Weights, not seeds, are shared: one set of NumPy parameters is loaded into both "
        "networks (torch's Linear.weight is (out, in), Flax's kernel its transpose (in, out)), "
        "and then logits, loss and gradients agree with a NumPy forward and backward pass.",
        differs="Linear.weight (out, in) vs Flax's kernel (in, out); backward() fills .grad, "
        "nnx.value_and_grad returns it.",
        takes=BATCH,
    ),
    Case(
        "modules.second_network",
        "MySecondNetwork: Sequential blocks",
        (1179, 1227),
        "nn.Sequential numbers its children (fc_in.0.weight); nnx.Sequential keeps them in a "
        "`layers` list (fc_in.layers[0].kernel). The seed's garbled text of this network is "
        "read as Linear+ReLU, Linear+ReLU, Linear.",
        differs="nn.Sequential numbers its children (fc_in.0.weight); nnx.Sequential keeps a list "
        "(fc_in.layers[0].kernel).",
        takes=BATCH,
    ),
    Case(
        "modules.deep_network",
        "DeepNetwork(in, hidden, classes, num_layers), fc_in without bias",
        (1229, 1286),
        "Sequentials nested in a Sequential: torch's layers.1.0.weight is NNX's "
        "layers.layers[1].layers[0].kernel, transposed. Same logits and gradients at depth 2 "
        "(size test) and 4 (size depth4).",
        differs="torch's layers.1.0.weight is NNX's layers.layers[1].layers[0].kernel, transposed.",
        takes=BATCH,
    ),
    Case(
        "modules.train_step",
        "(beyond the lesson) K SGD steps with cross-entropy, for the closing claim",
        (1300, 1305),
        "torch mutates: loss.backward() fills .grad and optimizer.step() updates the "
        "parameters in place. JAX computes new parameters from old ones: the nnx.jit step "
        "updates the module object for you (walking its Python graph on every call), while a "
        "jax.jit step over nnx.split state is a pure function of arrays — the fastest JAX "
        "form. All reach the NumPy SGD oracle's parameters.",
        differs="torch's optimizer.step() changes parameters in place; a JAX step computes new "
        "parameters from the old ones.",
        bench=Bench(
            variants={"step": "one SGD step (cross-entropy) on a DeepNetwork"},
            sizes=("test", "lesson"),
            sweep=SWEEP_SIZES,
            modes={"torch": ("eager", "compile"), "jax": ("jit", "eager", "nnx_jit")},
        ),
        takes=BATCH,
    ),
]
