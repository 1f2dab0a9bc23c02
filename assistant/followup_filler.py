"""The answer's filler of the previous question's "who" slot: after "Who did the Albanian government blame?" the
phrase of the answer that names who ("... unequivocally blamed *the Iranian Foreign Ministry* for ..."), which a
pronoun of the next question most likely stands for ("What was *their* supposed motive?")."""

from __future__ import annotations

from assistant.answer.people import GROUP_NOUNS, PARTY_NOUNS, person_noun
from assistant.followup_agree import agrees, pronoun_referent
from assistant.nlp import Syntax, Token
from assistant.terms import STOPWORDS, stem

MAX_REACH = 8
"""Tokens between the filler and the nearest word of the question it answers."""
_PRIORITY = {"PERSON": 0, "ORG": 1, "person noun": 1, "NORP": 2, "GPE": 3}
"""A named person first, then an organisation or a person described by role, then a people or a country."""
_WHO = ("who", "whom")


def _stems(parsed: Syntax, i: int) -> set[str]:
    token = parsed.tokens[i]
    return {stem(token.lemma.lower()), stem(token.text.lower())}


def _asked_words(question: Syntax, names: bool) -> set[str]:
    """Stems of the question's content words (``names``: its names too, else only its verbs and common nouns,
    what the answer repeats around the filler: "who *made* the *announcement*" → "Edi Rama *announced*")."""
    kept = ("NOUN", "PROPN", "VERB", "ADJ") if names else ("NOUN", "VERB")
    return {s for t in question.tokens if t.pos in kept and (names or not t.ent) and t.text.lower() not in STOPWORDS
            and t.tag not in ("WP", "WDT", "WRB") for s in _stems(question, t.i)}


def _candidates(answer: Syntax) -> list[tuple[int, int, str]]:
    """Named phrases of the answer (people, organisations, peoples, countries: not an adjective such as "a
    *Balkan* nation") and phrases headed by a person noun ("a Western diplomat"), with what they are."""
    found = [(s, e, label) for s, e, label in answer.ents if label in _PRIORITY
             and answer.tokens[e - 1].pos in ("PROPN", "NOUN")]
    for start, end in answer.chunks:
        root = answer.tokens[end - 1]
        if root.pos == "NOUN" and person_noun(root.lemma) and not any(s < end and start < e for s, e, _ in found):
            found.append((start, end, "person noun"))
    return found


def _text(answer: Syntax, start: int, end: int) -> str:
    """The phrase, "a/an" made "the" (it is known now), without a trailing possessive."""
    toks = answer.tokens
    words = [t.text for t in toks[start:end] if t.text != "'s"]
    if words and words[0].lower() in ("a", "an"):
        words[0] = "the"
    return " ".join(words)


def _asks_kind(question: Syntax, t: Token, nouns: frozenset[str]) -> bool:
    """Whether ``t`` is the "which"/"what" that determines one of ``nouns`` ("*which* country ...")."""
    return t.text.lower() in ("which", "what") and t.dep == "det" and question.tokens[t.head].lemma in nouns


def _asks_group(question: Syntax, t: Token) -> bool:
    """Whether ``t`` is the "which"/"what" of a group or a party asked for ("*which* group did Albania agree to
    host?", "*which* country offered aid?"): the answer's organisation or country fills it, as a person fills a
    "who"."""
    return _asks_kind(question, t, GROUP_NOUNS | PARTY_NOUNS)


def _asks_several(question: Syntax) -> bool:
    """Whether the question asks for several named things ("which two *countries*' ties ...?", "what groups ...?"):
    its "which"/"what" determines a plural noun, or stands right before one, past a count (the parser may take
    "which" in "which two countries do ...?" for an object)."""
    toks = question.tokens

    def counted_plural(i: int) -> bool:  # "which two countries", "what groups"
        i += i < len(toks) and toks[i].tag == "CD"
        return i < len(toks) and toks[i].tag == "NNS"

    return any(t.text.lower() in ("which", "what") and (t.dep == "det" and toks[t.head].tag == "NNS"
                                                        or counted_plural(t.i + 1)) for t in toks)


def several_fillers(question: Syntax, answer: Syntax | None, pronoun: str) -> str | None:
    """ "they" after "Which two countries' ties proved invaluable to Albania?": the names of one kind the answer gives
    that the question does not ("... ties with the United States and Israel ..." → "the United States and Israel"),
    joined; None unless the question asks for several, the pronoun is plural and the answer names two or more."""
    if answer is None or pronoun_referent(pronoun) != "group" or not _asks_several(question):
        return None
    named = _asked_words(question, names=True)
    found = [(start, end, label) for start, end, label in _candidates(answer) if label != "person noun"
             and not any(_stems(answer, i) & named for i in range(start, end))]
    for _, head_end, head_label in found:  # the first names joined by "and"/"or" (not "Iran" before "... the United
        # States and Israel")
        joined = [(start, end) for start, end, label in found if label == head_label
                  and _conjoined(answer, end - 1, head_end - 1)]
        names = list(dict.fromkeys(_text(answer, start, end) for start, end in joined))
        if len(names) >= 2:
            return ", ".join(names[:-1]) + " and " + names[-1]
    return None


_NAME_PARTS = frozenset({"PROPN", "NOUN", "ADJ"})


def _conjoined(parsed: Syntax, i: int, first: int) -> bool:
    """Whether token ``i`` is ``first`` or joined to it by "and"/"or" (a chain of conjuncts)."""
    while i != first and parsed.tokens[i].dep == "conj" and parsed.tokens[i].head != i:
        i = parsed.tokens[i].head
    return i == first


def _named_already(answer: Syntax, start: int, end: int, named: frozenset[str] | set[str]) -> bool:
    """Whether the question names the answer's phrase already: each of its words, past a determiner ("the Iranian
    Foreign Ministry" after "which country's foreign ministry ...?" adds "Iranian", the country asked for)."""
    return all(_stems(answer, i) & named for i in range(start, end) if answer.tokens[i].pos in _NAME_PARTS)


def _asks_doer(question: Syntax) -> bool:
    """Whether the question's "who" is the subject of its main verb ("*who* chose not to escalate it?")."""
    return any(t.lemma.lower() in _WHO and t.dep in ("nsubj", "nsubjpass") and question.tokens[t.head].dep == "ROOT"
               for t in question.tokens)


def _main_subjects(answer: Syntax) -> set[int]:
    """The tokens that are the subject of a main verb of the answer (its doers: "..., Prime Minister *Rama* decided
    against it")."""
    toks = answer.tokens
    return {t.i for t in toks
            if t.dep == "nsubj" and toks[t.head].dep == "ROOT" and toks[t.head].pos in ("VERB", "AUX")}


def slot_filler(question: Syntax, answer: Syntax | None, pronoun: str) -> str | None:
    """The phrase of ``answer`` that answers the "who"/"whom" (or "which group") of ``question`` and agrees with
    ``pronoun``: named in the answer, not in the question, within ``MAX_REACH`` tokens of a word the two share or,
    for a "who" that is the question's subject, the subject of the answer's main verb (the doer, however many
    words stand between it and the verb the question shares); a person's name before an organisation or a role,
    before a people or a country. None for other questions, or none found."""
    if several := several_fillers(question, answer, pronoun):
        return several
    root = next((t for t in question.tokens if t.dep == "ROOT"), None)
    if answer is None or root is None or root.lemma == "be" or not any(  # "who were the Illyrians?": them
            t.lemma.lower() in _WHO and t.tag == "WP" or _asks_group(question, t) for t in question.tokens):
        return None
    named, asked = _asked_words(question, names=True), _asked_words(question, names=False)
    anchors = [t.i for t in answer.tokens if _stems(answer, t.i) & asked]
    party = pronoun_referent(pronoun) == "group" and any(  # "which country offered ...?" + "they": the country
        _asks_kind(question, t, PARTY_NOUNS) and question.tokens[t.head].dep != "poss"  # not "which country's ties"
        for t in question.tokens)
    doers = _main_subjects(answer) if _asks_doer(question) else set()
    ranked = []
    for start, end, label in _candidates(answer):
        if _named_already(answer, start, end, named) or not (
                agrees(pronoun, answer, start, end) or party and label in ("GPE", "NORP", "ORG")):
            continue
        reach = 0 if doers & set(range(start, end)) else min(
            (start - a if a < start else a - end + 1 for a in anchors), default=MAX_REACH + 1)
        if reach <= MAX_REACH:
            ranked.append((_PRIORITY[label], reach, start, end))
    if not ranked:
        return None
    _, _, start, end = min(ranked)
    return _text(answer, start, end)
