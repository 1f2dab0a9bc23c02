"""The follow-up plumbing of one ``Assistant``: a question read against the conversation's earlier turns, the last
earlier answer recomputed when a reference needs it, and continuations answered from what follows that answer.

``Assistant.ask`` calls ``Turns.resolve`` and ``Turns.continuation``; the language work lives in
``assistant.followup`` (references), ``assistant.followup_next`` (continuations) and ``assistant.followup_swap``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from assistant.faults import store_errors
from assistant.followup_cues import topic_changed
from assistant.schema import Answer

if TYPE_CHECKING:
    from assistant.answer.draft import Draft
    from assistant.answer.pipeline import AnswerPipeline
    from assistant.embedder import TextEmbedder
    from assistant.followup import FollowupParams, Resolution
    from assistant.followup_case import Initials
    from assistant.followup_gate import GateParams
    from assistant.followup_beside import Reader
    from assistant.followup_next import ContinuationParams
    from assistant.schema import Hit
    from assistant.settings import Settings
    from assistant.store import Snapshot

KEPT_ANSWERS = 8
"""Recomputed earlier answers kept per assistant (a conversation's turns, asked again with each follow-up)."""


class Host(Protocol):
    """What ``Turns`` reads of its ``Assistant`` (named here so that this module need not import the facade)."""

    settings: Settings
    followup_params: FollowupParams | None
    continuation_params: ContinuationParams | None
    gate_params: GateParams | None

    @property
    def embedder(self) -> TextEmbedder: ...

    def snapshot(self) -> Snapshot: ...

    def generation(self) -> tuple[Snapshot, AnswerPipeline]: ...


class Turns:
    """Resolves follow-ups for one assistant with its ``followup_params`` and ``continuation_params``."""

    def __init__(self, assistant: Host) -> None:
        self.assistant = assistant
        self._recomputed: dict[str, Answer] = {}  # earlier answers recomputed for follow-ups, by question
        self._lock = threading.Lock()  # the server asks from several threads
        self._initials: tuple[str, Initials] | None = None  # (snapshot fingerprint, its documents' initials)

    def resolve(self, question: str, history: Sequence[str | Answer] | None) -> tuple[Resolution, list[str]]:
        """How ``question`` reads after ``history`` (earlier questions as asked, or their ``Answer``s), and the
        earlier questions as standalone questions."""
        from assistant.followup import PARAMS, resolve_conversation
        from assistant.followup_siblings import with_listings

        turns = list(history or [])
        if not turns:
            return resolve_conversation(question, [])
        from assistant.answer.wording import plain_wording

        weights = self.assistant.generation()[1].answerer.weights
        asked = [plain_wording(turn.question if isinstance(turn, Answer) else str(turn)) for turn in turns]
        question = plain_wording(question)  # read as the answerer reads it ("r there ...?", "pin it on")

        def answer_of(turn: int, standalone: str) -> str:  # given, else recomputed ("" if refused)
            given = turns[turn]
            if isinstance(given, Answer):
                return "" if given.abstained else given.answer
            return self.earlier_answer(standalone).answer

        def similar(phrase: str, options: Sequence[str]) -> list[float]:  # listed beside it, then cosine
            vectors = self.assistant.embedder.embed([phrase, *options])
            texts = [c.text for c in self.assistant.snapshot().meta.chunks]
            return with_listings(phrase, options, [float(v @ vectors[0]) for v in vectors[1:]], texts)

        params = self.assistant.followup_params or PARAMS
        return resolve_conversation(question, asked, answer_of, params, weights.word_weight, similar,
                                    self.initials().cased)

    def initials(self) -> Initials:
        """The words the current documents write only in capitals ("MEK"), found once per snapshot."""
        from assistant.followup_case import Initials

        snapshot = self.assistant.snapshot()
        with self._lock:
            if self._initials is None or self._initials[0] != snapshot.meta.fingerprint:
                self._initials = (snapshot.meta.fingerprint, Initials.of(c.text for c in snapshot.meta.chunks))
            return self._initials[1]

    def gate_features(
        self, question: str, history: Sequence[str | Answer], standalone: list[str], resolution: Resolution,
        hits: list[Hit], draft: Draft,
    ) -> dict[str, float]:
        """The follow-up gate's features for ``draft``, the answer to ``resolution``'s searched question from
        ``hits``."""
        from assistant.followup_gate import FollowupTurn, gate_features

        earlier = self.turn_answer(list(history), standalone)
        turn = FollowupTurn(question, resolution.query, standalone[-1], [] if earlier.abstained else earlier.citations)
        return gate_features(self.assistant.generation()[1], turn, hits, draft)

    def gate(
        self, question: str, history: Sequence[str | Answer] | None, standalone: list[str], resolution: Resolution,
        hits: list[Hit], draft: Draft,
    ) -> Draft:
        """``draft``, or a refusal when the follow-up gate judges that its answer only repeats what the history
        supplied or strays from it (``assistant.followup_gate``; only a question that leans on the history), or
        when no cited sentence holds what it asks for (a name, the verb of a yes/no question, a duration:
        ``assistant.followup_asked``; any question asked after others, since one asked as typed, "has the EU pledged
        anything?", is still a follow-up to the topic the earlier turns found; a question asked alone, the duration
        and the name of someone described by a role), or when it adds nouns or adjectives no cited sentence holds
        (``unanswered``)."""
        from assistant.followup_asked import (ALONE_CHECKS, CHECKS, asks_other_places, holds_new_value, missing_asked,
                                              names_no_other_place)
        from assistant.followup_adds import ANSWERS_EARLIER
        from assistant.followup_gate import load_gate, refuses
        from assistant.followup_interval import PAIRED_CUE
        from assistant.followup_items import ITEM_CUE

        if ITEM_CUE in resolution.cues or draft.structural or (PAIRED_CUE in resolution.cues and draft.template):
            return draft  # another item of an enumeration overlaps the previous answer by design; an answer read off
            # the document's structure (a contents list, the reader's address) holds no sentence to judge, nor does
            # an interval computed from two cited dates (its value is in no sentence): not judged
        if draft.abstained:
            return self.near_previous(question, history, standalone, resolution) or draft
        checks = CHECKS if history else ALONE_CHECKS
        best = draft.lead.id if draft.lead else None
        cited = [s.text for s in sorted(draft.sentences, key=lambda s: s.id != best)]  # its best one first
        why = missing_asked(question, resolution.query, cited, checks) or self.unanswered(question, history,
                                                                                          resolution, cited)
        if not why and history and cited and asks_other_places(question):  # "which other countries ...?"
            earlier = self.turn_answer(list(history), standalone)
            why = names_no_other_place([*_asked(history), *standalone, earlier.answer], cited[0])
        if why:
            return _refusal(draft, why)
        unattached = self.unattached(question, history, standalone, resolution, draft)
        if unattached is not None:
            return unattached
        if not history or not standalone or not resolution.cues:
            return draft
        params = self.assistant.gate_params or load_gate()
        if not refuses(params, self.gate_features(question, history, standalone, resolution, hits, draft)):
            return draft
        if holds_new_value(resolution.query, standalone[-1], cited):
            return draft  # "when did he send it?": the date is what it adds, in the sentence cited before
        return _refusal(draft, ANSWERS_EARLIER)

    def unanswered(
        self, question: str, history: Sequence[str | Answer] | None, resolution: Resolution, cited: list[str],
    ) -> str | None:
        """Why the answer (``cited``: its sentences) to a follow-up that leans on ``history`` is refused because no
        cited sentence holds a noun or adjective it adds (``assistant.followup_adds``), or None."""
        from assistant.followup_adds import adds_unanswered

        if not history or not resolution.cues:
            return None
        return adds_unanswered(question, _asked(history), cited, self.assistant.generation()[1].answerer.weights.known)

    def unattached(
        self, question: str, history: Sequence[str | Answer] | None, standalone: list[str], resolution: Resolution,
        draft: Draft,
    ) -> Draft | None:
        """For a question asked after ``history`` (leaning on it or typed in full: "where was the video posted?" after
        "how did edi rama announce the cut in ties?") that asks a date or a place with a verb of its own that no cited
        sentence holding such a value holds (``followup_attached.value_unattached``): the first sentence holding
        that verb in the rest of the paragraphs the previous answer cited (``holding_predicate``), else a refusal;
        None when the rule does not apply."""
        from assistant.answer.draft import Draft
        from assistant.answer.qtypes import expected_type
        from assistant.followup_attached import holding_predicate, paragraph_after, value_unattached

        if not history or not standalone:
            return None
        why = value_unattached(question, resolution.query, _asked(history), [s.text for s in draft.sentences])
        if why is None:
            return None
        earlier = self.turn_answer(list(history), standalone)
        snapshot = self.assistant.snapshot()
        meta, rows = snapshot.meta, snapshot.document_rows
        paragraphs = [] if earlier.abstained else [
            paragraph_after(meta.sentences[rows[c.source].start:rows[c.source].stop], c, meta.documents[c.source].text)
            for c in sorted(earlier.citations, key=lambda c: -c.score) if c.source in rows]
        sentences = holding_predicate(question, _asked(history), paragraphs, expected_type(resolution.query))
        if sentences:
            return Draft(sentences=sentences, abstained=False)
        return _refusal(draft, why)

    def near_previous(
        self, question: str, history: Sequence[str | Answer] | None, standalone: list[str], resolution: Resolution,
    ) -> Draft | None:
        """The answer to a leaning follow-up the answerer refused, from near the previous answer (its best citation,
        its other cited sentences, then those after its best citation in its paragraph:
        ``followup_besides.neighbourhood``): the first that holds every word the follow-up adds
        (``followup_adds.found_near``), or None. The best citation may hold more than its question asked: "what does
        the final paragraph say albania has drawn?" + "in the face of what?"."""
        from assistant.answer.draft import Draft
        from assistant.followup_adds import found_near
        from assistant.followup_besides import neighbourhood
        from assistant.followup_params import ADDED

        if not history or not standalone or not resolution.cues:
            return None
        earlier = self.turn_answer(list(history), standalone)
        if earlier.abstained or not earlier.citations:
            return None
        snapshot = self.assistant.snapshot()
        best = max(earlier.citations, key=lambda c: c.score)
        rows = snapshot.document_rows.get(best.source, range(0))
        near = neighbourhood(snapshot.meta.sentences[rows.start:rows.stop], earlier.citations, best,
                             snapshot.meta.documents[best.source].text, ADDED.near_paragraphs, with_best=True)
        known = self.assistant.generation()[1].answerer.weights.known
        sentences = found_near(question, _asked(history), near, known)
        return Draft(sentences=sentences, abstained=False) if sentences else None

    def earlier_answer(self, query: str) -> Answer:
        """The extractive answer to ``query`` (text "" and no citations when it abstains), the last few kept: an
        earlier turn's answer, recomputed once for its text and its citations."""
        from assistant.answer.compose import compose

        with self._lock:
            if query in self._recomputed:
                return self._recomputed[query]
        snapshot, pipeline = self.assistant.generation()
        with store_errors(self.assistant.settings):
            _, draft = pipeline.run(query)
        text, citations = ("", []) if draft.abstained else compose(query, draft, snapshot)
        answer = Answer(question=query, answer=text, abstained=draft.abstained, citations=citations)
        with self._lock:
            if len(self._recomputed) >= KEPT_ANSWERS:
                self._recomputed.pop(next(iter(self._recomputed)))
            self._recomputed[query] = answer
        return answer

    def turn_answer(self, turns: Sequence[str | Answer], standalone: list[str]) -> Answer:
        """The last earlier turn's answer as it was given: passed in, else recomputed, a continuation read on from
        the answer before it ("the first lesson?", "and the second?", "anything else?": the third)."""
        last = turns[-1]
        if isinstance(last, Answer):
            return last
        following = self.continuation(str(last), turns[:-1], standalone[:-1]) if len(turns) > 1 else None
        return following or self.earlier_answer(standalone[-1])

    def _read_beside(self, question: str, earlier: Answer, previous: str, read: Reader, asked: str) -> Answer | None:
        """The answer ``read`` gives from beside ``earlier``, the previous answer (``followup_beside``), searched as
        ``previous`` (its question) and ``asked``; None when that answer cited nothing or ``read`` finds nothing
        there (the question is then searched)."""
        from assistant.answer.compose import compose
        from assistant.followup_beside import Beside

        if earlier.abstained or not earlier.citations:
            return None
        snapshot = self.assistant.snapshot()
        best = max(earlier.citations, key=lambda c: c.score)
        rows = snapshot.document_rows.get(best.source, range(0))
        draft = read(Beside(snapshot.meta.documents[best.source], snapshot.meta.sentences[rows.start:rows.stop],
                            [c for c in earlier.citations if c.source == best.source], best))
        if draft is None:
            return None
        text, citations = compose(question, draft, snapshot)
        return Answer(question=question, answer=text, citations=citations, abstained=False,
                      searched=f"{previous.rstrip('?')}: {asked}")

    def continuation(
        self, question: str, history: Sequence[str | Answer] | None, standalone: list[str]
    ) -> Answer | None:
        """The answer to a continuation ("anything else?", "the other two?"): the sentences after the previous
        answer's citations (given, else recomputed), or None when ``question`` is no continuation or the previous
        answer cited nothing."""
        from assistant.answer.compose import compose
        from assistant.answer.draft import Draft
        from assistant.answer.outline import neighbour_followup
        from assistant.followup_beside import readers_for, told_of_party
        from assistant.followup_interval import interval_followup
        from assistant.followup_items import item_question
        from assistant.followup_sequel import sequel_subject
        from assistant.followup_next import (CONTINUATION, LOOKED_FOR_NEAR, continuation, continuing_cue, following,
                                             next_dated, read_from, rest_of_paragraph, said_besides)

        turns = list(history or [])
        if not turns or not standalone or self.assistant.settings.llm.backend != "extractive" \
                or topic_changed(question):  # "ok something else, what ...?": a question of its own, asked alone
            return None
        params = self.assistant.continuation_params or CONTINUATION
        earlier: Answer | None = None  # the previous answer, recomputed once when a rule reads it
        for read, asked in readers_for(question, _asked(turns), params):  # "and the one after that?", "and the next
            # paragraph?": read from beside the previous answer, not searched
            earlier = earlier or self.turn_answer(turns, standalone)
            if found := self._read_beside(question, earlier, standalone[-1], read, asked):
                return found
        if (not continuing_cue(question) or neighbour_followup(question, standalone[-1])
                or interval_followup(question, standalone)):  # "how long after that did X?": two events dated
            return None  # "what comes after it?" after the first heading: the outline's next entry, asked
        earlier = earlier or self.turn_answer(turns, standalone)
        if item_question(question, standalone[-1], lambda: "" if earlier.abstained else earlier.answer):
            return None  # another item of an enumeration ("the second one?"): asked as a question of its own
        if earlier.abstained or not earlier.citations:
            return None
        party = sequel_subject(question, standalone[-1]) if params.enabled else None
        if party is not None:  # "and what did iran do after that?": where the document goes on to tell of Iran
            return self._read_beside(question, earlier, standalone[-1], told_of_party(party),
                                     f"what {party} did next?")
        asks = continuation(question, [standalone[-1], earlier.answer], params)
        if asks is None:
            return None
        snapshot = self.assistant.snapshot()
        best = read_from(earlier.citations, standalone[-1], params.from_best)
        source = (best or earlier.citations[0]).source  # the document ``following`` reads on in
        rows = snapshot.document_rows.get(source, range(0))
        document = snapshot.meta.sentences[rows.start:rows.stop]
        document_text = snapshot.meta.documents[source].text
        if asks.terms and best is not None:  # "what else will tirana do?": what near the answer holds its words
            from assistant.followup_besides import holding, neighbourhood

            near = neighbourhood(document, earlier.citations, best, document_text, params.near_paragraphs,
                                 with_best=asks.cue in LOOKED_FOR_NEAR)  # "what does it say is needed?": its best
            # sentence too
            sentences = holding(near, asks.terms, self.assistant.generation()[1].answerer.weights.idf, asks.count,
                                best.end)
        else:
            sentences = following(document, earlier.citations, asks.count, document_text, params, asks.each, best)
            if params.said_first and asks.besides and best is not None:  # "anything else?": the rest of the answer
                sentences = [*said_besides(document, earlier.citations, best, standalone[-1]), *sentences]
            step = next_dated(document, best, document_text) if params.dated_step and asks.step and best else None
            if step is not None:  # "what happened next?" after a dated answer: its next date leads
                sentences = [step, *(s for s in sentences if (s.start, s.end) != (step.start, step.end))]
            elif asks.step and best is not None and params.paragraph_rest:  # else the rest of its paragraph
                rest = rest_of_paragraph(document, best, document_text, params.paragraph_rest)
                kept = {(s.start, s.end) for s in rest}
                sentences = [*rest, *(s for s in sentences if (s.start, s.end) not in kept)]
        if not sentences:
            return None
        text, citations = compose(question, Draft(sentences=sentences, abstained=False), snapshot)
        return Answer(question=question, answer=text, citations=citations, abstained=False,
                      searched=f"{standalone[-1].rstrip('?')}: what follows ({asks.cue})?")


def _refusal(draft: Draft, why: str) -> Draft:
    """``draft`` refused for ``why``: nothing cited, its first two sentences offered as the nearest, its scores kept."""
    from assistant.answer.draft import Draft

    return Draft([], True, why, draft.sentences[:2], draft.scores)


def _asked(history: Sequence[str | Answer]) -> list[str]:
    """The earlier questions as asked."""
    return [turn.question if isinstance(turn, Answer) else str(turn) for turn in history]
