"""The default embedder's int8 model: derived from the pinned weights, checked by SHA-256, close to the float one."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.embedder import MINILM_MODEL_ID, MINILM_Q8_MODEL_ID, Embedder, EmbedderUnavailable
from assistant.quantize import MINILM_Q8_NAME, MINILM_Q8_SHA256
from assistant.settings import Settings

SENTENCES = [
    "The default port is 22.",
    "Albania cut diplomatic ties with Iran on September 7, 2022.",
    "Compressed files keep their original names with a .gz suffix.",
    "The MEK's compound near Tirana is called Ashraf 3.",
]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("model-cache")


def test_the_int8_model_is_derived_once_and_pinned(cache: Path) -> None:
    embedder = Embedder.from_settings(Settings(embedder="minilm-q8", model_cache=cache))
    assert embedder.model_id == MINILM_Q8_MODEL_ID
    derived = cache / MINILM_Q8_NAME
    made = derived.stat().st_mtime_ns
    import hashlib

    assert hashlib.sha256(derived.read_bytes()).hexdigest() == MINILM_Q8_SHA256
    Embedder.from_settings(Settings(embedder="minilm-q8", model_cache=cache))
    assert derived.stat().st_mtime_ns == made  # found and checked, not made again


def test_int8_vectors_stay_close_to_the_shipped_ones_and_rank_alike(cache: Path) -> None:
    quantized = Embedder.from_settings(Settings(embedder="minilm-q8", model_cache=cache)).embed(SENTENCES)
    shipped_embedder = Embedder.from_settings(Settings(embedder="minilm-int8"))
    assert shipped_embedder.model_id == MINILM_MODEL_ID
    shipped = shipped_embedder.embed(SENTENCES)
    assert np.all((quantized * shipped).sum(axis=1) > 0.97)
    for question in ("which port is used by default?", "what is the camp near Tirana called?"):
        q8 = Embedder.from_settings(Settings(embedder="minilm-q8", model_cache=cache)).embed([question])[0]
        q32 = shipped_embedder.embed([question])[0]
        assert int(np.argmax(quantized @ q8)) == int(np.argmax(shipped @ q32))


def test_a_text_gets_the_same_vector_whatever_shares_its_batch(cache: Path) -> None:
    embedder = Embedder.from_settings(Settings(embedder="minilm-q8", model_cache=cache))
    together = embedder.embed(SENTENCES)
    alone = embedder.embed(SENTENCES[1:2])[0]
    assert np.array_equal(together[1], alone)  # int8 activations are scaled per pass: each text runs alone


def test_a_damaged_derived_model_is_made_again(cache: Path) -> None:
    derived = cache / MINILM_Q8_NAME
    Embedder.from_settings(Settings(embedder="minilm-q8", model_cache=cache))
    derived.write_bytes(derived.read_bytes()[:1000])  # a half-written or damaged file
    Embedder.from_settings(Settings(embedder="minilm-q8", model_cache=cache))
    import hashlib

    assert hashlib.sha256(derived.read_bytes()).hexdigest() == MINILM_Q8_SHA256


def test_an_unwritable_cache_says_which_setting_to_change(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    with pytest.raises(EmbedderUnavailable, match="ASSISTANT_MODEL_CACHE"):
        Embedder.from_settings(Settings(embedder="minilm-q8", model_cache=blocker / "models"))
