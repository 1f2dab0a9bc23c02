"""Every prompt the generative backends see, as typed objects in one place.

Small instruction models (0.1-1.5B) follow instructions far better when the rules, the numbered passages and the
question all sit in the user message and the message ends with "Answer:"; rules in a system message made them
refuse or answer just "[1]". So there is no system message.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.schema import Hit

ANSWER_INSTRUCTIONS = (
    "Answer the question using only the numbered passages below. Copy the exact words of the passages where you "
    "can and keep the answer short (one to three sentences). After each sentence write the number of the passage "
    "it comes from in square brackets, like [1]. If the passages do not answer the question, reply exactly: "
    "I don't know."
)
CHARS_PER_TOKEN = 3.5  # English prose through a BPE tokenizer; used only to budget the prompt
_RESERVED_TOKENS = 160  # instructions, question, chat-template tokens


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk as numbered in the prompt; ``hit`` keeps its offsets for the guard."""

    n: int
    hit: Hit
    text: str

    @property
    def label(self) -> str:
        """The passage's heading in the prompt: just ``[n]`` (small models echo anything more, file names included)."""
        return f"[{self.n}]"


@dataclass(frozen=True)
class Message:
    """One chat message."""

    role: str
    content: str


@dataclass(frozen=True)
class Prompt:
    """A chat prompt and the passages it numbers."""

    messages: tuple[Message, ...]
    passages: tuple[Passage, ...]

    @property
    def user(self) -> str:
        """The text of the last user message."""
        return next(m.content for m in reversed(self.messages) if m.role == "user")

    def as_dicts(self) -> list[dict[str, str]]:
        """OpenAI-style ``[{"role": ..., "content": ...}]``."""
        return [{"role": m.role, "content": m.content} for m in self.messages]


def shown_hits(hits: list[Hit], drafted: frozenset[str], max_passages: int) -> list[Hit]:
    """The hits a prompt shows, in retrieval order: the first ``max_passages``, and after them any hit holding a
    sentence of the extractive draft (``drafted``: sentence ids). A fact found by a sub-question or a second, wider
    look ranks below the first hits, yet the answer needs it shown ("how many years between A and B": the chunk
    dating A)."""
    first = hits[:max_passages]
    return first + [h for h in hits[max_passages:] if drafted.intersection(h.chunk.sentence_ids)]


def passages_for(hits: list[Hit], max_passages: int, budget_chars: int) -> tuple[Passage, ...]:
    """The first hits, numbered from 1, cut to fit ``budget_chars`` (a passage is trimmed at a word, never split mid-word)."""
    out: list[Passage] = []
    left = budget_chars
    for hit in hits[:max_passages]:
        text = " ".join(hit.chunk.text.split())
        if left <= 80:
            break
        if len(text) > left:
            text = text[:left].rsplit(" ", 1)[0] + " ..."
        out.append(Passage(len(out) + 1, hit, text))
        left -= len(text) + 40
    return tuple(out)


def prompt_budget_chars(context_tokens: int, max_tokens: int, question: str) -> int:
    """Characters of passage text that fit the model's context next to the instructions, question and answer."""
    spare = context_tokens - max_tokens - _RESERVED_TOKENS - int(len(question) / CHARS_PER_TOKEN)
    return max(int(spare * CHARS_PER_TOKEN), 400)


def answer_prompt(question: str, passages: tuple[Passage, ...]) -> Prompt:
    """The grounded-answer prompt: instructions, numbered passages, the question, then "Answer:"."""
    body = "\n\n".join(f"{p.label} {p.text}" for p in passages)
    user = f"{ANSWER_INSTRUCTIONS}\n\nPassages:\n\n{body}\n\nQuestion: {question}\nAnswer:"
    return Prompt((Message("user", user),), passages)
