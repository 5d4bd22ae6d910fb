"""The Russian texts of every case: its title, explanation and ``differs`` line, by case id.

Written by hand, never machine-translated at run time, in the lesson's own terms ("Введение в
PyTorch": тензор, граф вычислений, прямой и обратный проход, лист графа, устройство, батч,
функция потерь, …). Code identifiers (``requires_grad``, ``jax.grad``, ``x.grad``), numbers and
facts stay exactly as in the English texts, which live in the :class:`~shared.cases.model.Case`
records themselves. ``tests/test_texts.py`` checks that every case has both languages.

Terms used: tape / recorded graph → граф вычислений (записанный torch граф); leaf → лист графа,
листовой тензор; intermediate → промежуточная вершина графа; in-place → на месте, in-place
операция; per-sample gradients → градиенты по элементам батча; vector-Jacobian product →
произведение вектора на якобиан; residuals → значения, сохранённые для обратного прохода;
host → хост; op by op / eager → по одной операции, без компиляции; loss (a value) → лосс;
seed → сид; benchmark → замер; case → пример. Quotes are «ёлочки», dashes —.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """One case's texts in one language (the English ones are the Case's own fields)."""

    title: str
    explanation: str
    differs: str


_NO_TORCH_COMPILE = (
    "torch.compile здесь не замеряется: torch 2.13 отказывается выполнять двойной backward и "
    "is_grads_batched внутри скомпилированной функции (RuntimeError), а скомпилированный "
    "torch.autograd.functional.hessian без всякой ошибки возвращает нули."
)
"""``shared.cases.advanced._NO_TORCH_COMPILE`` in Russian."""

RU: dict[str, Text] = {
    "tensors.create": Text(
        title="zeros, ones с заданным dtype и случайные тензоры из стандартного нормального "
        "распределения",
        explanation="torch.randn берёт числа из скрытого глобального генератора; "
        "jax.random.normal требует явного ключа. Формы и типы данных совпадают, а "
        "последовательности случайных чисел разные: у randn проверяются форма и тип данных, а "
        "генератор — по моментам отдельной большой выборки.",
        differs="torch.randn берёт числа из скрытого глобального генератора; "
        "jax.random.normal(key, shape) требует явного ключа.",
    ),
    "tensors.basic_ops": Text(
        title="A + B.T, A @ B, sum и prod для матриц 3×5 и 5×3",
        explanation="Операторы и имена функций в обоих фреймворках те же, что в NumPy.",
        differs="Почти ничего: те же строки, только вместо torch.sum в JAX пишут jnp.sum.",
    ),
    "tensors.to_numpy": Text(
        title="Тензор → NumPy: в torch общая память, JAX отдаёт представление или копию только "
        "для чтения",
        explanation="Tensor.numpy() возвращает массив поверх собственного буфера тензора: запись "
        "в любой из них меняет другой (на GPU numpy(force=True) приходится копировать). "
        "np.asarray(jax_array) доступен только для чтения: массивы JAX неизменяемы, и "
        "представление в NumPy не должно позволять никому в них писать.",
        differs="w.numpy() — массив поверх памяти тензора, доступный для записи; np.asarray(w) от "
        "массива JAX — только для чтения.",
    ),
    "tensors.from_numpy_copy": Text(
        title="NumPy → тензор с копированием: последующие изменения массива NumPy не видны",
        explanation="torch.tensor(np) и jnp.asarray(np) оба копируют данные, поэтому последующее "
        "`v_np += 1` меняет только массив NumPy.",
        differs="Оба копируют (torch.tensor, jnp.asarray); JAX без x64 к тому же превращает int64 "
        "из NumPy в int32.",
    ),
    "tensors.from_numpy_shared": Text(
        title="NumPy → тензор с общим буфером: torch.from_numpy и JAX",
        explanation="torch.from_numpy оборачивает буфер NumPy, поэтому `u_np += 10` видно и в "
        "тензоре. В JAX общего изменяемого буфера нет: jnp.asarray копирует, и даже импорт через "
        "DLPack без копирования — это снимок, который программе нельзя потом менять, ведь массив "
        "JAX — это значение.",
        differs="torch.from_numpy делит буфер с NumPy и видит u_np += 10; в JAX нет from_numpy, а "
        "jnp.asarray копирует.",
    ),
    "tensors.conversion_speed": Text(
        title="Скорость NumPy → тензор: общий буфер против копирования массива float64 размером "
        "1000×1000",
        explanation="Общий буфер (torch.from_numpy) стоит микросекунды при любом размере; "
        "копирование стоит прохода по памяти. JAX копирует (jnp.asarray, jax.device_put); "
        "jnp.from_dlpack мог бы обернуть буфер, но без x64 массив float64 должен стать float32 — "
        "это тоже копия.",
        differs="torch.from_numpy оборачивает массив за микросекунды; JAX здесь копирует: без x64 "
        "float64 становится float32.",
    ),
    "tensors.api_names": Text(
        title="dim= против axis=, view/reshape, .to/.type против .astype",
        explanation="torch пишет dim= там, где NumPy и jnp пишут axis=; .view в torch никогда не "
        "копирует и падает, если расположение тензора в памяти не подходит, а в jnp есть только "
        "reshape (о копиях решает XLA). Приведение к float64 в torch работает; JAX без x64 выдаёт "
        "предупреждение и оставляет float32.",
        differs="torch: sum(dim=0), .view, .to(torch.float64); JAX: sum(axis=0), только reshape, "
        ".astype (без x64 — float32).",
    ),
    "tensors.inplace": Text(
        title="A[1] += A[2], zero_(), exp_(): на месте в torch, новые массивы в JAX",
        explanation="torch изменяет переданный ему тензор в его собственной памяти. Массив JAX "
        "измениться не может: x.at[1].add(x[2]) возвращает новый массив в новой памяти. Под "
        "jax.jit с donate_argnums вызывающий код отдаёт свой входной массив, и XLA записывает "
        "результат в отданную память: всё-таки на месте, но так, что изменения никто не видит.",
        differs="torch меняет A в его собственной памяти; в JAX A.at[1].add(A[2]) возвращает "
        "новый массив, а A остаётся прежним.",
    ),
    "tensors.dtype_promotion": Text(
        title="float32 + float64 и float32 @ float64",
        explanation="torch приводит f32 + f64 к f64, но отказывается вычислять f32 @ f64 "
        "(RuntimeError). В JAX по умолчанию float64 нет вообще (x64 выключен: массив f64 молча "
        "становится f32); с включённым x64 и +, и @ дают f64.",
        differs="torch: f32 + f64 даёт float64, а f32 @ f64 — RuntimeError; JAX без x64 вычисляет "
        "оба во float32.",
    ),
    "tensors.useful_functions": Text(
        title="Полезные функции: cat, stack, unsqueeze/squeeze, chunk, transpose, permute, "
        "tile/repeat, max, maximum, ravel, flatten, topk",
        explanation="Идеи те же, имена другие: cat/concatenate, unsqueeze/expand_dims, "
        "permute/transpose; torch.max(dim) возвращает (значения, индексы), а в jnp для этого "
        "нужны max и argmax; topk — это lax.top_k. torch.chunk(x, 3) для 10 строк даёт 4+4+2, "
        "np.array_split — 4+3+3.",
        differs="torch.chunk даёт 4+4+2 строки, jnp.array_split — 4+3+3; torch.max(dim) сразу "
        "возвращает и значения, и индексы.",
    ),
    "tensors.random_seeding": Text(
        title="Воспроизводимая случайность: torch.manual_seed против явных ключей jax.random",
        explanation="torch.manual_seed сбрасывает глобальный генератор: каждый следующий вызов "
        "сдвигает его состояние, поэтому случайная выборка в любом другом месте программы меняет "
        "числа, которые вы получите дальше. Ключ JAX — это значение: один и тот же ключ всегда "
        "даёт одни и те же числа, что бы ещё ни выбиралось, а split создаёт новые ключи. "
        "Последовательности у фреймворков разные, поэтому тесты используют общие данные, "
        "созданные в NumPy, а не общие сиды.",
        differs="torch.manual_seed сбрасывает глобальный генератор, и каждая выборка сдвигает "
        "его; в JAX у каждой выборки свой ключ.",
    ),
    "devices.inspect": Text(
        title="dtype и device тензора; доступна ли GPU?",
        explanation="torch: x.device, torch.cuda.is_available(). JAX: x.devices() (массив может "
        "быть распределён по нескольким устройствам), jax.devices(). torch создаёт новые "
        "тензоры на CPU, если не указано иное; JAX — на устройстве по умолчанию, то есть на GPU, "
        "если она есть.",
        differs="torch: x.device и torch.cuda.is_available(); JAX: x.devices() — множество "
        "устройств — и jax.devices().",
    ),
    "devices.select": Text(
        title="cuda:0, если GPU доступна, иначе cpu",
        explanation="В torch выбирают torch.device и передают его дальше; устройство по умолчанию "
        "в JAX — первый ускоритель, если он есть, а jax.devices('gpu') выбрасывает исключение, "
        "если его нет.",
        differs="torch создаёт torch.device и передаёт его в каждый .to(); в JAX по умолчанию уже "
        "выбрана первая GPU, если она есть.",
    ),
    "devices.transfer": Text(
        title="Перенос данных на устройство: .to(device) и jax.device_put",
        explanation="Оба копируют данные на другое устройство; на то же устройство .to в torch "
        "возвращает сам тензор, а jax.device_put разделяет с массивом память "
        "(devices.copy_on_transfer). Значения в любом случае совпадают.",
        differs="В torch a.to(device), в JAX jax.device_put(a, device), который к тому же "
        "привязывает массив к этому устройству.",
    ),
    "devices.cross_device_error": Text(
        title="Операция над тензорами на двух разных устройствах завершается ошибкой",
        explanation="torch отказывается выполнять `a.cuda() + a`: RuntimeError (без GPU то же "
        "правило показывает устройство meta). JAX отказывается работать с массивами, привязанными "
        "к двум разным устройствам: ValueError; без GPU это показывают два принудительно "
        "созданных устройства CPU.",
        differs="Оба не смешивают устройства: torch падает с RuntimeError, JAX (массивы, "
        "привязанные к устройствам) — с ValueError.",
    ),
    "devices.copy_on_transfer": Text(
        title="Изменение копии на CPU после .to(device) не трогает копию на устройстве",
        explanation="В torch `p_cpu -= 1` изменяет тензор на CPU, а копия на устройстве сохраняет "
        "старые значения (на CPU .to('cpu') возвращает тот же самый тензор, так что он тоже "
        "меняется!). jax.device_put на то же устройство тоже разделяет память, но в массив JAX "
        "ничего нельзя записать: `p_cpu -= 1` создаёт новый массив, так что вопрос не возникает.",
        differs="В torch p_cpu -= 1 пишет в тензор на CPU; в JAX p_cpu -= 1 создаёт новый массив, "
        "и ни одна копия не меняется.",
    ),
    "devices.layer": Text(
        title="Типичный слой (A @ B) ** 2 на матрицах 1000×1000 с копированием хост→устройство и "
        "без него",
        explanation="Скорость упирается в матричное произведение: оба фреймворка вызывают BLAS "
        "(CPU) или cuBLAS (GPU) и должны достигать пиковой скорости матричного умножения на этой "
        "машине; jit не может ускорить само произведение, а может только слить с ним возведение в "
        "квадрат.",
        differs="torch выполняет произведение и квадрат по отдельности; jax.jit компилирует слой, "
        "и XLA сливает квадрат с произведением.",
    ),
    "autograd.backward_basics": Text(
        title="Градиенты z = 3x³ − y²: z.sum().backward(), x.grad == 9x²",
        explanation="torch помечает тензоры флагом requires_grad, записывает граф вычислений, и "
        "backward() сохраняет градиенты в x.grad и y.grad. JAX дифференцирует функцию: "
        "jax.grad(f, argnums=(0, 1)) возвращает (9x², −2y) как значения. Обратный проход со "
        "случайным вектором v вместо единиц (z.backward(v), jax.vjp) проверяет то, что .sum() мог "
        "бы скрыть.",
        differs="torch: requires_grad, z.sum().backward(), затем x.grad; JAX: jax.grad(f, "
        "argnums=(0, 1)) возвращает градиенты.",
    ),
    "autograd.requires_grad": Text(
        title="Флаги requires_grad и grad_fn против дифференцирования по аргументу",
        explanation="Тензор torch несёт флаг requires_grad (по умолчанию False), а результаты "
        "операций над отслеживаемыми тензорами — grad_fn (здесь SubBackward0), который держит в "
        "памяти всё нужное для backward: z удерживает x. У массива JAX нет ни флага, ни grad_fn, "
        "и z ни на что не ссылается: по чему дифференцировать, задаёт argnums в jax.grad, а граф "
        "— это jaxpr, который трассирует JAX; его последняя операция — то же вычитание sub.",
        differs="Тензоры torch несут requires_grad и grad_fn; у массивов JAX нет ни того, ни "
        "другого: входы выбирает argnums в jax.grad.",
    ),
    "autograd.intermediate_grad": Text(
        title="z.grad равен None; retain_grad() против jax.vjp в промежуточной вершине графа",
        explanation="torch хранит градиенты только для листьев графа: z.grad равен None (с "
        "предупреждением), если не был вызван z.retain_grad(). JAX нигде не хранит градиенты: "
        "градиент по промежуточному z — это градиент по нулю, прибавленному к z.",
        differs="torch сохраняет z.grad только после z.retain_grad(); JAX дифференцирует по нулю, "
        "прибавленному к z.",
    ),
    "autograd.graph_view": Text(
        title="Граф вычислений MSE линейной регрессии: torchviz против jaxpr",
        explanation="torchviz рисует граф, записанный torch: узлы обратного прохода (MvBackward0 "
        "для X @ w), а листьями — только тензоры, которым нужен градиент (Weight, Bias; не X и не "
        "y). jaxpr в JAX — это трассированная программа прямого прохода, где каждый аргумент — "
        "вход; jax.grad выводит из неё программу обратного прохода. write_graph(out_dir) в каждой "
        "реализации записывает оба графа для студента.",
        differs="torchviz рисует узлы обратного прохода с листьями Weight и Bias; jaxpr — прямой "
        "проход, где X и y тоже входы.",
    ),
    "autograd.unsupported_op": Text(
        title="Обратный проход через комплексный Embedding и linalg.norm",
        explanation="В установленной версии torch комплексный Embedding из урока падает уже на "
        "прямом проходе (RuntimeError: «embedding does not support automatic differentiation for "
        "outputs with complex dtype»); прямая индексация весов работает. JAX дифференцирует "
        "jnp.take + norm, "
        "но возвращает градиент, комплексно сопряжённый к градиенту torch (таково его "
        "соглашение), а без x64 веса complex128 становятся complex64.",
        differs="Embedding в torch падает уже на прямом проходе; JAX дифференцирует jnp.take + "
        "norm, но градиент комплексно сопряжён.",
    ),
    "autograd.custom_function": Text(
        title="MySquare как torch.autograd.Function и как jax.custom_vjp",
        explanation="torch.autograd.Function — это один узел графа вычислений (MySquareBackward), "
        "backward которого вы пишете сами, с ctx.save_for_backward; jax.custom_vjp — один "
        "custom_vjp_call в jaxpr, где fwd возвращает значения, сохраняемые для обратного прохода, "
        "а bwd — кортеж градиентов по входам. Оба дают те же градиенты, что и встроенное "
        "возведение в квадрат; первый backward из урока (grad_output * 2) отрабатывает без единой "
        "жалобы, и поймать его могут только gradcheck / check_grads.",
        differs="torch: подкласс torch.autograd.Function с ctx.save_for_backward; JAX: "
        "jax.custom_vjp с функциями fwd и bwd.",
    ),
    "autograd.backward_inputs": Text(
        title="calc_loss: backward() против backward(inputs=[A]), [b] и неиспользуемого [c]",
        explanation="backward(inputs=[A]) пропускает матричные произведения, нужные только для "
        "градиента по B (примерно в 2 раза быстрее), для [b] произведения не нужны вовсе, а "
        "неиспользуемый c не получает .grad (None). jax.grad(argnums=…) под jit позволяет XLA "
        "выбросить всё, что не нужно для запрошенного градиента: прямой проход (torch без "
        "компиляции выполняет в нём все num_iters + 1 произведений, а XLA вычисляет A @ B один "
        "раз), а для b — все матричные произведения; неиспользуемый аргумент получает нули. "
        "matmul_counts() в каждой реализации показывает, что вычисляет каждая сторона.",
        differs="torch: backward(inputs=[A]), и .grad неиспользуемого c равен None; JAX: argnums "
        "в jax.grad, и c получает нули.",
    ),
    "autograd.accumulation": Text(
        title="Градиенты накапливаются между вызовами backward; линейная регрессия по частям",
        explanation="Каждый backward() в torch прибавляет к .grad, пока .grad не присвоят None, и "
        "это позволяет обработать по частям батч, который не помещается на устройство. JAX "
        "возвращает градиенты и нигде их не хранит: накопление — это явная сумма. В обоих случаях "
        "функция потерь каждой части должна делиться на размер всего батча (среднее по каждой "
        "половине, как в уроке, удвоило бы градиент).",
        differs="backward() в torch прибавляет к .grad, пока тот не станет None; JAX возвращает "
        "градиенты, и складываете их вы сами.",
    ),
    "autograd.inplace_error": Text(
        title="In-place операции над тензорами, нужными autograd, против неизменяемых массивов",
        explanation="torch позволяет выполнить y.exp_() после того, как z = y**2 сохранил y, и "
        "падает на backward (RuntimeError: «modified by an inplace operation»); x[x > 0.5] = 0 "
        "над листовым тензором с requires_grad падает сразу. Массивы JAX неизменяемы: любое "
        "присваивание элементу — TypeError, а jnp.where или x.at[mask].set(0) создают новые "
        "массивы.",
        differs="В torch y.exp_() выполняется, а падает потом backward; запись в массив JAX — "
        "сразу TypeError.",
    ),
    "autograd.clone_detach": Text(
        title="clone сохраняет связь с графом, detach её разрывает; lax.stop_gradient",
        explanation="В sum(x + x.clone() + y.detach()) градиент по x равен 2 (клон — второй путь "
        "к x), а y не получает ничего: torch оставляет y.grad равным None, lax.stop_gradient в "
        "JAX даёт нули. detach() разделяет память с исходным тензором, поэтому запись в результат "
        "меняет оригинал; функцию потерь, построенную только из отсоединённой копии, в torch "
        "нельзя продифференцировать обратным проходом, а JAX просто возвращает нулевой градиент. "
        "lax.stop_gradient вне трассировки возвращает сам массив, вместе с его памятью, и это "
        "безвредно: в него никто не может записать.",
        differs="torch: x.clone() остаётся в графе, y.detach() выходит из него (y.grad — None); "
        "JAX: lax.stop_gradient(y), нули.",
    ),
    "advanced.grad_mean": Text(
        title="Градиент среднего: autograd.grad(mean(X @ w), w) == X.mean(0)",
        explanation="torch.autograd.grad возвращает градиент, а не прибавляет его к w.grad; "
        "jax.grad возвращает новую функцию, которая его вычисляет. Оба дают X.mean(0).",
        differs="torch.autograd.grad дифференцирует записанный граф; jax.grad(f) превращает f в "
        "функцию её градиента.",
    ),
    "advanced.vjp": Text(
        title="grad_outputs=v: произведение вектора на якобиан == v @ X",
        explanation="grad_outputs=v превращает обратный проход для векторного выхода в v @ J, не "
        "строя J; jax.vjp возвращает выход и функцию, которая делает то же для любого v.",
        differs="torch передаёт grad_outputs=v в autograd.grad; jax.vjp возвращает выход и "
        "функцию, переводящую v в v @ J.",
    ),
    "advanced.per_sample_grads": Text(
        title="Градиенты по элементам батча: цикл, is_grads_batched, torch.func.vmap, jacrev и JAX",
        explanation="Цикл из урока делает по одному обратному проходу на "
        "элемент через сохранённый граф: без retain_graph=True первый "
        "backward освобождает граф, и второй падает (RuntimeError). Функция "
        "vjp в JAX хранит сохранённые значения как обычные массивы, и её "
        "можно вызывать снова. is_grads_batched и jax.vmap над функцией vjp "
        "выполняют все обратные проходы как один проход по батчу; vmap(grad) "
        "векторизует градиент одного элемента; jacrev делает то же через "
        "якобиан. Все дают X для X @ w, а для DeepNetwork из урока — то же, "
        "что цикл по отдельным элементам. Не менее важно, что компилятор "
        "делает из метода: на большом размере XLA:CPU (jax 0.10) вычисляет "
        "градиенты первого слоя в vmap(grad), 256 × 1000 × 64 чисел с "
        "плавающей точкой, в транспонированном порядке, а затем копирует их в "
        "раскладку, нужную ядру, — это большая часть времени этого варианта; "
        "копия видна в jax.jit(f).lower(*args).compile().as_text(). " + _NO_TORCH_COMPILE,
        differs="Циклу в torch нужен retain_graph=True для повторного backward; функцию vjp в JAX "
        "можно вызывать сколько угодно раз.",
    ),
    "advanced.hessian": Text(
        title="Гессиан S = w @ XᵀX @ w: двойной backward, functional.hessian, torch.func и "
        "jax.hessian",
        explanation="Градиент, построенный с create_graph=True, можно "
        "продифференцировать ещё раз: его обратный проход со строками eye(d) "
        "(is_grads_batched=True) даёт 2XᵀX. В ячейке урока нет "
        "is_grads_batched, и torch такое отвергает (grad_outputs формы (d, d) "
        "не совпадает с градиентом формы (d,)). torch.func.hessian и "
        "jax.hessian оба устроены как jacfwd(jacrev(f)). " + _NO_TORCH_COMPILE,
        differs="torch дифференцирует градиент повторно только с create_graph=True; в JAX "
        "jax.grad(f) — просто ещё одна функция.",
    ),
    "advanced.jvp_hvp": Text(
        title="(вне урока) JVP в прямом режиме и произведения гессиана на вектор без построения H",
        explanation="JVP передаёт направление вперёд через функцию (один проход, J не строится). "
        "Дифференцирование функции градиента по направлению v даёт H @ v по цене пары градиентов, "
        "тогда как построение H стоит d градиентов.",
        differs="Почти ничего: torch.func.jvp, vjp и grad один к одному повторяют jax.jvp, "
        "jax.vjp и jax.grad.",
    ),
    "modes.enable_grad": Text(
        title="enable_grad внутри no_grad",
        explanation="Внутри torch.no_grad() вызов torch.enable_grad() снова включает запись "
        "графа: `on` требует градиента, `off` — нет, и градиент течёт только через `on`. В JAX "
        "переключателя нет: jax.grad дифференцирует ту функцию, которую ему дали, а "
        "lax.stop_gradient помечает как константу значение (а не участок кода).",
        differs="torch снова включает запись внутри no_grad через enable_grad(); в JAX режимов "
        "нет, есть только lax.stop_gradient.",
    ),
    "modes.no_grad": Text(
        title="no_grad как менеджер контекста и как декоратор против lax.stop_gradient",
        explanation="Результаты, полученные под torch.no_grad() (в блоке with или через "
        "декоратор), имеют requires_grad=False и не участвуют в последующем backward. В JAX "
        "аналог — lax.stop_gradient на значении; градиент через остальное тот же (единицы).",
        differs="torch.no_grad() (блок with или декоратор) выключает запись графа; в JAX значения "
        "оборачивают в lax.stop_gradient.",
    ),
    "modes.inference_mode": Text(
        title="Тензоры из режима инференса нельзя потом использовать в autograd",
        explanation="Тензор, созданный под torch.inference_mode(), — тензор режима инференса: "
        "autograd отказывается сохранять его для последующего обратного прохода (RuntimeError), "
        "пока его не склонируют в обычный тензор. В JAX режима инференса нет, поэтому ничего не "
        "запрещается: быстрый путь — это прямой проход под jit, и его выходы — обычные массивы.",
        differs="Тензор из torch.inference_mode() нельзя сочетать с тензором, требующим градиента "
        "(RuntimeError); в JAX режима нет.",
    ),
    "modes.item_leak": Text(
        title="Сохранённые тензоры лосса удерживают графы и память; .item() — нет",
        explanation="Лосс в torch, который является частью графа, держит все тензоры, сохранённые "
        "для его обратного прохода, — здесь весь батч: храня такие лоссы, вы держите в памяти по "
        "батчу на каждый шаг. .item() сохраняет обычное число Python (float) и освобождает граф. "
        "Лосс в JAX — обычный массив: хранение такого лосса держит в памяти только его "
        "собственный скалярный буфер, а float(loss) дожидается окончания вычислений на "
        "устройстве. Память измеряется аллокатором на GPU; на CPU — байтами, которые сохранил "
        "autograd (torch), и живыми массивами (JAX). Для этого примера замеряется память "
        "(bench/test_memory_modes.py), а не время.",
        differs="Сохранённый лосс torch держит граф и батч (.item() их отпускает); сохранённый "
        "лосс JAX — просто скаляр.",
    ),
    "modes.forward": Text(
        title="Прямой проход MLP с градиентами, под no_grad и inference_mode против JAX под jit",
        explanation="С включёнными градиентами torch записывает граф и сохраняет то, что "
        "понадобится backward; no_grad и inference_mode этого не делают. Прямой проход в JAX "
        "никогда ничего не записывает: его вариант `grad` — это jax.vjp, который вычисляет выход "
        "и сохраняет значения для обратного прохода, а вариант `no_grad` — обычный прямой проход; "
        "jit компилирует оба.",
        differs="torch записывает граф вне no_grad/inference_mode; JAX не записывает никогда, а "
        "значения для backward хранит jax.vjp.",
    ),
    "modules.identity": Text(
        title="Модуль Identity с __repr__",
        explanation="forward модуля nn.Module вызывается через __call__ (который также запускает "
        "хуки); __call__ модуля NNX и есть прямой проход. Оба возвращают тот же самый входной "
        "объект, и оба печатают то, что возвращает __repr__.",
        differs="nn.Module в torch требует super().__init__() и forward; в модуле NNX __call__ и "
        "есть прямой проход.",
    ),
    "modules.registration": Text(
        title="Что является параметром, а что нет",
        explanation="torch регистрирует то, что присвоено как nn.Parameter или nn.Module, а также "
        "то, что добавлено через register_buffer и контейнеры; обычный тензор или обычный список "
        "параметров молча игнорируется. NNX решает по типу Variable: nnx.Param — параметр, "
        "nnx.BatchStat (или любой подкласс Variable) — состояние, как буфер, и обычный массив в "
        "атрибуте — тоже состояние, просто не Param. Flax отвергает обычный список Param с "
        "ValueError (контейнеры — nnx.List / nnx.Dict). В обоих 25 параметров; имена различаются: "
        "NNX их сортирует и пишет kernel и seq.layers.0 там, где torch пишет weight и seq.0.",
        differs="torch молча пропускает обычный список параметров; NNX выбрасывает ValueError и "
        "требует nnx.List / nnx.Dict.",
    ),
    "modules.api": Text(
        title="Методы модуля: parameters, named_parameters, buffers, requires_grad_, to, "
        "train/eval",
        explanation="parameters()/buffers() — это nnx.state(model, nnx.Param) и nnx.state(model, "
        "nnx.BatchStat). requires_grad_(False) — флаг на параметре torch; в NNX флага нет, и "
        "вместо него при каждом вызове выбирают, по чему дифференцировать (фильтр nnx.DiffState, "
        "wrt= оптимизатора). .to(device, dtype) — это функция, применённая ко всем массивам из "
        "nnx.state и записанная обратно через nnx.update. train()/eval() есть в обоих и "
        "переключают Dropout и BatchNorm. Осторожно: momentum в BatchNorm означает "
        "противоположные вещи — 0.1 в torch — это вес нового батча в скользящем среднем, 0.99 в "
        "NNX — вес старого значения (новому батчу достаётся 0.01).",
        differs="torch: методы и флаги requires_grad; NNX: фильтры nnx.state. momentum в "
        "BatchNorm значит противоположное: 0.1 и 0.99.",
    ),
    "modules.param_count": Text(
        title="print_params_count: всего параметров и из них обучаемых",
        explanation="Числа в обоих одинаковые: у MyFirstNetwork(64, 32, 2) 3202 параметра, у "
        "DeepNetwork(64, 32, 2, 2) — 4226 (у fc_in нет смещения). Заморозка fc_in в torch — это "
        "requires_grad_(False); в NNX такого флага нет: обучаемо то, что выбирает фильтр wrt= "
        "оптимизатора (и nnx.grad), здесь все Param вне fc_in, — или же замороженные массивы "
        "получают тип Variable, отличный от nnx.Param.",
        differs="Числа те же (3202, 4226); заморозка fc_in — это requires_grad_(False) в torch и "
        "фильтр для wrt= в NNX.",
    ),
    "modules.first_network": Text(
        title="Моя первая нейронная сеть: MyFirstNetwork(64, 32, 2)",
        explanation="Общими являются веса, а не сиды: один набор параметров из NumPy загружается "
        "в обе сети (Linear.weight в torch имеет форму (out, in), kernel во Flax — "
        "транспонированную (in, out)), и после этого логиты, лосс и градиенты совпадают с прямым "
        "и обратным проходом на NumPy.",
        differs="Linear.weight в torch — (out, in), kernel во Flax — (in, out); backward() пишет "
        "в .grad, nnx.value_and_grad возвращает.",
    ),
    "modules.second_network": Text(
        title="MySecondNetwork: блоки из Sequential",
        explanation="nn.Sequential нумерует свои дочерние модули (fc_in.0.weight); nnx.Sequential "
        "хранит их в списке `layers` (fc_in.layers[0].kernel). Текст этой сети в нашей копии "
        "урока искажён; он прочитан как Linear+ReLU, Linear+ReLU, Linear.",
        differs="nn.Sequential нумерует дочерние модули (fc_in.0.weight); nnx.Sequential хранит "
        "их списком (fc_in.layers[0].kernel).",
    ),
    "modules.deep_network": Text(
        title="DeepNetwork(in, hidden, classes, num_layers), fc_in без смещения",
        explanation="Sequential, вложенные в Sequential: layers.1.0.weight в torch — это "
        "layers.layers[1].layers[0].kernel в NNX, транспонированный. Логиты и градиенты совпадают "
        "при глубине 2 (размер test) и 4 (размер depth4).",
        differs="layers.1.0.weight в torch — это транспонированный "
        "layers.layers[1].layers[0].kernel в NNX.",
    ),
    "modules.train_step": Text(
        title="(вне урока) K шагов SGD с кросс-энтропией — к заключительному утверждению урока",
        explanation="torch изменяет данные на месте: loss.backward() заполняет .grad, а "
        "optimizer.step() обновляет параметры прямо в их памяти. JAX вычисляет новые параметры из "
        "старых: шаг под nnx.jit сам обновляет объект модуля (обходя его граф объектов Python при "
        "каждом вызове), а шаг под jax.jit над состоянием из nnx.split — чистая функция от "
        "массивов, самый быстрый вариант в JAX. Все варианты приходят к тем же параметрам, что и "
        "эталонный SGD на NumPy.",
        differs="optimizer.step() в torch меняет параметры на месте; шаг в JAX вычисляет новые "
        "параметры из старых.",
    ),
    "resnet.param_count": Text(
        title="net = resnet101(); print_params_count(net): параметры и буферы",
        explanation="У ResNet-101 в обоих фреймворках 44 549 160 параметров (столько же "
        "насчитывает torchvision), и все обучаемые. Скользящие среднее и дисперсия BatchNorm "
        "(105 344 числа) — не параметры: torch хранит их как буферы, NNX — как переменные "
        "nnx.BatchStat. torch держит ещё по одному буферу на каждый BatchNorm — счётчик "
        "num_batches_tracked (их 104); в NNX такого счётчика нет. Сторона JAX считает модель, "
        "построенную через nnx.eval_shape: только формы, без 178 МБ случайных весов.",
        differs="Буферы в torch (со счётчиком num_batches_tracked у каждого BatchNorm), "
        "переменные nnx.BatchStat в NNX (без счётчика).",
    ),
    "resnet.transfer": Text(
        title="Веса из torch во Flax и обратно: каждое изменение раскладки названо",
        explanation="Один набор весов в формате state_dict из torch загружается в обе сети и "
        "выгружается обратно без изменений, бит в бит, все 522 тензора. По пути во Flax вес "
        "свёртки (out, in, kh, kw) становится ядром (kh, kw, in, out), fc.weight (out, in) — "
        "ядром (in, out), weight у BatchNorm — его scale, а running_mean/running_var — "
        "переменными nnx.BatchStat mean/var; на обратном пути всё наоборот. Пути к "
        "параметрам одинаковые (layer3.22.conv2): стадии в NNX — это nnx.List, который "
        "нумерует блоки так же, как nn.Sequential.",
        differs="Раскладки torch и есть общий формат; Flax транспонирует каждое ядро "
        "(OIHW → HWIO, (out, in) → (in, out)).",
    ),
    "resnet.forward": Text(
        title="Прямой проход ResNet-101, model.eval() и model.train()",
        explanation="Одинаковые веса дают одинаковые логиты в обоих фреймворках — в режиме "
        "eval (BatchNorm берёт скользящие статистики) и в режиме train (статистики батча, "
        "поэтому логиты меняются). Прямой проход в режиме train ещё и обновляет скользящие "
        "статистики — в обоих по одному правилу new = 0.9·old + 0.1·batch (momentum=0.1 в "
        "torch — это momentum=0.9 во Flax), но с разной дисперсией батча: torch делит на "
        "n − 1 (несмещённая оценка), Flax — на n. Изображения в torch имеют раскладку NCHW, во "
        "Flax — NHWC. Логиты сверяются с учётом ошибки float32, которую на той же сети и том же "
        "входе делает третья реализация (NumPy во float32): оценка худшего случая после 104 "
        "свёрток ничего не говорит.",
        differs="Изображения NCHW против NHWC; скользящая дисперсия обновляется с делением на "
        "n − 1 в torch и на n во Flax.",
    ),
}
"""Case id → its Russian texts, for every case of ``shared.cases.CASES``, in its order."""

from shared.cases import distributed  # noqa: E402  (its texts beside its records)

RU.update(distributed.russian())
