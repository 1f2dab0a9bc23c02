"""Pronouns a question resolves within itself, so that they lean on no earlier turn.

A question asked after others may still stand on its own: "When a target release is set, what priority do *its*
versions get?" (the release's), "why does gzip follow symlinks and compress the file *they* point to?" (the
symlinks), "Why is *it* recommended to pipe find into xargs -0?" (no reference at all). Reading such a pronoun as the
previous turn's topic rewrites a question that was fine as typed. ``followup_agree.named_before`` covers a name
earlier in the question; these rules cover a common noun of another clause, the "it" of an extraposed clause, "its
own", a possessive of its own clause's subject ("what does the reader give once every writer has closed *their*
end?"), a pronoun after a verbless lead and a colon ("tar --checkpoint: how often does *it* print?") and "that"
after a clause of the question ("can I define a view on a view or is *that* a bad idea?"), "there" after a place of
another clause; and words that only look like continuations: "the same *as* X", "each other", "an IMMEDIATE *one*"
after "an EXCLUSIVE transaction".
"""

from __future__ import annotations

from assistant.answer.people import person_noun
from assistant.followup_agree import agrees, pronoun_referent
from assistant.nlp import Syntax, Token

_CLAUSE_POS = ("VERB", "AUX")
_OWN = "own"
_WH_DETS = ("WDT", "WP", "WP$")
_NON_FINITE = ("VB", "VBG", "VBN")
_EVENT_DEMONSTRATIVES = frozenset({"that", "this"})
_SENTENCE_ENDS = frozenset("?.!")
_CLAUSE_BREAKS = _SENTENCE_ENDS | frozenset({"-", "\u2013", "\u2014", ";"})
"""What ends a clause or sentence of the question's own before a "that" standing for it ("dock beside a pier with
a crane - does *that* work?"); not a colon, which may follow a lead that only announces the question ("quick
question: is *that* safe?", ``topic_lead``)."""
RAISING = frozenset("likely unlikely certain sure bound due able unable about going set".split())
"""Adjectives whose subject "it" is the one who does the infinitive ("is it likely to break?"), general English."""
ASIDE_NOUNS = frozenset("question thing point note followup follow-up".split())
"""Nouns of a lead that announce a question rather than name its topic ("quick question: when did it open?")."""
ADVICE_VERBS = frozenset("recommend advise suggest forbid prohibit require discourage encourage prefer mean".split())
"""Verbs of advice or requirement whose passive takes an extraposed "it" ("it is recommended to ..."), and "mean"
("what does it mean to convey a work?"), general English."""
JUDGING_NOUNS = frozenset("idea practice mistake problem risk waste shame pity habit".split())
"""Nouns that judge an action and take an extraposed "it" ("why is it a bad *idea* to keep the password file under
htdocs?"), general English; not nouns that name a thing ("is it a good *tool* to compress logs?")."""


def clause_of(toks: list[Token], at: int) -> int:
    """The verb whose clause token ``at`` belongs to: its nearest verb above it (the token itself when none is)."""
    here, seen = toks[at].head, {at}
    while toks[here].pos not in _CLAUSE_POS and toks[here].head != here and here not in seen:
        seen.add(here)
        here = toks[here].head
    return here if toks[here].pos in _CLAUSE_POS else at


def other_clause_noun(parsed: Syntax, at: int) -> bool:
    """An agreeing noun earlier in the question, in another clause than the pronoun at ``at`` ("When *a target
    release* is set, what priority do its versions get?"); the noun a relative clause holding the pronoun
    describes does not count ("the first *program* it runs": what it runs, not the program itself)."""
    toks = parsed.tokens
    clause = clause_of(toks, at)
    described = toks[clause].head if toks[clause].dep == "relcl" else None
    for t in reversed(toks[:max(at - 1, 0)]):  # not the word right before it: "the max length it can be" describes it
        if (t.pos in ("NOUN", "PROPN") and t.dep != "compound" and t.i != described
                and clause_of(toks, t.i) != clause
                and (agrees(toks[at].text, parsed, t.i, t.i + 1) or singular_they(toks[at], t))):
            return True
    return False


def singular_they(pronoun: Token, noun: Token) -> bool:
    """Whether "they"/"their" can stand for a singular common noun of a person ("give *a new user* a password so
    *they* have to change it", "what shell does *a user* get if *their* last field is blank?"); not "them", which
    a person of another clause of the question seldom is ("what did the diplomat think about hosting *them*?")."""
    return pronoun.text.lower() in SINGULAR_THEY and noun.pos == "NOUN" and noun.tag == "NN" and person_noun(noun.lemma)


def extraposed_it(parsed: Syntax, at: int) -> bool:
    """ "it" standing in for a to-infinitive after it that has an object of its own, as the subject of an adjective
    ("is *it* safe to delete the lock file?"), of a noun that judges an action ("why is *it* a bad idea to keep the
    password file under htdocs?") or of a verb of advice ("Why is *it* recommended to pipe find into xargs?", "what
    does *it* mean to convey a work?"); not of a raising word ("when's it expected to join the eu?", "is it likely
    to break the build?"), nor when the infinitive lacks an object ("when is it meant to be used?": "it" is what is
    used)."""
    toks = parsed.tokens
    pronoun = toks[at]
    if pronoun.text.lower() != "it" or not pronoun.dep.startswith("nsubj"):
        return False
    predicate = pronoun.head
    said = next((t for t in toks if t.head == predicate and ((t.dep == "acomp" and t.pos == "ADJ")
                 or (t.dep == "attr" and t.lemma.lower() in JUDGING_NOUNS))), toks[predicate])
    judged = said.lemma.lower() in ADVICE_VERBS | JUDGING_NOUNS
    if not ((said.pos == "ADJ" and said.lemma.lower() not in RAISING) or judged):
        return False
    return any(comp.head in (predicate, said.i) and comp.dep in ("xcomp", "ccomp", "relcl", "acl") and comp.i > at
               and any(t.head == comp.i and t.tag == "TO" for t in toks)
               and any(t.head == comp.i and t.dep in ("dobj", "ccomp") for t in toks) for comp in toks)


def own_possessive(parsed: Syntax, at: int) -> bool:
    """ "its own" or "their own" after an agreeing noun of the question ("which errors make sqlite roll back *a
    transaction* on its own?"): "own" points back into the sentence."""
    toks = parsed.tokens
    if at + 1 >= len(toks) or toks[at + 1].text.lower() != _OWN or toks[at].tag != "PRP$":
        return False
    return any(t.pos in ("NOUN", "PROPN") and agrees(toks[at].text, parsed, t.i, t.i + 1) for t in toks[:at])


def clause_subject(toks: list[Token], verb: int) -> Token | None:
    """The subject of the clause of ``verb``; for a verb with none of its own, coordinated with another or a gerund
    or infinitive below another, that verb's ("why do *most people* use a distribution rather than compiling their
    apps?")."""
    seen: set[int] = set()
    while verb not in seen:
        seen.add(verb)
        subject = next((t for t in toks if t.head == verb and t.dep in ("nsubj", "nsubjpass") and t.i != verb), None)
        if subject is not None or not (toks[verb].dep == "conj" or toks[verb].tag in _NON_FINITE):
            return subject
        verb = clause_of(toks, verb)
    return None


def asked_for(toks: list[Token], noun: int) -> bool:
    """Whether the noun at ``noun`` is what a wh-determiner asks for ("*which* flag", "what environment variables"),
    however the parser attached the wh-word."""
    k = noun - 1
    while k >= 0 and toks[k].dep in ("compound", "amod") and toks[k].tag not in _WH_DETS:
        k -= 1
    return k >= 0 and toks[k].tag in _WH_DETS or any(t.head == noun and t.tag in _WH_DETS for t in toks)


def subject_possessive(parsed: Syntax, at: int) -> bool:
    """A possessive whose own clause's subject, a noun before it, agrees with it: "by how much does *the cache* grow
    *its* size?", "once every *writer* has closed *their* end" (a person's singular "their"), "why do most *people*
    ... compile *their* apps?" (a plural the tagger knows, "-s" or not); not a subject the question asks for ("which
    flag opens *its* read end?": the flag is unknown, "its" is an earlier turn's)."""
    toks = parsed.tokens
    pronoun = toks[at]
    if pronoun.tag != "PRP$":
        return False
    subject = clause_subject(toks, clause_of(toks, at))
    if subject is None or subject.i > at or subject.pos not in ("NOUN", "PROPN") or asked_for(toks, subject.i):
        return False
    their = pronoun.text.lower() == "their" and (person_noun(subject.lemma) or subject.tag in ("NNS", "NNPS"))
    return their or agrees(pronoun.text, parsed, subject.i, subject.i + 1)


def topic_lead(parsed: Syntax, at: int) -> bool:
    """A pronoun after a verbless lead that names the question's topic before a colon ("tar --checkpoint without a
    number: how often does *it* print progress?", "xargs -L and -n: can I combine *them*?"): the lead's noun (for
    "they", two joined or a plural one)."""
    toks = parsed.tokens
    colon = next((t.i for t in toks[:at] if t.text == ":"), None)
    if colon is None or any(t.pos in _CLAUSE_POS for t in toks[:colon]):
        return False
    nouns = [t for t in toks[:colon] if t.pos in ("NOUN", "PROPN") and t.lemma.lower() not in ASIDE_NOUNS]
    if pronoun_referent(toks[at].text) == "group":
        return bool(nouns) and (any(t.pos == "CCONJ" for t in toks[:colon]) or any(t.tag in ("NNS", "NNPS")
                                                                                  for t in nouns))
    return any(agrees(toks[at].text, parsed, t.i, t.i + 1) for t in nouns)


_LEAD_OPENERS = frozenset("and so but ok okay also".split())
_LEAD_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "CCONJ"})


_COLLECTIVE_LABELS = frozenset({"GPE", "ORG", "NORP"})
"""Entity labels of a country, an organisation or a people, which "they" may stand for ("and iran, will *they*
escalate?": its government)."""


def fronted_topic(parsed: Syntax, at: int) -> bool:
    """A pronoun after a noun phrase that opens the question before a comma ("and the hacks, when were *those*?",
    "the ministries, which ones were hit by *it*?"): the phrase is the topic the pronoun takes up (for "they",
    "those" or "these", a plural or joined one; for "they", a country or an organisation too). Not a lead with a
    preposition ("in the manual, what does it say?", "what about X, ...": those frame or swap) or a verb."""
    toks = parsed.tokens
    comma = next((t.i for t in toks[:at] if t.text == ","), None)
    if comma is None:
        return False
    lead = [t for t in toks[:comma] if t.text.lower() not in _LEAD_OPENERS]
    if not lead or any(t.pos not in _LEAD_POS for t in lead):
        return False
    nouns = [t for t in lead if t.pos in ("NOUN", "PROPN")]
    if toks[at].text.lower() in ("they", "them", "their", "those", "these"):
        return any(t.tag in ("NNS", "NNPS") for t in nouns) or any(t.pos == "CCONJ" for t in lead) or (
            toks[at].text.lower() in SINGULAR_THEY and any(t.ent in _COLLECTIVE_LABELS for t in nouns))
    return any(agrees(toks[at].text, parsed, t.i, t.i + 1) for t in nouns)


TIME_PREPOSITIONS = frozenset("before after since until till".split())
"""Prepositions that set a time against an event ("before that")."""


def fronted_time_frame(parsed: Syntax, at: int) -> bool:
    """The "that" at ``at`` ends a time frame that opens the question before a comma ("and before that, how long
    had X been fighting?"): the question after the comma stands on its own, the frame only sets it against the
    earlier turn, so the frame is left out rather than tied to a phrase."""
    toks = parsed.tokens
    lead = [t for t in toks[:at] if t.text.lower() not in _LEAD_OPENERS]
    return (toks[at].text.lower() in ("that", "this") and len(lead) == 1 and lead[0].text.lower() in TIME_PREPOSITIONS
            and at + 1 < len(toks) and toks[at + 1].text == "," and at + 2 < len(toks))


def resolved_within(parsed: Syntax, at: int) -> bool:
    """Whether the personal pronoun at ``at`` stands for something of the question itself (or for nothing)."""
    if pronoun_referent(parsed.tokens[at].text) is None:
        return False
    return (other_clause_noun(parsed, at) or extraposed_it(parsed, at) or own_possessive(parsed, at)
            or subject_possessive(parsed, at) or topic_lead(parsed, at) or fronted_topic(parsed, at))


QUANTIFIERS = frozenset("many much few more most several less least enough".split())
"""Modifiers that count a noun ("how *many* bytes"), no kind a later "the integer one" contrasts with."""
RECIPROCALS = frozenset({("each", "other"), ("one", "another")})
"""Reciprocal pronouns: "other"/"another" after these is no continuing word."""
COMPARANDS = frozenset({"as", "than"})
"""Words after "same"/"other" that bring the thing compared with ("the same *as* X", "other *than* X")."""
SINGULAR_THEY = frozenset({"they", "their", "theirs"})
"""Plural pronouns that also stand for one person whose sex is not said."""
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""Entity labels of places, which a "there" of another clause of the same question can stand for."""


def place_before(parsed: Syntax, at: int) -> bool:
    """A place named earlier in the question, in another clause than the "there" at ``at`` ("When did Albania
    recognize *Israel*, and in which city is the Albanian embassy *there*?"): no earlier turn's place."""
    toks = parsed.tokens
    clause = clause_of(toks, at)
    return any(label in PLACE_LABELS and end <= at and clause_of(toks, start) != clause
               for start, end, label in parsed.ents)


def clause_before(parsed: Syntax, at: int) -> bool:
    """A demonstrative ("that", "this", "that move") after a clause or a sentence of the question's own, which it
    stands for: "can I define a view on another view or is *that* a bad idea?", "what year did the group arrive and
    what did the diplomat call *that move*?", "max columns in one index? does *that* count included ones?"; not after
    verbs of its own clause only, a verb without a subject taken with the one it hangs from ("what did he say after
    *that*?", "how was it supposed to fix *that*?", "is there a setting to raise *that* limit?")."""
    toks = parsed.tokens
    if toks[at].text.lower() not in _EVENT_DEMONSTRATIVES:
        return False
    if any(t.text in _CLAUSE_BREAKS and any(w.pos in ("NOUN", "PROPN", "VERB") for w in toks[:t.i])
           for t in toks[:at]):
        return True
    verb = clause_of(toks, at)
    own = {verb}
    while not _has_subject(toks, verb) and (above := clause_of(toks, verb)) not in own:  # "supposed to fix that"
        verb = above
        own.add(verb)
    return any(t.pos == "VERB" and t.i not in own and clause_of(toks, t.i) not in own
               and not _auxiliary_head(toks, t, own) for t in toks[:at])


def _auxiliary_head(toks: list[Token], verb: Token, own: set[int]) -> bool:
    """Whether ``verb`` is an auxiliary the parser made the head of the clause ``own`` ("*had* any country done that
    before?": "had" the root, "done" its complement): no clause of its own."""
    return verb.lemma.lower() in ("have", "be", "do") and any(t.head == verb.i and t.i in own for t in toks)


def _has_subject(toks: list[Token], verb: int) -> bool:
    return any(t.head == verb and t.dep.startswith(("nsubj", "csubj", "expl")) and t.i != verb for t in toks)


def compared(t: Token, toks: list[Token]) -> bool:
    """Whether "same"/"other" at ``t`` names what it is compared with itself ("is the modern state *the same as*
    the Achaemenid Empire?", "any flags *other than* -r?"): a comparison of the question's own, no earlier turn's."""
    return t.i + 1 < len(toks) and toks[t.i + 1].text.lower() in COMPARANDS


def reciprocal(t: Token, toks: list[Token]) -> bool:
    """Whether "other"/"another" at ``t`` ends "each other" or "one another" ("do Albania and Israel keep embassies
    in *each other*'s countries?"): the question's own two, no rest of a list."""
    return t.i > 0 and (toks[t.i - 1].text.lower(), t.text.lower()) in RECIPROCALS


def parallel_one(t: Token, toks: list[Token]) -> bool:
    """Whether "one"/"ones" at ``t``, after a word that modifies it, stands for a noun the question itself modifies
    before it ("an EXCLUSIVE *transaction* ... an IMMEDIATE *one*", "some other *directory* instead of the current
    *one*"): a contrast within the question, no noun of an earlier turn. A noun whose complement holds "one" is not
    what it stands for ("the exact *day* of the worst *one*": of another noun, the previous turn's)."""
    if t.i == 0 or toks[t.i - 1].pos not in ("ADJ", "NOUN", "PROPN"):
        return False
    owner = toks[t.head].head if toks[t.head].pos == "ADP" else None  # "day" in "day of the worst one"
    return any(n.pos == "NOUN" and n.dep != "compound" and n.text.lower() not in ("one", "ones") and n.i != owner
               and any(m.head == n.i and m.dep in ("amod", "compound") and m.lemma.lower() not in QUANTIFIERS
                       for m in toks[:n.i]) for n in toks[:t.i - 1])
