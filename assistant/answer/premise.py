"""A question's premise and a passage that denies it.

"Since COPY FREEZE works on partitioned tables, what's the syntax ...?" and "Why does dpkg run the prerm of a
disappearing package?" take something for granted; "It is currently not possible to perform a COPY FREEZE on a
partitioned table" and "disappearing packages do not have their prerm called" deny it. A denial counts when it is
stated, not hedged ("not necessarily"), not a rule ("must not"), not in a purpose or condition ("so that ... not"),
and the words it governs, up to the end of its clause, meet the premise.

What is no premise or no denial: the words before a question's comma that assert nothing (``states_premise``: "the
worst attack, what day?"), and a passage's "instead of" that sets aside what the question's own "rather than" does
(``same_contrast``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.matching import sentence_stems, term_match
from assistant.terms import STOPWORDS, stem, words

LEAD = r"^\s*(?:(?:so|and|but|ok|okay|then|well|hmm),?\s+)?"  # a conversational opener before the question word
# Where a question states its premise: a leading "since X,", a trailing "X, right?", what a why-question asks about,
# the past event a when/where/how-question asks about ("when did X expel Y?"), a statement before the question.
_PREMISES = (
    re.compile(LEAD + r"(?:since|given that|as|because|now that|after|once|considering)\s+(?P<premise>[^,?]{8,}),",
               re.IGNORECASE),
    re.compile(r"^(?P<premise>.{8,}?),?\s*(?:right|correct|isn['’]?t it|doesn['’]?t it)\s*\?\s*$", re.IGNORECASE),
    re.compile(LEAD + r"(?:why|how come)\s+(?:(?:do|does|did|is|are|was|were|has|have|had|can|could|would|will|should|"
               r"must)\s+)?(?P<premise>[^?]+)", re.IGNORECASE),
    re.compile(LEAD + r"(?:when|where|how)\s+(?:did|had|was|were)\s+(?P<premise>[^?]+)", re.IGNORECASE),
    # A statement, then the question that leans on it: "X lets me Y - what's the procedure?", "X does Y; how can I
    # stop it?", "X does Y, so how ...?"; not one that asks about the statement itself ("X - does that work?")
    re.compile(r"^(?!\W*(?:how|what|which|why|when|where|who|can|could|is|are|do|does|should|if|in|with|for|on)\b)"
               r"(?P<premise>[^?;:]{12,}?)(?:\s*[;:]|\s+[-\u2013\u2014]+\s+|,\s*so\b)\s*(?:so\s+|then\s+)?"
               r"(?!(?:is|are|does|do|can|could|will|would|was)\s+(?:that|this|it)\b)"
               r"(?:how|what|which|why|where|when|who|can|could|is|are|do|does|should|would|will)\b", re.IGNORECASE),
)
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|even though|although|though|when|whereas|while|rather than|instead of)\b.*$",
                           re.IGNORECASE)  # what is supposed, or set aside ("via 587 rather than port 25"): not stated
_NEGATION = (r"\b(?:not|never|no|cannot|without|nothing|none|nobody|nowhere|neither|nor)\b|n['’]t\b"
             r"|\b(?:do|does|did|is|are|was|were|can|could|would|should|wo|has|have|had|must|need)nt\b")
NEGATED = re.compile(_NEGATION, re.IGNORECASE)  # "doesn't", "doesnt", "cannot", "no ...", "shows nothing"
# A word naming a refusal or removal ("why is it forbidden ..."): a premise that states one, like a negated premise
# ("why can't ..."), agrees with a denial.
_REFUSAL = re.compile(r"(?:forbid|prohibit|prevent|avoid|refus|fail|disallow|reject|lack|unabl|impossib|"
                       r"den(?:y|ie)|stop|drop|remov|disabl|discourag|danger|off\b|bad\b|unsafe\b|wrong\b)",
                       re.IGNORECASE)  # "why is X discouraged / bad / turned off": "not recommended" agrees ("a bad idea" does
# not count: an adjective that only describes a noun states no refusal, ``_refusal_stems``)
_DENIAL = re.compile(r"\b(?:not|never|no longer|cannot|neither|nor)\b|n['’]t\b", re.IGNORECASE)
_NOT_STATED = re.compile(r"\b(?:so that|in order|if|unless|whether|must|should|shall|may|might|need)\s+(?:\S+\s+){0,4}$",
                         re.IGNORECASE)
# A relative clause's denial restricts a noun ("Packages that are not Debian-native must ..."), it denies nothing
_RELATIVE = re.compile(r"\b(?:that|which|who)\s+(?:(?:is|are|was|were|do|does|did|has|have|had|can|could|will|"
                       r"would)\s*)?$", re.IGNORECASE)
_ADVICE = re.compile(r"^\W*(?:please\s+)?(?:do|don)?\W*$", re.IGNORECASE)  # "Do not ...", "Don't ...", "Never ...": advice
_HEDGED = re.compile(r"^\s*(?:necessarily|only|just|always|all|every|entirely|quite|exactly)\b", re.IGNORECASE)
ALMOST = re.compile(r"\b(?:almost|nearly|hardly|scarcely|virtually|practically)\s+$", re.IGNORECASE)
"""Before a denial, a word that makes it a frequency or a degree ("almost never done", "nearly not"): no denial."""
# Opposites (general English): a passage holding the premise's words with one of them turned into its opposite.
_OPPOSITES = tuple(pair.split() for pair in (
    "add drop", "add remove", "add delete", "allow forbid", "allow prohibit", "allow prevent", "allow disallow",
    "permit forbid", "permit prohibit", "enable disable", "accept reject", "accept refuse", "increase decrease",
    "increase reduce", "include exclude", "same different", "admit deny", "confirm deny", "support oppose",
    "before after", "start stop", "open close", "gain lose", "win lose", "strengthen weaken", "grant revoke",
    "join leave", "public private", "always never", "faster slower", "larger smaller", "higher lower",
    "earlier later", "minimum maximum", "succeed fail", "mandatory optional", "cut restore", "ally enemy",
    "friend enemy", "agree disagree", "approve reject", "rise fall", "import export", "encrypt decrypt",
    "compress decompress", "inside outside", "visible hidden", "local remote", "static dynamic", "ignore follow",
    "ignore respect", "lift impose", "host expel", "welcome expel", "follow skip"))
OPPOSITE: dict[str, frozenset[str]] = {
    word: frozenset(stem(b) for a, b in _OPPOSITES if stem(a) == word) | frozenset(
        stem(a) for a, b in _OPPOSITES if stem(b) == word)
    for word in {stem(w) for pair in _OPPOSITES for w in pair}}
# What a denial may govern in place of the words it denies ("However, Linux does not do this.", "that is not the
# case"): the sentence before says what is denied. ``denied_words`` already leaves out stopwords ("do", "this",
# "so", "it"), so only the pro-forms that are not stopwords are listed.
_PRO_FORMS = frozenset(stem(w) for w in ("case", "true"))
_CLAUSE_END = re.compile(r"[,;:.()]|\b(?:because|since|so|which|but|while|whereas|unless|if)\b", re.IGNORECASE)
_QUOTE_CLOSE = re.compile(r"[\"”]")
"""Where a quotation ends: a denial quoted ('stating "We will not hide problems" in the Social Contract') governs
the quoted words only."""


def _quoted(before: str) -> bool:
    """Whether the text ``before`` a word leaves a quotation open (an odd number of straight quotes, or a “ not
    closed by a ”)."""
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")


def premise_clause(question: str) -> str | None:
    """The clause the question takes for granted, hypotheticals cut off (None: it states none)."""
    for pattern in _PREMISES:
        match = pattern.search(question)
        if match:
            return _HYPOTHETICAL.sub("", match.group("premise"))
    return None


def premise_terms(question: str) -> list[str]:
    """Stems of the content words of what the question takes for granted ([] when it states no positive premise)."""
    premise = premise_clause(question)
    if premise is None or NEGATED.search(premise) or _refusal_stems(premise):
        return []
    return _content_stems(premise)


def refusal_terms(question: str) -> frozenset[str]:
    """Stems of the words by which the question's premise states a refusal or removal ("why is X forbidden", "why
    does X fail the suite"): a denial of the refused thing agrees with such a premise, a denial of the refusal word
    itself ("X does not fail the suite") denies it. Empty when the premise states none or the question holds a
    denial of its own ("why can X remove packages when Y doesn't"): a passage's denial may be that one."""
    premise = premise_clause(question)
    if premise is None or NEGATED.search(question):
        return frozenset()
    return _refusal_stems(premise)


def _refusal_stems(premise: str) -> frozenset[str]:
    """Stems of the premise's words that state a refusal or removal ("X forbids Y", "why was Y dropped"); a word of
    that kind that only describes a noun ("every removed row") states none."""
    from assistant.nlp import syntax

    if not _REFUSAL.search(premise):  # no such word: nothing to parse
        return frozenset()
    return frozenset(stem(t.text) for t in syntax(premise).tokens
                     if _REFUSAL.match(t.text) and t.dep not in ("amod", "compound"))


def affirmed_terms(question: str) -> list[str]:
    """Like ``premise_terms``, but a premise that names a refusal or removal ("why did X drop Y") is kept: only
    a negated one is left out."""
    premise = premise_clause(question)
    if premise is None or NEGATED.search(premise):
        return []
    return _content_stems(premise)


def affirmed_light_words(question: str) -> list[str]:
    """Stems of the stopwords of an affirmed premise (``affirmed_terms``) that have an opposite ("the same",
    "before", "after"): a premise may turn on them."""
    premise = premise_clause(question)
    if premise is None or NEGATED.search(premise):
        return []
    return list(dict.fromkeys(s for s in (stem(w) for w in words(premise) if w.lower() in STOPWORDS) if s in OPPOSITE))


def _content_stems(text: str) -> list[str]:
    """Stems of the content words, first occurrence order."""
    return list(dict.fromkeys(stem(w) for w in words(text) if w.lower() not in STOPWORDS))


def denied_words(sentence: str) -> frozenset[str] | None:
    """Stems of what the sentence's first stated denial governs, up to the end of its clause or of the quotation
    it stands in (None: no denial)."""
    for match in _DENIAL.finditer(sentence):
        before = sentence[:match.start()]
        if (_NOT_STATED.search(before) or _HEDGED.match(sentence[match.end():]) or _ADVICE.match(before)
                or _RELATIVE.search(before) or ALMOST.search(before)):
            continue
        rest = sentence[match.end():]
        if _quoted(before) and (closing := _QUOTE_CLOSE.search(rest)):
            rest = rest[:closing.start()]
        end = _CLAUSE_END.search(rest)
        return sentence_stems(rest[:end.start()] if end else rest)
    return None


@dataclass(frozen=True)
class PremiseDenial:
    """A sentence denies the question's premise: it holds at least ``min_terms`` and ``min_share`` of the premise's
    words, and its denial governs at least one of them, or governs only a pro-form ("Linux does not do this") with
    the premise's words in its paragraph; or it holds as many of the other words with one premise word's opposite
    in its place ("drop support for X" against "adding support for X")."""

    min_terms: int = 2
    min_share: float = 0.4
    opposite_min_words: int = 3  # premise words, the turned one included

    def _enough(self, held: list[str], premise: list[str]) -> bool:
        return len(held) >= max(self.min_terms, self.min_share * len(premise))

    def denies(self, premise: list[str], sentence: str, paragraph: frozenset[str] = frozenset(),
               refusal: frozenset[str] = frozenset()) -> bool:
        """Whether ``sentence`` denies the premise whose stems are ``premise`` (``paragraph``: the stems of the
        sentence and its neighbours, where a denial of a pro-form finds what it denies; ``refusal``: the premise's
        refusal words, of which the denial must govern one, ``refusal_terms``)."""
        if len(premise) < self.min_terms:
            return False
        governed = denied_words(sentence)
        if governed is None:
            return False
        if refusal:
            return any(term_match(t, governed) for t in refusal) and self._enough(
                [t for t in premise if term_match(t, sentence_stems(sentence))], premise)
        if not governed - _PRO_FORMS:
            return self._enough([t for t in premise if term_match(t, paragraph)], premise)
        stems = sentence_stems(sentence)
        held = [t for t in premise if term_match(t, stems)]
        return self._enough(held, premise) and any(term_match(t, governed) for t in held)

    def affirms(self, premise: list[str], sentence: str) -> bool:
        """Whether ``sentence`` states every word of the premise and its denial, if any, governs none of them: a
        better-ranked sentence that does says the premise holds, and a denial further down is of something else
        ("The recwarn fixture ... ensures to reset the warnings filter at the end of the test" above "pytest doesn't
        follow PEP 506 suggestion of resetting all warning filters")."""
        if len(premise) < self.min_terms:
            return False
        stems, governed = sentence_stems(sentence), denied_words(sentence) or frozenset()
        return all(term_match(t, stems) and not term_match(t, governed) for t in premise)

    def opposes(self, premise: list[str], sentence: str, light: list[str] | tuple[str, ...] = ()) -> bool:
        """Whether ``sentence`` states the premise (stems ``premise``) with one word turned into its opposite (the
        opposite may be a light word: "the same" against "differently"; so may the turned word, one of the
        premise's ``light`` words: "patterns are the same as strftime" against "different patterns ... strftime")."""
        if len(premise) + bool(light) < self.opposite_min_words:
            return False
        stems = sentence_stems(sentence)
        every_word = frozenset(stem(w) for w in words(sentence))
        for word in [*premise, *light]:
            opposites = OPPOSITE.get(word)
            if not opposites or term_match(word, stems) or not opposites & every_word or _restricted(sentence, opposites):
                continue
            if word in light and word in every_word:
                continue
            others = [t for t in premise if t != word]
            if self._enough([t for t in others if term_match(t, stems)], others):
                return True
        return False


def _restricted(sentence: str, opposites: frozenset[str]) -> bool:
    """The opposite is restricted by "only" ("permitted only in the SELECT list", "only allowed for"): it says the
    premise's word holds everywhere else ("forbidden in WHERE"), so it agrees rather than opposes."""
    tokens = words(sentence)
    spots = [i for i, w in enumerate(tokens) if stem(w) in opposites]
    return any("only" in tokens[max(i - 2, 0):i + 3] for i in spots)


_CONTRAST = re.compile(r"rather than|instead of", re.IGNORECASE)  # a choice set against another, not a denial


def same_contrast(question: str, sentence: str, match: re.Match[str], reach: int = 60) -> bool:
    """Whether the sentence's "instead of" (``match``) sets aside what the question's own "rather than" / "instead of"
    does: no word only the question's set-aside side has comes within ``reach`` characters before it ("why send via
    port 587 rather than the usual SMTP port 25?" against "use port 587 instead of traditional SMTP port 25"; "point
    to common-licenses instead of pasting the text" against "refer to the files ... rather than quoting them"); "why
    does scp default to SCP instead of SFTP?" against "SFTP ... instead of the legacy SCP" is a denial."""
    asked = _CONTRAST.search(question)
    if asked is None or not _CONTRAST.fullmatch(match.group()):
        return False
    chosen = frozenset(stem(w) for w in words(question[:asked.start()]))
    set_aside = frozenset(stem(w) for w in words(question[asked.end():]) if w not in STOPWORDS) - chosen
    before = frozenset(stem(w) for w in words(sentence[max(match.start() - reach, 0):match.start()]))
    return not set_aside & before


def sets_aside_other(premise: list[str], sentence: str, match: re.Match[str], reach: int) -> bool:
    """Whether the sentence's "instead of" / "rather than" (``match``) sets aside something other than what the
    question takes for granted ("you can use condition strings instead of booleans" to "why are condition strings
    still supported?"): no word of the premise (stems ``premise``) follows it within ``reach`` characters, so it
    agrees with the premise."""
    if not premise or not _CONTRAST.fullmatch(match.group()):
        return False
    after = sentence_stems(sentence[match.end():match.end() + reach])
    return not any(term_match(t, after) for t in premise)


# A condition or a time the question is set in ("when root extracts a tarball, who ...", "once the probe was done,
# which ...", "before any hacking started, what ..."): it frames the question and asserts nothing to contradict
_CONDITION = re.compile(r"^\W*(?:if|when|whenever|once|before|unless|suppose|say)\b", re.IGNORECASE)
# A question of its own, "whats" and "hows" as typed in chat too ("whats the point of X, what problem does it solve?")
_ASKED = re.compile(r"^\W*(?:(?:how|what|who|why|where)s?|which|whom|whose)\b", re.IGNORECASE)
_NON_FINITE_TAGS = frozenset({"VBG", "VBN"})
_PAST_TAGS = frozenset({"VBD", "VBN"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_LEAD_IN = frozenset({"PUNCT", "INTJ", "CCONJ", "ADV"})  # "ok so", "well,", "then": before the clause proper


def states_premise(lead: str) -> bool:
    """Whether the words before a question's comma assert something: a clause with a finite verb that is not a
    condition ("X is Y, so what ...", "after albania triggered article 5, how ..."; not the topic phrase "the worst
    attack, what day?", the hypothesis "if I run X, which ..." nor a question of its own "how does X end, what
    ...?") and has a subject: "added mozc as an input source, what key ...?" tells what the asker did, the "I" left
    out as in chat."""
    from assistant.nlp import syntax

    if _CONDITION.match(lead) or _ASKED.match(lead):
        return False
    tokens = syntax(lead).tokens
    opening = next((t for t in tokens if t.pos not in _LEAD_IN), None)
    if opening is not None and opening.dep == "ROOT" and opening.tag in _PAST_TAGS and not any(
            t.head == opening.i and t.dep in _SUBJECTS for t in tokens):
        return False
    return any(t.pos in ("VERB", "AUX") and t.tag not in _NON_FINITE_TAGS for t in tokens)
