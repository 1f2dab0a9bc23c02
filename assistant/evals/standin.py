"""An OpenAI-compatible stand-in model on 127.0.0.1 that answers from an eval set's reference answers.

It is a fake only because no real model that runs here can be this good: it measures the grounding guard, not a
model. In ``reference`` mode it replies with the question's own reference answer, each sentence tagged ``[n]`` with
the passage of the prompt that shares most words with it (a perfect model); in ``wrong`` mode with a confident wrong
answer: the reference with its number, date or name swapped for another of the set's answers, or (when it has none,
and for every other question) another question's reference answer. Each reply's sentences are recorded, so what the
guard kept can be counted. Chat completions, streamed (server-sent events) and not, and ``GET /v1/models``.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

from assistant.evals.metrics import content_words
from assistant.evals.schema import EvalQuestion
from assistant.structure import split_sentences

Mode = Literal["reference", "wrong"]
MODES: tuple[Mode, ...] = ("reference", "wrong")
DONT_KNOW = "I don't know."
_QUESTION = re.compile(r"\nQuestion:\s*(?P<q>.*?)\s*\nAnswer:\s*$", re.S)
_PASSAGE = re.compile(r"(?:^|\n\n)\[(\d+)\] (.*?)(?=\n\n\[\d+\] |\n\nQuestion:|\Z)", re.S)
_VALUE = re.compile(
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+)?"
    r"\d[\d,.]*\b"
)
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?: [A-Z][a-z]+)*")


def key(question: str) -> str:
    """A question as looked up: lower case, whitespace collapsed."""
    return " ".join(question.lower().split())


def sentences(text: str) -> list[str]:
    """The sentences of an answer."""
    return [text[s:e].strip() for s, e in split_sentences(text, 0, len(text)) if re.search(r"\w", text[s:e])]


def passages_of(prompt: str) -> dict[int, str]:
    """The numbered passages of a grounded prompt."""
    body = prompt.split("Passages:", 1)[-1]
    return {int(m.group(1)): m.group(2) for m in _PASSAGE.finditer(body)}


def question_of(prompt: str) -> str:
    """The question of a grounded prompt ("" when there is none)."""
    found = _QUESTION.search(prompt)
    return found.group("q") if found else ""


def tag(sentence: str, passages: dict[int, str]) -> str:
    """The sentence with ``[n]``: the passage sharing most content words (the first on a tie, [1] when none)."""
    words = content_words(sentence)
    best = max(sorted(passages), key=lambda n: (len(words & content_words(passages[n])), -n), default=1)
    body = sentence.rstrip()
    end = body[-1] if body and body[-1] in ".!?" else ""
    return f"{body[:-1] if end else body} [{best}]{end or '.'}"


def _swap(answer: str, pool: list[str], pattern: re.Pattern[str]) -> str | None:
    """``answer`` with its first match of ``pattern`` replaced by a different match taken from ``pool``."""
    found = pattern.search(answer)
    if not found:
        return None
    others = [m.group(0) for text in pool for m in pattern.finditer(text)]
    other = next((o for o in others if o.lower() != found.group(0).lower() and o.lower() not in answer.lower()), None)
    return None if other is None else answer[:found.start()] + other + answer[found.end():]


def twins(one: EvalQuestion, other: EvalQuestion) -> bool:
    """Whether two questions ask for the same fact (one's evidence holds the other's, or the same keys), so that
    one's reference answer is no wrong answer to the other: eval sets written by several hands repeat questions."""
    if one.must_include and one.must_include == other.must_include:
        return True
    return any(a in b or b in a for a in one.evidence for b in other.evidence)


@dataclass
class Answers:
    """An eval set's reference answers, and the wrong answer chosen for each question (deterministic)."""

    questions: list[EvalQuestion]
    by_key: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.by_key = {key(q.question): i for i, q in enumerate(self.questions)}
        self._answered = [i for i, q in enumerate(self.questions) if q.answer and not q.should_abstain]

    def find(self, question: str) -> EvalQuestion | None:
        """The eval question asked, or None."""
        index = self.by_key.get(key(question))
        return None if index is None else self.questions[index]

    def reference(self, question: EvalQuestion) -> list[str]:
        """The reference answer's sentences (just "I don't know." for a question that should be refused)."""
        if question.should_abstain or not question.answer:
            return [DONT_KNOW]
        return sentences(question.answer)

    def wrong(self, question: EvalQuestion) -> tuple[list[str], list[str]]:
        """A confident wrong answer's sentences and which of them are wrong (a swapped value, every sentence of
        another question's answer, never one of a ``twins`` question): every other answerable question gets a
        swap when its reference has a value."""
        index = self.by_key[key(question.question)]
        pool = [self.questions[i].answer or "" for i in self._answered if i != index]
        if index % 2 and question.answer and not question.should_abstain:
            for pattern in (_VALUE, _NAME):
                swapped = _swap(question.answer, pool, pattern)
                if swapped:
                    reply = sentences(swapped)
                    truth = set(sentences(question.answer))
                    return reply, [s for s in reply if s not in truth]
        if not self._answered:
            return [DONT_KNOW], []
        start = (self._answered.index(index) + len(self._answered) // 2 if index in self._answered else index)
        ring = [self._answered[(start + step) % len(self._answered)] for step in range(len(self._answered))]
        others = [i for i in ring if i != index]
        other = next((i for i in others if not twins(question, self.questions[i])), others[0] if others else index)
        reply = sentences(self.questions[other].answer or "")
        return reply, list(reply)


@dataclass
class Sent:
    """What the stand-in replied to one question: its sentences (untagged) and which of them are wrong."""

    sentences: list[str]
    wrong: list[str]


class StandIn:
    """The stand-in server: ``start()`` on a free loopback port, ``url`` for ``ASSISTANT_LLM_BASE_URL``, ``stop()``."""

    def __init__(self, questions: list[EvalQuestion], mode: Mode) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown stand-in mode {mode!r} (use {' or '.join(MODES)})")
        self.answers = Answers(questions)
        self.mode = mode
        self.sent: dict[str, Sent] = {}
        self._server: ThreadingHTTPServer | None = None
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        """The OpenAI base URL (``http://127.0.0.1:PORT/v1``)."""
        assert self._server is not None, "the stand-in is not running"
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def reply(self, prompt: str) -> str:
        """The reply to one grounded prompt, recorded under its question."""
        question = self.answers.find(question_of(prompt))
        if question is None:
            return DONT_KNOW
        if self.mode == "reference":
            said, wrong = self.answers.reference(question), []
        else:
            said, wrong = self.answers.wrong(question)
        with self._lock:
            self.sent[key(question.question)] = Sent([s for s in said if s != DONT_KNOW], wrong)
        passages = passages_of(prompt)
        return " ".join(s if s == DONT_KNOW else tag(s, passages) for s in said)

    def start(self) -> StandIn:
        """Serve on a free port of 127.0.0.1 in a background thread."""
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name="stand-in", daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> StandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _chunk(content: str | None, finish: str | None) -> dict[str, Any]:
    delta = {"role": "assistant", "content": content} if content is not None else {}
    return {"id": "standin", "object": "chat.completion.chunk", "created": int(time.time()), "model": "standin",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


def _handler(standin: StandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _json(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            if self.path.rstrip("/").endswith("/models"):
                self._json(200, {"object": "list", "data": [{"id": "standin", "object": "model"}]})
            else:
                self._json(404, {"error": {"message": "not found"}})

        def do_POST(self) -> None:  # noqa: N802
            if not self.path.rstrip("/").endswith("/chat/completions"):
                self._json(404, {"error": {"message": "not found"}})
                return
            request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            user = next((m.get("content") or "" for m in reversed(request.get("messages", [])) if m.get("role") == "user"), "")
            text = standin.reply(user)
            if not request.get("stream"):
                self._json(200, {"id": "standin", "object": "chat.completion", "created": int(time.time()),
                                 "model": "standin", "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                                 "choices": [{"index": 0, "finish_reason": "stop",
                                              "message": {"role": "assistant", "content": text}}]})
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            pieces = [_chunk(w, None) for w in re.findall(r"\S+\s*", text)] + [_chunk(None, "stop")]
            for piece in pieces:
                self.wfile.write(f"data: {json.dumps(piece)}\n\n".encode())
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()

        def log_message(self, *args: object) -> None:
            return

    return Handler
