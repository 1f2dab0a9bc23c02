"""What a follow-up's references point to: phrases of the previous question, or of the previous answer when that
question asked for them (how a fragment or a lone wh-word is read into the previous question: ``followup_merge``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property

from assistant.answer.qtypes import QUESTION_FILLER, expected_type
from assistant.followup_agree import people_phrase, phrase_kind
from assistant.followup_chunks import (
    TELLING, answered_object, chunk_root, framing_noun, names_another, stranded_object, without_det,
)
from assistant.followup_filler import slot_filler
from assistant.followup_reason import claim_name
from assistant.followup_swap import Similar
from assistant.nlp import WH_TAGS, Syntax, syntax
from assistant.terms import STOPWORDS, stem

_DEFINED = re.compile(r"(?i)^\W*(?:what|who)(?:['’]?s|\s+is|\s+are|\s+was|\s+were)\s+(?:the\s+|an?\s+)?"
                      r"(?P<what>(?:[\w-]+\s+){0,3}[\w-]+)\W*$")
"""A question that asks what something is ("what's ashraf 3?", "who is the mek?") and the thing it names."""
_PLACE_PREPS = frozenset("in at from near outside inside into to".split())
_PEOPLE = ("PERSON",)
_GROUPS = ("ORG", "NORP", "GPE")
_PLACES = ("GPE", "LOC", "FAC")
_CATEGORIES = frozenset("kind type sort variety category class".split())
"""Nouns for a kind of something: "what kinds of activity" asks about the activity."""

ANSWER_CHARS = 800  # of the previous answer read for what a reference points to
_MARKERS = re.compile(r"\s*\[\d+\]")
_PATH = re.compile(r"(?<![\w/])~?/[\w.+-]+(?:/[\w.+-]+)*/?")
"""A file path ("/var/lock", "/etc/pam.d/common-password"): never after a word ("tcp/ip", "and/or")."""


_TEXTS = frozenset(stem(w) for w in "article text document passage source".split())
"""Words for the text a question asks about (general English, all question filler, so no gist holds them): what
"it" can stand for when nothing else is named."""


def _adjective(parsed: Syntax, end: int) -> bool:
    """Whether the entity ending before ``end`` is an adjective modifying a noun ("which *iranian* body"), not a
    people named ("the Iranians")."""
    last = parsed.tokens[end - 1]
    return last.pos == "ADJ" or last.dep == "amod"


def _plain(answer: str) -> str:
    return _MARKERS.sub("", answer)


_PLURAL_DEMONSTRATIVES = frozenset({"these", "those"})
_PLURAL_TAGS = ("NNS", "NNPS")
_COUNTING = ("many", "much")  # "how many members": the chunk names the members counted


class Antecedents:
    """Phrases of the previous question (and, lazily, of its answer) that a reference can point to."""

    def __init__(
        self, previous: str, answer: Callable[[], str] | None, weight: Callable[[str], float] | None = None,
        gist_terms: int = 3, topic_phrases: int = 2, similar: Similar | None = None, claim_words: int = 0,
    ) -> None:
        self.previous = previous
        self.similar = similar
        self.parsed = syntax(previous)
        self.answer_text = answer
        self.weight = weight
        self.gist_terms = gist_terms
        self.topic_phrases = topic_phrases
        self.claim_words = claim_words  # words of the previous answer's claim a lone "why" carries

    @cached_property
    def answer(self) -> Syntax | None:
        """The previous answer's text, parsed (None when there is none: the callback gives "" for a refusal)."""
        text = _plain(self.answer_text() if self.answer_text else "").strip()
        if not text:
            return None
        return syntax(text[:ANSWER_CHARS])

    @property
    def asked(self) -> str:
        """The previous question's wh-word ("" for a yes/no question)."""
        return next((t.text.lower() for t in self.parsed.tokens if t.tag in WH_TAGS), "")

    def _chunks(self, parsed: Syntax) -> list[tuple[int, int]]:
        """Noun chunks that name something (not a wh-phrase, not a pronoun), subjects first; of "how many members",
        the members counted."""
        toks = parsed.tokens
        out = []
        for start, end in parsed.chunks:
            root = chunk_root(parsed, start, end)
            if end - start > 2 and toks[start].text.lower() == "how" and toks[start + 1].text.lower() in _COUNTING:
                start += 2
            if any(toks[i].tag in WH_TAGS for i in range(start, end)) or toks[root].pos == "PRON":
                continue
            out.append((start, end, toks[root].dep.startswith("nsubj")))
        return [(s, e) for s, e, _ in sorted(out, key=lambda c: not c[2])]

    def _ent(self, parsed: Syntax | None, labels: tuple[str, ...]) -> str | None:
        """The first entity of ``labels``; a person's name is no acronym ("MEK" tagged PERSON is a group), and a
        people's adjective names no one ("the *iranian* regime", "*Albanian* soil": ``_adjective``)."""
        if parsed is None:
            return None
        return next((parsed.span(*people_phrase(parsed, s, e)) for s, e, label in parsed.ents if label in labels
                     and (label != "PERSON" or phrase_kind(parsed, s, e) == "person")
                     and not (label == "NORP" and _adjective(parsed, e))), None)

    def _acronym(self) -> str | None:
        """The previous question's first acronym ("MEK", "PLO"), None when it has none."""
        return next((t.text for t in self.parsed.tokens if t.pos == "PROPN" and t.text.isupper() and len(t.text) > 1),
                    None)

    def _role(self, parsed: Syntax) -> str | None:
        """The first phrase headed by a noun naming a person ("a western diplomat": "the western diplomat")."""
        for start, end in self._chunks(parsed):
            if phrase_kind(parsed, start, end) == "person":
                words = parsed.span(start, end).split()
                return " ".join(["the", *words[1:]] if words[0].lower() in ("a", "an", "the") else words)
        return None

    def wh_noun(self) -> str:
        """The noun a wh-determiner asks about ("which *empire*", "what *step*"), if any; past a noun for a kind
        ("what kinds of *activity*")."""
        toks = self.parsed.tokens
        head = next((t.head for t in toks if t.tag in ("WDT", "WP") and t.dep == "det" and toks[t.head].pos == "NOUN"),
                    None)
        if head is None:
            return ""
        if toks[head].lemma.lower() in _CATEGORIES:
            of = next((t.i for t in toks if t.head == head and t.i > head and t.text.lower() == "of"), None)
            kept = next((t.lemma for t in toks if of is not None and t.head == of and t.pos == "NOUN"), None)
            return kept or toks[head].lemma
        return toks[head].lemma

    @cached_property
    def _asked_tags(self) -> frozenset[str]:
        """The tags of the nouns the previous question's wh-determiners ask about ("which *alliance*": NN; "what two
        *things*": NNS): whether it asked for one thing or several."""
        toks = self.parsed.tokens
        return frozenset(toks[t.head].tag for t in toks if t.tag in ("WDT", "WP") and t.dep == "det")

    def _asks_several(self) -> bool:
        """Whether the previous question asked for several of a kind ("what two *things* ...?")."""
        return bool(self._asked_tags & {"NNS", "NNPS"})

    def _answers_asked(self, start: int, end: int, in_number: bool) -> bool:
        """Whether the answer's phrase can be what the previous question asked for: no phrase that itself points
        back ("its alliances"), and with ``in_number`` one thing when it asked for one ("which alliance?" is not
        answered by "certain alliances")."""
        assert self.answer is not None
        one = "NN" in self._asked_tags
        toks = self.answer.tokens
        owned = any(t.tag == "PRP$" for t in toks[start:end])
        return not owned and not (in_number and one and toks[end - 1].tag in ("NNS", "NNPS"))

    def answer_chunk(self, lemma: str, in_number: bool = False) -> str | None:
        """The previous answer's first phrase headed by ``lemma`` (any name when empty; ``in_number``: agreeing with
        what was asked, ``_answers_asked``), or the name set beside a common noun ("the exiled opposition group, the
        People's Mojahedin Organization of Iran (PMOI)": the name)."""
        if self.answer is None:
            return None
        toks = self.answer.tokens
        heads = [(start, end) for start, end in self.answer.chunks
                 if (toks[end - 1].lemma.lower() == lemma or (not lemma and toks[end - 1].pos == "PROPN"))
                 and self._answers_asked(start, end, in_number)]
        if not heads:
            return None
        start, end = min(heads, key=lambda c: toks[c[1] - 1].pos != "PROPN")  # a named one first, else the first
        named = toks[end - 1].pos == "PROPN"
        return (None if named else self._apposed_name(end)) or without_det(self.answer, start, end)

    def _claim_name(self) -> str | None:
        """The name the previous answer's claim gives that the previous question lacks (``claim_name``): what a
        "which country ...?" was answered with when no phrase of the answer is headed by "country"."""
        return claim_name(self.previous, self.answer_text(), self.weight) if self.answer_text and self.weight else None

    def _counted(self) -> str | None:
        """What the previous question counted ("how many *exiles* did albania take?"), what "they" points to next
        ("which group were they from?"); None when it counted nothing or something not plural."""
        toks = self.parsed.tokens
        for start, end in self.parsed.chunks:
            if end - start > 2 and toks[start].text.lower() == "how" and toks[start + 1].text.lower() == "many" \
                    and toks[end - 1].tag in _PLURAL_TAGS:
                return self.parsed.span(start + 2, end)
        return None

    def _apposed_name(self, after: int) -> str | None:
        """The proper name in apposition right after the answer's token ``after`` (", the X of Y," or "(X)"), up
        to the next punctuation, None when none follows."""
        assert self.answer is not None
        toks = self.answer.tokens
        if after + 1 >= len(toks) or toks[after].text not in (",", "("):
            return None
        start = after + 1 + (toks[after + 1].pos == "DET")
        end = start
        while end < len(toks) and end - start < 8 and (toks[end].pos != "PUNCT" or toks[end].text == "'s"):
            end += 1
        names = [t for t in toks[start:end] if t.pos == "PROPN"]
        return self.answer.span(start, end).replace(" 's", "'s") if names and toks[end - 1].pos == "PROPN" else None

    def find(self, kind: str, head: str = "", pronoun: str = "") -> str | None:
        """The phrase a reference of ``kind`` (person, group, thing, event, place, date, determiner) points to;
        ``pronoun``: the word that refers, for agreement ("he" a person, "it" no person and not several)."""
        chunks = self._chunks(self.parsed)
        if kind in ("person", "group") and (found := slot_filler(self.parsed, self.answer, pronoun or kind)):
            return found  # "Who did the government blame?" + "their motive": whom the answer says it blamed
        if kind == "person":
            found = self._ent(self.parsed, _PEOPLE) or self._role(self.parsed) or self._ent(self.answer, _PEOPLE)
            return found or (self.gist() if self.asked == "who" or not chunks else without_det(self.parsed, *chunks[0]))
        if kind == "group":
            plural = [c for c in chunks if self.parsed.tokens[c[1] - 1].tag in ("NNS", "NNPS")]
            place = None if plural else self._ent(self.parsed, ("GPE",))  # "they" after "the attack on Albania": Albania
            return (self._counted() or self.organisation() or self.named_subject() or place or self._topic(chunks)
                    or (without_det(self.parsed, *plural[0]) if plural else None) or self._ent(self.parsed, _GROUPS)
                    or self.path() or self._ent(self.answer, _GROUPS))
        if kind == "thing":
            noun = "" if pronoun.lower() == "it" and self._asks_several() else self.wh_noun()  # "it" is none of
            # the several things asked for ("what two things created an untenable situation?" + "the answer to it")
            if noun and (found := self.answer_chunk(noun, in_number=True) or self._claim_name()
                         or self.answer_chunk(noun)):  # one thing asked: a name before a phrase of several
                return found
            if self._asks_for_a_thing() and (found := self.answer_chunk("")):
                return found
            if found := answered_object(self.parsed, self.answer) or stranded_object(self.parsed, self.answer):
                return found
            return (self.named_subject() or self.untagged_subject() or self._topic(chunks, stem(head) in TELLING)
                    or self.path() or self.gist()
                    or self._document(chunks))
        if kind == "event":  # "would that be run directly?" after "what did X announce?": what it announced
            return answered_object(self.parsed, self.answer) or self.gist(event=True)
        if kind == "noun":  # "the first one": the noun of the previous question's topic, singular; a filler noun
            # only when no other is there ("the farsi name?" + "and the english one?")
            roots = (self.parsed.tokens[chunk_root(self.parsed, *c)] for c in chunks)
            nouns = [r.lemma for r in roots if r.pos == "NOUN"]
            return next((n for n in nouns if stem(n) not in QUESTION_FILLER), nouns[0] if nouns else None)
        if kind == "place":
            if self.asked == "where" and (found := self._ent(self.answer, _PLACES)):
                return found
            toks = self.parsed.tokens
            for start, end in chunks:
                prep = toks[start - 1] if start else None
                if prep is None or prep.text.lower() not in _PLACE_PREPS:
                    continue
                owner = next((c for c in chunks if c[0] <= prep.head < c[1]), None)
                return self.parsed.span(owner[0] + (toks[owner[0]].pos == "DET"), end).replace(" 's", "'s") \
                    if owner else without_det(self.parsed, start, end)
            return self._ent(self.parsed, _PLACES) or self.defined() or (
                without_det(self.parsed, *chunks[0]) if chunks else None)
        if kind == "date":  # the previous question's date, else the one its answer gave to a question for a date
            asked_date = self.asked == "when" or expected_type(self.previous) == "date"  # "what's the first date ...?"
            return self._ent(self.parsed, ("DATE",)) or (self._ent(self.answer, ("DATE",)) if asked_date else None)
        if kind == "determiner":  # "that table": the modifiers the previous turn gave the same noun, in the same
            # number ("that response" is not the "future responses" an answer mentions)
            several = pronoun.lower() in _PLURAL_DEMONSTRATIVES
            for source in (self.answer, self.parsed):
                for start, end in (self._chunks(source) if source is not None else []):
                    last = source.tokens[end - 1]
                    if last.lemma == head and end - start > 1 and (last.tag in _PLURAL_TAGS) == several:
                        return without_det(source, start, end - 1) or None
            return None
        raise ValueError(f"unknown reference kind {kind!r}")

    def _content_words(self, timeless: bool = False, valueless: bool = False) -> list[str]:
        """The previous question's content words, in order, once each (``timeless``: none of a date or time;
        ``valueless``: no number)."""
        dated = {i for s, e, label in self.parsed.ents if label in ("DATE", "TIME") for i in range(s, e)} \
            if timeless else set()
        parts = ("NOUN", "PROPN", "VERB", "ADJ") if valueless else ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
        return list(dict.fromkeys(t.text for t in self.parsed.tokens if t.pos in parts
                                  and t.text.lower() not in STOPWORDS and t.tag not in WH_TAGS
                                  and stem(t.lemma) not in QUESTION_FILLER and t.i not in dated))

    def gist(self, event: bool = False, rest: bool = False) -> str:
        """What the previous turn was about: its most telling content words (by ``weight``, at most
        ``gist_terms``), in their order; for an ``event`` ("done *that*") none of its date: that is when, not what;
        for the ``rest`` of a set ("what are the remaining codes?") none of its numbers: the values already asked
        about are the ones it leaves out."""
        words = self._content_words(timeless=event, valueless=rest)
        if self.weight is not None and len(words) > self.gist_terms:
            keep = set(sorted(words, key=lambda w: -self.weight(w.lower()))[:self.gist_terms])  # type: ignore[misc]
            words = [w for w in words if w in keep]
        return " ".join(words)

    def _document(self, chunks: list[tuple[int, int]]) -> str | None:
        """The document the previous question asked about, when it named nothing else ("what's the conclusion of
        *the article*?" + "what does it ask the reader?"): its last phrase headed by a word for a text (``_TEXTS``)."""
        toks = self.parsed.tokens
        named = [(start, end) for start, end in chunks
                 if stem(toks[chunk_root(self.parsed, start, end)].lemma) in _TEXTS]
        return self.parsed.span(*named[-1]) if named else None

    def _asks_for_a_thing(self) -> bool:
        """Whether the previous question asked which thing ("Which was the first release ...?"): its wh-pronoun is
        the subject or the attribute, so "it" is the answer."""
        return any(t.tag in ("WP", "WDT") and t.pos == "PRON" and t.dep in ("nsubj", "attr") and t.lemma != "who"
                   for t in self.parsed.tokens) and self.asked in ("which",)

    def _topic(self, chunks: list[tuple[int, int]], telling: bool = False) -> str:
        """The previous question's subject and object phrases (at most ``topic_phrases``), where "it" most likely
        points; a part of the text that tells something ("what does the history section say ...?") only when the
        reference tells something too (``telling``: "what does *it* say about ...?")."""
        toks = self.parsed.tokens
        picked: list[str] = []
        for role in ("nsubj", "attr", "dobj", "pobj"):
            for start, end in chunks:
                root = toks[chunk_root(self.parsed, start, end)]
                if root.dep.startswith(role) and len(picked) < self.topic_phrases \
                        and not framing_noun(self.parsed, root.i, parts=not telling) \
                        and not names_another(self.parsed, root.i):
                    phrase = self._with_of(start, end)
                    if phrase not in picked and not any(phrase in p for p in picked):
                        picked.append(phrase)
        return " ".join(picked)

    def organisation(self) -> str | None:
        """The organisation or people the previous question names (an entity, an acronym), what "the group"
        points to; None when it names none."""
        return self._ent(self.parsed, ("ORG", "NORP")) or self._acronym()

    def instance(self) -> str | None:
        """The previous question's phrase for one of a kind, with its indefinite article ("what's the advantage of
        *a WITHOUT ROWID table*?"): what "one of those" is. None when it has none."""
        toks = self.parsed.tokens
        return next((self.parsed.span(start, end) for start, end in self.parsed.chunks
                     if end - start > 1 and toks[start].text.lower() in ("a", "an")), None)

    def path(self) -> str | None:
        """The file path the previous question names ("what is /var/lock for?"), which the parser splits into
        punctuation and a noun: what "it" or "them" points to when no phrase is found. None when it names none."""
        found = _PATH.search(self.previous)
        return found.group(0) if found else None

    def defined(self) -> str | None:
        """What a short question asks to be defined ("what's ashraf 3?": "ashraf 3", which the parser may read as a
        verb), None for any other question."""
        found = _DEFINED.match(self.previous)
        return found.group("what") if found else None

    def named_subject(self) -> str | None:
        """ "does TRUNCATE reset sequences?": the parser reads "TRUNCATE reset sequences" as one noun phrase, the
        subject of "does"; the name that opens it is what the question is about. None for any other parse."""
        toks = self.parsed.tokens
        root = next((t for t in toks if t.dep == "ROOT"), None)
        if root is None or root.lemma != "do" or any(t.pos in ("VERB", "AUX") and t.i != root.i for t in toks):
            return None
        for start, end in self.parsed.chunks:
            if toks[chunk_root(self.parsed, start, end)].dep.startswith("nsubj"):
                start += toks[start].pos == "DET"
                stop = start
                while stop < end and (toks[stop].pos == "PROPN"
                                      or (toks[stop].text.isupper() and len(toks[stop].text) > 1)):
                    stop += 1
                return self.parsed.span(start, stop) if start < stop < end and toks[stop].text.islower() else None
        return None

    def untagged_subject(self) -> str | None:
        """ "what does IdentitiesOnly do in ssh_config?": the parser tags the option an adverb, so the question has
        no subject phrase; the words between the auxiliary and its verb are the subject, what "it" points to. None
        when the question has a subject or nothing stands there."""
        toks = self.parsed.tokens
        if any(t.dep.startswith(("nsubj", "csubj", "expl")) for t in toks):
            return None
        aux = next((t for t in toks if t.dep == "aux" and toks[t.head].pos == "VERB" and t.head > t.i + 1), None)
        if aux is None:
            return None
        between = toks[aux.i + 1:aux.head]
        if len(between) > 3 or any(t.pos in ("PRON", "DET", "PUNCT", "ADP") or t.tag in WH_TAGS for t in between):
            return None
        return self.parsed.span(aux.i + 1, aux.head)

    def _with_of(self, start: int, end: int) -> str:
        """A chunk of the previous question with the phrase that modifies it ("version 1.1 *of the social
        contract*", "ties *with Iran*")."""
        toks = self.parsed.tokens
        root = chunk_root(self.parsed, start, end)
        while end < len(toks) and toks[end].pos == "NUM":  # "version 1.1 of ..."
            end += 1
        if end + 1 < len(toks) and toks[end].pos == "ADP" and toks[end].head == root:
            following = next((c for c in self.parsed.chunks if c[0] == end + 1), None)
            if following:
                end = following[1]
        return without_det(self.parsed, start, end)

    def context(self, searched: str, limit: int) -> str:
        """Up to ``limit`` more of the previous question's telling words that ``searched`` lacks ("" for none)."""
        have = {stem(w.lower()) for w in re.findall(r"\w+", searched)}
        words = [w for w in self._content_words() if stem(w.lower()) not in have]
        if self.weight is not None:
            words = sorted(words, key=lambda w: -self.weight(w.lower()))  # type: ignore[misc]
        return " ".join(words[:limit])
