"""What a follow-up asks for, looked for in its answer.

A resolved follow-up borrows the earlier question's words ("has *the UN* adopted *Tirana's proposals*?"), and the
passage that answered the earlier question holds them, so it is found and answered again. What the follow-up adds
is the thing it asks for; when that is of a kind one can see in a sentence and no cited sentence holds it, the
answer speaks of the earlier question only and the follow-up is refused:

- a name asked of someone the conversation only described ("whats his name?" read as "the Western diplomat's
  name"): a person's name in a sentence that holds the description (``unnamed_person``);
- the verb of a yes/no question ("has the UN *adopted* any of that?"), by stem, near form or synonym, and for
  "... yet?" as done, not planned (``unsaid_verb``);
- a duration or a length for "how long ...?" ("how long had he been PM by then?": dates are no answer)
  (``no_duration``), a date or a time for "when ...?" ("since when?" after "is Albania in NATO?") (``no_time``);
- a number beside the noun "how many ...?" counts ("how many iranian diplomats had to leave?": a date is no count)
  (``no_count``);
- a person's name beside the role it asks the name of ("what was the name of the Western diplomat who ...?")
  (``unnamed_role``);
- a number stated in the present tense for a count asked of the present ("how many are there now?")
  (``followup_current.no_current_count``).

The other way round, a date or a number the earlier question did not ask for and a cited sentence holds is what
the follow-up adds (``holds_new_value``): the follow-up gate does not refuse such an answer.

Each check returns the refusal's reason, or None when the answer may stand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer.asked_forms import asks_condition, gives_condition, main_question
from assistant.answer.counted import NOT_COUNTED, NUMBER_AFTER_HEAD, value_near
from assistant.answer.matching import holds, sentence_stems, term_match
from assistant.answer.premise import OPPOSITE
from assistant.answer.qtypes import DURATION_HEADS, expected_type, has_value
from assistant.answer.refusal import PERSON_ROLES
from assistant.answer.wording import plain_wording
from assistant.followup import apostrophes
from assistant.followup_current import no_current_count
from assistant.followup_roles import reversed_roles
from assistant.nlp import Syntax, Token, syntax
from assistant.terms import content_stems, stem, words

Check = Callable[[str, str, Sequence[str]], "str | None"]
"""Called as (question as asked, question searched, cited sentences, the answer's best first): the reason to refuse,
or None."""

NAME_NOUNS = frozenset({"name", "names"})
"""Nouns that ask for a name when a pronoun owns them ("his name", "their names")."""
OWNERS = frozenset({"his", "her", "their"})
"""Possessive pronouns that can stand for a person."""
LIGHT_VERBS = frozenset("be have do get make go use need let give take put keep come work happen "
                        "allow permit require suppose".split())
"""Verbs that carry little of their own ("can I *make* it expire?", "is it *working*?", "am I *allowed* to ...?"):
never asked about alone."""
DENIALS = frozenset(stem(w) for w in ("deny", "denies", "denied", "refuse", "reject", "dismiss"))
"""Verbs of denial (stems): a sentence saying one answers a yes/no question whatever its verb."""
_OPENERS = frozenset("and so but ok okay then also well".split())
_UNITS = (r"(?:milli|micro|nano)?seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|"
          r"centur(?:y|ies)|ms|secs?|mins?|characters?|bytes?|[kmg]b|words?|lines?|pages?|letters?|digits?|"
          r"(?:kilo|centi|milli)?met(?:re|er)s?|km|miles?|feet|foot|inch(?:es)?")
_QUANTITY = (r"\d[\d.,]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
             r"forty|fifty|sixty|hundred|thousand|several|few|many|some|half|a\s+couple\s+of")
_RANGE = r"\b(?:from|between)\s+(?:\w+\s+){0,3}?\d{4}\s*(?:until|till|to|through|and|-|–)\s*(?:\w+\s+){0,3}?\d{4}\b"
DURATION = re.compile(rf"(?i)\bsince\b|\b(?:{_QUANTITY})(?:[\s-]+\w+)?[\s-]+(?:{_UNITS})\b|\d(?:{_UNITS})\b|{_RANGE}")
"""A duration or a length: "45 years", "twenty minutes", "at least 6 to 8 characters", "since the early 1980s",
"from April 2010 until April 2013" (the span between two dated ends)."""
_HOW_LONG = re.compile(r"(?i)\bhow\s+long\b(?!\s+(?:ago|after|before|between|until|till)\b)(?!.*\btake\b)")
"""A "how long" that a duration answers; not an interval between events that dates answer ("how long after the
attack did they cut ties?", "how long did it take?")."""


def asks_name(question: Syntax) -> bool:
    """Whether the question asks a pronoun's name ("whats his name?", "do we know their names?")."""
    toks = question.tokens
    return any(t.text.lower() in NAME_NOUNS and any(o.head == t.i and o.text.lower() in OWNERS for o in toks)
               for t in toks)


def person_names(parsed: Syntax) -> set[str]:
    """The persons' names the parser finds in a text, lower-cased (acronyms, which it often takes for persons,
    left out: "MEK")."""
    found = set()
    for start, end, label in parsed.ents:
        name = parsed.span(start, end)
        if label == "PERSON" and not (name.isupper() and name.replace(" ", "").isalpha()):
            found.add(name.lower())
    return found


def unnamed_person(asked: str, searched: str, cited: Sequence[str]) -> str | None:
    """A name asked of someone ``searched`` only describes ("What's the Western diplomat's name?"), and no cited
    sentence that holds the description's words also holds a person's name that ``searched`` does not give."""
    if not asks_name(syntax(apostrophes(asked))) or person_names(syntax(searched)):
        return None
    described = set(content_stems(searched)) - set(content_stems(asked)) - {stem(n) for n in NAME_NOUNS}
    for sentence in cited:
        if described <= sentence_stems(sentence) and person_names(syntax(sentence)):
            return None
    return "the passages found describe the person asked about but give no name"


def asked_predicate(question: Syntax) -> Token | None:
    """The verb a yes/no question asks about: its main verb, led by an auxiliary that opens the question ("*has*
    the UN *adopted* it?"); None for a wh-question, "is there ...?", or a light verb."""
    toks = [t for t in question.tokens if t.pos != "PUNCT" and t.text.lower() not in _OPENERS]
    root = next((t for t in question.tokens if t.dep == "ROOT"), None)
    if not toks or root is None or root.pos not in ("VERB", "NOUN") or root.lemma.lower() in LIGHT_VERBS:
        return None  # a root tagged a noun under an auxiliary is a verb the tagger missed ("did the mayor resign?")
    opener = toks[0]
    return root if opener.pos == "AUX" and opener.head == root.i and opener.i < root.i else None


_DECLINED = re.compile(r"(?i)\b(?:decided|decides|decide|chose|chooses|opted|opts) (?:against|not to)\b"
                       r"|\bdeclined to\b|\brefrained from\b")
"""A choice not to act: "did he bring it to NATO?" is answered by "... could have been escalated to NATO, but Rama
*decided against* it", no, whatever the verb."""


def says(verb: Token, sentences: Sequence[str]) -> bool:
    """Whether any sentence holds the verb (its stem, a near form, a synonym, its opposite), a denial or a choice not
    to act: "does Iran *accept* the blame?" is answered by "Iran *denies* ...", no."""
    stems = frozenset().union(*(sentence_stems(s) for s in sentences)) if sentences else frozenset()
    if stems & DENIALS or any(_DECLINED.search(s) for s in sentences):
        return True
    return any(holds(form, stems) or bool(OPPOSITE.get(form, frozenset()) & stems) for form in verb_forms(verb))


def verb_forms(verb: Token) -> frozenset[str]:
    """The stems a verb is found by: its lemma's and its own ("adopted")."""
    return frozenset({stem(verb.lemma.lower()), stem(verb.text.lower())})


_YET = re.compile(r"(?i)\b(?:yet|already|so far)\W*$")
"""A yes/no question about whether something has happened by now ("has it opened *yet*?")."""
_PLANNING = frozenset("would will could may might shall should 'll".split())


def only_planned(verb: Token, sentence: str) -> bool:
    """Whether the verb is in ``sentence`` only as a plan or a possibility: under a modal ("an interest section *would
    be opened*") or as an infinitive ("plans *to open*"); such a sentence does not say it has happened yet."""
    forms = verb_forms(verb)
    toks = syntax(sentence).tokens
    found = [t for t in toks if t.pos in ("VERB", "AUX") and stem(t.lemma.lower()) in forms]
    planning = _PLANNING | {"to"}
    return bool(found) and all(any(c.head == t.i and c.dep in ("aux", "auxpass") and c.text.lower() in planning
                                   for c in toks) for t in found)


def unsaid_verb(asked: str, searched: str, cited: Sequence[str]) -> str | None:
    """``searched`` is a yes/no question about a verb that no cited sentence holds (for "has it ... *yet*?", as
    done: ``only_planned`` sentences do not count)."""
    verb = asked_predicate(syntax(searched))
    if verb is not None and _YET.search(searched):
        cited = [s for s in cited if not only_planned(verb, s)]
    if verb is None or says(verb, cited):
        return None
    return f"the passages found do not say whether it was {verb.text}"


def asks_duration(question: str) -> bool:
    """Whether ``question`` asks "how long ...?" for a span of time (not "how long ago", nor how long a thing
    takes)."""
    return bool(_HOW_LONG.search(question))


def no_duration(asked: str, searched: str, cited: Sequence[str]) -> str | None:
    """``searched`` asks "how long ...?" and no cited sentence holds a duration or a length (``DURATION``)."""
    if not asks_duration(searched) or any(DURATION.search(sentence) for sentence in cited):
        return None
    return "the passages found give no duration"


_HOW_OLD = re.compile(r"(?i)\bhow\s+old\b")
_AGE = re.compile(r"(?i)\b(?:old|older|oldest|aged?|born|birth|ancient|founded|established|dat(?:e|es|ed|ing)\s+"
                  r"(?:back|from)|pre-\d+)\b")
"""What gives an age: "58 years old", "aged 58", "born in 1964", "founded in 1949", "dating back to", "pre-1997"."""


def no_age(asked: str, searched: str, cited: Sequence[str]) -> str | None:
    """``searched`` asks "how old ...?" and no cited sentence gives an age (``_AGE``) or a span (``DURATION``): a
    sentence dating another event of the same person ("On September 7, 2022, Prime Minister Edi Rama announced ...")
    does not say how old he is."""
    if not _HOW_OLD.search(searched) or any(_AGE.search(s) or DURATION.search(s) for s in cited):
        return None
    return "the passages found give no age"


_HOW_MANY = re.compile(r"(?i)\bhow\s+many\b")


def counted_noun(question: Syntax) -> str | None:
    """The noun "how many ...?" counts ("how many iranian *diplomats* had to leave?", "how many of those *exiles*"):
    the noun "many" describes, or the object of its "of"; None without one ("how many of them?", "how many were
    there?") or when it counts a length of time or a measure ("how many years", "how many bytes": dates or units
    answer them)."""
    toks = question.tokens
    many = next((t for t in toks if t.text.lower() == "many" and t.i > 0 and toks[t.i - 1].text.lower() == "how"),
                None)
    if many is None:
        return None
    head = toks[many.head]
    if many.dep == "amod" and head.pos in ("NOUN", "PROPN"):
        noun = head
    else:  # "how many of those exiles": the object of "of"
        of = next((t for t in toks if t.head == many.i and t.text.lower() == "of"), None)
        noun = next((t for t in toks if of is not None and t.head == of.i and t.dep == "pobj"), None)
        if noun is None or noun.pos not in ("NOUN", "PROPN"):
            return None
    text = noun.text.lower()
    if text in NOT_COUNTED | DURATION_HEADS or re.fullmatch(_UNITS, text):
        return None
    return text


def no_count(asked: str, searched: str, cited: Sequence[str]) -> str | None:
    """``searched`` asks "how many <noun>?" and no cited sentence holds a number (not a date, not the question's own,
    not one counting another noun) beside that noun (``counted.value_near``): "how many iranian diplomats had to
    leave?" against "as Albania ordered diplomats to leave" on a date."""
    if not _HOW_MANY.search(searched):
        return None
    noun = counted_noun(syntax(plain_wording(searched)))  # "how many yrs": years, which dates may answer
    if noun is None or any(value_near(s, noun, searched, "number", after=NUMBER_AFTER_HEAD, exclusive=True)
                           for s in cited):
        return None
    return f"the passages found give no number of {noun}"


_SINCE_WHEN = re.compile(r"(?i)\bsince\s+when\b")
_TIME_POINTED_BACK = re.compile(r"(?i)\b(?:this|that|the same)\s+(?:year|month|day|week|date|time)\b")
"""A time a sentence names by pointing back to one said before it ("It was in *this year* that Albania ...")."""


def dated_by_another(sentence: str, cited: Sequence[str]) -> bool:
    """Whether ``sentence`` names its time by pointing back ("It was in *this year* that ...") and another of the
    ``cited`` sentences holds a date (the one it points back to, when the answer cites it)."""
    return bool(_TIME_POINTED_BACK.search(sentence)) and any(has_value(s, "date") for s in cited if s != sentence)


def no_time(asked: str, searched: str, cited: Sequence[str]) -> str | None:
    """``searched`` asks when ("since when is Albania a NATO member?") and the answer's best sentence (the first
    cited) holds no date, time or duration (``qtypes.has_value``, ``DURATION``: "since reestablishing relations after
    45 years" answers "since when?") nor, for a condition asked ("when is it meant to be used?"), a condition; a
    best sentence that names its time by pointing back ("in this year") is dated by another cited sentence."""
    if expected_type(searched) != "date" or not cited or has_value(cited[0], "date") or DURATION.search(cited[0]) \
            or asks_condition(main_question(searched)) and not _SINCE_WHEN.search(searched) \
            and gives_condition(cited[0]) \
            or dated_by_another(cited[0], cited):
        return None
    return "the passage found gives no date"


_NAME_OF = re.compile(r"(?i)\bname of (?P<of>[^?]+)"
                      r"|\bwhat(?:['’]?s| is| was) (?P<owner>[\w\s-]+?)['’]?s (?:full |real )?name\b"
                      r"|^\W*who(?:['’]s| is| was) (?P<who>the [^?,;]+)")
"""The name asked of someone: "the name of the diplomat", "what's the diplomat's name?" (typed without the
apostrophes too: "whats the diplomats name"), "who was the diplomat quoted in ...?"."""


def unnamed_role(asked: str, searched: str, cited: Sequence[str]) -> str | None:
    """``searched`` asks the name of someone it describes by a role ("what was the name of the Western diplomat who
    ...?", "what's the minister's name?"), and no cited sentence holding the role also holds a person's name the
    question does not give."""
    match = _NAME_OF.search(searched)
    if not match:
        return None
    roles = [stem(w) for w in words(match.group("of") or match.group("owner") or match.group("who"))
             if stem(w) in PERSON_ROLES]
    if not roles:
        return None
    given = person_names(syntax(searched))
    for sentence in cited:
        if all(term_match(r, sentence_stems(sentence)) for r in roles) and person_names(syntax(sentence)) - given:
            return None
    return "the passages found describe the person asked about but give no name"


CHECKS: tuple[Check, ...] = (unnamed_person, unsaid_verb, no_duration, no_age, no_time, no_count, unnamed_role,
                             no_current_count, reversed_roles)
"""The checks for a question asked after others (the role's name too: "what's the name of the minister who ...?"
typed after an unrelated question is still refused when no cited sentence names the minister)."""
ALONE_CHECKS: tuple[Check, ...] = (no_duration, no_age, unnamed_role, no_current_count, reversed_roles)
"""The checks for a question asked alone: its words, not an earlier turn's, found the passage, so a yes/no
question's verb may be the asker's own ("can X *replace* Y?" against "X cannot *substitute* for Y"); a role's name is
asked without a pronoun."""


_OTHER_PLACES = re.compile(r"(?i)\b(?:which|what|any) other (?:countr(?:y|ies)|nations?|states?|governments?)\b")
"""A question for other countries than the conversation named ("which other countries list it as a terrorist
group?")."""


def asks_other_places(asked: str) -> bool:
    """Whether ``asked`` asks for other countries than those already named."""
    return bool(_OTHER_PLACES.search(asked))


def names_no_other_place(named: Sequence[str], best: str) -> str | None:
    """The reason to refuse an answer to "which other countries ...?" whose best sentence names no country (a GPE
    entity) beyond those the conversation already named (``named``: its questions and the previous answer), or
    None. The sentences cited beside it may name any country in passing."""
    def places(texts: Sequence[str]) -> set[str]:
        return {p.span(s, e).lower() for p in (syntax(t) for t in texts) for s, e, label in p.ents if label == "GPE"}

    return None if places([best]) - places(named) else "the passages found name no other country than those named"


VALUE_KINDS = ("date", "number")
"""Kinds of value a sentence shows unmistakably (a date, a number), unlike a name, which any capital word may be."""


def holds_new_value(searched: str, previous: str, cited: Sequence[str]) -> bool:
    """Whether ``searched`` asks for a date or a number that ``previous`` did not ask for and a cited sentence holds
    one ("who sent the telegram?" + "when did he send it?": the telegram's sentence dates it). Such an answer adds
    what the follow-up asks even when it cites the previous answer's sentence again."""
    kind = expected_type(searched)
    return kind in VALUE_KINDS and expected_type(previous) != kind and any(has_value(s, kind) for s in cited)


def missing_asked(asked: str, searched: str, cited: Sequence[str], checks: Sequence[Check] = CHECKS) -> str | None:
    """The first check's reason to refuse the answer (``cited``: its sentences), or None when every check passes."""
    return next((why for check in checks if (why := check(asked, searched, cited))), None)
