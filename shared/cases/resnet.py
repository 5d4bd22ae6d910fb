"""The lesson's closing model (seed lines 1286–1297): ``resnet101()`` and its parameter count.

The lesson builds ``torchvision.models.resnet101()``, prints its parameter count and leaves
"what is inside" for the next week. Here it is built in both frameworks, block by block, its
weights carried from one to the other, and its forward pass compared and timed.
"""

from shared.cases.model import Arg, Bench, Case

STATISTICS = 105_344
"""Elements of BatchNorm running statistics in ResNet-101: a mean and a variance per channel
of its 104 BatchNorms (``shared.oracles.resnet.param_count`` counts them from the layout)."""

N_BATCHNORMS = 1 + 3 * (3 + 4 + 23 + 3) + 4
"""The stem's, three in each of the 33 Bottlenecks, one per stage's downsample shortcut."""

CASES = [
    Case(
        "resnet.param_count",
        "net = resnet101(); print_params_count(net): parameters and buffers",
        (1286, 1297),
        "ResNet-101 has 44,549,160 parameters in both frameworks (torchvision's count), all "
        "trainable. BatchNorm's running mean and variance (105,344 numbers) are not "
        "parameters: torch keeps them as buffers, NNX as nnx.BatchStat variables. torch keeps "
        "one more buffer per BatchNorm, the num_batches_tracked counter (104 of them); NNX has "
        "no such counter. The JAX side counts a model built with nnx.eval_shape: shapes only, "
        "no 178 MB of random weights.",
        differs="Buffers in torch (with a num_batches_tracked counter per BatchNorm), "
        "nnx.BatchStat variables in NNX (no counter).",
        expected={
            "torch": {
                "n_parameter_tensors": 314,
                "n_buffer_tensors": 3 * N_BATCHNORMS,
                "n_buffer_elements": STATISTICS + N_BATCHNORMS,
            },
            "jax": {
                "n_parameter_tensors": 314,
                "n_buffer_tensors": 2 * N_BATCHNORMS,
                "n_buffer_elements": STATISTICS,
            },
        },
    ),
    Case(
        "resnet.transfer",
        "Weights from torch to Flax and back: every layout change named",
        (1286, 1297),
        "One set of weights in torch's state_dict format goes into both networks and comes "
        "back out unchanged, bit for bit, all 522 tensors. On the way into Flax a convolution "
        "weight (out, in, kh, kw) becomes a kernel (kh, kw, in, out), fc.weight (out, in) a "
        "kernel (in, out), a BatchNorm's weight its scale and running_mean/running_var its "
        "nnx.BatchStat mean/var; on the way out the reverse. The parameter paths are the same "
        "(layer3.22.conv2): NNX's stages are nnx.List, which numbers blocks as nn.Sequential "
        "does.",
        differs="torch's layouts are the shared format; Flax transposes every kernel "
        "(OIHW → HWIO, (out, in) → (in, out)).",
        expected={
            "torch": {"conv1_layout": "64,3,7,7", "fc_layout": "1000,2048", "unchanged": 522},
            "jax": {"conv1_layout": "7,7,3,64", "fc_layout": "2048,1000", "unchanged": 522},
        },
    ),
    Case(
        "resnet.forward",
        "ResNet-101's forward pass, model.eval() and model.train()",
        (1286, 1297),
        "The same weights give the same logits in both frameworks, in eval mode (BatchNorm "
        "uses its running statistics) and in train mode (the batch's statistics, so the "
        "logits change). A train-mode forward also updates the running statistics, by the "
        "same rule new = 0.9·old + 0.1·batch in both (torch's momentum=0.1 is Flax's "
        "momentum=0.9) but with a different batch variance: torch divides by n − 1 "
        "(unbiased), Flax by n. Images are NCHW in torch and NHWC in Flax. The logits are "
        "judged by the float32 error a third implementation (NumPy in float32) makes on the "
        "same network and input: a worst-case bound is useless after 104 convolutions.",
        differs="NCHW vs NHWC images; running variance updated with ÷ (n − 1) in torch, ÷ n in "
        "Flax.",
        expected={
            "torch": {"train_differs_from_eval": True},
            "jax": {"train_differs_from_eval": True},
        },
        only={
            "last_bn.running_var_unbiased": "torch",
            "last_bn.running_var_biased": "jax",
        },
        dtypes={
            "last_bn.running_var_unbiased": "float32",
            "last_bn.running_var_biased": "float32",
        },
        takes={"x": Arg(("n", 3, None, None), ("float32",))},
        run_size="lesson",
        bench=Bench(
            variants={"forward": "ResNet-101 inference (eval mode) on NCHW/NHWC images"},
            sizes=("test", "lesson", "batch8"),
            rounds=3,
        ),
    ),
]
