from __future__ import annotations

import numpy as np

from shared.answers import Expected
from shared.cases.draws import normal
from shared.cases.model import Arg, Case, Text
from shared.names import pick

CHUNK_SIZES = {"torch": "4,4,2", "jax": "4,3,3"}
"""``chunk_sizes``: the rows of each of 3 chunks of ``x``'s 10. ``torch.chunk`` gives every
chunk 4 (10/3 rounded up) and the last what is left; ``array_split`` spreads the remainder."""
ROWS = {framework: sizes.replace(",", "+") for framework, sizes in CHUNK_SIZES.items()}

CASE = Case(
    "tensors.useful_functions",
    "cat, stack, unsqueeze/squeeze, chunk, transpose, permute, tile/repeat, max, maximum, "
    "ravel, flatten, topk",
    (303, 319),
    "The same ideas in two vocabularies: jnp keeps NumPy's names, torch has its own. The chunk "
    "sizes are more than a name: torch.chunk gives every chunk 4 rows (10/3 rounded up) and the "
    "last what is left, while array_split, as in NumPy, spreads the remainder over the first "
    "chunks.",
    differs=f"torch.chunk gives {ROWS['torch']} rows, jnp.array_split {ROWS['jax']}; "
    "torch.max(dim) returns values and indices in one call.",
    expected={
        "torch": {"chunk_sizes": CHUNK_SIZES["torch"]},
        "jax": {"chunk_sizes": CHUNK_SIZES["jax"]},
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
        explanation="Одни и те же идеи в двух словарях: jnp сохраняет имена NumPy, у torch они "
        "свои. Размеры частей — больше чем имя: torch.chunk даёт каждой части по 4 строки (10/3 с "
        "округлением вверх), а последней — остаток, тогда как array_split, как и в NumPy, "
        "распределяет остаток по первым частям.",
        differs=f"torch.chunk даёт {ROWS['torch']} строки, jnp.array_split — {ROWS['jax']}; "
        "torch.max(dim) сразу "
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
