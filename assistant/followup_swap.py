"""Parallel fragments: "and attempts?" after "What's the default timeout in resolv.conf?" asks the same question of
another thing, so the fragment takes the place of the previous question's word it parallels, the one nearest to it
in meaning ("timeout"), and everything else of the previous question stays as written; a fragment naming an entity
("what about Kosovo?") takes the place of the previous question's entity of the same kind (``entity_swap``), and
"what about X?" after a question *about* something asks it about X (``about_swap``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.nlp import WH_TAGS, Syntax, Token, syntax
from assistant.terms import ARTICLES, STOPWORDS, stem

Similar = Callable[[str, Sequence[str]], Sequence[float]]
"""How near in meaning a word or phrase is to each of some others (cosine of their embeddings; those the documents
list beside it first: ``followup_siblings``)."""
_SWAPPABLE = ("NOUN", "PROPN", "ADJ", "NUM", "X")
MAX_FRAGMENT_WORDS = 3
_PREPOSITIONS = frozenset("about above across after against along among around at before behind below beside between by "
                          "during for from in inside into near of off on onto outside over since through to toward "
                          "towards under until upon with within without".split())


def _words(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each whitespace-separated word of ``text``, without surrounding punctuation."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\s\"'“”(),;:?!]+(?:[.'’][^\s\"'“”(),;:?!]+)*", text)]


_VARIANT = re.compile(r"([A-Za-z]+)(\d+(?:\.\d+)*)")


def variant_swap(fragment: str, previous: str) -> str | None:
    """ "and v6?" after "What does Acquire::ForceIPv4 do?": the fragment is another version of the end of a word
    of the previous question (the same letters, other digits), so it takes that end's place ("ForceIPv6"); None
    when the fragment is no such word or no word of the previous question ends that way."""
    own = _VARIANT.fullmatch(re.sub(r"(?i)^(?:the|a|an)\s+", "", fragment.strip(" ?.!")))
    if not own:
        return None
    letters, digits = own.groups()
    for found in re.finditer(rf"(?i){re.escape(letters)}(\d+(?:\.\d+)*)\b", previous):
        if found.group(1) != digits:
            return f"{previous[:found.start(1)]}{digits}{previous[found.end(1):]}".rstrip(" ?")
    return None


def parallel_swap(fragment: str, previous: str, similar: Similar) -> str | None:
    """The previous question with the word ``fragment`` parallels replaced by the fragment ("and attempts?" after
    "What's the default timeout in resolv.conf?" → "What's the default attempts in resolv.conf"; a compound noun
    takes the place of a whole compound: ``_compound_span``); None when the fragment holds a verb beside other
    words or more than a few words, or the previous question has no noun or adjective."""
    if variant := variant_swap(fragment, previous):
        return variant
    phrase = re.sub(r"(?i)^(?:the|a|an)\s+", "", fragment.strip(" ?.!"))
    own = syntax(phrase).tokens
    compound = _noun_compound(own)
    if not phrase or len(_words(phrase)) > MAX_FRAGMENT_WORDS or (  # a lone word is a noun here ("attempts")
            len(own) > 1 and not compound and any(t.pos in ("VERB", "AUX") for t in own)):
        return None
    swappable, modifiers, offsets, at = [], [], {}, 0
    prior = syntax(previous).tokens
    for token in prior:  # which words of the previous question hold a noun or an adjective
        at = previous.find(token.text, at)
        if token.pos in _SWAPPABLE and token.tag not in WH_TAGS and token.text.lower() not in STOPWORDS and at >= 0:
            swappable.append(at)
            modifiers += [at] if token.pos == "ADJ" and token.dep == "amod" else []
        if at >= 0:
            offsets[token.i] = at
    options = [(s, e) for s, e in _words(previous) if any(s <= i < e for i in swappable)]
    if compound:  # "and connection attempts?" parallels a whole compound noun ("password prompts"), not one word
        compounds = {at: span for i, at in offsets.items() if (span := _compound_span(prior, prior[i], offsets))}
        spans = sorted({compounds[s] for s, _ in options if s in compounds and s not in modifiers})
        options = [(s, e) for s, e in spans if " " in previous[s:e].strip()] or spans
    if not options:
        return None
    scores = similar(phrase, [previous[s:e] for s, e in options])
    start, end = options[max(range(len(options)), key=lambda i: scores[i])]
    if start in modifiers and own[-1].pos in ("NOUN", "PROPN"):  # "and the outlook?" nearest to "direct": no
        return None  # counterpart, a noun takes no adjective's place: the fragment is asked of its own
    start = _modified_from(prior, offsets, start, own)
    before = re.search(r"(\w+)\s+$", previous[:start])
    if own[0].pos == "ADP" and before and before.group(1).lower() in _PREPOSITIONS:  # "with Israel" + "and with
        start = before.start(1)  # the Americans?": the fragment's preposition takes the place of the one before
    return f"{previous[:start]}{phrase}{previous[end:]}".rstrip(" ?")


def _modified_from(tokens: Sequence[Token], offsets: dict[int, int], start: int, own: Sequence[Token]) -> int:
    """Where the replaced word's modifiers begin when the fragment names the same thing with modifiers of its own
    ("and the english name?" after "what's the farsi name of the MEK?": "english name" takes the place of "farsi
    name", not of "name" alone); ``start`` otherwise."""
    at = next((i for i, o in offsets.items() if o == start), None)
    if at is None or len(own) < 2 or own[-1].lemma.lower() != tokens[at].lemma.lower():
        return start
    mods = [t.i for t in tokens if t.head == at and t.dep in ("amod", "compound", "nmod") and t.i < at]
    return offsets.get(min(mods), start) if mods else start


def _noun_compound(own: Sequence[Token]) -> bool:
    """Whether a fragment of two or three words is a noun with nouns before it ("retry attempts"; "connection
    attempts", though the parser reads its plural noun as a verb: a fragment has no subject to act)."""
    if len(own) < 2 or not all(t.pos in ("NOUN", "PROPN") for t in own[:-1]):
        return False
    last = own[-1]
    return last.pos in ("NOUN", "PROPN") or (last.tag == "VBZ" and last.text.lower().endswith("s"))


def _compound_span(tokens: Sequence[Token], token: Token, offsets: dict[int, int]) -> tuple[int, int] | None:
    """The characters of the whole compound noun ``token`` belongs to (its head noun with the nouns that modify it:
    "password prompts" for "password" or "prompts"), from the tokens' character ``offsets``; None when a member's
    offset is unknown."""
    head = tokens[token.head] if token.dep == "compound" else token
    members = [t.i for t in tokens if t.i == head.i or (t.head == head.i and t.dep == "compound")]
    first, last = min(members), max(members)
    if first not in offsets or last not in offsets:
        return None
    return offsets[first], offsets[last] + len(tokens[last].text)


_ONE_WITH = re.compile(r"(?i)^\W*(?:(?:and|so|ok|or)\s+)*(?:what about\s+)?(?:the|that)\s+ones?\s+"
                       r"(?P<prep>about|on|regarding|concerning)\s+(?P<phrase>[^?]+?)\W*$")
"""A follow-up that names another member of the previous question's kind by what it has ("and the one about a
religious figure?", "the one on cyber aid?"): a topic, not "the one with X", which names what it has)."""


def one_swap(question: str, previous: str) -> str | None:
    """ "and the one about a religious figure?" after "which related link is about oliver north?": the previous
    question with the object of its phrase of the same preposition replaced (``about_swap``); None when the question
    is not of that form or the previous question has no such phrase."""
    match = _ONE_WITH.match(question.strip())
    return about_swap(match["phrase"], previous, match["prep"].lower()) if match else None


_CLAUSE_DEPS = frozenset({"dobj", "prt", "nsubj", "nsubjpass", "prep", "advmod", "agent"})
"""What a verb has when it heads a clause of its own ("*the mek* arriving", "taking *in* *the mek*")."""


def gerund_fragment(fragment: Syntax) -> bool:
    """Whether a fragment is an event told by a gerund clause ("taking in the mek", "the mek arriving"), which takes
    the place of the previous question's whole event rather than of one of its names; not a gerund that only
    describes a noun ("floating point")."""
    toks = fragment.tokens
    return any(t.dep == "ROOT" and t.tag == "VBG" and any(c.head == t.i and c.dep in _CLAUSE_DEPS for c in toks)
               for t in toks)


def about_swap(fragment: str, previous: str, preposition: str = "about") -> str | None:
    """ "and what about alliances?" after "What lesson does the case teach about cyber warfare?": the previous
    question asked *about* something, and "what about" asks the same of another thing, so the fragment takes the
    place of the whole object of that "about" ("... teach about alliances"; or of another ``preposition``); None
    when the previous question has no such phrase or the fragment is empty."""
    phrase = fragment.strip(" ?.!")
    if not phrase:
        return None
    parsed = syntax(previous)
    toks = parsed.tokens
    about = next((t for t in reversed(toks) if t.text.lower() == preposition and t.dep == "prep"), None)
    topic = next((t for t in toks if about is not None and t.head == about.i and t.dep == "pobj" and t.i > about.i
                  and t.tag not in WH_TAGS), None)  # not "what is the article about?"
    if topic is None:
        return None
    covered = parsed.subtree(topic.i)
    start, end = min(covered), max(covered) + 1
    pieces = [t.text + " " * t.space for t in toks[:start]] + [phrase + " "] + \
        [t.text + " " * t.space for t in toks[end:]]
    return "".join(pieces).strip().rstrip(" ?")


_STANCE_NOUNS = frozenset("side part end view take perspective stance position reaction response role".split())
"""Nouns that ask the previous question of another party ("and iran's side of it?"), not a topic of their own."""


def adds_topic(own: Syntax, previous: Syntax) -> bool:
    """Whether a fragment asks about a thing its name owns that the previous question lacks ("what about tirana's
    *push* on the world stage?" after "what does albania say the cyberattack was?"): a topic of its own, not a name
    to swap into the previous question; a noun of stance ("and iran's *side* of it?") asks that question of another
    party, and a name with no possessive ("what about gnome on wayland?") is swapped in whole."""
    asked = {stem(t.text.lower()) for t in previous.tokens}
    owned = (own.tokens[t.head] for t in own.tokens if t.dep == "poss")
    return any(t.pos == "NOUN" and t.lemma.lower() not in _STANCE_NOUNS and stem(t.text.lower()) not in asked
               for t in owned)


_NAMING = re.compile(r"(?:and )?(?:called|named|name|known as|aka|a\.k\.a\.|its name|the name)")


def naming_fragment(own: Syntax) -> bool:
    """Whether a fragment only asks what the thing is called ("called?", "name?", "aka?"), as "otherwise known as?"
    does: it names nothing to swap into the previous question."""
    return bool(_NAMING.fullmatch(" ".join(t.text for t in own.tokens if t.pos != "PUNCT").lower()))


def entity_swap(previous: Syntax, own: Syntax) -> str | None:
    """The ``previous`` question with its entity (or proper name) of the fragment's kind replaced by the
    fragment's ("When did Albania recognize Israel?" + "what about Kosovo?"), None when there is none; the
    previous question's own entity swaps nothing in ("MEK's name" after "where did the MEK ...?"), but the fragment's two
    entities the other way round exchange them (``_exchanged``)."""
    if (exchanged := _exchanged(previous, own)) is not None:
        return exchanged
    toks = [t.text for t in previous.tokens]
    known = {previous.span(s, e).lower() for s, e, _ in previous.ents}
    for start, end, label in own.ents:
        if own.span(start, end).lower() in known:
            continue  # the previous question's own: nothing new to swap in
        same = [e for e in previous.ents if e[2] == label and label not in ("ORDINAL", "CARDINAL")]
        if same:
            s, e, _ = same[-1]
            if s and toks[s - 1].lower() in ARTICLES and own.tokens[start].pos == "PROPN" and not (
                    start and own.tokens[start - 1].text.lower() in ARTICLES):
                s -= 1  # "and israel?" after "how close is albania to the US?": a name typed without the article
            return " ".join([*toks[:s], own.span(start, end), *toks[e:]])
    names = [t.i for t in own.tokens if t.pos == "PROPN" or (t.text.isupper() and len(t.text) > 1)]
    theirs = [t.i for t in previous.tokens if t.pos == "PROPN" or (t.text.isupper() and len(t.text) > 1)]
    if names and theirs and not previous.ents:
        s, e = theirs[-1], theirs[-1] + 1
        while s > 0 and s - 1 in theirs:
            s -= 1
        return " ".join([*toks[:s], own.span(names[0], _with_attached(own, names[-1] + 1)), *toks[e:]])
    return None


_OPTION_ALONE = re.compile(r"(?i)^\W*(?:(?:and|or|so|ok|okay|then|what|how)\W+)*(?:(?:about|for|with)\s+)?"
                           r"(--?[a-z][\w-]*)\s*\??\s*$")
"""A fragment that is a command-line option alone ("and -B?", "what about --graph?", "and for --context?")."""
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*(?:[ =]\d+\b)?")
"""An option of the previous question, with a number it takes ("-A 3"); not a hyphenated word ("full-blown")."""


def option_swap(fragment: str, previous: str) -> str | None:
    """The ``previous`` question with its last command-line option (and the number it takes) replaced by the
    fragment's option alone ("what does grep -A 3 do?" + "and -B?" → "what does grep -B do?"); None unless the
    fragment is only an option and the previous question has one."""
    alone = _OPTION_ALONE.match(fragment)
    found = list(_OPTION.finditer(previous)) if alone else []
    if not alone or not found:
        return None
    last = found[-1]
    return f"{previous[:last.start()]}{alone.group(1)}{previous[last.end():]}"


_VALUES = frozenset({"ORDINAL", "CARDINAL", "DATE", "TIME", "QUANTITY", "MONEY", "PERCENT"})
"""Entity labels of values, not of named things: a date of the question stays where it is when names exchange."""


def _exchanged(previous: Syntax, own: Syntax) -> str | None:
    """The ``previous`` question with its two entities exchanged when the fragment names the same two the other
    way round ("where is albania's embassy in israel?" + "and israel's in albania?" → "where is israel's embassy in
    albania?"); None otherwise."""
    theirs = [(s, e) for s, e, label in previous.ents if label not in _VALUES]
    mine = [own.span(s, e).lower() for s, e, label in own.ents if label not in _VALUES]
    if len(theirs) != 2 or len(mine) != 2:
        return None
    names = [previous.span(s, e) for s, e in theirs]
    if [n.lower() for n in names] != mine[::-1] or mine[0] == mine[1]:
        return None
    toks = [t.text for t in previous.tokens]
    (s1, e1), (s2, e2) = theirs
    return " ".join([*toks[:s1], names[1], *toks[e1:s2], names[0], *toks[e2:]])


def _with_attached(parsed: Syntax, stop: int) -> int:
    """Where a fragment's name ends with the prepositional phrase after it ("gnome *on wayland*"): the name is
    swapped in with what it is on, in or for; ``stop`` (the name's end) when no such phrase follows."""
    rest = [t for t in parsed.tokens[stop:] if t.pos != "PUNCT"]
    if rest and rest[0].pos == "ADP" and all(t.pos in ("ADP", "DET", "NOUN", "PROPN", "ADJ", "NUM") for t in rest):
        return rest[-1].i + 1
    return stop


_REVERSED = re.compile(r"(?i)^\W*(?:(?:and|so|but|ok|okay|what about|how about)\W+)*(?:the\s+)?"
                       r"(?:other\s+way\s+a?round|vice\s+versa|reverse)\W*$")
"""A follow-up that asks the previous question with its two parties swapped ("and the other way round?")."""


def reversed_parties(question: str, previous: str) -> str | None:
    """The previous question with the two parties it names (people, groups, places) in each other's place, when
    ``question`` asks for it the other way round ("does albania keep an embassy in israel?" + "and the other way
    round?": "does israel keep an embassy in albania?"); None otherwise."""
    if not _REVERSED.match(question):
        return None
    parsed = syntax(previous)
    named = {i for s, e, _ in parsed.ents for i in range(s, e)}
    spans = sorted({(s, e) for s, e, label in parsed.ents if label in ("PERSON", "ORG", "NORP", "GPE")}
                   | {(t.i, t.i + 1) for t in parsed.tokens if t.pos == "PROPN" and t.i not in named})  # "albania"
    names = [parsed.span(s, e) for s, e in spans]  # typed in lower case: a proper noun the tagger names no entity
    if len(spans) != 2 or names[0].lower() == names[1].lower():
        return None
    first, second = [re.search(rf"(?i)\b{re.escape(n)}\b", previous) for n in names]
    if not first or not second or first.start() >= second.start():
        return None
    return (f"{previous[:first.start()]}{second.group(0)}{previous[first.end():second.start()]}{first.group(0)}"
            f"{previous[second.end():]}")
