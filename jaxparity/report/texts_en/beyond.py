"""Beyond speed (``report/differences.py``) and stricter code, shown as code
(``report/strict_code.py``)."""

MESSAGES: dict[str, str] = {
    # Beyond speed (report/differences.py)
    "differences.heading": "Beyond speed: behaviour that differs on purpose, and memory",
    "differences.training": "**A training step, jitted and as a student writes it** ({where}): "
    "one SGD step with jitted JAX runs at {speedup} eager PyTorch's speed{student}.",
    "differences.training.student": "; written as a student would ({mode}), {speedup}: its "
    "Python object graph is walked on every call",
    "differences.behaviour": "**Behaviour that differs on purpose**: in {n} of the {of} cases "
    "the two frameworks behave differently, each asserted and confirmed in this run — "
    "{which}{more}. [The same Python, three ways](#strict-code): eagerly, through "
    "`torch.compile` and through `jax.jit`.",
    "differences.refuses.torch": "torch refuses",
    "differences.refuses.jax": "JAX refuses",
    "differences.refuses.both": "both refuse, differently",
    "differences.more": "; and {n} more",
    "differences.memory": "**Memory**, where a benchmark measured it: {parts}.",
    "differences.memory.none": "**Memory**: no benchmark measured memory in this run.",
    "differences.memory.peak": "peak",
    # Stricter code, shown as code (report/strict_code.py)
    "strict.heading": "Stricter code: the same Python, three ways",
    "strict.intro": "The lesson closes by saying that JAX trains faster thanks to "
    "optimisation and compilation but needs stricter code. Here is what that means, as code: "
    "the same ordinary Python function run eagerly by torch, through `torch.compile` and "
    "through `jax.jit`, "
    "and the way JAX says the same thing. Each cell is what this run observed and the judge "
    "accepted; [the topic's cases](#topic-strict) have the code and the explanations. Where Dynamo "
    "cannot capture something, `torch.compile` breaks the graph and runs that part in "
    "Python; `jax.jit` refuses it, and torch refuses it too when asked for one graph "
    "(`fullgraph=True`). Graphs are counted by a backend that runs them as captured, JAX's "
    "compilations by its monitoring events; seconds are each call's wall time, the first "
    "call of a shape paying for its compilation (TorchInductor's first one also for starting "
    "up). What a framework said is shown as it wrote it.",
    "strict.device": "On the {device}:",
    "strict.col.case": "the ordinary Python",
    "strict.col.eager": "eager torch",
    "strict.col.compile": "`torch.compile`",
    "strict.col.jit": "`jax.jit`",
    "strict.col.rewrite": "the JAX way",
    "strict.ran": "ran",
    "strict.raised": "raised `{error}`: `{message}`",
    "strict.raised_class": "raised `{error}`",
    "strict.op_by_op": "without `jit`: {what}",
    "strict.same_error": "the same error",
    "strict.graphs": "graphs compiled: {n}",
    "strict.dynamic": "of them with a dynamic length: {n}",
    "strict.break": "graph break: `{reason}`",
    "strict.no_break": "no graph break",
    "strict.fullgraph": "`fullgraph=True` raised `{error}`",
    "strict.fullgraph_ok": "`fullgraph=True` compiled it",
    "strict.compiles": "compilations: {n} for {calls} shapes",
    "strict.seconds": "seconds per call{backend}: {seconds}",
    "strict.backend": " (`{backend}`)",
    "strict.prints": "`print` ran in {n} of {calls} calls",
    "strict.printed": "what it printed: `{text}`",
    "strict.appends": "`append` ran in {n} of {calls} calls",
    "strict.use_error": "what it appended is a tracer: using it raised `{error}`",
    "strict.changed": "wrote into `x`",
    "strict.unchanged": "left `x` as it was",
    "strict.same": "eager torch's answer",
    "strict.differs": "not eager torch's answer",
    "strict.not_compared": "not compared with torch",
    "strict.failed": "failed (see the case)",
    "strict.not_run": "not run",
    "strict.rewrite.python_if": "`jnp.where`, `lax.cond`",
    "strict.rewrite.new_shapes": "inputs padded to one length",
    "strict.rewrite.side_effect_print": "`jax.debug.print`",
    "strict.rewrite.side_effect_append": "the value returned, appended outside `jit`",
    "strict.rewrite.inplace_update": "`x.at[0].set(0)`",
    "strict.rewrite.dynamic_shape": "`jnp.nonzero(..., size=len(x))`, cut outside `jit`; "
    "`jnp.where`",
}
