"""The default answerer: picks the source sentences that answer the question, or abstains. No LLM.

Stages: candidates (every sentence of the retrieved chunks) → features (``features.py``, named objects) → score
(the fitted ranker in ``params.json``) → refuse or answer (named refusal evidence in ``refusal.py`` weighed by the
fitted refusal model) → select and order → the ``Draft`` that ``compose`` turns into cited text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer import arithmetic
from assistant.answer.computed import ComputedAnswers
from assistant.answer.draft import Draft
from assistant.answer.enumeration_count import count_draft
from assistant.answer.evidence import Evidence
from assistant.answer.features import Candidate, CandidateView, QuestionView, feature_values, typed, with_standings
from assistant.answer.matching import TermWeights, coverage, question_terms, sentence_stems
from assistant.answer.params import AnswerParams, load_params, sigmoid
from assistant.answer.places import asked_item, asked_place, sentence_ordinal
from assistant.answer.reading_order import lead_first
from assistant.answer.qtypes import (
    QUESTION_FILLER, AnswerType, asks_of_document, asks_yes_no, expected_type, has_value, names,
)
from assistant.answer.query import Query, analyse, question_parts
from assistant.answer.refusal import Contradicted, refusal_evidence
from assistant.answer.speaker import speaker_lead
from assistant.answer.values import lists_pages
from assistant.schema import Chunk, Hit, Sentence
from assistant.terms import stem
from assistant.store import chunk_search_text

if TYPE_CHECKING:
    from assistant.settings import Settings

_PRONOUN = re.compile(r"^(?:He|She|They|It|Its|Their|His|Her)\b")
_DEMONSTRATIVE = re.compile(r"^(?:This|That|These|Those)\b")
_ANAPHOR = re.compile(f"{_PRONOUN.pattern}|{_DEMONSTRATIVE.pattern}")
_BACKREF = re.compile(r"\b(?:this|that|the same) (?:year|month|day|date|time|period|number)\b", re.IGNORECASE)
_STRONG_REASON = re.compile(
    r"\b(?:because|due to|in (?:direct )?retaliation|in response to|as a result|reasons? (?:for|is|was)|explains? its reasons|"
    r"so that|in order to|led to|stemming from|accused|blamed|on \w+ grounds|hopes? to|aim(?:s|ed|ing)? to)\b",
    re.IGNORECASE)
_DEFINITIONAL = re.compile(r"^\s*(?:what|who)(?: is|'s| are| was| were| does| do)\b(?!.*\b(?:of|for|in|on|to|by|from|"
                           r"with|did|does|do|can|should|will|would|when|where)\b.*\b\w+\b\s*\??$)|\bmean(?:s|ing)?\b|"
                           r"\bdefin", re.IGNORECASE)
_INSTRUCTION = re.compile(r"^\s*how (?:do|can|should|would|could|might|to|does one|must)\b|\bhow to\b|"
                          r"\b(?:what|which) (?:command|statement|syntax|option|clause|keyword)\b", re.IGNORECASE)
_SECOND_LOOK_RULES = ("asked_kind_absent", "name_absent")  # refusals a deeper search can overturn

@dataclass
class Inspection:
    """Everything the answerer measured for one question, before deciding (``assistant tune`` fits on it)."""

    question: QuestionView
    ranked: list[Candidate]
    evidence: dict[str, float]
    refusal_probability: float


class ExtractiveAnswerer:
    """Sentence selection and the answerability decision over one snapshot's evidence."""

    def __init__(
        self, evidence: Evidence, settings: Settings, embed: Callable[[list[str]], np.ndarray] | None = None,
        params: AnswerParams | None = None,
    ) -> None:
        self.evidence = evidence
        self.settings = settings
        self.params = params or load_params()
        self._embed = embed
        self.weights = evidence.weights
        self.computed = ComputedAnswers(evidence, self.params, embed)

    def document_weights(self, source: str) -> TermWeights:
        """Term weights within one document (see ``Evidence.document_weights``)."""
        return self.evidence.document_weights(source)

    def chunk_coverage(self, terms: list[str], chunk: Chunk) -> float:
        """How much of the question's terms a chunk holds, weighed within its own document."""
        return coverage(terms, self.document_weights(chunk.source), sentence_stems(chunk_search_text(chunk)))[0]

    def analyse(self, question: str) -> Query:
        """The question's corrected terms, answer kind and out-of-corpus signals."""
        return analyse(question, self.weights)

    def question_view(self, query: Query, strict: bool = False) -> QuestionView:
        """The question as features see it: its parse, and whether it asks for a definition, an instruction or
        a yes/no verdict."""
        from assistant.nlp import parse

        text = query.text
        return QuestionView(query, parse(text), definitional=bool(_DEFINITIONAL.search(text)),
                            instruction=bool(_INSTRUCTION.search(text)), yes_no=asks_yes_no(text),
                            strict=strict, term_idf={t: self.weights.idf(t) for t in query.terms})

    def inspect(
        self, question: str, hits: list[Hit], question_vector: np.ndarray, query: Query | None = None,
        strict: bool = False,
    ) -> Inspection | None:
        """Candidates ranked by the fitted ranker and the refusal evidence; None when nothing was retrieved."""
        query = query or self.analyse(question)
        view = self.question_view(query, strict)
        candidates = self._candidates(view, query.terms, query.kind, hits, question_vector)
        if not candidates:
            return None
        ranked = sorted(candidates, key=lambda c: -c.logit)
        evidence = refusal_evidence(view, ranked)
        evidence["acronym_unexplained"] = float(bool(query.acronym) and not any(
            c.features.get("spells_acronym", 0) for c in ranked))
        return Inspection(view, ranked, evidence, self.params.refusal.probability(evidence))

    def answer(
        self, question: str, hits: list[Hit], question_vector: np.ndarray, query: Query | None = None,
        strict: bool = False,
    ) -> Draft:
        """Choose answer sentences for the question from the retrieved chunks, or abstain.

        ``strict`` (a second, deeper look): a date or number must sit in a sentence with every name the question uses.
        """
        query = query or self.analyse(question)
        seen = self.inspect(question, hits, question_vector, query, strict)
        if seen is None:
            return Draft([], True, "nothing relevant was retrieved")
        ranked = seen.ranked
        nearest = [c.sentence for c in ranked[:2]]
        scores = {c.sentence.id: round(c.prob, 4) for c in ranked}
        computed = self.computed.interval(question, ranked)
        if computed:
            computed.scores = scores
            return computed
        if seen.evidence["acronym_unexplained"] or seen.evidence["unseen_terms"] or seen.evidence["person_name_absent"]:
            # logical rules, not weighed signs: nothing spells the abbreviation out, the noun asked about (or a
            # name or year the question relies on) occurs in no indexed text, or the passages that name the role
            # whose holder is asked for name no person: no passage can hold the answer
            return Draft([], True, _reason(query, seen.evidence), nearest, scores)
        if seen.evidence["asked_kind_absent"] and (counted := count_draft(seen.question, ranked, self.evidence)):
            counted.scores = scores  # "how many lessons?": no number written, the enumeration's items counted
            return counted
        # "the second lesson" found, or an enumeration of the asked-for things ("several lessons"): no refusal
        item = self._asked_item(question, ranked)
        if (seen.refusal_probability >= self.params.refusal_threshold and not item
                and not (query.head and any(self._enumeration(c.sentence, _head_terms(query)) for c in ranked[:2]))):
            denied = Contradicted().find(seen.question, ranked) if seen.evidence["contradicted"] else None
            if denied is not None:
                return Draft([], True, "the sources say otherwise", [denied.sentence], scores)
            typed_only = not seen.evidence["unseen_terms"] and any(seen.evidence[r] for r in _SECOND_LOOK_RULES)
            return Draft([], True, _reason(query, seen.evidence), nearest, scores, second_look=typed_only)
        compared = self.computed.difference(seen.question, ranked)
        if compared:
            compared.scores = scores
            return compared
        chosen, lead = self._select(seen.question, ranked, query.kind, hits, question_vector, item)
        lacks_value = any(seen.evidence[r] for r in _SECOND_LOOK_RULES)
        return Draft(lead_first(chosen, lead), False, "", nearest, scores, second_look=lacks_value, lead=lead)

    def _asked_item(self, question: str, ranked: list[Candidate], among: int = 5) -> Sentence | None:
        """The enumeration item the question asks for ("the second lesson": "Secondly, ..."; "the second rule": a
        list's second item), found at or after one of the ``among`` best candidates, whose enumeration names the
        items with the question's noun."""
        asked = asked_item(question)
        if asked is None:
            return None
        for cand in ranked[:among]:
            found = (cand.sentence if sentence_ordinal(cand.sentence.text) == asked.number
                     else self.evidence.enumeration_item(cand.sentence, asked.number))
            lead = (self.evidence.enumeration_lead(found) or self.evidence.list_lead(found)) if found else None
            if lead and coverage([stem(asked.noun)], self.weights, sentence_stems(lead.text))[0] > 0:
                return found
        return None

    def _enumeration(self, best: Sentence, terms: list[str]) -> list[Sentence]:
        """When a sentence is an enumeration's lead ("... offers several lessons") or one of its items ("Secondly,
        ...") and the lead meets ``terms`` (the asked-for noun): the lead and each item's opening sentence."""
        found = self.evidence.enumeration(best)
        if not found or not coverage(terms, self.weights, sentence_stems(found[0].text))[1]:
            return []
        return [found[0], *found[1]]

    def _candidates(
        self, view: QuestionView, terms: list[str], kind: AnswerType, hits: list[Hit], qvec: np.ndarray
    ) -> list[Candidate]:
        out: list[Candidate] = []
        seen: set[str] = set()
        top_k = max(len(hits), 1)
        of_document = asks_of_document(view.query.text)
        for rank, hit in enumerate(hits, start=1):
            ids = hit.chunk.sentence_ids
            for pos, sid in enumerate(ids):
                sentence = self.evidence.sentence(sid)
                if sentence is None or sid in seen or not sentence.answerable or lists_pages(sentence.text) or (
                        sentence.back_matter and not of_document):
                    continue
                seen.add(sid)
                stems = sentence_stems(sentence.text)
                window, lemmas = set(stems), set(sentence.tags.lemmas if sentence.tags else ())
                lead = self.evidence.enumeration_lead(sentence)  # "Secondly, ...": what the items are
                for near in filter(None, [*map(self.evidence.sentence, ids[max(pos - 1, 0):pos + 2]), lead]):
                    window |= sentence_stems(near.text)
                    lemmas |= set(near.tags.lemmas if near.tags else ())
                heading = sentence_stems(f"{sentence.section} {hit.chunk.title}")
                weights = self.document_weights(sentence.source)
                cov, matched = coverage(terms, weights, stems)
                wcov, _ = coverage(terms, weights, frozenset(window | heading))
                has_kind = typed(sentence.text, kind)
                if not has_kind and pos > 0 and _BACKREF.search(sentence.text):
                    prev = self.evidence.sentence(ids[pos - 1])
                    has_kind = prev is not None and typed(prev.text, kind)
                cand_view = CandidateView(
                    sentence, rank, top_k, cov, wcov, self.evidence.similarity(sentence, qvec),
                    coverage(terms, weights, heading)[0], has_kind,
                    frozenset(sentence.tags.lemmas if sentence.tags else ()), frozenset(lemmas), heading,
                    hit.bm25_rank, hit.dense_rank)
                cand = Candidate(cand_view, matched, frozenset(window))
                cand.features = feature_values(view, cand_view)
                out.append(cand)
        with_standings([c.features for c in out])
        ranker = self.params.ranker
        for cand in out:
            cand.logit = ranker.logit(cand.features)
            cand.prob = sigmoid(cand.logit)
        return out

    def _select(
        self, view: QuestionView, ranked: list[Candidate], kind: AnswerType, hits: list[Hit], qvec: np.ndarray,
        item: Sentence | None = None,
    ) -> tuple[list[Sentence], Sentence]:
        """Up to ``max_sentences`` sentences: the best (the asked-for enumeration ``item`` first when found), the
        best for each part of a multi-part question, then close runners-up that add a term, with their context;
        and the best one."""
        limit = self.settings.answer.max_sentences
        question = view.query.text
        primary = [c for c in ranked if c.typed] if kind in ("date", "number") else ranked
        if view.query.acronym:  # "what does ABC stand for": the sentence that spells it out comes first
            primary = [c for c in ranked if c.features.get("spells_acronym")] or primary
        if said := speaker_lead(question, ranked):  # "what does Iran say ...?": where Iran is the one speaking
            primary = [said, *(c for c in primary if c is not said)]
        place = asked_place(question)
        if item:  # "the second lesson": the sentence that opens with "Secondly" comes first
            primary = [c for c in primary if c.sentence.id == item.id] or primary
        if place:  # "according to the conclusion": the answer comes from the document's closing part
            ranked = [c for c in ranked if self.evidence.place(c.sentence) == place] or ranked
            primary = [c for c in primary if self.evidence.place(c.sentence) == place] or primary
        chosen: list[Candidate] = [primary[0] if primary else ranked[0]]
        if not arithmetic.interval_unit(question):
            for part in question_parts(question):
                part_query = analyse(part, self.weights)
                part_kind = expected_type(part)
                sub = self._candidates(self.question_view(part_query), question_terms(part, QUESTION_FILLER),
                                       part_kind, hits, qvec)
                if part_kind in ("date", "number"):  # "..., and roughly how many came?": a sentence with a number
                    sub = [c for c in sub if c.typed] or sub
                for best in sorted(sub, key=lambda c: -c.logit)[:self.params.sentences_per_part]:
                    if all(best.sentence.id != c.sentence.id for c in chosen):
                        chosen.append(best)
        covered = set(chosen[0].matched)
        for cand in ranked[1:]:
            if len(chosen) >= limit or cand.prob < self.params.extra_sentence_ratio * chosen[0].prob:
                break
            adds = (not self.params.extras_must_add_terms or not cand.matched <= covered
                    or (kind == "reason" and bool(_STRONG_REASON.search(cand.sentence.text))))
            if kind in ("entity", "place") and cand.typed:  # another candidate name is worth showing
                adds = adds or bool(names(cand.sentence.text) - set().union(*(names(c.sentence.text) for c in chosen)))
            adds = adds and (cand.typed or kind not in ("date", "number"))
            if adds and all(cand.sentence.id != c.sentence.id for c in chosen):
                chosen.append(cand)
                covered |= cand.matched
        sentences = [c.sentence for c in chosen[:limit]]
        if item and item not in sentences:
            sentences = [item, *sentences[:limit - 1]]
        elif not item and (listed := next(filter(None, (self._enumeration(s, _head_terms(view.query))
                                                        for s in sentences)), None)):  # "several lessons": all
            sentences = list({s.id: s for s in [*listed, *sentences]}.values())[:limit]
        return self._with_context(sentences, kind, limit), item or chosen[0].sentence

    def _with_context(self, sentences: list[Sentence], kind: AnswerType, limit: int) -> list[Sentence]:
        """Add the sentence a pronoun points back to, for why-questions the reason that follows, and to a console
        line the lines it printed."""
        out = list(sentences)
        before = self.evidence.neighbour(sentences[0], -1) if sentences and _names_nothing(sentences[0].text) else None
        if before and before not in out and len(out) >= limit:  # "He was ..." first: who he is, before a runner-up
            out = [*out[:limit - 1], before]
        for sentence in sentences:
            if len(out) >= limit:
                break
            if kind == "reason":
                nxt = self.evidence.neighbour(sentence, +1)
                explained = bool(_STRONG_REASON.search(sentence.text))
                if nxt and _ANAPHOR.match(nxt.text) and nxt not in out and (
                        not explained or has_value(nxt.text, "reason")):
                    out.append(nxt)
                    continue
            if _ANAPHOR.match(sentence.text):
                prev = self.evidence.neighbour(sentence, -1)
                if prev and prev not in out:
                    out.append(prev)
        for sentence in sentences:  # a console line brings what it printed
            out += [s for s in self.evidence.output_of(sentence, self.settings.answer.output_lines) if s not in out]
        reach = self.settings.answer.list_reach
        spans = sorted((self.evidence.with_list(self.evidence.with_term(s), reach) for s in out),
                       key=lambda s: (s.source, s.start, -s.end))
        return [s for i, s in enumerate(spans)  # a span another one holds whole is cited once, by the larger
                if not any(o.source == s.source and o.start <= s.start and s.end <= o.end for o in spans[:i])]


def _names_nothing(text: str) -> bool:
    """Whether a sentence opens with a pronoun that stands for something named before it ("He was ...", "This is
    the case for ...", "This enables ..."; not "This decision by Albania ...", which names its topic)."""
    if _PRONOUN.match(text):
        return True
    if not _DEMONSTRATIVE.match(text):
        return False
    from assistant.nlp import syntax

    tokens = syntax(text).tokens
    return len(tokens) > 1 and tokens[1].pos in ("VERB", "AUX")


def _head_terms(query: Query) -> list[str]:
    """The stem of the noun the question asks about, or all its terms when it names none."""
    return [stem(query.head)] if query.head else query.terms


def _reason(query: Query, evidence: dict[str, float]) -> str:
    """A one-line reason for a refusal, from the strongest sign that fired."""
    if evidence.get("unseen_terms"):
        return query.out_of_corpus
    if evidence.get("acronym_unexplained"):
        return f"no passage spells out {query.acronym}"
    if evidence.get("person_name_absent"):
        return f"the passages that name the {query.head} name no person"
    if evidence.get("name_absent"):
        return f"no relevant passage names the {query.head}"
    if evidence.get("asked_kind_absent"):
        return f"no relevant passage gives a {query.kind}"
    return "no passage covers the question's terms or meaning"
