"""The lesson's closing model, ResNet-101 (seed lines 1286–1297): ``resnet101()`` and its
parameter count.

The lesson builds ``torchvision.models.resnet101()``, prints its parameter count and leaves
"what is inside" for the next week. Here it is built in both frameworks, block by block, its
weights carried from one to the other, and its forward pass compared and timed. Weights travel
in one neutral format, torch's ``state_dict`` (names and layouts, without
``num_batches_tracked``): NumPy arrays, see ``shared.cases.resnet._layout.state_shapes``.
Images are NCHW, as torch takes them; the JAX side makes them NHWC itself.
"""

ORDER: tuple[str, ...] = (
    "param_count",
    "transfer",
    "forward",
)
"""The topic's cases in lesson order: the modules ``shared/cases/resnet/<name>.py``."""
