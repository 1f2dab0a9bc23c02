"""The answer pipeline's outer stages: plain wording → analyse → retrieve (with sub-questions) → the outline, a
section located or the corpus listed, when asked → answer → a deeper second look before a refusal for want of a date,
number or name → each part of a multi-part question answered on its own (a part that leans on the one before it
read as its follow-up).
``Assistant.ask`` is a thin call to ``AnswerPipeline.run``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from assistant.answer.address import address_draft
from assistant.answer.inventory import inventory_draft
from assistant.answer.locate import locate_draft
from assistant.answer.outline import outline_draft
from assistant.answer.places import asked_place
from assistant.answer.qtypes import has_value
from assistant.answer.query import question_parts
from assistant.answer.reading_order import lead_first, overlaps
from assistant.answer.wording import plain_wording
from assistant.followup_cues import refers_outside
from assistant.schema import Hit, Sentence

if TYPE_CHECKING:
    from assistant.answer.draft import Draft
    from assistant.answer.extractive import ExtractiveAnswerer, Inspection
    from assistant.answer.query import Query
    from assistant.retrieve import HybridRetriever


@dataclass
class Retrieved:
    """An analysed question, its vector and the chunks retrieved for it."""

    query: Query
    vector: np.ndarray
    hits: list[Hit]


@dataclass
class AnswerPipeline:
    """One snapshot's retriever and answerer, and the embedder for questions."""

    retriever: HybridRetriever
    answerer: ExtractiveAnswerer
    embed: Callable[[list[str]], np.ndarray]

    def retrieve(self, text: str) -> Retrieved:
        """Analyse the question and retrieve chunks for it and for each of its sub-questions."""
        query = self.answerer.analyse(text)
        vectors = self.embed([text, *query.parts])
        fixes = query.extra_stems
        if query.parts:
            hits = self.retriever.retrieve_multi([text, *query.parts], vectors, extra_stems=fixes, keep=query.keep_chunk)
        else:
            hits = self.retriever.retrieve(text, vectors[0], extra_stems=fixes)
        place = asked_place(text)
        if place:  # "what does the intro say ...": the opening part of the best-matching document joins the hits
            seen = {h.chunk.id for h in hits}
            hits += [Hit(chunk=c, score=0.0) for c in self.answerer.evidence.chunks_at(hits[0].chunk.source, place)
                     if c.id not in seen] if hits else []
        return Retrieved(query, vectors[0], hits)

    def inspect(self, text: str) -> tuple[Retrieved, Inspection | None]:
        """What the answerer measures for a question on its first look (for fitting and debugging)."""
        text = plain_wording(text)
        found = self.retrieve(text)
        return found, self.answerer.inspect(text, found.hits, found.vector, found.query)

    def run(self, text: str) -> tuple[list[Hit], Draft]:
        """The retrieved chunks and the answerer's draft, after a second look where one can help, with what each
        part of a multi-part question finds asked alone: as typed when it stands on its own, else read as a
        follow-up to the parts before it (``followup_cues.refers_outside``, ``standalone_part``). The question is
        read in plain words first (``wording.plain_wording``: "w/" is "with", "pull the plug on" is "end")."""
        text = plain_wording(text)
        hits, draft = self.run_one(text)
        parts = question_parts(text)  # what ``Query.parts`` holds, without analysing the question again
        if not parts or draft.abstained or draft.template is not None:
            return hits, draft
        for at, part in enumerate(parts):
            if refers_outside(part):  # "which country did *they* come from?" leans on the part before it
                part = self.standalone_part(part, parts[:at])
                if part is None:
                    continue
            part_hits, part_draft = self.run_one(part)
            if not part_draft.abstained and part_draft.template is None:
                draft = with_part(draft, part_draft, self.answerer.params.part_answer_sentences)
                seen = {h.chunk.id for h in hits}
                hits = hits + [h for h in part_hits if h.chunk.id not in seen]
        return hits, draft

    def standalone_part(self, part: str, before: list[str]) -> str | None:
        """A part that leans on the parts before it, read as a follow-up to them ("whats the full english name of the
        mek and which country did they come to albania from?": "Which country did MEK come to albania from?"); None
        when nothing comes before it or the follow-up resolution cannot tie it (it is then left to the whole
        question)."""
        if not before:
            return None
        from assistant.followup import resolve_conversation

        resolution, _ = resolve_conversation(part, before, weight=self.answerer.weights.word_weight)
        return resolution.searched

    def run_one(self, text: str) -> tuple[list[Hit], Draft]:
        """The retrieved chunks and the answerer's draft for one question, after a second look where one can help."""
        found = self.retrieve(text)
        query, vector, hits = found.query, found.vector, found.hits
        # "the table of contents", "the title"; "which section covers X?"; "what documents do you have?"
        evidence = self.answerer.evidence
        outlined = (outline_draft(text, hits, evidence) or locate_draft(text, hits, evidence)
                    or inventory_draft(text, evidence) or address_draft(text, hits, evidence))
        if outlined is not None:
            return hits, outlined
        draft = self.answerer.answer(text, hits, vector, query)
        if draft.second_look:  # no date, number or name where one was asked for: the fact may rank lower down
            wider = self.retriever.widen(text, vector, hits, extra_stems=query.extra_stems,
                                         keep=lambda chunk: has_value(chunk.text, query.kind),
                                         rank=lambda chunk: self.answerer.chunk_coverage(query.terms, chunk))
            second = self.answerer.answer(text, wider, vector, query, strict=True) if len(wider) > len(hits) else draft
            if not second.abstained and not second.second_look:  # the deeper look found the asked-for value
                hits, draft = wider, second
        return hits, draft


def with_part(draft: Draft, part: Draft, count: int) -> Draft:
    """``draft`` joined by the ``count`` best sentences of a part's own answer (its lead first, then by the part's
    scores) that it lacks: a part asked alone is searched with its own words, and "where does it keep .debs, and
    where the lists?" then finds the sentence for each. One that overlaps a sentence already there (a long span
    holding a shorter one) is passed over: when the part's lead is there already, its runner-up adds what the whole
    question's ranking missed ("The default is double-quote." after "The default is the same as the QUOTE value").
    The sentences are read as the answerer gives them (the run of its lead first: ``reading_order``)."""
    from assistant.answer.draft import Draft

    lead = part.lead
    best = sorted(part.sentences, key=lambda s: (not (lead and overlaps(s, lead)), -part.scores.get(s.id, 0.0)))
    added: list[Sentence] = []
    for sentence in best:
        if len(added) < count and not any(overlaps(sentence, o) for o in [*draft.sentences, *added]):
            added.append(sentence)
    if not added:
        return draft
    order = {source: i for i, source in enumerate(dict.fromkeys(s.source for s in [*draft.sentences, *added]))}
    sentences = lead_first(sorted([*draft.sentences, *added], key=lambda s: (order[s.source], s.start)), draft.lead)
    scores = {**part.scores, **draft.scores}
    return Draft(sentences, False, draft.reason, draft.nearest, scores, draft.template, draft.second_look, draft.lead)
