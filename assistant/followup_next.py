"""Continuations: a follow-up that asks for what comes after the previous answer ("anything else?", "the other
two?", "what comes next?") is answered from the sentences that follow the previous answer's citations in their
document, not by searching again.

Stages: ``continuation`` decides from the question alone (a continuing word and nothing of its own to search for)
and reads how many sentences it asks for; ``following`` walks the document from the last cited sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answer.places import asked_item
from assistant.answer.text_values import YEAR
from assistant.nlp import Syntax, syntax
from assistant.schema import Sentence, Span
from assistant.terms import STOPWORDS, content_stems, stem

CONTINUING = frozenset({"other", "others", "rest", "remaining", "else", "next", "more", "another", "further"})
"""Words that ask for what the previous answer left out or what comes after it."""
SINGULAR = frozenset({"next", "another"})
"""Continuing words that ask for one more step ("what happened next?"): the next paragraphs, read two sentences
deep (the step may sit behind a transition sentence: "The attribution led to a swift response. On September 7
...")."""
ORDINALS = {"second": "first", "third": "second", "fourth": "third", "fifth": "fourth", "sixth": "fifth"}
"""An ordinal continues the previous turn when that turn held the ordinal before it ("the first lesson" → "and the
second?"): it asks for one more paragraph."""
GENERIC = frozenset({"come", "follow", "happen", "occur", "be", "have", "do", "go", "one", "ones", "thing", "things",
                     "say", "mention", "list", "give", "take", "step", "steps", "move", "there", "then", "that", "after",
                     "also", "too"})
"""Words a continuation may hold besides its continuing word without asking about anything new."""
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
LINE_BREAK = re.compile(r"\n")
LONG_LINE = 100  # characters: a text whose median line is longer writes a paragraph a line
_AFTER = re.compile(r"(?i)\b(?:after (?:that|this|it|him|her|them)|what (?:comes|came) (?:next|after)|and then"
                    r"|what followed(?=\W*(?:(?:that|this|it)\W*)?$))\b")  # "what followed?", "what followed that?"
_LEADING_THEN = re.compile(r"(?i)^\W*then\W+what\W*(?:happened\W*)?$")
""""then what?", "then what happened?": "and then what happened?" with its "and" unsaid."""
_NEXT_FOR = re.compile(r"(?i)\bnext for\b")
OPENER = r"^\W*(?:(?:and|so|ok|okay|then)\W+)?"
"""A follow-up's opening word of conversation, read past ("and ...", "ok ...")."""
_SAYS = re.compile(r"(?i)" + OPENER + r"what (?:does|did) (?:it|that|this|he|she|they) "
                   r"(?:say|argue|claim|suggest|recommend|propose|call for)\b")
"""What the previous answer's subject goes on to say ("what does it say is urgently needed because of that?" after
the first lesson): the words of the rest, looked for near that answer."""
_ECHO = re.compile(r"(?i)" + OPENER + r"(?P<said>(?:to\s+)?[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2})"
                   r"\s+what(?:\W+(?:exactly|precisely|then|again|after that|before that))?\W*$")
"""A fragment of the previous answer echoed with "what?" ("demonstrating what?", "to deepen what?"): the rest of the
sentence that holds its words, near that answer."""
LOOKED_FOR_NEAR = frozenset({"says", "echo"})
"""Cues whose words are looked for near the previous answer, its best sentence included."""
_GO_ON = re.compile(r"(?i)^\W*(?:(?:ok|okay|please|and)\W+)*(?:keep going|go on|carry on|continue)\W*(?:please)?\W*$")
"""A question that only asks the speaker to go on ("keep going", "go on, please"): it asks for more."""


@dataclass(frozen=True)
class ContinuationParams:
    """The continuation reader's choices, compared on the conversations' tuning parts only (article + nine
    collections, 62 answerable follow-ups, 2026-11-30): on 39 right, off 37; reading the next sentences instead of
    the next paragraphs 38; 3 sentences or 2 of each paragraph tied (the smaller kept). The singular reading and
    reading on from the best-scored citation were chosen on article + fourteen collections (108 answerable, issue
    16d): 66 -> 68 right. Issue 16j (all fifteen collections' tune parts and the article's): the rest of the answer
    leading "anything else?" +1; "what else ...?" of its own read near the answer +3 at 2 or 3 paragraphs (1 paragraph
    the same answers, one citation fewer), no loss."""

    enabled: bool = True
    sentences: int = 2  # sentences read after the previous answer when the question names no number
    own_words: int = 0  # content words of its own a continuation may hold beyond the previous turn's words
    by_paragraph: bool = True  # read the next paragraphs (list items), not the next sentences
    per_paragraph: int = 1  # sentences read of each following paragraph
    single_paragraphs: int = 2  # paragraphs a singular continuation ("what happened next?") reads (tune: 1 -1)
    single_each: int = 2  # sentences of each of them (tune: 1 -1; the step may sit behind a transition sentence)
    dated_step: bool = True  # a dated answer's next step leads: its paragraph's next dated sentence, even if shown
    # (issue 16v, tune: +1 cv-ar-454, no other answer changed; the next unshown sentence of that paragraph: no verdict)
    paragraph_rest: int = 2  # an undated step ("what happened next?"): the sentences after the best citation in
    # its paragraph lead, shown or not
    from_best: bool = True  # read on from the answer's best-scored citation, not its last one
    said_first: bool = True  # "anything else?": the answer's other cited sentences lead (issue 16j tune: +1, no loss)
    near_paragraphs: int = 2  # "what else will X do?": paragraphs read after the best citation (tune: 2, 3 +3; 0 off)
    question_words: int = 5  # content words that make a question of its own, even when the previous turn holds them
    # all (issue 16p: tune follow-ups read as continuations hold at most 4, their written-out questions 3 to 13)


CONTINUATION = ContinuationParams()


@dataclass(frozen=True)
class Continuation:
    """A question that asks for what follows the previous answer, and how many sentences to read."""

    question: str
    count: int
    cue: str
    each: int | None = None  # sentences of each paragraph, when not ``params.per_paragraph``
    besides: bool = False  # asks for what was left besides the direct answer ("else", "the other two"), not a next step
    terms: tuple[str, ...] = ()  # "what else will *tirana* do?": its words the previous question lacks, to look for
    step: bool = False  # asks for one more step of a story or a procedure ("what happened next?")


def continuing_cue(question: str) -> str | None:
    """The continuing word or phrase of ``question`` ("else", "the other", "after that", an ordinal such as
    "second"; "more" for a bare "keep going"), None without one."""
    return _cue(question)[0]


def _cue(question: str) -> tuple[str | None, bool]:
    """``question``'s continuing cue (``continuing_cue``) and whether it only asks to go on ("keep going")."""
    if _GO_ON.match(question):
        return "more", True
    if _LEADING_THEN.match(question):
        return "and then", False
    if _SAYS.match(question):
        return "says", False
    if _ECHO.match(question):
        return "echo", False
    found = next((w for w in re.findall(r"[\w']+", question.lower()) if w in CONTINUING or w in ORDINALS), None)
    return found or (m.group(0).lower() if (m := _AFTER.search(question)) else None), False


def continuation(question: str, previous: Sequence[str] = (),
                 params: ContinuationParams = CONTINUATION) -> Continuation | None:
    """``question`` as a continuation of the previous turn (None when it asks something of its own): a continuing
    word ("else", "other", "next", "after that") and no content words but generic ones, or ones the previous
    question or answer (``previous``: the question first) already holds, at most ``params.own_words`` others; an
    ordinal only after the one before it. A question with ``params.question_words`` content words or more asks
    something of its own even when the previous turn holds them all ("what is the second lesson the article draws
    from the case?" is searched, not read on from the answer). "Else" with words of its own ("what else will tirana
    do?") asks for more of the same near the answer: a continuation carrying the words the previous question lacks
    (``terms``)."""
    cue, going_on = _cue(question)
    if cue is None or not params.enabled or _NEXT_FOR.search(question):
        return None  # "what's next for tirana?" asks what the future holds for it (``wording.IDIOMS``)
    if going_on:  # "keep going": more of the same, nothing of its own
        return Continuation(question, params.sentences, cue, besides=True)
    if cue in LOOKED_FOR_NEAR:  # "what does it say is needed?", "demonstrating what?": its words near the answer;
        # none of them: a question of its own
        said = question[_SAYS.match(question).end():] if cue == "says" else _ECHO.match(question).group("said")
        rest = syntax(said).tokens
        terms = tuple(t.text.lower() for t in rest if t.pos in ("NOUN", "PROPN", "VERB", "ADJ", "ADV")
                      and t.lemma not in GENERIC and t.text.lower() not in STOPWORDS)
        return Continuation(question, 1, cue, besides=True, terms=terms) if terms else None
    if cue in ORDINALS and not any(re.search(rf"\b{ORDINALS[cue]}\b", text.lower()) for text in previous):
        return None  # "the second chapter" with no first before it: a question of its own
    parsed = syntax(question)
    lowered = [t.text.lower() for t in parsed.tokens]
    if _own_time(parsed, previous):
        return None  # "and then in 2023?" after "... in july 2022?": what happened at a time of its own
    if any(t.text.lower() in CONTINUING and t.dep == "amod" and parsed.tokens[t.head].lemma not in GENERIC
           and parsed.tokens[t.head].pos != "NUM" for t in parsed.tokens):
        return None  # "the other end": a contrast with something named, not what comes next
    worded = [t.lemma for t in parsed.tokens if t.pos in ("NOUN", "PROPN", "VERB", "ADJ") and t.lemma not in GENERIC
              and t.lemma not in CONTINUING and t.text.lower() not in ORDINALS and t.text.lower() not in STOPWORDS]
    if len(worded) >= params.question_words:
        return None  # "what is the second lesson the article draws from ...?": a question, whatever came before
    if previous and new_subject(parsed, syntax(previous[0])):
        return None  # "and what did iran do after that?" after "what did Albania do ...?": another's next step
    earlier = {t.lemma for text in previous for t in syntax(text).tokens}
    own = [lemma for lemma in worded if lemma not in earlier]
    if len(own) > params.own_words:
        if cue != "else" or not params.near_paragraphs:
            return None
        before = {t.lemma for t in syntax(previous[0]).tokens} if previous else set()
        terms = tuple(t.text.lower() for t in parsed.tokens if t.pos in ("NOUN", "PROPN", "VERB", "ADJ")
                      and t.lemma not in GENERIC and t.lemma not in CONTINUING and t.lemma not in before
                      and t.text.lower() not in STOPWORDS)
        return Continuation(question, params.sentences, cue, besides=True, terms=terms)
    number = next((_NUMBERS[w] for i, w in enumerate(lowered) if w in _NUMBERS and i > 0
                   and lowered[i - 1] in CONTINUING), None)
    if cue in ORDINALS:
        return Continuation(question, 1, cue)
    if number is None and (cue in SINGULAR or _AFTER.fullmatch(cue)):  # "what happened next?": one more step
        return Continuation(question, params.single_paragraphs, cue, params.single_each, step=True)
    return Continuation(question, number or params.sentences, cue, besides=True)


def _own_time(parsed: Syntax, previous: Sequence[str]) -> bool:
    """Whether the question names a date or a year that the previous turn does not."""
    said = set(re.findall(r"\w+", " ".join(previous).lower()))
    return any((t.ent == "DATE" and t.text.isdigit() or YEAR.fullmatch(t.text)) and t.text.lower() not in said
               for t in parsed.tokens)  # a day or a year in digits ("the next two" may be tagged a date)


def new_subject(parsed: Syntax, previous: Syntax) -> bool:
    """Whether ``parsed``'s main verb has a subject of its own, a noun or a name that is not the previous question's
    subject ("and what did *iran* do after that?" after "What did *Albania* do after ...?"): it asks what another
    did, not for more of the previous answer's story. The subject must follow its verb's auxiliary, as a question's
    does ("did *iran* respond?"); a pronoun, a wh-word, a generic word ("what *things* came next?") or a
    subject the question does not ask about ("the next step *albania* took?") is no subject of its own."""
    toks = parsed.tokens
    subjects = {t.text.lower() for t in previous.tokens if t.dep in ("nsubj", "nsubjpass")}
    return any(t.dep in ("nsubj", "nsubjpass") and toks[t.head].dep == "ROOT" and t.pos in ("NOUN", "PROPN")
               and t.lemma.lower() not in GENERIC and t.text.lower() not in subjects
               and t.text.lower() not in CONTINUING and _inverted(parsed, t.i) for t in toks)


def _inverted(parsed: Syntax, subject: int) -> bool:
    """Whether an auxiliary of the subject's verb stands before the subject ("what *did* iran do?")."""
    verb = parsed.tokens[subject].head
    return any(t.head == verb and t.dep in ("aux", "auxpass") and t.i < subject for t in parsed.tokens)


_CORRELATIVE = re.compile(r"(?i)\bnot only\b.+\bbut\b")


def read_from(cited: Sequence[Span], asked: str, from_best: bool) -> Span | None:
    """The previous answer's citation a continuation reads on from: its best-scored one (``from_best``), except
    after a question for an item of an enumeration ("whats the first lesson?"), whose answer opens with the item it
    found by its place: "anything else it highlights?" goes on from there. None: read on from the last cited."""
    if not from_best or not cited:
        return None
    return cited[0] if asked_item(asked) is not None else max(cited, key=lambda c: c.score)


def says_more(text: str) -> bool:
    """Whether a sentence says two things with "not only ... but (also)": an answer quoting it for the first
    holds the second, what "anything else?" asks for ("has not only reshaped ... but also cast a stark light on
    ...")."""
    return bool(_CORRELATIVE.search(text))


_ITEM = r"[\w'’-]+(?: [\w'’-]+){0,4}"
_LISTED = re.compile(rf"{_ITEM}(?:, {_ITEM})+,? (?:and|or) {_ITEM}")
"""Three or more items of a few words each, separated by commas, the last after "and" / "or"."""


def lists_more(text: str, asked: str) -> bool:
    """Whether a sentence joins to what ``asked`` (the previous question) asked about another thing it did not ask:
    a conjunct or an adverbial clause none of whose words the question has, beside one some of whose words it has
    ("prioritize strengthening its cyber defenses and deepening its security cooperation" after "will beefing up
    cyber defenses be albania's priority?"; "... view Albania through the lens of ..., potentially seeking other
    avenues ..." after "through what lens ...?"), or an item of a list written with commas that none of them has
    beside one that some of them has ("robust cybersecurity, strong international alliances, and clear red lines").
    "Anything else?" asks for that other thing."""
    if not asked:
        return False
    parsed, wanted = syntax(text), set(content_stems(asked))

    def met(root: int, without: frozenset[int] | set[int] = frozenset()) -> bool:
        return any(stem(parsed.tokens[i].lemma.lower()) in wanted for i in parsed.subtree(root) - without
                   if parsed.tokens[i].pos in ("NOUN", "PROPN", "VERB", "ADJ"))

    if any(t.dep in ("conj", "advcl") and t.head != t.i and not met(t.i) and met(t.head, parsed.subtree(t.i))
           for t in parsed.tokens):
        return True
    listed = _LISTED.search(text)  # "robust cybersecurity, strong alliances, and clear red lines": the parser may
    # miss the list, its commas do not
    items = [set(content_stems(item)) for item in re.split(r",\s*(?:and\s+|or\s+)?", listed.group())] if listed else []
    return any(item & wanted for item in items) and any(item and not item & wanted for item in items)


def said_besides(sentences: Sequence[Sentence], cited: Sequence[Span], best: Span, asked: str = "") -> list[Sentence]:
    """What the previous answer said besides its direct reply ``best`` (its best-scored citation): the other cited
    sentences of ``best``'s document (``sentences``, in document order), led by ``best`` itself when it says two
    things (``says_more``) or names another thing beside what ``asked`` asked (``lists_more``). "Anything else?"
    after a five-sentence answer asks past the one sentence that answered, and the rest of the answer is where the
    asker looks first."""
    spans = [(c.start, c.end) for c in cited if c.source == best.source and (c.start, c.end) != (best.start, best.end)]
    more = [s for s in sentences if s.start < best.end and best.start < s.end
            and (says_more(s.text) or lists_more(s.text, asked))]
    rest = [s for s in sentences if s.answerable and any(start < s.end and s.start < end for start, end in spans)]
    return [*more, *rest]


def dated(sentence: Sentence) -> bool:
    """Whether ``sentence`` names a date or a time (its index-time entities)."""
    return sentence.tags is not None and any(label in ("DATE", "TIME") for label in sentence.tags.ents)


def next_dated(sentences: Sequence[Sentence], best: Span, text: str) -> Sentence | None:
    """A story told in dates goes on at its next date: when the previous answer's best sentence ``best`` names a
    date, the first later sentence of its paragraph (``sentences`` of its document in order, ``text``) that names
    one ("On September 7, Rama cut ties. He accused Tehran. ... On September 8, diplomats were ordered to leave"),
    whether or not the answer cited it beside its reply; None otherwise."""
    at = bisect.bisect_right(sentences, best.start, key=lambda s: s.start) - 1
    if at < 0 or not dated(sentences[at]):
        return None
    breaks = paragraph_breaks(text)
    previous_end = sentences[at].end
    for sentence in sentences[at + 1:]:
        if breaks.search(text[previous_end:sentence.start]):
            return None
        previous_end = sentence.end
        if sentence.answerable and dated(sentence):
            return sentence
    return None


def rest_of_paragraph(sentences: Sequence[Sentence], best: Span, text: str, most: int) -> list[Sentence]:
    """Up to ``most`` answerable sentences after ``best`` in its paragraph (``sentences`` of its document in order,
    ``text``), whether or not the previous answer cited them: a story goes on in the sentences that follow its
    event ("The attack ... was quickly investigated. After a thorough investigation, the government blamed ...")."""
    at = bisect.bisect_right(sentences, best.start, key=lambda s: s.start)
    breaks = paragraph_breaks(text)
    out: list[Sentence] = []
    previous_end = best.end
    for sentence in sentences[at:]:
        if sentence.start < best.end:
            continue
        if breaks.search(text[previous_end:sentence.start]) or len(out) == most:
            break
        previous_end = sentence.end
        if sentence.answerable:
            out.append(sentence)
    return out


NEXT_PARAGRAPH = re.compile(r"\b(?:next|following)\s+(?:paragraph|para)\b|\bparagraph\s+(?:right\s+|just\s+)?(?:after|"
                            r"below)\s+(?:that|it|this)\b", re.IGNORECASE)
"""A follow-up asking for the paragraph after the one answered from ("and the next paragraph?")."""


def next_paragraph(sentences: Sequence[Sentence], best: Span, text: str, most: int) -> list[Sentence]:
    """Up to ``most`` answerable sentences of the paragraph after the one holding ``best`` (``sentences`` of its
    document in order, ``text``), past any heading between them, cited before or not."""
    at = bisect.bisect_right(sentences, best.start, key=lambda s: s.start)
    breaks = paragraph_breaks(text)
    out: list[Sentence] = []
    previous_end, crossed = best.end, False
    for sentence in sentences[at:]:
        if sentence.start < best.end:
            continue
        if breaks.search(text[previous_end:sentence.start]):
            if out:
                break
            crossed = True
        previous_end = sentence.end
        if crossed and sentence.answerable:
            out.append(sentence)
            if len(out) == most:
                break
    return out


def paragraph_breaks(text: str) -> re.Pattern[str]:
    """What separates paragraphs in ``text``: a line break where lines are long (a paragraph a line), else a
    blank line (hard-wrapped text)."""
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    return LINE_BREAK if lengths and lengths[len(lengths) // 2] > LONG_LINE else PARAGRAPH_BREAK


def following(sentences: Sequence[Sentence], cited: Sequence[Span], count: int, text: str,
              params: ContinuationParams = CONTINUATION, each: int | None = None,
              after: Span | None = None) -> list[Sentence]:
    """What follows the previous answer: after its cited sentence ``after`` (else the last cited one) of the first
    cited document (its ``text``, its ``sentences`` in document order, as ``Snapshot.document_rows`` finds them
    in the index), the first ``each`` (else ``params.per_paragraph``) answerable sentences of each of the next
    ``count`` paragraphs (the rest of the cited paragraph elaborates what was already answered), or with
    ``params.by_paragraph`` off the next ``count`` sentences. Only the sentences after the citation are read;
    none cited again. Empty when nothing was cited."""
    if not cited:
        return []
    source = (after or cited[0]).source
    spans = [(c.start, c.end) for c in cited if c.source == source]
    last = after.end if after is not None else max(end for _, end in spans)
    each = each or params.per_paragraph
    breaks = paragraph_breaks(text)
    out: list[Sentence] = []
    paragraph, previous_end = 0, last
    read: dict[int, int] = {}  # paragraph -> sentences taken from it
    for at in range(bisect.bisect_left(sentences, last, key=lambda s: s.start), len(sentences)):
        sentence = sentences[at]
        paragraph += bool(breaks.search(text[previous_end:sentence.start]))
        previous_end = sentence.end
        if not sentence.answerable or any(s < sentence.end and sentence.start < e for s, e in spans):
            continue
        if params.by_paragraph and (paragraph == 0 or read.get(paragraph, 0) == each):
            continue
        if params.by_paragraph and paragraph not in read and len(read) == count:
            break
        out.append(sentence)
        read[paragraph] = read.get(paragraph, 0) + 1
        if not params.by_paragraph and len(out) == count:
            break
    return out
