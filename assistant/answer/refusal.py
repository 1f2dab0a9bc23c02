"""Refusal evidence: each a small named rule that measures one sign the corpus does not hold the answer.

The fitted refusal model (``params.json``) weighs them; a rule never refuses on its own. Each rule reads the
analysed question and the ranked candidates (best first) and returns a number, 1.0 meaning "strong sign".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from assistant.answer.arithmetic import interval_unit
from assistant.answer.counted import beside_counted_head, value_near
from assistant.answer.features import KIND_LABELS
from assistant.answer.matching import sentence_stems, term_match
from assistant.answer.premise import (
    ALMOST, LEAD, NEGATED, PremiseDenial, affirmed_light_words, affirmed_terms, premise_terms, refusal_terms,
    same_contrast, sets_aside_other,
)
from assistant.answer.qualifiers import QUALIFIERS, asked_qualifiers
from assistant.answer.qtypes import VERSION_FORM
from assistant.answer.refusal_premise import AsksDefinition, AsksHowTo, AsksWhy, AsksYesNo, TakesForGranted
from assistant.answer.speaker import asked_speaker
from assistant.answer.value_conflict import ValueConflict
from assistant.nlp import NAME_LABELS
from assistant.terms import ABBREVIATIONS, STOPWORDS, people_country, stem, unhyphenated, words

if TYPE_CHECKING:
    from assistant.answer.features import Candidate, QuestionView

_COUNTERFACTUAL = re.compile(
    r"\b(?:could have been|would have been|might have been|decided against|did not|didn't|does not|doesn't|never|"
    r"rather than|instead of|denies|denied|no evidence|has not been|have not been)\b", re.IGNORECASE)
_PRESUPPOSES = re.compile(rf"{LEAD}(?:why|how|when|where|what|which|who)\b", re.IGNORECASE)
_COMPUTED = re.compile(r"\bhow (?:many|much) (?:more|fewer|less|longer|shorter|higher|lower|older|younger|bigger|"
                       r"smaller|larger)\b|\b(?:apart|difference)\b"
                       r"|\bhow (?:long|many \w+|much time)\b.*\bbetween\b", re.IGNORECASE)  # not "ties between X and Y"
# A purpose the asker wants to reach ("... to get proper unicode case?"): what it names may not be so yet
_PURPOSE = re.compile(r"\b(?:in order |so as )?to (?:get|make|obtain|achieve|enable|ensure|allow)\b", re.IGNORECASE)
_NAME_ASKED = re.compile(r"\bname of\b|\bwho (?:is|was|are|were)\b", re.IGNORECASE)
# "who's its leader?", "what's the diplomat's name?": a name asked for with no "name of" phrase to take the noun from
_NAME_ASKED_SHORT = re.compile(r"^\W*who['’]s\b|^\W*what(?:['’]?s| is| was)\b.*\w['’]s (?:full |real )?name\b",
                               re.IGNORECASE)
# Nouns for people by their role (general English): the name such a question asks for is a person's.
# (Not authors, editors or maintainers: software documents list them by e-mail or in lists the tagger misses.)
PERSON_ROLES = frozenset(stem(w) for w in """minister president leader diplomat ambassador envoy founder spokesman
    spokeswoman spokesperson chairman chairwoman chair director secretary ceo chief commander governor mayor senator
    king queen premier official""".split())


class RefusalRule(Protocol):
    """A named sign that the answer is not in the corpus."""

    name: str

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float: ...


@dataclass(frozen=True)
class BestScore:
    """The ranker's log-odds for the best candidate (low: nothing looks like an answer)."""

    name: str = "best_score"

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        return ranked[0].logit


@dataclass(frozen=True)
class TopCoverage:
    """Best paragraph-window term coverage among the first three candidates."""

    name: str = "top_coverage"
    first: int = 3

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        return max(c.view.window_coverage for c in ranked[:self.first])


@dataclass(frozen=True)
class TopDense:
    """Best dense similarity among the first three candidates."""

    name: str = "top_dense"
    first: int = 3

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        return max(c.view.dense for c in ranked[:self.first])


@dataclass(frozen=True)
class NeitherTermsNorMeaning:
    """Both signs of a match are weak together: (1 - best window coverage) * (1 - best dense similarity), over
    the first three candidates (a paraphrase keeps one of the two high)."""

    name: str = "neither_terms_nor_meaning"

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        return (1.0 - TopCoverage()(q, ranked)) * (1.0 - max(TopDense()(q, ranked), 0.0))


@dataclass(frozen=True)
class RareTermUnmatched:
    """The question's most specific words are missing where the best passages are: the largest idf among the
    terms that none of the first three candidates' paragraphs holds, as a share of the question's largest idf
    (0 when every term is found). A question about a detail the documents lack names that detail."""

    name: str = "rare_term_unmatched"
    first: int = 3

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        if not q.term_idf:
            return 0.0
        found = [t for t in q.term_idf if any(term_match(t, c.window) for c in ranked[:self.first])]
        missing = [idf for t, idf in q.term_idf.items() if t not in found]
        return max(missing, default=0.0) / (max(q.term_idf.values()) or 1.0)


@dataclass(frozen=True)
class UnseenTerms:
    """The question names something (a proper name, a year, the asked-for noun) that no indexed text contains."""

    name: str = "unseen_terms"

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        return float(bool(q.query.out_of_corpus))


@dataclass(frozen=True)
class AskedKindAbsent:
    """A date, number, name or place is asked for, and no well-matching candidate holds one near the asked-for noun
    (not judged for multi-part questions and values computed from others: "how many more", "days between")."""

    name: str = "asked_kind_absent"
    first: int = 8  # candidates searched for the value
    min_coverage_share: float = 0.5  # of the best candidate's term coverage, for a candidate to count as relevant
    min_window_coverage: float = 0.4

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        labels = KIND_LABELS.get(q.query.kind)
        if labels is None or q.query.parts or _COMPUTED.search(q.query.text) or interval_unit(q.query.text):
            return 0.0  # several questions in one, or a value to compute from others: no single sentence holds it
        best_cov = ranked[0].view.coverage
        relevant = [c for c in ranked[:self.first] if holds_asked_kind(q, c)
                    and c.view.coverage >= self.min_coverage_share * best_cov
                    and c.view.window_coverage >= self.min_window_coverage]
        if q.strict:
            relevant = [c for c in relevant if all(term_match(n, sentence_stems(c.sentence.text)) for n in q.query.names)]
        return 0.0 if beside_counted_head(q, relevant) else 1.0


def holds_asked_kind(q: QuestionView, c: Candidate) -> bool:
    """Whether the candidate holds the asked-for kind of value (its ``asked_kind_present`` feature); a version asked
    for ("which release added X?") by a version's form (``VERSION_FORM``): "two options" gives none."""
    if c.features.get("asked_kind_present", 0) <= 0:
        return False
    return not q.query.asks_version or bool(VERSION_FORM.search(c.sentence.text))


@dataclass(frozen=True)
class TypedGap:
    """How far the best candidate holding the asked-for kind of value trails the best candidate overall, in the
    ranker's log-odds (0 when no kind is asked for or the best holds one; ``cap`` when none of the first ones
    does). A graded twin of ``AskedKindAbsent`` that needs no coverage cut-offs."""

    name: str = "typed_gap"
    first: int = 8
    cap: float = 6.0

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        if KIND_LABELS.get(q.query.kind) is None or q.query.parts or _COMPUTED.search(q.query.text):
            return 0.0
        typed = beside_counted_head(q, [c for c in ranked[:self.first] if holds_asked_kind(q, c)])
        if not typed:
            return self.cap
        return min(ranked[0].logit - typed[0].logit, self.cap)


@dataclass(frozen=True)
class QualifierUnmatched:
    """The question asks for a qualified value (the default, the maximum, the first, the current one...) and none
    of the first candidates states such a qualifier, in itself or in the sentences beside it (their lemmas: "Do not
    change the values of sequences. This is the default."): the passages talk about the thing, not the asked-for
    detail."""

    name: str = "qualifier_unmatched"
    first: int = 3

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        asked = asked_qualifiers(q.query.text, q.query.head_phrase)
        texts = [" ".join(unhyphenated(c.sentence.text).split()) for c in ranked[:self.first]]  # "de‐\n fault" is
        # "default"; "Up      to" (a manual page's justified line) is "up to"
        texts += [" ".join(sorted(c.view.window_lemmas)) for c in ranked[:self.first]]  # "This is the default." next
        return float(any(not any(QUALIFIERS[w].search(t) for t in texts) for w in asked))


@dataclass(frozen=True)
class NameAbsent:
    """"What is the name of the X", "who is the X", "what's the X's name": no first candidate holds a name next to X
    (a person's name, by its entity label, when X is a role such as "minister" or "leader")."""

    name: str = "name_absent"
    first: int = 3

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        named = name_asked(q)
        if not named:
            return 0.0
        head, phrase = named[-1], [stem(w) for w in named]
        person = stem(head) in PERSON_ROLES
        fitting = [c for c in ranked[:self.first] if all(term_match(t, c.window) for t in phrase)
                   and (not person or _names_person(c))]
        return 0.0 if any(value_near(c.sentence.text, head, q.query.text, "name") for c in fitting) else 1.0


def _names_person(c: Candidate) -> bool:
    """The candidate sentence holds a person's name (entity label PERSON)."""
    return "PERSON" in (c.sentence.tags.ents if c.sentence.tags else ())


def name_asked(q: QuestionView) -> list[str]:
    """The phrase whose name a question asks for ("the name of *the iranian foreign minister*", "who is *the
    leader*"), without the word "name"; empty when it asks for no name."""
    short = bool(_NAME_ASKED_SHORT.search(q.query.text))
    if not short and not _NAME_ASKED.search(q.query.text):
        return []
    return [w for w in q.query.head_phrase if w != "name"] or ([w for w in q.parse.focus if w != "name"] if short else [])


_WHO_ROLE_VERB = re.compile(r"^\W*who\s+(?:currently\s+|now\s+)?(?P<verb>leads|led|founded|chairs|chaired|governs|"
                            r"governed|commands|commanded)\b", re.IGNORECASE)
_ROLE_OF_VERB = {"leads": "leader", "led": "leader", "founded": "founder", "chairs": "chair", "chaired": "chair",
                 "governs": "governor", "governed": "governor", "commands": "commander", "commanded": "commander"}
"""A verb whose doer holds a role (general English): "who leads X?" asks for X's leader."""


def role_asked(q: QuestionView) -> list[list[str]]:
    """The phrases (stems), any one of which names the role a question asks the holder of: the role's noun phrase
    ("the name of the *foreign minister*", "who is the *leader*") or, for "who leads / founded / chairs ... X?", the
    verb or its doer's noun ("lead" or "leader"); empty when it asks for no person by role."""
    named = name_asked(q)
    if named and stem(named[-1]) in PERSON_ROLES:
        return [[stem(w) for w in named]]
    verb = _WHO_ROLE_VERB.match(q.query.text)
    return [[stem(verb["verb"])], [stem(_ROLE_OF_VERB[verb["verb"].lower()])]] if verb else []


@dataclass(frozen=True)
class PersonNameAbsent:
    """A person's name is asked for by a role ("what's the name of the foreign minister who ...", "who is the leader
    of X?", "who leads X?": ``role_asked``), some of the first candidates name that role, and none of them holds a
    person's name (entity label PERSON). A logical rule, not a weighed sign: the answerer refuses on it, as on
    ``unseen_terms``."""

    name: str = "person_name_absent"
    first: int = 5

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        phrases = role_asked(q)
        naming = [c for c in ranked[:self.first]
                  if any(all(term_match(t, c.window) for t in phrase) for phrase in phrases)]
        return float(bool(naming) and not any(_names_person(c) for c in naming))


@dataclass(frozen=True)
class FocusAbsent:
    """The head of the phrase the question asks about is in none of the first five candidates' paragraphs (an
    abbreviation neither: "EU" is found as "European Union", ``terms.ABBREVIATIONS``)."""

    name: str = "focus_absent"
    first: int = 5

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        if not q.parse.focus:
            return 0.0
        head = q.parse.focus[-1]
        spelled = [stem(w) for w in words(ABBREVIATIONS.get(head, ""))]  # "EU": "European Union"
        return 0.0 if any(head in c.view.window_lemmas or spelled and all(term_match(s, c.window) for s in spelled)
                          for c in ranked[:self.first]) else 1.0


@dataclass(frozen=True)
class QuestionEntitiesAbsent:
    """Share of the question's named things (spaCy entities: people, organisations, places, works, events...) that
    none of the first five candidates holds in its paragraph, section heading or document title (an abbreviation
    by its full form: "the EU" by "European Union"; a people by its country: "Americans" by "United States")."""

    name: str = "question_entities_absent"
    first: int = 5

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        ents = [e for e, label in q.parse.ents if label in NAME_LABELS]
        if not ents:
            return 0.0
        missing = 0
        for ent in ents:
            # "Israelis": israel; "the EU": european union; "the Americans": united states
            stems = [q.query.corrections.get(s, s) for w in words(ent)
                     for x in words(ABBREVIATIONS.get(w) or people_country(w) or w)
                     if x not in STOPWORDS and (s := stem(x))]
            if stems and not any(all(term_match(s, c.window | c.view.heading) for s in stems) for c in ranked[:self.first]):
                missing += 1
        return missing / len(ents)


@dataclass(frozen=True)
class Contradicted:
    """A close candidate denies what a wh-question takes for granted ("Why did X escalate to NATO?" against
    "X could have escalated to NATO but decided against it"): a denial word with at least ``min_terms`` of the
    question's terms within ``reach_before``/``reach_after`` characters, in one of the ``first`` candidates whose
    coverage is at least ``min_coverage`` and ``min_share`` of the best (not an "instead of" that sets aside what the
    question itself does, ``same_contrast``, nor one after which none of the question's premise words, or of its
    terms when it states no premise, follows: ``sets_aside_other``); or one of the ``premise_first`` candidates
    denies the premise the question states ("since X, ...", "why does X ...": ``premise.PremiseDenial``) or states
    another amount where the question takes one for granted (``value_conflict.ValueConflict``)."""

    name: str = "contradicted"
    first: int = 5
    min_coverage: float = 0.5
    min_share: float = 0.8
    reach_before: int = 60
    reach_after: int = 40
    min_terms: int = 2
    premise_first: int = 8
    premise: PremiseDenial = PremiseDenial()
    values: ValueConflict = ValueConflict()

    def __call__(self, q: QuestionView, ranked: list[Candidate]) -> float:
        return float(self.find(q, ranked) is not None)

    def find(self, q: QuestionView, ranked: list[Candidate]) -> Candidate | None:
        """The candidate that denies the question's premise, if any."""
        stated, affirmed = premise_terms(q.query.text), affirmed_terms(q.query.text)
        light = affirmed_light_words(q.query.text)
        refusal = refusal_terms(q.query.text)
        amounts = self.values.stated(q.query.text, q.term_idf)
        at = next((i for i, c in enumerate(ranked[:self.premise_first])
                   if self.premise.denies(stated, c.sentence.text, c.window)
                   or (refusal and self.premise.denies(affirmed, c.sentence.text, refusal=refusal))
                   or self.premise.opposes(affirmed, c.sentence.text, light)
                   or amounts is not None and self.values.denies(amounts, c.sentence.text)), None)
        if at is not None and not any(self.premise.affirms(affirmed, c.sentence.text) for c in ranked[:at]):
            return ranked[at]  # unless a better-ranked candidate states the whole premise
        text = q.query.text
        if not _PRESUPPOSES.match(text) or NEGATED.search(text) or asked_speaker(text):  # "what does Iran say
            # about the hacks?": Iran's denial is what it says, not a denial of the question
            return None
        best_cov = max(c.view.coverage for c in ranked)
        close = [c for c in ranked[:self.first] if c.view.coverage >= max(self.min_coverage, self.min_share * best_cov)]
        goal = _PURPOSE.search(text)  # "which library do I link to get unicode case?": a goal is not taken for granted
        before_goal = frozenset(stem(w) for w in words(text[:goal.start()])) if goal else None
        asked = [t for t in q.query.terms if before_goal is None or t in before_goal]
        for cand in close:
            match = next((m for m in _COUNTERFACTUAL.finditer(cand.sentence.text)
                          if not same_contrast(text, cand.sentence.text, m)
                          and not ALMOST.search(cand.sentence.text[:m.start()])  # "almost never done": how often
                          and not sets_aside_other(stated or asked, cand.sentence.text, m, self.reach_after)), None)
            if not match:
                continue
            sentence = cand.sentence.text
            near = frozenset(stem(w) for w in words(
                sentence[max(match.start() - self.reach_before, 0):match.end() + self.reach_after]))
            if len([t for t in asked if term_match(t, near)]) >= self.min_terms:
                return cand
        return None


REFUSAL_RULES: tuple[RefusalRule, ...] = (
    BestScore(), TopCoverage(), TopDense(), NeitherTermsNorMeaning(), RareTermUnmatched(), UnseenTerms(),
    AskedKindAbsent(), TypedGap(), QualifierUnmatched(), AsksWhy(), TakesForGranted(), AsksHowTo(), AsksYesNo(),
    AsksDefinition(), NameAbsent(), FocusAbsent(), QuestionEntitiesAbsent(), Contradicted(),
)
REFUSAL_NAMES = tuple(r.name for r in REFUSAL_RULES)
LOGICAL_RULES: tuple[RefusalRule, ...] = (PersonNameAbsent(),)
"""Rules the answerer refuses on by themselves, outside the fitted model (``ExtractiveAnswerer.answer``)."""


def refusal_evidence(q: QuestionView, ranked: list[Candidate]) -> dict[str, float]:
    """Every rule's value for a question and its ranked candidates, the logical rules' too."""
    return {rule.name: float(rule(q, ranked)) for rule in (*REFUSAL_RULES, *LOGICAL_RULES)}
