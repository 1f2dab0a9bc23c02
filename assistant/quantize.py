"""An int8 model of the default embedder (``ASSISTANT_EMBEDDER=minilm-q8``), derived once from the pinned weights.

The pinned package stores MiniLM's weights as int8 but casts them back to float at load, so every matrix
product runs in float32. Quantizing the folded weights per output channel (onnxruntime's dynamic quantization,
int8 weights, activations quantized on the fly) of every MatMul but the feed-forward down-projections takes
0.65 of the CPU time of an embedding on this machine's AVX-512 VNNI cores, and vectors stay within cosine 0.989
of the float ones (mean 0.997 on 716 manual sentences). Quantizing the down-projections too halves the time but
moves vectors to cosine 0.978 (mean 0.994) and lost retrieval on the article's own set (hit@3 0.85 -> 0.81);
per-tensor quantization moved them to 0.83. It is not the default: refitted on its vectors, the answerer lost a
few questions and follow-ups on the tuning parts. docs/benchmark.md has the figures.

The derivation is deterministic for the pinned onnx and onnxruntime: its output is checked against
``MINILM_Q8_SHA256`` when made and at every load, like the package's own file. Nothing is downloaded.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

MINILM_Q8_SHA256 = "8f8f015e5b7ab73099118cefdf69d157b41bd2339e1e7f804e5f23d5b9d8b277"
MINILM_Q8_NAME = "all-MiniLM-L6-v2-q8-per-channel.onnx"


def down_projections(model: Path) -> list[str]:
    """The MatMuls that narrow a layer's output back (feed-forward 1536 -> 384): their inputs, after GELU, hold the
    outliers that int8 rounds worst, so they stay in float."""
    import onnx

    graph = onnx.load(str(model)).graph
    shapes = {i.name: list(i.dims) for i in graph.initializer}
    return [n.name for n in graph.node if n.op_type == "MatMul" and len(shape := shapes.get(n.input[1], [])) == 2
            and shape[0] > shape[1]]


def derive_int8(source: Path, target: Path) -> Path:
    """Write ``target``: ``source`` with constants folded and every MatMul but the down-projections quantized to int8
    per channel. Atomic (a temporary file in the target's folder, then a rename), so concurrent first loads cannot
    see half a file."""
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".derive-") as work:
        folded = Path(work) / "folded.onnx"
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC  # folds the int8 casts
        options.optimized_model_filepath = str(folded)
        options.log_severity_level = 3
        ort.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
        quantized = Path(work) / target.name
        logging.disable(logging.WARNING)  # the quantizer's advice to pre-process, printed on the root logger
        try:
            quantize_dynamic(folded, quantized, per_channel=True, reduce_range=False, weight_type=QuantType.QInt8,
                             op_types_to_quantize=["MatMul"], nodes_to_exclude=down_projections(folded))
        finally:
            logging.disable(logging.NOTSET)
        os.replace(quantized, target)
    return target
