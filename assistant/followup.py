"""Follow-up questions without an LLM: the question to search for a question asked after others.

Whether a question leans on the conversation is ``assistant.followup_cues``. The standalone question keeps the new
question's words and supplies only what is missing: a pronoun is replaced by the phrase it points to (found in the
previous question, or in the previous answer when that question asked for it: "Who cut ties?" → "When did *he*
announce it?"), a lone wh-word takes over the previous question ("How come?"), and a fragment is read into it ("what
about Kosovo?" swaps the entity of the same kind).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from assistant.answer.locate import another_section
from assistant.answer.outline import neighbour_followup
from assistant.followup_agree import agrees, between_pair, both_parties, in_number, named_before, pronoun_referent
from assistant.followup_bind import other_phrase, parallel_phrase
from assistant.followup_chunks import kept_frame
from assistant.followup_clitics import clitic_verb
from assistant.followup_count import counted_question, noun_for_count
from assistant.followup_dates import dated_in_question, dated_then, shifted_date_question
from assistant.followup_cues import (DEMONSTRATIVES, NOW_NOUNS, PERSONAL, WEAK, WH_ALIASES, between_two, cues,
                                     demonstrative_tag, group_noun, misread_determiner, mutual, pro_one, topic_changed,
                                     without_leaders)
from assistant.followup_ellipsis import (
    action_phrase, agent_fragment, event_it, gerund_clause, happened_subject, subject_first,
)
from assistant.followup_interval import PAIRED_CUE, interval_followup
from assistant.followup_items import ITEM_CUE, item_question, narrowed_item
from assistant.followup_merge import merge
from assistant.followup_names import spelled_out
from assistant.followup_params import PARAMS, FollowupParams
from assistant.followup_refs import Antecedents
from assistant.followup_swap import Similar, about_swap, one_swap, option_swap, reversed_parties
from assistant.followup_wh import wh_phrase
from assistant.followup_within import clause_before, fronted_time_frame, fronted_topic, place_before, resolved_within
from assistant.nlp import Syntax, Token, syntax

POSSESSIVE = frozenset({"his", "her", "its", "their", "theirs", "hers"})
_EVENT_HEADS = frozenset("do happen cause create mean lead before after than since by about because".split())
_NAMED_LEAD = re.compile(r"(?i)(?:(?:and|so|ok|but)\s+)?(?:what|how)\s+about\s+[^,;?]+[,;\u2014\u2013-]\s*\S.*")
_CASUAL = re.compile(r"(?i)\b(what|how|where|who|that|there)s\b")
"""A wh-word's "'s" typed without its apostrophe ("whats his name"), put back before parsing; never "its"."""
_MORE_ON = re.compile(r"(?i)\b(?:more|else|further)\s+(?:on|about|regarding|concerning)\s+"
                      r"(?!(?:that|this|it|them|those|these)\b)\w")
"""A fragment asking for more on a topic it names ("anything more on their ties?", "something else about X?")."""
_ASIDES = (re.compile(r"(?i),?\s*\b(?:tho|though|anyway)\s*(?=\?*$)"),  # "why bother using them though?"
           re.compile(r"(?i)\b((?:what|who|where|which|how)\s+)else\b\s*"),  # "what else has to go with it?"
           re.compile(r"(?i)\b(?:btw|by the way)\b,?\s*"))
"""Words said to the listener, not asked about: the answerer would look for them in the documents."""


@dataclass(frozen=True)
class Resolution:
    """How a question reads in its conversation: the question to search, why, and what it was tied to."""

    question: str
    searched: str | None = None
    cues: tuple[str, ...] = ()
    tied_to: str | None = None
    unresolved: str | None = None  # why it could not be tied to the history (then nothing is searched)

    @property
    def query(self) -> str:
        """What to search: the standalone question, else the question as asked."""
        return self.searched or self.question


def _named(target: str, parsed: Syntax) -> bool:
    """Whether every word of ``target`` is a word of the question already (it cannot be what a pronoun adds)."""
    words = {t.text.lower() for t in parsed.tokens}
    return all(w.lower() in words for w in target.split())


def phrase_key(phrase: str | None) -> str:
    """A phrase as compared with another: lower case, without a leading article ("the western diplomat" is
    "western diplomat")."""
    return re.sub(r"^(?:the|a|an)\s+", "", (phrase or "").strip().lower())


def one_of(toks: list[Token], at: int) -> bool:
    """Whether the pronoun at ``at`` ends "one of those" / "one of them": a member of a kind, not the kind."""
    return at >= 2 and toks[at - 1].text.lower() == "of" and toks[at - 2].text.lower() == "one" and \
        toks[at].text.lower() in ("those", "these", "them")


def counted_members(target: str, toks: list[Token], at: int) -> str:
    """ "how many of *them*" pointing to one organisation or people counts its members: "the members of MEK" (the
    answer's number sits by "members"); a plural target ("the packages") stays as it is."""
    if at >= 2 and toks[at - 1].text.lower() == "of" and toks[at - 2].text.lower() in ("many", "much"):
        if syntax(target).tokens[-1].tag not in ("NNS", "NNPS"):
            return f"the members of {target}"
    return target


def _reference_kind(low: str, tag: str, dep: str, head: str = "", misread: bool = False) -> str | None:
    """What a referring word points to (person, group, thing, event, place, determiner), None if it does not;
    ``head``: the lemma of the word it depends on ("done *that*", "after *that*" point to an event); ``misread``: a
    demonstrative the parser took for a conjunction before its noun (``misread_determiner``)."""
    if low in PERSONAL and tag in ("PRP", "PRP$"):
        return PERSONAL[low]
    if low in DEMONSTRATIVES and (misread or demonstrative_tag(tag, dep)):
        if dep == "det" or misread:  # not of a time ("these days", "that year": the time asked now, or "then")
            return None if head in NOW_NOUNS else "determiner"
        return "event" if dep.startswith("nsubj") or head in _EVENT_HEADS else "thing"
    if low == "there" and dep != "expl":
        return "place"
    return None


def named_lead(question: str) -> str | None:
    """ "What about Iran, does it accept the blame?": the question after the comma, its pronoun or pointing word
    replaced by the name the lead gives ("Does Iran accept the blame?"); a question with no verb after the comma
    ("how about the quote, what year?") is asked of the lead ("What year the quote?"); None when the question is not
    of that shape."""
    lead = _NAMED_LEAD.match(question.strip())
    if not lead:
        return None
    parsed = syntax(spelled_out(apostrophes(question.strip())))  # "what about the us, ...": the United States
    toks = parsed.tokens
    comma = next((t.i for t in toks if t.pos == "PUNCT" and (t.text in ",;—–" or t.text == "-" and toks[t.i - 1].space)),
                 None)  # not the hyphen of "GPLv2-only"
    if comma is None:
        return None
    start = next((t.i + 1 for t in toks if t.text.lower() == "about"), comma)  # the lead: "about X,"
    if start >= comma:
        return None
    name, rest = parsed.span(start, comma), toks[comma + 1:]
    for t in rest:
        pointing = t.text.lower() in DEMONSTRATIVES and t.dep not in ("det", "mark") and t.tag not in ("WDT", "IN")
        if (pronoun_referent(t.text) or pointing) and (agrees(t.text, parsed, start, comma) or _country_they(
                t.text, parsed, start, comma)):
            pieces = [x.text if x.i != t.i else f"{name}'s" if x.text.lower() in POSSESSIVE else name for x in rest]
            return _finish(" ".join(pieces))
    if not any(t.pos in ("VERB", "AUX") for t in rest):  # "how about the quote, what year?": asked of the lead
        return _finish(" ".join([*(t.text for t in rest if t.pos != "PUNCT"), name]))
    return None


def _missing_words(phrase: str | None, question: str) -> str:
    """The words of ``phrase`` that ``question`` lacks, in order ("" for none)."""
    have = {w.lower() for w in re.findall(r"\w+", question)}
    return " ".join(w for w in re.findall(r"[\w'-]+", phrase or "") if w.lower() not in have)


def _asks_alike(question: str, previous: str) -> bool:
    """Whether the question after a "what about X," lead opens with the previous question's wh-word ("When did
    Albania accept the MEK?" + "what about the cyberattack, when was that?"): the same question of another thing."""
    rest = re.split(r"[,;\u2014\u2013]|\s-\s", question, maxsplit=1)[-1]
    first = [re.search(r"(?i)\b(what|which|who|whom|whose|when|where|why|how)\b", text) for text in (rest, previous)]
    return all(first) and first[0].group(1).lower() == first[1].group(1).lower()  # type: ignore[union-attr]


def lead_names_nothing(question: str) -> bool:
    """Whether the lead of a "what about X, ...?" question holds no proper noun or named entity ("the scale",
    "normalizing ties"): an aspect of what the conversation is about, not a new topic ("what about Iran, ...")."""
    parsed = syntax(apostrophes(question.strip()))
    toks = parsed.tokens
    start = next((t.i + 1 for t in toks if t.text.lower() == "about"), 0)
    end = next((t.i for t in toks[start:] if t.pos == "PUNCT"), len(toks))
    return start < end and not any(t.pos == "PROPN" or t.ent or t.text[:1].isupper() for t in toks[start:end])


def _country_they(pronoun: str, parsed: Syntax, start: int, end: int) -> bool:
    """ "what about the United States, what did they give?": a country led with is "they" as a people is."""
    return pronoun.lower() in ("they", "them", "their") and any(
        label in ("GPE", "NORP") and s < end and start < e for s, e, label in parsed.ents)


def more_on(fragment: str) -> bool:
    """Whether ``fragment`` asks for more on a topic it names itself ("anything more on Israel and Albania's ties?"):
    the topic is its own, so it is searched as it stands, not read into the previous question."""
    return bool(_MORE_ON.search(fragment))


def without_asides(question: str) -> str:
    """The question without the words said to the listener ("though", "btw", the "else" of "what else"): "why
    bother using them though?" → "why bother using them?"."""
    for aside in _ASIDES:
        question = aside.sub(lambda m: m.group(1) if m.groups() and m.group(1) else "", question)
    return question.strip()


def apostrophes(question: str) -> str:
    """The question with a wh-word's "'s" put back where it was typed without its apostrophe ("whats his name")."""
    return _CASUAL.sub(r"\1's", question)


def _under(previous: str, condition: str) -> str:
    """The previous question under the new condition, in place of a condition of its own: "What does xargs exit
    with if it succeeds?" + "and if the command exited with 255?" → "What does xargs exit with, if the command ..."."""
    clause = re.search(r"(?i)\b(?:if|unless|in case)\b.*", condition)
    asked = re.sub(r"(?i),?\s*\b(?:if|unless|when|in case)\b[^,;?]*\??$", "", previous.strip()).rstrip("?.! ")
    return f"{asked}, {clause.group(0) if clause else condition}"


_CONFIRMING = re.compile(r"(?i)(?:\s*,\s*|(?<=\w)(?<!\bis)(?<!\bwas)(?<!\bare)(?<!\bthat)(?<!\bit)(?<!\bthis)"
                         r"(?<!\bbe)\s+)(?:right|correct|isn['’]t it|doesn['’]t it|didn['’]t it|no|yeah|yes)"
                         r"\s*\?\s*$")


def without_confirming(question: str) -> str:
    """An earlier question without the tag that asks to confirm it ("albania recognised israel in 1949, right?" →
    "... in 1949?"): what a follow-up leans on is the question, not a premise asked to be confirmed."""
    return _CONFIRMING.sub("?", question)


def _finish(text: str) -> str:
    text = " ".join(text.replace(" ?", "?").split()).strip(" ,;—–-")
    text = re.sub(r"\s+,", ",", text)  # "September 7 , 2022" as the parser split it
    text = re.sub(r"(?i)(\w) ('s|'re|'ll|'ve)\b", r"\1\2", text)  # "What 's" as typed: "What's"
    text = text.rstrip("?.! ")
    return f"{text[:1].upper()}{text[1:]}?"


def resolve(
    question: str, history: Sequence[str], previous_answer: Callable[[str], str] | None = None,
    params: FollowupParams = PARAMS, weight: Callable[[str], float] | None = None, similar: Similar | None = None,
) -> Resolution:
    """The question to search for ``question`` asked after ``history`` (standalone earlier questions, oldest
    first); ``previous_answer(previous standalone question)`` gives the last answer's text when a reference needs
    it; ``weight(word)`` ranks the previous question's words when only a few of them are carried over."""
    previous = next((h for h in reversed(history) if h.strip()), "")
    if not previous:  # nothing to lean on: asked as typed, without parsing it for cues (a parse costs ~8 ms)
        return Resolution(question)
    if alone := topic_changed(question):  # "switching topics, ...": asked alone, without the earlier questions
        return Resolution(question, _finish(alone))
    if paired := interval_followup(question, history):  # "which came first?", "how long between them?"
        return Resolution(question, paired, (PAIRED_CUE,), previous)
    if swapped := reversed_parties(question, previous):  # "and the other way round?": a question of its own now,
        return Resolution(question, swapped, tied_to=previous)  # which the sentence that answered may answer too
    if agent := agent_fragment(question, previous):  # "triggered by?": what did that to the previous subject
        return Resolution(question, agent, ("agent asked",), previous)
    if pair := between_pair(question, previous):  # "how's the outlook between the two?": the two named
        rest = resolve(pair, history, previous_answer, params, weight, similar)
        return replace(rest, question=question) if rest.unresolved else Resolution(
            question, rest.searched or _finish(without_leaders(pair)), (*rest.cues, "both named"), previous)
    found = cues(question, params)
    if named := named_lead(question):
        if params.aspect_lead and lead_names_nothing(question) and not _asks_alike(question, previous):
            # "who got blamed?" + "what about the scale, how bad was it?": an aspect of the earlier topic
            named = _finish(f"{named.rstrip('?')} {_missing_words(Antecedents(previous, None).find('thing'), named)}")
        return Resolution(question, named, ("named in the question",), previous)
    answer = (lambda: previous_answer(previous)) if previous_answer and params.use_answer else None
    if moved := shifted_date_question(question, history, answer):  # "and the day after?"
        return Resolution(question, moved, ("date moved",), previous)
    if dated := dated_in_question(question, history, answer):  # "what was the backdrop at the time?": its date,
        # then whatever else the question leans on
        rest = resolve(dated, history, previous_answer, params, weight, similar)
        if rest.unresolved:
            return replace(rest, question=question)
        searched = rest.searched or _finish(without_leaders(dated))
        return Resolution(question, searched, (*rest.cues, "date named"), previous)
    if near := neighbour_followup(question, previous):  # "which one comes after the cyber one?" after the contents
        return Resolution(question, near, (*found, ITEM_CUE), previous)
    if other := another_section(question, previous):  # "and the one about the west?" after a section's name
        return Resolution(question, other, (*found, ITEM_CUE), previous)
    if item := item_question(question, apostrophes(without_leaders(previous)), answer):  # "the other two?"
        return Resolution(question, item, (*found, ITEM_CUE), previous)
    if item := narrowed_item(apostrophes(question), previous):  # "ok whats the first rule"
        return Resolution(question, item, (*found, ITEM_CUE), previous)
    if optioned := option_swap(question, previous):  # "and -B?": the previous question of that option
        return Resolution(question, _finish(optioned), (*found, "option swapped"), previous)
    if not found:
        return Resolution(question, cues=found)
    refs = Antecedents(previous, answer, weight, params.gist_terms, params.topic_phrases,
                       similar if params.parallel_swap else None, params.claim_words)
    definite = any(c.startswith("definite") for c in found)
    group = refs.organisation() if definite else None
    if definite and group is None:  # "the group" with no organisation named before
        found = tuple(c for c in found if not c.startswith("definite"))
        strong = [c for c in found if c not in WEAK]
        if not strong or strong == ["short"]:  # nothing else leans on the history: asked as typed
            return Resolution(question)
    core = spelled_out(apostrophes(without_asides(without_leaders(question))))  # "whats his name"; "the us"
    parsed = syntax(core)
    if "no subject" in found and (said := subject_first(parsed, lambda: refs.find("thing"))):  # "hosted in albania ..."
        return Resolution(question, _finish(said), found, previous)
    pieces, missing = [], []
    used: set[str] = set()
    for t in parsed.tokens:
        if group_noun(t, parsed.tokens) and group:  # "the group": the organisation the previous turn named
            pieces[-1:] = [group]  # "the" gives way to the name
            used.add(group)
            continue
        if pro_one(t, parsed.tokens) and t.i and parsed.tokens[t.i - 1].tag == "WDT" and (
                instance := refs.instance()):  # "could it go to an alliance?" + "which one?": which alliance
            kind_named = instance.split(" ", 1)[1]
            pieces.append(kind_named)
            used.add(kind_named)
            continue
        if pro_one(t, parsed.tokens):  # "in one": the previous phrase; "the first one": its noun
            kind: str | None = "thing" if pro_one(t, parsed.tokens, bare=True) else "noun"
        else:
            kind = _reference_kind(t.text.lower(), t.tag, t.dep, parsed.tokens[t.head].lemma,
                                   misread_determiner(t, parsed.tokens))
        if kind and (named_before(parsed, t.i) or resolved_within(parsed, t.i) or clause_before(parsed, t.i)
                     or fronted_topic(parsed, t.i)
                     or (kind == "place" and place_before(parsed, t.i))):
            kind = None
        if kind and fronted_time_frame(parsed, t.i):  # "and before that, how long had X been ...?": what follows
            pieces[-1:] = ["", ""]  # the comma stands alone, the frame (its preposition and "that") is left out
            used.add(t.text)
            continue
        if kind in ("thing", "group") and one_of(parsed.tokens, t.i) and (instance := refs.instance()):
            pieces[-2:] = ["", ""]  # "is it *one of those*?": "is it a WITHOUT ROWID table?"
            pieces.append(instance)
            used.add(instance)
            continue
        noun = parsed.tokens[t.i + 1 if misread_determiner(t, parsed.tokens) else t.head].lemma
        target = refs.find(kind, noun, t.text) if kind else None
        if kind in ("thing", "group") and (same_role := parallel_phrase(parsed, t.i, refs.parsed)):
            target = same_role  # "which country offered cyber aid?" + "when did they offer it?": the aid
        if kind == "group" and (between_two(t, parsed.tokens) or mutual(t, parsed.tokens)) and (
                both := both_parties(refs.parsed)):  # "their ties", "how do they talk to each other?"
            target = both
        if kind in ("thing", "group") and target and _named(target, parsed):  # "is albania in it?": not albania
            target = other_phrase(previous, parsed)
        if kind == "event" and (action := action_phrase(previous) or (
                happened_subject(parsed, t.i) and gerund_clause(previous))):
            target = action  # "why isn't that recommended?": what was asked; "why was that a big deal?": what happened
        if (kind == "thing" or (kind == "event" and t.dep == "nsubj")) and event_it(parsed, t.i) and \
                (clause := gerund_clause(previous)):  # "it led to", "what did that lead to?"
            target = clause
        if (verb := clitic_verb(parsed.tokens, t.i)) and t.i and pieces and pieces[-1] != parsed.tokens[t.i - 1].text:
            pieces[-1] += " "  # "theyre", "they've" after a replaced pronoun: "main reasons are", not "...re"
            pieces.append(verb)
            continue
        if kind is None or phrase_key(target) in {phrase_key(u) for u in used}:  # not a reference, or its
            # phrase is already in the question ("when did *he* say *that*": not "the western diplomat" twice)
            pieces.append(t.text)
        elif not target:
            pieces.append(t.text)
            missing += [] if kind == "determiner" else [t.text]
        else:
            used.add(target)
            if kind == "group":
                target = in_number(counted_members(target, parsed.tokens, t.i), t.text)
            pieces.append(f"{target}'s" if t.text.lower() in POSSESSIVE and kind != "determiner" else target)
    if missing and not used:  # it refers to something, and the earlier question offers nothing it can be
        return Resolution(question, cues=found, tied_to=previous,
                          unresolved=f"could not tie {', '.join(repr(m) for m in missing)} to the earlier question "
                                     f"\u201c{previous}\u201d")
    text = "".join(piece + " " * t.space for piece, t in zip(pieces, parsed.tokens))
    date = refs.find("date") if "'then'" in found else None
    text = dated_then(text, date) if date else text
    substituted = pieces != [t.text for t in parsed.tokens] or bool(date)
    fragment = any(c in ("no verb", "no subject", "what about") or c.startswith("continuing") for c in found)
    if "condition alone" in found:
        text = _under(previous, text)
    elif "what about" in found and not substituted and (swapped := about_swap(text, previous)):
        text = swapped
    elif swapped := one_swap(core, previous):  # "and the one about a religious figure?": another of the kind
        text = swapped
    elif counted := counted_question(core, previous) or noun_for_count(text, previous):  # "how many?" / "how many
        # are there now?": of what the previous question was about or counted
        text = counted
    elif fragment or (("short" in found or "wh-word alone" in found) and not substituted):
        if not more_on(core):  # "anything more on Israel and Albania's ties?": its own topic, searched as it stands
            text = merge(refs, text, wh_phrase(core), WH_ALIASES, "" if substituted else core)
    if "comparison" in found and len(history) > 1:
        text = f"{text} {Antecedents(history[-2], None, weight, params.gist_terms).gist()}"
    searched = _finish(text)
    extra = refs.context(searched, params.context_terms)
    searched = f"{searched} ({extra})" if extra else searched
    if searched.rstrip("?").lower() == question.strip().rstrip("?").lower():
        return Resolution(question, cues=found)
    return Resolution(question, searched, found, previous)


def resolve_conversation(
    question: str, history: Sequence[str], answer_of: Callable[[int, str], str] | None = None,
    params: FollowupParams = PARAMS, weight: Callable[[str], float] | None = None, similar: Similar | None = None,
    cased: Callable[[str], str] | None = None,
) -> tuple[Resolution, list[str]]:
    """``question``'s resolution after ``history`` (as asked, oldest first), each earlier question resolved against
    the ones before it; also returns those standalone earlier questions. ``answer_of(i, standalone question)``:
    the text of turn ``i``'s answer, asked for only when a reference needs it; ``cased(question)``: the question
    with initials typed in lower case written as the documents write them ("the mek" → "the MEK"), read so when
    there is history (a question that reads as typed is searched as typed)."""
    standalone: list[str] = []
    for turn, earlier in enumerate([*history, question]):
        previous = (lambda text, i=turn - 1: answer_of(i, text)) if answer_of and turn else None
        read = cased(earlier) if cased and history else earlier
        resolution = resolve(read, standalone, previous, params, weight, similar)
        if resolution.searched is None:
            resolution = replace(resolution, question=earlier)
        elif resolution.cues and standalone:  # "how are they regarded?" after "what does the roots section say ...?"
            resolution = replace(resolution, searched=kept_frame(resolution.searched, standalone[-1]))
        standalone.append(without_confirming(resolution.searched or read))
    return resolution, standalone[:-1]
