"""Tensors: creating them, computing with them, converting to and from NumPy (seed lines
202–319).
"""

ORDER: tuple[str, ...] = (
    "create",
    "basic_ops",
    "to_numpy",
    "from_numpy_copy",
    "from_numpy_shared",
    "conversion_speed",
    "api_names",
    "inplace",
    "dtype_promotion",
    "useful_functions",
    "random_seeding",
)
"""The topic's cases in lesson order: the modules ``shared/cases/tensors/<name>.py``."""
