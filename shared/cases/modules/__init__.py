"""Modules and MLPs (seed lines 996–1300).

Network cases receive their parameters as ``weights``: NumPy arrays in the shared format
(torch names and layouts, see ``shared.cases.modules._weights.linear_layers``), loaded into each
framework's network with its ``load_weights``; the outputs name gradients and parameters the
same way (``grad.fc_in.0.weight``, ``param.fc_out.bias``), whatever the framework calls them.
The oracles run the networks' forward and backward pass written out in NumPy (``_numpy.py``).
"""

ORDER: tuple[str, ...] = (
    "identity",
    "registration",
    "api",
    "param_count",
    "first_network",
    "second_network",
    "deep_network",
    "train_step",
)
"""The topic's cases in lesson order: the modules ``shared/cases/modules/<name>.py``."""
