"""The lesson's conclusion (seed lines 1300–1305), measured: «Jax позволяет обучать модели
быстрее благодаря оптимизации и компиляции, но требует … большого количества вычислительных
ресурсов». The lesson's ``DeepNetwork`` trained on a real data set to a test accuracy, in both
frameworks, judged step by step; timed as a user trains (``bench/test_train_to_accuracy.py``)
and in the paired harness (``step``, ``epoch``).

The network's initial parameters arrive as ``weights`` in the shared format (torch names and
layouts, ``shared.cases.modules._weights.linear_layers``); the final ones are returned the same way
(``param.fc_in.0.weight``), whatever the framework calls them.
"""

ORDER: tuple[str, ...] = ("to_accuracy",)
"""The topic's cases in lesson order."""
