"""Device placement: where a tensor lives, and moving it (seed lines 320–390)."""

ORDER: tuple[str, ...] = (
    "inspect",
    "select",
    "transfer",
    "cross_device_error",
    "copy_on_transfer",
    "layer",
)
"""The topic's cases in lesson order: the modules ``shared/cases/devices/<name>.py``."""
