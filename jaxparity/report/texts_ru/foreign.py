"""Texts other modules wrote in English, in Russian: what the report quotes (``FOREIGN``,
keyed by the English text) and what a run recorded with values in it (``RECORDED``: an
English template → its Russian template)."""

FOREIGN: dict[str, str] = {
    # jax_impl/training.py: why an epoch is not timed jitted whole or op by op
    "an epoch is timed with the jitted step looped in Python (jit_grad) and as one compiled "
    "scan (scan): jax.jit over the epoch's Python loop would unroll every step into one program, "
    "and op by op it is the step variant's op-by-op step once per batch": "эпоха замеряется как "
    "скомпилированный шаг в цикле на Python (jit_grad) и как один скомпилированный `scan` "
    "(scan): `jax.jit` над циклом эпохи на Python развернул бы все шаги в одну программу, а по "
    "одной операции это тот же шаг варианта step по одной операции, по разу на батч",
    # shared.run_modes: each mode's label and description
    "torch eager": "torch без компиляции",
    "PyTorch as the lesson writes it: each op dispatched as Python reaches it": "PyTorch, как "
    "его пишут в уроке: каждая операция запускается, как только до неё доходит Python",
    "torch.compile": "torch.compile",
    "the same function through torch.compile (TorchInductor), compiled before timing": "та же "
    "функция через `torch.compile` (TorchInductor), скомпилированная до замера",
    "JAX jit": "JAX jit",
    "the function compiled by jax.jit (XLA) before timing, then one dispatch per call": "функция, "
    "скомпилированная `jax.jit` (XLA) до замера, затем один запуск на вызов",
    "JAX op by op": "JAX по одной операции",
    "the same function without jax.jit: each op dispatched on its own, nothing fused": "та же "
    "функция без `jax.jit`: каждая операция запускается отдельно, ничего не сливается",
    "JAX nnx.jit": "JAX nnx.jit",
    "Flax's nnx.jit over the module, as a student writes it: its object graph walked per call": (
        "`nnx.jit` из Flax над модулем, как его напишет студент: граф объектов модуля обходится "
        "при каждом вызове"
    ),
    "JAX jit (gradient step)": "JAX jit (шаг градиента)",
    "the gradient step compiled by jax.jit, the loop around it in Python": "шаг градиента, "
    "скомпилированный `jax.jit`, а цикл вокруг него — на Python",
    "JAX scan": "JAX scan",
    "a whole epoch as one jax.jit program, jax.lax.scan over the batches: one dispatch per "
    "epoch, not per step (torch on a CPU has no counterpart)": "вся эпоха — одна программа "
    "`jax.jit`, `jax.lax.scan` по батчам: один запуск на эпоху, а не на шаг (у torch на CPU "
    "аналога нет)",
    "JAX jit, donated": "JAX jit с отдачей буферов",
    "the step compiled by jax.jit with its parameters and optimiser state donated "
    "(donate_argnums), each call's new state fed to the next: XLA may write it in place": "шаг, "
    "скомпилированный `jax.jit`, которому параметры и состояние оптимизатора отданы на "
    "перезапись (`donate_argnums`); новое состояние каждого вызова идёт на вход следующему: "
    "XLA может записать его на место старого",
    "NumPy": "NumPy",
    "NumPy's own call (its BLAS): the machine's matmul ceiling only": "собственный вызов NumPy "
    "(его BLAS): только для потолка матричного умножения на этой машине",
    # jaxparity.bench.BLOCK_DESIGN: why the benchmarks are timed in paired blocks
    "(A @ A) ** 2, 500×500 float32, median ms per call, torch eager / JAX jit, range of two runs "
    "of python -m bench.block_design on the 2-core AMD EPYC Zen 4, 2026-12-03, while other "
    "tenants loaded the machine": "`(A @ A) ** 2`, 500×500 float32, медиана в мс на вызов, "
    "torch без компиляции / JAX jit, разброс двух запусков `python -m bench.block_design` на "
    "2-ядерном AMD EPYC Zen 4, 2026-12-03, пока машину нагружали другие арендаторы",
    "each alone": "каждый отдельно",
    "call by call": "поочерёдно по вызову",
    "blocks of 20, no warm-up": "блоки по 20, без разогрева",
    "blocks of 20, 3 warm-up calls": "блоки по 20, 3 разогревочных вызова",
    "blocks of 20 after a 20 ms pause": "блоки по 20 после паузы в 20 мс",
    "blocks of 20 after a 20 ms pause, 3 warm-up calls": "блоки по 20 после паузы в 20 мс, 3 "
    "разогревочных вызова",
    "interleaving call by call slows JAX 1.5–1.8×; blocks with their own warm-up run as fast as "
    "each framework alone": "чередование по вызову замедляет JAX в 1.5–1.8 раза; блоки с "
    "собственным разогревом работают так же быстро, как каждый фреймворк отдельно",
    # jaxparity.selection.COMPILE_COST, jaxparity.graphviz.MISSING
    "torch.compile costs up to 11–18 s per compiled function on a 2-core CPU": "`torch.compile` "
    "тратит до 11–18 с на каждую компилируемую функцию на 2-ядерном CPU",
    "Graphviz's dot is not installed; to get the pictures: apt install graphviz (Debian, "
    "Ubuntu), brew install graphviz (macOS) or conda install graphviz, then run again": "`dot` "
    "из Graphviz не установлен; чтобы получить рисунки: `apt install graphviz` (Debian, "
    "Ubuntu), `brew install graphviz` (macOS) или `conda install graphviz`, затем запустите "
    "снова",
    # The case records (shared/cases/*.py): Bench.variants, what each variant times
    "torch.from_numpy / jnp.from_dlpack: wrap the buffer when possible": "`torch.from_numpy` / "
    "`jnp.from_dlpack`: без копирования буфера NumPy, где это возможно",
    "torch.tensor / jnp.asarray: copy the data": "`torch.tensor` / `jnp.asarray`: скопировать "
    "данные",
    "torch.as_tensor(..., device) / jax.device_put: onto the device": "`torch.as_tensor(..., "
    "device)` / `jax.device_put`: сразу на устройство",
    "inputs already on the device": "входы уже на устройстве",
    "host arrays copied to the device inside the timed call": "массивы с хоста копируются на "
    "устройство внутри замеряемого вызова",
    "gradients of every input": "градиенты по всем входам",
    "only A's gradient": "только градиент по A",
    "only b's gradient": "только градиент по b",
    "the gradient of an input the loss does not use": "градиент по входу, который функция "
    "потерь не использует",
    "X (host memory) copied to the device whole inside the timed call, one gradient; on a CPU "
    "torch's .to('cpu') is free, JAX's device_put copies": "X (в памяти хоста) целиком "
    "копируется на устройство внутри замеряемого вызова, градиент один; на CPU `.to('cpu')` в "
    "torch ничего не стоит, а `device_put` в JAX копирует",
    "X copied a chunk at a time inside the timed call, chunk gradients summed": "X копируется "
    "на устройство по частям внутри замеряемого вызова, градиенты частей накапливаются",
    "one forward, then one backward per sample through the kept graph (autograd.grad(..., "
    "retain_graph=True)) / one jax.vjp, then its vjp function per sample in a sequential "
    "lax.map": "один прямой проход, затем по обратному проходу на каждый элемент батча через "
    "сохранённый граф вычислений (`autograd.grad(..., retain_graph=True)`) / один `jax.vjp`, "
    "затем его функция `vjp` для каждого элемента в последовательном `lax.map`",
    "one backward of a batch of cotangents, the rows of eye(n): autograd.grad(..., "
    "is_grads_batched=True) / jax.vmap over the vjp function": "один обратный проход сразу для "
    "батча котангенсов — строк `eye(n)`: `autograd.grad(..., is_grads_batched=True)` / "
    "`jax.vmap` по функции `vjp`",
    "vmap_grad without the lesson's wrapping: each sample a 1-D row, w passed as the tensor "
    "itself, no unsqueeze(0) and no parameter dict: torch.func.vmap(torch.func.grad(f), "
    "in_dims=(None, 0)) / jax.vmap(jax.grad(f), in_axes=(None, 0))": "`vmap_grad` без обёрток "
    "урока: каждый элемент батча — одномерная строка, `w` передаётся как сам тензор, без "
    "`unsqueeze(0)` и без словаря параметров: `torch.func.vmap(torch.func.grad(f), "
    "in_dims=(None, 0))` / `jax.vmap(jax.grad(f), in_axes=(None, 0))`",
    "the gradient of one sample's loss, vectorised over the batch: "
    "torch.func.vmap(torch.func.grad) / jax.vmap(jax.grad)": "градиент функции потерь одного "
    "элемента, векторизованный по батчу: `torch.func.vmap(torch.func.grad)` / "
    "`jax.vmap(jax.grad)`",
    "the Jacobian of the batch's losses by reverse mode: torch.func.jacrev / jax.jacrev": (
        "якобиан вектора потерь батча в обратном режиме: `torch.func.jacrev` / `jax.jacrev`"
    ),
    "reverse over reverse: autograd.grad(create_graph=True), then a batched backward of the "
    "gradient with eye(d) / jax.jacrev(jax.grad)": "обратный режим поверх обратного: "
    "`autograd.grad(create_graph=True)`, затем обратный проход от градиента сразу для батча "
    "строк `eye(d)` / `jax.jacrev(jax.grad)`",
    "torch.autograd.functional.hessian (a Python loop over the gradient's entries; torch only)": (
        "`torch.autograd.functional.hessian` (цикл на Python по элементам градиента; только torch)"
    ),
    "torch.autograd.functional.hessian(vectorize=True) (torch only)": "`torch.autograd."
    "functional.hessian(vectorize=True)` (только torch)",
    "torch.func.hessian / jax.hessian (forward over reverse)": "`torch.func.hessian` / "
    "`jax.hessian` (прямой режим поверх обратного)",
    "jacfwd(jacrev(f)) written out: what func/jax.hessian are defined as": "`jacfwd(jacrev(f))`, "
    "записанный явно: так определены `torch.func.hessian` и `jax.hessian`",
    "jvp of the gradient function: torch.func.jvp(torch.func.grad) / jax.jvp(jax.grad)": "`jvp` "
    "от функции градиента: `torch.func.jvp(torch.func.grad)` / `jax.jvp(jax.grad)`",
    "vjp of the gradient function: torch.func.vjp(torch.func.grad) / jax.vjp(jax.grad)": "`vjp` "
    "от функции градиента: `torch.func.vjp(torch.func.grad)` / `jax.vjp(jax.grad)`",
    "form the whole Hessian (torch.func.hessian / jax.hessian), then H @ v": "построить гессиан "
    "целиком (`torch.func.hessian` / `jax.hessian`), затем `H @ v`",
    "forward that keeps what backward needs: grad mode on / jax.vjp": "прямой проход, который "
    "сохраняет всё нужное обратному: режим градиентов включён / `jax.vjp`",
    "forward only: torch.no_grad / the plain function": "только прямой проход: `torch.no_grad` / "
    "обычная функция",
    "torch.inference_mode (torch only)": "`torch.inference_mode` (только torch)",
    "one SGD step (cross-entropy) on a DeepNetwork": "один шаг `SGD` (кросс-энтропия) на "
    "`DeepNetwork`",
    "one SGD-with-momentum step of DeepNetwork on one batch of digits": "один шаг `SGD` с "
    "моментом для `DeepNetwork` на одном батче цифр",
    "one epoch: every batch of the order, gathered from the training set": "одна эпоха: все "
    "батчи по порядку, собранные из обучающей выборки",
    "ResNet-101 inference (eval mode) on NCHW/NHWC images": "инференс ResNet-101 (режим `eval`) "
    "на изображениях `NCHW`/`NHWC`",
    # The case records: Bench.left_out, why a usual mode is not timed
    "torch times backward() over a tape built before the call: there is no function for "
    "torch.compile to compile": "torch замеряет `backward()` по графу вычислений, построенному "
    "до вызова: у `torch.compile` нет функции, которую можно скомпилировать",
    "torch.compile is not benchmarked here: torch 2.13 refuses double backward and "
    "is_grads_batched inside a compiled function (RuntimeError), and a compiled "
    "torch.autograd.functional.hessian returns zeros without any error.": "`torch.compile` "
    "здесь не замеряется: torch 2.13 отказывается выполнять двойной обратный проход и "
    "`is_grads_batched` внутри скомпилированной функции (`RuntimeError`), а скомпилированный "
    "`torch.autograd.functional.hessian` без всякой ошибки возвращает нули.",
    # The case records: Bench.unequal_work, why timings are set apart from the verdict
    "a copy against a shared buffer (torch.from_numpy wraps NumPy's memory; JAX copies float64 "
    "into a float32 device array): memory traffic, not speed": "копия против общего буфера "
    "(`torch.from_numpy` работает прямо с памятью NumPy, а JAX копирует float64 в массив "
    "float32 на устройстве): это обмен с памятью, а не скорость вычислений",
    "XLA removes every matmul b's gradient does not need (0 products in the compiled program) "
    "while torch's tape replays all of them": "XLA убирает все матричные произведения, не "
    "нужные градиенту по b (в скомпилированной программе их 0), а torch, проходя назад по графу "
    "вычислений, вычисляет их все",
    "XLA returns zeros for an unused input without computing anything while torch's backward "
    "still runs the whole tape": "для неиспользуемого входа XLA возвращает нули, ничего не "
    "вычисляя, а обратный проход torch всё равно проходит весь граф вычислений",
    "on a CPU torch's .to('cpu') returns X itself while JAX's device_put copies all of it: a "
    "copy against a shared buffer, not a compute comparison": "на CPU `.to('cpu')` в torch "
    "возвращает сам X, а `device_put` в JAX копирует его целиком: копия против общего буфера, а "
    "не сравнение вычислений",
    # How a memory benchmark read the memory (torch_impl/jax_impl modes, bench/memory.py)
    "storages saved by autograd": "хранилища, сохранённые autograd",
    "live arrays": "живые массивы (`jax.live_arrays`)",
    "cuda allocator": "аллокатор CUDA",
    "XLA allocator": "аллокатор XLA",
    "process peak RSS (VmHWM after clear_refs)": "пиковая резидентная память процесса (`VmHWM` "
    "после `clear_refs`)",
    # The machine record: the backends' precision pins, jaxparity.machine.libraries
    "highest (TF32 off)": "`highest` (TF32 выключен)",
    "highest (true float32)": "`highest` (настоящий float32)",
    "XLA (Eigen / its own CPU kernels)": "XLA (Eigen / собственные ядра для CPU)",
    # jaxparity.machine.naming.WORDS: the machine in one line
    "no listed SIMD extensions": "без известных расширений SIMD",
    "Unknown CPU": "неизвестный CPU",
    "family {family}": "семейство {family}",
    "model {model}": "модель {model}",
    "stepping {stepping}": "степпинг {stepping}",
    "implementer {implementer}": "производитель {implementer}",
    "part {part}": "модель ядра {part}",
    "{n} logical CPU": "логических процессоров: {n}",
    "{n} logical CPUs": "логических процессоров: {n}",
    "{text} ({usable} usable)": "{text} (доступно {usable})",
    "virtual machine (hypervisor unknown)": "виртуальная машина (гипервизор неизвестен)",
    "{hypervisor} guest": "виртуальная машина {hypervisor}",
    # What a run recorded in words of its own: jaxparity.summary, bench/harness.py
    "missing: did not finish (run interrupted?)": "нет результата: не завершился (запуск прерван?)",
    "not checked in this run": "в этом запуске не проверялся",
    "JAX op by op is the jitted function uncompiled, and its first call compiles every "
    "primitive on its own (≈ 11 s for all cases here); timed runs include it": "JAX по одной "
    "операции — та же функция без компиляции, и её первый вызов компилирует каждый примитив "
    "отдельно (≈ 11 с на все кейсы здесь); замеряющие запуски его включают",
}
"""The other modules' texts the report quotes, keyed by their English words: when those change,
the test that every quoted text is translated fails, rather than a stale translation showing."""

RECORDED: dict[str, str] = {
    # jaxparity.selection.mode_excluded: why a run leaves a mode out
    "mode {mode} not in --modes {modes}": "режима {mode} нет в `--modes {modes}`",
    "torch.compile left out at --size test ({cost}; --modes to include)": "`torch.compile` не "
    "замеряется при `--size test` ({cost}; включить — через `--modes`)",
    "torch.compile timed at one size per case ({size}): {cost}": "`torch.compile` замеряется на "
    "одном размере для каждого кейса ({size}): {cost}",
    # bench/harness.py: what the test suite (untimed) skips
    "{cost}; timed runs include it (jaxparity bench, or pytest bench --benchmark-enable)": "{cost}"
    "; замеряющие запуски его включают (`jaxparity bench` или `pytest bench --benchmark-enable`)",
    # jax_impl/training.py: the modes that time only an epoch (scan, jit_grad), and why
    "a single step has no epoch to loop over: {mode} is timed in the epoch variant": "у одного "
    "шага нет эпохи, по которой идти циклом: {mode} замеряется в варианте epoch",
    # shared.backends, jaxparity.artifacts: a framework or device missing
    "no {device} visible to {framework} on this machine": "{framework} не видит {device} на этой "
    "машине",
    "no {device} visible to {framework}": "{framework} не видит {device}",
    "{framework} not selected by JAXPARITY_BACKENDS": "{framework} не выбран в "
    "`JAXPARITY_BACKENDS`",
    "{framework} backend unavailable: {error}": "бэкенд {framework} недоступен: `{error}`",
    # torch_impl.modes: a mode the installed torch cannot time
    "torch {version} cannot compile inference_mode safely": "torch {version} не может безопасно "
    "скомпилировать `inference_mode`",
    # jaxparity.bench, jaxparity.summary, jaxparity.results: what a run did not finish
    "no {size} size declared for this case": "у этого кейса не объявлен размер {size}",
    "{case}: not timed — {reason}": "{case}: не замерялся — {reason}",
    "{n} planned results are missing: the run did not finish": "нет запланированных "
    "результатов: {n}; запуск не завершился",
    "{file}: the last line was cut off (run interrupted?); ignored": "{file}: последняя строка "
    "оборвана (запуск прерван?) и пропущена",
    "{file}: {n} line(s) of another run than {run} left out (an earlier or orphaned process "
    "wrote them here)": "{file}: пропущены строки другого запуска, не {run}: {n} (их записал "
    "более ранний или осиротевший процесс)",
    # The case records: Bench.variants of the DeepNetwork, the same words and where
    "{what}; on a DeepNetwork": "{what}; на `DeepNetwork`",
}
"""What a run recorded with values in it, keyed by the English template that made it
(``texts.Texts.quote`` matches it and translates each value in turn)."""
