"""The default answerer: picks the source sentences that answer the question, or abstains. No LLM.

Each candidate sentence (from the retrieved chunks) is scored on a weighted mix of idf-weighted soft term
coverage (of the sentence and of its neighbours), dense similarity to the question, the rank of its chunk, and
whether it holds the kind of value asked for (a date for "when", a number for "how many", a name for "who").
The question is refused when the best sentence neither covers its terms nor is close in meaning, or when it
asks for a date/number/name and no relevant sentence holds one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer import arithmetic
from assistant.answer.matching import TermWeights, coverage, question_terms, sentence_stems, term_match
from assistant.answer.qtypes import DATE, NUMBER, QUESTION_FILLER, AnswerType, expected_type, has_value, names
from assistant.answer.query import Query, analyse, question_parts
from assistant.terms import STOPWORDS, stem, words
from assistant.schema import Chunk, Hit, Sentence
from assistant.store import chunk_search_text

if TYPE_CHECKING:
    from assistant.settings import Settings
    from assistant.store import Snapshot

_ANAPHOR = re.compile(r"^(?:He|She|They|It|This|These|That|Those|Its|Their|His|Her)\b")
_BACKREF = re.compile(r"\b(?:this|that|the same) (?:year|month|day|date|time|period|number)\b", re.IGNORECASE)
_COUNTERFACTUAL = re.compile(
    r"\b(?:could have been|would have been|might have been|decided against|did not|didn't|does not|never|"
    r"rather than|instead of|denies|denied|no evidence)\b", re.IGNORECASE)
_STRONG_REASON = re.compile(
    r"\b(?:because|due to|in (?:direct )?retaliation|in response to|as a result|reasons? (?:for|is|was)|explains? its reasons|"
    r"so that|in order to|led to|stemming from|accused|blamed|on \w+ grounds|hopes? to|aim(?:s|ed|ing)? to)\b",
    re.IGNORECASE)
_OWN_WEIGHTS_MIN_CHUNKS = 20  # documents this long are weighed on their own (``document_weights``)
_TYPED_REFUSAL = "no relevant passage"  # the refusals a deeper search can overturn
_PRESUPPOSES = re.compile(r"^\s*(?:why|how|when|where|what|which|who)\b", re.IGNORECASE)

@dataclass
class Candidate:
    """A sentence under consideration with the evidence for its score."""

    sentence: Sentence
    chunk_rank: int
    dense: float
    coverage: float
    window_coverage: float
    matched: set[str]
    typed: bool
    window: frozenset[str] = frozenset()
    score: float = 0.0


@dataclass
class Draft:
    """What the answerer decided: the sentences to cite, or an abstention with the nearest ones."""

    sentences: list[Sentence]
    abstained: bool
    reason: str = ""
    nearest: list[Sentence] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    template: str | None = None  # answer text with {0}, {1}... for the markers of ``sentences``, when computed
    second_look: bool = False  # refused for want of a date, number or name: a deeper search may still find one


class ExtractiveAnswerer:
    """Sentence selection and the answerability decision over one snapshot."""

    def __init__(
        self, snapshot: Snapshot, settings: Settings, embed: Callable[[list[str]], np.ndarray] | None = None
    ) -> None:
        self.snapshot = snapshot
        self.settings = settings
        self._embed = embed
        self.weights = TermWeights.of_bm25(snapshot.bm25, len(snapshot.meta.chunks))
        self._document_weights: dict[str, TermWeights] = {}
        self._by_id = {s.id: s for s in snapshot.meta.sentences}

    def document_weights(self, source: str) -> TermWeights:
        """Term weights within one document (its chunks), used to judge how well its sentences cover a question:
        adding unrelated documents to the corpus then leaves those judgements, and the refusals, unchanged."""
        if source not in self._document_weights:
            record = self.snapshot.meta.documents.get(source)
            chunks = [self.snapshot.chunk_by_id[i] for i in record.chunk_ids] if record else []
            self._document_weights[source] = (  # a short note has too few chunks for its own weights to mean much
                TermWeights.of_texts([chunk_search_text(c) for c in chunks]) if len(chunks) >= _OWN_WEIGHTS_MIN_CHUNKS
                else self.weights)
        return self._document_weights[source]

    def chunk_coverage(self, terms: list[str], chunk: Chunk) -> float:
        """How much of the question's terms a chunk holds, weighed within its own document."""
        return coverage(terms, self.document_weights(chunk.source), sentence_stems(chunk_search_text(chunk)))[0]

    def analyse(self, question: str) -> Query:
        """The question's corrected terms, answer kind and out-of-corpus signals."""
        return analyse(question, self.weights)

    def answer(
        self, question: str, hits: list[Hit], question_vector: np.ndarray, query: Query | None = None,
        strict: bool = False,
    ) -> Draft:
        """Choose answer sentences for the question from the retrieved chunks.

        ``strict`` (a second, deeper look): a date or number must sit in a sentence with every name the question uses.
        """
        query = query or self.analyse(question)
        candidates = self._candidates(question, query.terms, query.kind, hits, question_vector)
        spelled_out = False  # a candidate spells out the abbreviation the question asks about
        for cand in candidates:
            if query.defines_acronym(cand.sentence.text):
                cand.score += 0.3
                spelled_out = True
        if not candidates:
            return Draft([], True, "nothing relevant was retrieved")
        ranked = sorted(candidates, key=lambda c: -c.score)
        nearest = [c.sentence for c in ranked[:2]]
        scores = {c.sentence.id: round(c.score, 4) for c in ranked}
        computed = self._interval(question, query, candidates)
        if computed:
            computed.scores = scores
            return computed
        refusal = query.out_of_corpus or self._refusal(ranked, query, strict)
        if query.acronym and not spelled_out:
            refusal = refusal or f"no passage spells out {query.acronym}"
        if refusal:
            return Draft([], True, refusal, nearest, scores, second_look=not query.out_of_corpus and
                         refusal.startswith(_TYPED_REFUSAL))
        contradiction = self._contradicts(question, query, ranked)
        if contradiction:
            return Draft([], True, "the sources say otherwise", [contradiction], scores)
        chosen = self._select(question, ranked, query.kind, hits, question_vector)
        return Draft(chosen, False, "", nearest, scores)

    def _interval(self, question: str, query: Query, candidates: list[Candidate]) -> Draft | None:
        """"How many days between A and B": the best-dated sentence for each part, and the computed gap."""
        unit = arithmetic.interval_unit(question)
        parts = arithmetic.question_parts(question) if unit else []
        if len(parts) < 2:
            return None
        picks: list[tuple[Sentence, arithmetic.DatedValue]] = []
        part_vectors = self._embed(parts[:2]) if self._embed else None
        for p, part in enumerate(parts[:2]):
            terms = question_terms(part, QUESTION_FILLER)
            literal = arithmetic.find_dates(part)
            best, best_cov = None, 0.0
            for cand in candidates:
                dates = arithmetic.find_dates(cand.sentence.text)
                if literal:
                    dates = [d for d in dates if arithmetic.same_day(d, literal[0])]
                cov, _ = coverage(terms, self.document_weights(cand.sentence.source), cand.window)
                dense = self._window_similarity(cand.sentence, part_vectors[p]) if part_vectors is not None else cand.dense
                fit = 0.5 * cov + 0.5 * dense
                if dates and fit > best_cov and all(dates[0] != d for _, d in picks):
                    best, best_cov = (cand.sentence, dates[0]), fit
            if best is None or best_cov < 0.35:
                return None
            picks.append(best)
        (s1, d1), (s2, d2) = picks
        count = arithmetic.difference(d1, d2, unit or "days")
        if not count:  # None: too vague to compute; 0: two events matched to one date, a sign of a wrong pick
            return None
        ordered = sorted(picks, key=lambda p: p[1].value)
        sentences = list({s.id: s for s, _ in ordered}.values())
        template = arithmetic.phrase(count, unit or "days", d1, d2)
        if len(sentences) == 1:
            template = template.replace("{1}", "{0}")
        return Draft(sentences, False, template=template)

    def _candidates(
        self, question: str, terms: list[str], kind: AnswerType, hits: list[Hit], qvec: np.ndarray
    ) -> list[Candidate]:
        out: list[Candidate] = []
        seen: set[str] = set()
        top_k = max(len(hits), 1)
        for rank, hit in enumerate(hits, start=1):
            ids = hit.chunk.sentence_ids
            for pos, sid in enumerate(ids):
                sentence = self._by_id.get(sid)
                if sentence is None or sid in seen or not sentence.answerable:
                    continue
                seen.add(sid)
                stems = sentence_stems(sentence.text)
                window = set(stems)
                for near in ids[max(pos - 1, 0):pos + 2]:
                    if near in self._by_id:
                        window |= sentence_stems(self._by_id[near].text)
                window |= sentence_stems(sentence.section)
                weights = self.document_weights(sentence.source)
                cov, matched = coverage(terms, weights, stems)
                wcov, _ = coverage(terms, weights, frozenset(window))
                row = self.snapshot.sentence_row[sid]
                dense = float(self.snapshot.sentence_vectors[row] @ qvec)
                typed = has_value(sentence.text, kind)
                if not typed and pos > 0 and (_BACKREF.search(sentence.text) or _ANAPHOR.match(sentence.text)):
                    prev = self._by_id.get(ids[pos - 1])
                    typed = prev is not None and has_value(prev.text, kind)
                cand = Candidate(sentence, rank, dense, cov, wcov, matched, typed, frozenset(window))
                cand.score = self._score(cand, kind, top_k)
                out.append(cand)
        return out

    @staticmethod
    def _score(c: Candidate, kind: AnswerType, top_k: int) -> float:
        prior = 1.0 - (c.chunk_rank - 1) / top_k
        if kind == "reason":  # a cause often sits in the sentence next to the one that names the event
            score = 0.25 * c.coverage + 0.30 * c.window_coverage + 0.35 * c.dense + 0.10 * prior
            return score + (0.15 if _STRONG_REASON.search(c.sentence.text) else 0.06 if c.typed else -0.05)
        score = 0.40 * c.coverage + 0.15 * c.window_coverage + 0.35 * c.dense + 0.10 * prior
        if kind in ("date", "number", "entity", "place"):
            score += 0.12 if c.typed else -0.10
        return score

    def _window_similarity(self, sentence: Sentence, vector: np.ndarray) -> float:
        """Best similarity of ``vector`` to the sentence or a neighbour in its paragraph."""
        row = self.snapshot.sentence_row[sentence.id]
        rows = [row] + [self.snapshot.sentence_row[n.id] for step in (-1, 1) if (n := self._neighbour(row, step, sentence))]
        return float(np.max(self.snapshot.sentence_vectors[rows] @ vector))

    def _refusal(self, ranked: list[Candidate], query: Query, strict: bool = False) -> str:
        best = ranked[0]
        top_cov = max(c.window_coverage for c in ranked[:3])
        top_dense = max(c.dense for c in ranked[:3])
        if top_cov < self.settings.abstain_coverage and top_dense < self.settings.abstain_similarity:
            return "no passage covers the question's terms or meaning"
        if query.kind in ("date", "number"):
            relevant = [c for c in ranked if c.typed and c.coverage >= 0.5 * best.coverage and c.window_coverage >= 0.4]
            if strict:
                relevant = [c for c in relevant if all(term_match(n, sentence_stems(c.sentence.text)) for n in query.names)]
            if query.kind == "number" and query.head and query.head not in ("long", "old", "far"):
                relevant = [c for c in relevant if _value_near(c.sentence.text, query.head, query.text, "number")]
            if not relevant:
                return f"{_TYPED_REFUSAL} gives a {query.kind}"
        if query.head and re.search(r"\bname of\b|\bwho (?:is|was|are|were)\b", query.text, re.IGNORECASE):
            phrase = [stem(w) for w in query.head_phrase]
            fitting = [c for c in ranked[:3] if all(term_match(t, c.window) for t in phrase)]
            if not any(_value_near(c.sentence.text, query.head, query.text, "name") for c in fitting):
                return f"{_TYPED_REFUSAL} names the {query.head}"
        return ""

    def _contradicts(self, question: str, query: Query, ranked: list[Candidate]) -> Sentence | None:
        """A close sentence that denies what a wh-question takes for granted ("Why did X escalate to NATO?")."""
        if not _PRESUPPOSES.match(question) or re.search(r"\b(?:not|never|n't)\b", question, re.IGNORECASE):
            return None
        best_cov = max(c.coverage for c in ranked)
        for cand in [c for c in ranked[:5] if c.coverage >= max(0.5, 0.8 * best_cov)]:
            match = _COUNTERFACTUAL.search(cand.sentence.text)
            if not match:
                continue
            text = cand.sentence.text
            near = frozenset(stem(w) for w in words(text[max(match.start() - 60, 0):match.end() + 40]))
            if len([t for t in query.terms if term_match(t, near)]) >= 2:
                return cand.sentence
        return None

    def _select(
        self, question: str, ranked: list[Candidate], kind: AnswerType, hits: list[Hit], qvec: np.ndarray
    ) -> list[Sentence]:
        limit = self.settings.max_answer_sentences
        primary = [c for c in ranked if c.typed] if kind in ("date", "number") else ranked
        chosen: list[Candidate] = [primary[0] if primary else ranked[0]]
        parts = question_parts(question)
        if not arithmetic.interval_unit(question):
            for part in parts:
                sub = self._candidates(part, question_terms(part, QUESTION_FILLER), expected_type(part), hits, qvec)
                best = max(sub, key=lambda c: c.score, default=None)
                if best and all(best.sentence.id != c.sentence.id for c in chosen):
                    chosen.append(best)
        covered = set(chosen[0].matched)
        for cand in ranked[1:]:
            if len(chosen) >= limit or cand.score < self.settings.extra_sentence_ratio * chosen[0].score:
                break
            adds = not cand.matched <= covered or (kind == "reason" and bool(_STRONG_REASON.search(cand.sentence.text)))
            if kind in ("entity", "place") and cand.typed:  # another candidate name is worth showing
                adds = adds or bool(names(cand.sentence.text) - set().union(*(names(c.sentence.text) for c in chosen)))
            adds = adds and (cand.typed or kind not in ("date", "number"))
            if adds and all(cand.sentence.id != c.sentence.id for c in chosen):
                chosen.append(cand)
                covered |= cand.matched
        sentences = [c.sentence for c in chosen[:limit]]
        return self._with_context(sentences, kind, limit)

    def _with_context(self, sentences: list[Sentence], kind: AnswerType, limit: int) -> list[Sentence]:
        """Add the sentence a pronoun points back to, and for why-questions the reason that follows."""
        out = list(sentences)
        for sentence in sentences:
            if len(out) >= limit:
                break
            row = self.snapshot.sentence_row[sentence.id]
            if kind == "reason":
                nxt = self._neighbour(row, +1, sentence)
                explained = bool(_STRONG_REASON.search(sentence.text))
                if nxt and _ANAPHOR.match(nxt.text) and nxt not in out and (
                        not explained or has_value(nxt.text, "reason")):
                    out.append(nxt)
                    continue
            if _ANAPHOR.match(sentence.text):
                prev = self._neighbour(row, -1, sentence)
                if prev and prev not in out:
                    out.append(prev)
        return sorted(out, key=lambda s: (s.source, s.start))

    def _neighbour(self, row: int, step: int, sentence: Sentence) -> Sentence | None:
        sentences = self.snapshot.meta.sentences
        j = row + step
        if 0 <= j < len(sentences):
            other = sentences[j]
            same_paragraph = other.source == sentence.source and "\n" not in self.snapshot.meta.documents[
                sentence.source].text[min(other.end, sentence.end):max(other.start, sentence.start)]
            if same_paragraph and other.answerable:
                return other
        return None


def _value_near(text: str, head: str, question: str, kind: str, before: int = 3, after: int = 8) -> bool:
    """A number (or a capitalised name) not taken from the question close to the head noun: up to ``before``
    words ahead of it ("Edi Rama, the prime minister") or ``after`` words behind it ("the keeper was named X")."""
    tokens = text.split()
    head_stem = stem(head.lower())
    question_stems = frozenset(stem(w) for w in words(question))
    spots = [i for i, tok in enumerate(tokens) if term_match(head_stem, frozenset(stem(w) for w in words(tok)))]
    for i in spots:
        near = " ".join(tokens[max(i - before, 0):i + after + 1])
        if kind == "number":
            found = [w for m in NUMBER.finditer(DATE.sub(" ", near)) for w in [m.group(0).lower()]]
        else:
            found = [w for name in names(" " + near) for w in words(name) if w not in STOPWORDS]
        if any(not _in_question(stem(w), question_stems) for w in found):
            return True
    return False


def _in_question(word_stem: str, question_stems: frozenset[str]) -> bool:
    """Whether a word of a found value already appears in the question (Iran/Iranian count as the same)."""
    return any(q.startswith(word_stem) or word_stem.startswith(q) for q in question_stems if min(len(q), len(word_stem)) >= 4)
