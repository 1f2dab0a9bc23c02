"""Relevance precision: rules that drop a supported sentence which does not answer the question asked.

- ``restates``: a sentence whose content is all the question's own words (no new word, number or name) says
  nothing new; yes/no and either/or questions are answered in their own words, so they are exempt.
- ``gives_no_reason``: a why-answer must give a reason beyond the premise's words: the part of the sentence that
  states the reason (after "because", before "therefore"; the whole sentence without such a cue) must be mostly new
  to the question ("The MEK's presence on Albanian soil, therefore, was viewed by Tehran as a hostile act." to "Why
  did Tehran see the MEK's presence in Albania as a hostile act?" is not).
- ``states``: a yes/no question is answered by a statement, not by a phrase with no verb ("After a thorough
  investigation of the attack." to "Does the evidence support Iran's denial?").
- the names a "who", "which country" or "who is the leader" question must be answered with: ``asked_names``.
- ``instructs``: a sentence that opens with an order ("Run ...", "Select ...") tells what to do, not why: it does
  not open the answer to a why-question unless it also gives a reason ("Run it, because ...").
- ``has_own_subject``: a sentence whose main verb has a subject other than a pronoun states something about what it
  names; next to where the extractive answerer found the answer, a why-answer's first sentence may skip the
  question's words only when it is a bare reason ("On humanitarian grounds ...", "To prevent loops ...").
- ``narrates``: a sentence told in the past tense ("Long ago ... there was a program /etc/glob ...") says what
  happened, not how to do something: it does not open the answer to a how-to question ("How do I ...?").
- ``swapped_name``: a claim that names another doer, done-to or object of a preposition of a verb than its span
  names with that verb ("Iran offered cyber aid to Albania" where the span says "Israel offered ...").
- ``points_back``: a span's sentence that opens by pointing back or has "this" for a subject is about what the
  sentence before it names (the guard's ``_topic``).
- ``swapped_subject``: a claim that makes the doer of a verb what its span says the verb was done to ("Iran blamed
  the Iranian Foreign Ministry" where the span says "the Albanian government blamed the Iranian Foreign Ministry"):
  a name attached to the wrong subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.answer.asked_names import new_names
from assistant.answer.claim_rules import lemma_forms
from assistant.answer.frames import code_words
from assistant.answer.matching import TermWeights, term_match
from assistant.answer.name_forms import name_found
from assistant.answer.qtypes import asks_yes_no
from assistant.answer.support import Claim
from assistant.answer.synonyms import synonyms
from assistant.answer.text_values import numbers
from assistant.terms import STOPWORDS, content_stems, stem, words

if TYPE_CHECKING:
    from assistant.nlp import Token

REASON_WORDS = frozenset(stem(w) for w in (
    "because reason reasons therefore thus hence cause caused causes due result consequently so since order "
    "immediately then".split()))
"""Stems that frame a sentence as a reason or a sequel without saying one: they count as nothing new."""

_EITHER_OR = re.compile(r"\bor\b", re.IGNORECASE)
_OPTIONS_LISTED = re.compile(r"\b[\w-]+(?:,\s*[\w-]+){2,}\s*\?*\s*$")  # "... - the first, second, third?"
_PRONOUNS = frozenset({"PRON", "DET"})
_OPENS_POINTING = re.compile(r"\W*(?:this|that|these|those|they|it|then|such|so)\b", re.IGNORECASE)
_THIS_SUBJECT = re.compile(r"\bthis (?:is|was|has|can|will|would|should|may|might|must)\b", re.IGNORECASE)


def points_back(sentence: str) -> bool:
    """Whether a span's sentence takes its topic from the one before it: it opens by pointing back ("That would mean
    ...", "They are: ...", "then X was not installed") or has "this" for a subject ("Starting with Click 3.0 this is
    very simple ...")."""
    return bool(_OPENS_POINTING.match(sentence) or _THIS_SUBJECT.search(sentence))


_NON_FINITE = frozenset({"VBG", "VBN", "VB"})  # participles and the base form ("to be opened")


def states(text: str) -> bool:
    """Whether a sentence states something, as an answer to a yes/no question must: it has a verb of its own, not
    only a participle or an infinitive inside a noun phrase ("After a thorough investigation of the attack.",
    "International norms governing cyber warfare." and "An interest section, to be opened in Albania." say neither
    yes nor no)."""
    from assistant.nlp import syntax

    return any(t.pos in ("VERB", "AUX") and (t.tag not in _NON_FINITE or t.dep == "ROOT")
               for t in syntax(text).tokens)


def _asked_stems(question: str) -> frozenset[str]:
    return frozenset(content_stems(question)) | frozenset(b for _, b in lemma_forms(question))


def new_share(claim: Claim, question: str, weights: TermWeights) -> float:
    """Share of the claim's content (idf mass) the question does not already hold, in any form (stem, near form,
    lemma, synonym); reason words count as nothing. A question's word stands for one of the claim's words by synonym,
    not several ("rules" is "norms", not also "conventional"). 1.0 when it adds a number or a name the question
    lacks."""
    if claim.numbers - numbers(question) or new_names(claim.text, question) & claim.names:
        return 1.0
    asked = _asked_stems(question)
    lemma_of = dict(claim.lemmas)
    total = new = 0.0
    paraphrased: set[str] = set()  # the question's words a claim's word has already stood for by synonym
    for term in sorted(claim.stems):
        if term in REASON_WORDS:
            continue
        idf = weights.idf(term)
        total += idf
        forms = (term, lemma_of.get(term, term))
        if any(term_match(f, asked) > 0 for f in forms):
            continue
        meant = sorted({s for f in forms for s in synonyms(f) & asked} - paraphrased)
        if meant:
            paraphrased.add(meant[0])
        else:
            new += idf
    return new / total if total else 0.0


def restates(claim: Claim, question: str, weights: TermWeights) -> bool:
    """Whether the claim holds nothing the question does not (never for a yes/no or either/or question, or one
    that ends on its options, whose answer repeats its words, nor for a claim that picks some of the several numbers
    the question states: "a 0 to 5 range gets 10: what value results?" is answered by "5.")."""
    if not question or asks_yes_no(question) or _EITHER_OR.search(question) or _OPTIONS_LISTED.search(question):
        return False
    if claim.numbers and claim.numbers < Claim.of(question).numbers:
        return False
    return bool(claim.stems or claim.numbers) and new_share(claim, question, weights) == 0


_GIVES_REASON_AFTER = re.compile(r"\b(?:because|since|due to|owing to|as a result of|in order to|so that|so as to|"
                                 r"in (?:response|retaliation|reaction) (?:to|for)|to (?:avoid|prevent|ensure)|"
                                 r"given that)\b", re.IGNORECASE)
_GIVES_REASON_BEFORE = re.compile(r"\b(?:therefore|thus|hence|so|which is why|that is why)\b", re.IGNORECASE)
_POINTS_BACK = re.compile(r"\s*(?:of\s+)?(?:this|that|these|those|which|it)\b", re.IGNORECASE)
"""Right after a cue ending in "of"/"to" ("because of this ...", "due to that"): the reason was said before it."""


def reason_part(text: str) -> str:
    """The part of a sentence that states a reason: after a cue that introduces one ("because ..."), before a cue
    that follows one ("..., therefore, ...") or one that points back to it ("...; because of this, ...", "due to
    that"), else the whole sentence."""
    after = _GIVES_REASON_AFTER.search(text)
    if after:
        rest = text[after.end():]
        back = _POINTS_BACK.match(rest)
        if back and after.start() > 0 and (back.group(0).lstrip().lower().startswith("of")
                                           or after.group(0).lower().endswith((" of", " to"))):
            return text[:after.start()]
        return rest
    before = _GIVES_REASON_BEFORE.search(text)
    return text[:before.start()] if before and before.start() > 0 else text


def gives_no_reason(text: str, question: str, weights: TermWeights, share: float) -> bool:
    """Whether a sentence answering a why-question states no reason beyond the premise: less than ``share`` of its
    reason part's content is new to the question (``share`` 0: never)."""
    return share > 0 and new_share(Claim.of(reason_part(text)), question, weights) < share


_REASON_NOUNS = frozenset("reason ground grounds motive purpose concern fear pressure need interest goal aim".split())
"""Nouns that name a reason (general English): "Humanitarian grounds." answers a why-question as a phrase."""


def names_only(text: str) -> bool:
    """Whether a sentence is a noun phrase alone, with no verb, preposition or conjunction ("45 years.", "The United
    States."): it names something and states no reason ("On humanitarian grounds.", "Because of X." and
    "Security concerns." do)."""
    from assistant.nlp import syntax

    tokens = [t for t in syntax(text).tokens if t.pos not in ("PUNCT", "SPACE")]
    return bool(tokens) and not any(t.pos in ("VERB", "AUX", "ADP", "SCONJ", "PART") or t.lemma in _REASON_NOUNS
                                    for t in tokens)


def main_subjects(question: str) -> frozenset[str]:
    """Stems of the nouns that are the subject of the question's main verb ("why did *Albania* let the MEK in?", not
    "the MEK" of the clause inside it): whom a pronoun opening a why-answer ("It acted on ...") stands for."""
    from assistant.nlp import syntax

    tokens = syntax(question).tokens
    return frozenset(stem(t.text.lower()) for t in tokens if t.dep in _SUBJECTS and t.pos in ("PROPN", "NOUN")
                     and tokens[t.head].dep == "ROOT")


def told_of(subjects: frozenset[str], stems: frozenset[str]) -> bool:
    """Whether ``stems`` (a span's, with the sentence it points back to) name one of ``subjects``, or there are none."""
    return not subjects or any(term_match(subject, stems) for subject in subjects)


def instructs(text: str) -> bool:
    """Whether a sentence is an instruction with no reason in it: it opens with a verb in its base form that has no
    subject of its own ("Run \"dpkg-reconfigure locales\": select ..."), and no cue of a reason follows."""
    from assistant.nlp import syntax

    tokens = syntax(text).tokens
    if not tokens or tokens[0].tag != "VB" or _GIVES_REASON_AFTER.search(text):
        return False
    return not any(t.head == 0 and t.dep in ("nsubj", "nsubjpass") for t in tokens[1:])


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


def has_own_subject(text: str) -> bool:
    """Whether a sentence's main verb has a subject that is not a pronoun ("The action of the last matching option
    is performed", "Passing --tb=native might help"): a statement about something named, not a bare reason ("To
    prevent loops ...", "On humanitarian grounds ...") nor one about what the question names ("It acted ...")."""
    from assistant.nlp import syntax

    tokens = syntax(text).tokens
    return any(t.dep in _SUBJECTS and tokens[t.head].dep == "ROOT" and t.pos not in _PRONOUNS for t in tokens) \
        or _gerund_subject(tokens)


_FINITE = frozenset({"MD", "VBZ", "VBP", "VBD"})
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp"})


def _gerund_subject(tokens: list[Token]) -> bool:
    """Whether a sentence opens with a gerund phrase that a finite verb of its main clause follows ("Passing
    --tb=native, --assert=plain and --capture=no might help": the phrase is its subject, however the parser attaches
    the option words), not a bare reason ("Preventing loops that would break the tree.")."""
    if not tokens or tokens[0].tag != "VBG":
        return False
    return any(t.tag in _FINITE and t.dep not in _CLAUSES
               and (t.dep not in ("aux", "auxpass") or tokens[t.head].dep not in _CLAUSES) for t in tokens[1:])


_HOW_TO = re.compile(r"\W*(?:how (?:do|can|could|should|would|must) (?:i|you|we|one)|how to)\b", re.IGNORECASE)


def asks_how_to(question: str) -> bool:
    """Whether the question asks how to do something ("How do I ...", "How can you ...", "how to ...")."""
    return bool(_HOW_TO.match(question))


def narrates(text: str) -> bool:
    """Whether a sentence tells what happened: its main verb is written in the past tense, a form other than its
    dictionary one ("there was a program", "it became a built-in"; not a command name the tagger takes for a verb:
    "Use shopt -s nullglob")."""
    from assistant.nlp import syntax

    root = next((t for t in syntax(text).tokens if t.dep == "ROOT"), None)
    return root is not None and root.tag == "VBD" and root.lemma.lower() != root.text.lower()


def _roles(text: str) -> list[tuple[str, frozenset[str], frozenset[str]]]:
    """(verb lemma, its subject's words, its objects' words) for each verb of ``text`` with a noun subject."""
    from assistant.nlp import syntax

    parsed = syntax(text)
    tokens = parsed.tokens

    def subtree(i: int) -> frozenset[str]:
        return frozenset(w for j in parsed.subtree(i) for w in words(tokens[j].text) if w not in STOPWORDS)

    roles = []
    for t in tokens:
        verb = tokens[t.head]
        if t.dep == "nsubj" and t.pos not in _PRONOUNS and verb.pos == "VERB":
            objects = frozenset().union(*(subtree(c.i) for c in tokens
                                          if c.head == verb.i and c.i != verb.i and c.dep == "dobj"))
            roles.append((verb.lemma, subtree(t.i), objects))
    return roles


def _found(claimed: Iterable[str], said: frozenset[str]) -> bool:
    return any(name_found(w, said) for w in claimed)


def swapped_subject(claim: str, spans: Iterable[str]) -> bool:
    """Whether the claim's subject of a verb is, in a span using the same verb with a subject of its own, found only
    among what that verb was done to: the doer and the done-to swapped. A pronoun subject decides nothing."""
    said = [(v, s, o) for text in spans for v, s, o in _roles(text)]
    for verb, subject, _ in _roles(claim):
        same = [(s, o) for v, s, o in said if v == verb and s]
        if same and subject and not any(_found(subject, s) for s, _ in same) and all(
                any(name_found(w, o) for _, o in same) for w in subject):
            return True
    return False


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_PREPOSITION_DEPS = frozenset({"prep", "dative", "agent"})
_NAME_PARTS = frozenset({"compound", "amod", "poss", "flat", "nmod", "appos"})


def _arguments(text: str) -> dict[tuple[str, str], frozenset[str] | None]:
    """For each verb and role (its subject, object, or the object of one of its prepositions: "prep:to"), the names
    given there: the proper nouns and capitalised adjectives of the argument and of the words that name it with it
    ("Prime Minister Edi Rama", "the Albanian government", "InfoMagic, a CD vendor"; not an all-capital keyword such
    as "TRUNCATE"), lower case; None when a pronoun fills the role (it names nothing to compare)."""
    from assistant.nlp import syntax

    tokens = syntax(text).tokens

    def names(i: int) -> set[str]:
        out, todo = set(), [i]
        while todo:
            t = tokens[todo.pop()]
            if t.pos in ("PROPN", "ADJ") and t.text[:1].isupper() and not t.text.isupper():
                out.update(w for w in words(t.text) if w not in STOPWORDS)
            todo += [c.i for c in tokens if c.head == t.i and c.i != t.i and c.dep in _NAME_PARTS]
        return out

    found: dict[tuple[str, str], set[str] | None] = {}
    for t in tokens:
        head = tokens[t.head]
        if t.dep in _ARGUMENT_DEPS and head.pos == "VERB":
            place = (head.lemma, t.dep)
        elif t.dep == "pobj" and head.dep in _PREPOSITION_DEPS and tokens[head.head].pos == "VERB":
            place = (tokens[head.head].lemma, f"prep:{head.text.lower()}")
        else:
            continue
        if t.pos in _PRONOUNS:
            found[place] = None
        elif (named := found.setdefault(place, set())) is not None:
            named.update(names(t.i))
    return {place: frozenset(n) if n is not None else None for place, n in found.items() if n is None or n}


def swapped_name(claim: str, spans: Iterable[str]) -> bool:
    """Whether the claim names, as the doer, the done-to or the object of a preposition of a verb, something other
    than what its spans name in that place with that verb ("Iran offered cyber aid to Albania" where the span says
    "Israel offered cyber aid to Albania"): a name put in another's place. A pronoun decides nothing, nor does a
    value the claim also writes in a setting ("to False (run=False)": ``code_words``)."""
    said = [_arguments(text) for text in spans]
    code = code_words(claim)
    for place, named in _arguments(claim).items():
        named = named and named - code
        same = [n for places in said if (n := places.get(place))]
        if named and same and not any(name_found(w, n) for n in same for w in named):
            return True
    return False


_DOTTED = re.compile(r"(?<![\w./])[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+")  # a host or file name: satie.debian.org


def without_other_dotted(claim: str, question: str) -> str:
    """``claim`` without the host and file names it holds where the question names others ("satie.debian.org" for a
    question about "master.debian.org"): their shared parts ("debian", "org") do not meet the question's name."""
    asked = {m.group(0).lower() for m in _DOTTED.finditer(question)}
    if not asked:
        return claim
    return _DOTTED.sub(lambda m: m.group(0) if m.group(0).lower() in asked else " ", claim)


# the asker's judgement of the act asked about ("why is it a *bad idea* to ...", "is it *wise* to ..."): no topic
_FRAMING = re.compile(r"\b(?:a |an )?(?:bad|good|great|terrible|smart|wise|dumb|poor) (?:idea|practice|move)\b",
                      re.IGNORECASE)


def unframed(question: str) -> str:
    """``question`` without the asker's judgement of what it asks about ("why is it a bad idea to keep X?" asks
    why keeping X is risky: a passage need not say "bad" or "idea")."""
    return _FRAMING.sub(" ", question)
