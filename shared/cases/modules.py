"""Section 6 of the lesson: modules and MLPs (seed lines 996–1300)."""

from shared.cases.model import Bench, Case

CASES = [
    Case("modules.identity", "Identity module with a __repr__", (1000, 1050)),
    Case("modules.registration", "What is and is not a parameter", (1000, 1076)),
    Case(
        "modules.api",
        "parameters, named_parameters, buffers, requires_grad_, to, train/eval",
        (1052, 1076),
    ),
    Case("modules.param_count", "print_params_count: total and trainable parameters", (1094, 1104)),
    Case("modules.first_network", "MyFirstNetwork(64, 32, 2)", (1106, 1177)),
    Case("modules.second_network", "MySecondNetwork: Sequential blocks", (1179, 1227)),
    Case(
        "modules.deep_network",
        "DeepNetwork(in, hidden, classes, num_layers), fc_in without bias",
        (1229, 1286),
    ),
    Case(
        "modules.train_step",
        "(beyond the lesson) K SGD steps with cross-entropy, for the closing claim",
        (1300, 1305),
        bench=Bench(
            variants={"step": "one SGD step on a DeepNetwork"},
            sizes=("test", "lesson", "sweep"),
            modes={"torch": ("eager", "compile"), "jax": ("jit", "nnx_jit")},
        ),
    ),
]
