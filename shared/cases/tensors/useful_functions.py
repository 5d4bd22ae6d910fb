from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.draws import normal
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CASE = Case(
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
    returns="cat, stack, unsqueeze/squeeze, chunk, transpose, permute, tile, repeat, max with "
    "indices, maximum, ravel, flatten, topk; ``chunk_sizes`` of 3 chunks of ``x``.",
    ru=Text(
        title="Полезные функции: cat, stack, unsqueeze/squeeze, chunk, transpose, permute, "
        "tile/repeat, max, maximum, ravel, flatten, topk",
        explanation="Идеи те же, имена другие: cat/concatenate, unsqueeze/expand_dims, "
        "permute/transpose; torch.max(dim) возвращает (значения, индексы), а в jnp для этого "
        "нужны max и argmax; topk — это lax.top_k. torch.chunk(x, 3) для 10 строк даёт 4+4+2, "
        "np.array_split — 4+3+3.",
        differs="torch.chunk даёт 4+4+2 строки, jnp.array_split — 4+3+3; torch.max(dim) сразу "
        "возвращает и значения, и индексы.",
    ),
)


def inputs(size: str, rng: np.random.Generator) -> dict:
    m, n = pick(size, test=(4, 6), lesson=(4, 6))
    # Distinct values, so max/argmax/topk have one right answer in both frameworks.
    x = rng.permutation(10 * 3 * 2).reshape(10, 3, 2).astype(np.float32)
    return {"a": normal(rng, m, n), "b": normal(rng, m, n), "x": x}


def oracle(*, a: np.ndarray, b: np.ndarray, x: np.ndarray) -> Expected:
    flat = x.ravel()
    top = np.argsort(flat)[::-1][:3]
    return {
        "cat": np.concatenate([a, b], axis=0),
        "stack": np.stack([a, b], axis=0),
        "unsqueeze": a[:, None],
        "squeeze": a,
        "chunks_rejoined": x,
        "transpose": a.T,
        "permute": a.reshape(2, -1, a.shape[1]).transpose(2, 0, 1),
        "tile": np.tile(a, (2, 1)),
        "repeat_interleave": np.repeat(a, 2, axis=0),
        "max_values": a.max(axis=1),
        "max_indices": a.argmax(axis=1),
        "maximum": np.maximum(a, b),
        "ravel": a.ravel(),
        "flatten": x.reshape(x.shape[0], -1),
        "topk_values": flat[top],
        "topk_indices": top,
    }
