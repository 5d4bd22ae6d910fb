"""Section 1 of the lesson: tensors (seed lines 202–319)."""

from shared.cases.model import Arg, Bench, Case

X64_OFF = "JAX without x64 has no 64-bit types: it keeps 32 bits"

CASES = [
    Case(
        "tensors.create",
        "zeros, ones with a dtype, and standard-normal random tensors",
        (202, 212),
        "torch.randn draws from a hidden global generator; jax.random.normal needs an explicit "
        "key. Same shapes and dtypes, different streams: randn is checked by its shape and dtype, "
        "the generator by the moments of a separate large sample.",
        differs="torch.randn draws from a hidden global generator; jax.random.normal(key, shape) "
        "needs an explicit key.",
        dtypes={"zeros": "float32", "ones": "int32", "randn": "float32"},
        unchecked={
            "randn": "random draws: the two generators' streams differ, so only its shape and "
            "dtype are compared; sample_mean and sample_std judge the distribution",
        },
    ),
    Case(
        "tensors.basic_ops",
        "A + B.T, A @ B, sum and prod of 3×5 and 5×3 matrices",
        (213, 219),
        "The operators and names match NumPy in both frameworks.",
        differs="Almost nothing: the same lines, with torch.sum where JAX writes jnp.sum.",
        takes={"a": Arg(("m", "n")), "b": Arg(("n", "m"))},
    ),
    Case(
        "tensors.to_numpy",
        "Tensor → NumPy: torch shares memory, JAX hands out a read-only view or copy",
        (220, 226),
        "Tensor.numpy() returns an array over the tensor's own buffer: writing to one changes "
        "the other (on a GPU, numpy(force=True) has to copy). np.asarray(jax_array) is "
        "read-only: JAX arrays are immutable, so a NumPy "
        "view must not let anyone write into them.",
        differs="w.numpy() is a writable array over the tensor's memory; np.asarray(w) of a JAX "
        "array is read-only.",
        expected={
            "torch": {"numpy_writeable": True, "write_through": True},
            "torch/gpu": {"write_through": False},
            "jax": {"numpy_writeable": False, "write_through": False},
        },
        takes={"w": Arg((None,))},
    ),
    Case(
        "tensors.from_numpy_copy",
        "NumPy → tensor by copying: later NumPy mutation is invisible",
        (228, 237),
        "torch.tensor(np) and jnp.asarray(np) both copy, so `v_np += 1` afterwards changes "
        "only the NumPy array.",
        differs="Both copy (torch.tensor, jnp.asarray); JAX without x64 also turns NumPy's int64 "
        "into int32.",
        expected={"torch": {"sees_mutation": False}, "jax": {"sees_mutation": False}},
        inputs="numpy",
        takes={"v_np": Arg((None,), ("int64",))},
        dtypes={"array": {"torch": "int64", "jax": "int32"}},
    ),
    Case(
        "tensors.from_numpy_shared",
        "NumPy → tensor sharing the buffer: torch.from_numpy vs JAX",
        (239, 248),
        "torch.from_numpy wraps the NumPy buffer, so `u_np += 10` shows up in the tensor. JAX "
        "has no shared mutable buffer: jnp.asarray copies, and even a zero-copy DLPack import "
        "is a snapshot a program must not mutate afterwards, since a JAX array is a value.",
        differs="torch.from_numpy shares NumPy's buffer and sees u_np += 10; JAX has no "
        "from_numpy: jnp.asarray copies.",
        expected={"torch": {"sees_mutation": True}, "jax": {"sees_mutation": False}},
        inputs="numpy",
        takes={"u_np": Arg(None, ("float64",))},
    ),
    Case(
        "tensors.conversion_speed",
        "Speed of NumPy → tensor: sharing vs copying a 1000×1000 float64 array",
        (250, 262),
        "Sharing (torch.from_numpy) costs microseconds whatever the size; copying costs a "
        "memory pass. JAX copies (jnp.asarray, jax.device_put); jnp.from_dlpack could wrap "
        "the buffer, but without x64 the float64 array must become float32, a copy too.",
        differs="torch.from_numpy wraps the array in microseconds; JAX copies here, as without "
        "x64 float64 becomes float32.",
        inputs="numpy",
        takes={"u_np": Arg((None, None), ("float64",))},
        dtypes={
            key: {"torch": "float64", "jax": "float32"} for key in ("share", "copy", "on_device")
        },
        bench=Bench(
            variants={
                "share": "torch.from_numpy / jnp.from_dlpack: wrap the buffer when possible",
                "copy": "torch.tensor / jnp.asarray: copy the data",
                "device_put": "torch.as_tensor(..., device) / jax.device_put: onto the device",
            },
            sizes=("test", "lesson"),
            # Conversions are not computations: there is nothing to compile on either side.
            modes={"torch": ("eager",), "jax": ("eager",)},
            unequal_work={
                "*": "a copy against a shared buffer (torch.from_numpy wraps NumPy's memory; "
                "JAX copies float64 into a float32 device array): memory traffic, not speed"
            },
        ),
    ),
    Case(
        "tensors.api_names",
        "dim= vs axis=, view/reshape, .to/.type vs .astype",
        (264, 268),
        "torch says dim= where NumPy and jnp say axis=; torch's .view never copies and fails on "
        "incompatible strides, jnp has only reshape (XLA decides about copies). Casting to "
        "float64 works in torch; JAX without x64 warns and keeps float32.",
        differs="torch: sum(dim=0), .view, .to(torch.float64); JAX: sum(axis=0), only reshape, "
        ".astype (float32 without x64).",
        expected={"torch": {"float64_warned": False}, "jax": {"float64_warned": True}},
        takes={"a": Arg((None, None))},
        dtypes={"as_float64": {"torch": "float64", "jax": "float32"}, "as_int32": "int32"},
    ),
    Case(
        "tensors.inplace",
        "A[1] += A[2], zero_(), exp_(): in-place in torch, new arrays in JAX",
        (270, 285),
        "torch mutates the tensor it was given, in its own memory. A JAX array cannot "
        "change: x.at[1].add(x[2]) returns a new array in new memory. Under jax.jit with "
        "donate_argnums the caller gives the input up, and XLA writes the result into the "
        "donated memory: in place after all, without anyone seeing a mutation.",
        differs="torch changes A in its own memory; JAX's A.at[1].add(A[2]) returns a new array "
        "and A stays as it was.",
        expected={
            "torch": {"result_in_input_buffer": True},
            "jax": {"result_in_input_buffer": False, "jit_donated_result_in_input_buffer": True},
        },
        takes={"a": Arg((None, None))},
    ),
    Case(
        "tensors.dtype_promotion",
        "float32 + float64 and float32 @ float64",
        (287, 301),
        "torch promotes f32 + f64 to f64 but refuses f32 @ f64 with a RuntimeError. JAX by "
        "default has no float64 at all (x64 off: the f64 array is silently f32); with x64 on "
        "it promotes both + and @ to f64.",
        differs="torch: f32 + f64 gives float64, f32 @ f64 a RuntimeError; JAX without x64 "
        "computes both in float32.",
        expected={
            "torch": {"matmul_error": "RuntimeError"},
            "jax": {"matmul_error": "", "x64_add_dtype": "float64", "x64_matmul_dtype": "float64"},
        },
        inputs="numpy",  # JAX would turn float64 into float32 before the case could see it
        takes={"a32": Arg(("n",), ("float32",)), "b64": Arg(("n",), ("float64",))},
        dtypes={
            "add": {"torch": "float64", "jax": "float32"},
            "cast_matmul": {"torch": "float64", "jax": "float32"},
        },
    ),
    Case(
        "tensors.useful_functions",
        "cat, stack, unsqueeze/squeeze, chunk, transpose, permute, tile/repeat, max, maximum, "
        "ravel, flatten, topk",
        (303, 319),
        "Same ideas, other names: cat/concatenate, unsqueeze/expand_dims, permute/transpose, "
        "torch.max(dim) returns (values, indices) where jnp needs max and argmax, topk is "
        "lax.top_k. torch.chunk(x, 3) of 10 rows gives 4+4+2, np.array_split gives 4+3+3.",
        differs="torch.chunk gives 4+4+2 rows, jnp.array_split 4+3+3; torch.max(dim) returns "
        "values and indices in one call.",
        expected={
            "torch": {"chunk_sizes": "4,4,2"},
            "jax": {"chunk_sizes": "4,3,3"},
        },
        takes={"a": Arg(("m", "n")), "b": Arg(("m", "n")), "x": Arg((10, None, None))},
        dtypes={
            "max_indices": {"torch": "int64", "jax": "int32"},
            "topk_indices": {"torch": "int64", "jax": "int32"},
        },
    ),
    Case(
        "tensors.random_seeding",
        "Reproducible randomness: torch.manual_seed vs explicit jax.random keys",
        (202, 212),
        "torch.manual_seed resets a global generator: every later call advances it, so a "
        "draw anywhere else in the program changes the numbers you get next. A JAX key is a "
        "value: the same key always gives the same numbers, whatever else was drawn, and "
        "split makes new keys. The streams differ, so tests share NumPy-made data, never "
        "seeds.",
        differs="torch.manual_seed resets a global generator that every draw moves on; each JAX "
        "draw takes its own key.",
        expected={
            "torch": {
                "same_seed_same_values": True,
                "second_draw_differs": True,
                "other_draw_changes_values": True,
            },
            "jax": {
                "same_seed_same_values": True,
                "second_draw_differs": True,
                "other_draw_changes_values": False,
            },
        },
    ),
]
