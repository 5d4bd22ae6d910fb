"""Section 2 of the lesson: device placement (seed lines 320–390)."""

from shared.cases.model import Arg, Bench, Case

MACHINE = "depends on the machine, not on the device the case runs on (tests/test_devices.py)"

CASES = [
    Case(
        "devices.inspect",
        "dtype and device of a tensor; is a GPU available?",
        (320, 332),
        "torch: x.device, torch.cuda.is_available(). JAX: x.devices() (an array may be sharded "
        "over several), jax.devices(). torch puts new tensors on the CPU unless told; JAX puts "
        "new arrays on its default device, the GPU when there is one.",
        differs="torch: x.device and torch.cuda.is_available(); JAX: x.devices(), a set, and "
        "jax.devices().",
        expected={
            "torch": {"dtype": "float32", "on_device": True},
            "jax": {"dtype": "float32", "on_device": True},
        },
        takes={"a": Arg(None)},
        unchecked={"gpu_available": MACHINE},
    ),
    Case(
        "devices.select",
        "cuda:0 if available, else cpu",
        (334, 341),
        "torch picks a torch.device and passes it around; JAX's default device is the first "
        "accelerator when one exists, and jax.devices('gpu') raises when none does.",
        differs="torch builds a torch.device to pass to every .to(); JAX's default device already "
        "is the first GPU, if any.",
        unchecked={"selected": MACHINE},
    ),
    Case(
        "devices.transfer",
        "Moving data to a device: .to(device) vs jax.device_put",
        (343, 345),
        "Both copy the data onto another device; onto the device it is already on, torch's "
        ".to returns the tensor itself and jax.device_put shares its memory "
        "(devices.copy_on_transfer). The values are equal either way.",
        differs="a.to(device) in torch; jax.device_put(a, device) in JAX, which also commits the "
        "array to that device.",
        expected={"torch": {"on_device": True}, "jax": {"on_device": True}},
        takes={"a": Arg(None)},
    ),
    Case(
        "devices.cross_device_error",
        "An operation on tensors on two devices fails",
        (347, 351),
        "torch refuses `a.cuda() + a` with a RuntimeError (without a GPU: the meta device shows "
        "the same rule). JAX refuses arrays committed to two devices with a ValueError; "
        "without a GPU, two forced host devices show it.",
        differs="Both refuse to mix devices: torch with a RuntimeError, JAX (arrays committed to "
        "devices) with a ValueError.",
        expected={
            "torch": {"error": "RuntimeError"},
            "jax": {"error": "ValueError"},
        },
        takes={"a": Arg(None)},
        unchecked={
            "message": "the framework's own wording, shown to the student "
            "(tests/test_devices.py checks it is about devices)",
            "other": MACHINE,
        },
    ),
    Case(
        "devices.copy_on_transfer",
        "Changing the CPU copy after .to(device) leaves the device copy alone",
        (353, 361),
        "In torch `p_cpu -= 1` mutates the CPU tensor, and the device copy keeps the old values "
        "(on the CPU, .to('cpu') returns the same tensor, so it changes too!). "
        "jax.device_put onto the same device shares the memory as well, but nothing can "
        "write into a JAX array: `p_cpu -= 1` makes a new one, so the question does not arise.",
        differs="torch's p_cpu -= 1 writes into the CPU tensor; JAX's p_cpu -= 1 makes a new "
        "array, so no copy changes.",
        expected={
            "torch": {"device_copy_shares_memory": False, "device_copy_changed": False},
            "torch/cpu": {"device_copy_shares_memory": True, "device_copy_changed": True},
            "jax": {"device_copy_shares_memory": False},
            "jax/cpu": {"device_copy_shares_memory": True},
        },
        takes={"p": Arg(None)},
    ),
    Case(
        "devices.layer",
        "A typical layer, (A @ B) ** 2 on 1000×1000, with and without the host→device copy",
        (363, 390),
        "Matmul-bound: both frameworks call a BLAS (CPU) or cuBLAS (GPU) and should reach the "
        "machine's matmul peak; jit cannot speed up the matmul itself, only fuse the square.",
        differs="torch runs the matmul, then the square, op by op; jax.jit compiles the layer, "
        "and XLA fuses the square in.",
        takes={"a": Arg(("n", "k")), "b": Arg(("k", "m"))},
        bench=Bench(
            variants={
                "on_device": "inputs already on the device",
                "with_transfer": "host arrays copied to the device inside the timed call",
            },
            sizes=("test", "lesson"),
            flops="layer_flops",
        ),
    ),
]
