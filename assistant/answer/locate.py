"""Where a document talks about something: "which section covers the cyberattack?", "in which chapter does it
discuss the Illyrians?".

The answer is the heading of the section that holds the retrieved sentence best matching the topic, cited at its
exact words, and that sentence. Before, such a question went to the answerer, which found no sentence naming a
"section" and refused while its nearest passage sat under the right heading. A logical rule, like the outline: the
question must name a section, heading or chapter in the singular with a verb of saying or an "in/under which"
("which sections make up the License?" asks which ones, and stays with the answerer).

A section's name asked by its topic ("what's the history section called?", "the subheading about the west?") is
answered by the heading whose own words hold the topic (``named_heading``), any level of heading; and "and the one
about X?" after such a question, or one about the outline's sections, asks it of another topic (``another_section``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.matching import sentence_stems
from assistant.answer.outline import TEXT_WORDS, OUTLINE_WORDS, asked_outline, braces, heading_entries, heading_entry
from assistant.terms import STOPWORDS, stem, words

if TYPE_CHECKING:
    from assistant.answer.draft import Draft
    from assistant.answer.evidence import Evidence
    from assistant.schema import Hit, Sentence
    from assistant.store import DocumentRecord as Document

_PART = rf"(?:section|heading|chapter|part(?= of (?:the|this) {TEXT_WORDS}))"  # "part" only as a part of the text
_LOCATE = re.compile(
    rf"\b(?:in|under) (?:which|what) {_PART}\b"
    rf"|\b(?:which|what) {_PART} (?:of (?:the|this) \w+ )?(?:covers?|discuss(?:es)?|talks? about|is about|deals? with|"
    r"mentions?|describes?|explains?|says?|holds?|contains?|has)\b"
    rf"|\b(?:which|what) {_PART} (?:is|are|was|were) [^?]+? (?:under|in)\b\s*(?:\?|$)"  # "which heading is X under?"
    rf"|\bwhere in (?:the|this) {TEXT_WORDS}\b", re.IGNORECASE)  # "where in the article is X discussed?"
# The name of a section asked by its topic: "what's the subheading about X?", "the heading that introduces X?", "what's
# the X section called?" (a question, not "what does the section about X say?", which asks its content)
_NAMED = re.compile(
    rf"^\W*(?:what|which|whats)\b(?:['’]s| is| was)?\s+(?:the\s+)?(?:sub)?{_PART}(?: title)?\s+"
    r"(?:about|on|for|covering|introducing|that \w+|which \w+)\b"
    rf"|\b(?:sub)?{_PART}\b[^?]*\b(?:called|titled|named)\W*$", re.IGNORECASE)
# "and the one about the west?", "the history one, what's it called?": another section, named by its topic
_ANOTHER = re.compile(r"\bthe\s+(?:(?P<pre>[\w'’-]+(?:\s+[\w'’-]+)?)\s+)?one\b"
                      r"(?:\s+(?:about|on|covering|for|with)\s+(?P<post>[^,?]+))?", re.IGNORECASE)
_NOT_TOPIC = frozenset("""one next previous other another last first second third final same""".split())
_FRAME = frozenset(stem(w) for w in """cover covers discuss discusses talk talks deal deals mention mentions
    mentioned describe describes described explain explains explained say says said hold holds contain contains
    find found discussed covered introduce introduces introducing""".split())
MIN_PREFIX = 4  # letters a stem needs to match a longer one it starts
MIN_TOPIC_SHARE = 0.5  # of the topic's idf mass the chosen sentence must hold ("albania" alone locates no "albania
# and sourdough recipes")


def topic_terms(question: str) -> list[str]:
    """The stems of what a locating question asks about: its words less stopwords, outline and saying words."""
    stems = [stem(w) for w in words(question) if w not in STOPWORDS]
    return list(dict.fromkeys(s for s in stems if s not in OUTLINE_WORDS and s not in _FRAME))


def named_heading(terms: list[str], doc: Document, evidence: Evidence) -> Sentence | None:
    """The heading of ``doc`` whose own words hold the most of the topic's idf mass (at least ``MIN_TOPIC_SHARE``; a
    heading word equal to a topic stem, or of ``MIN_PREFIX`` letters or more and starting it or the other way round:
    "histor" for "history"), or None."""
    total = sum(evidence.weights.idf(t) for t in terms)
    best: tuple[float, Sentence] | None = None
    for entry in heading_entries(doc):
        stems = [stem(w) for w in words(entry.text) if w not in STOPWORDS]
        score = sum(evidence.weights.idf(t) for t in terms if any(_same_root(w, t) for w in stems))
        if total and score >= MIN_TOPIC_SHARE * total and (best is None or score > best[0]):
            best = (score, entry)
    return best[1] if best else None


def _same_root(word: str, term: str) -> bool:
    """The same stem, or one long enough starting the other ("histor" and "histori")."""
    return word == term or min(len(word), len(term)) >= MIN_PREFIX and (word.startswith(term) or term.startswith(word))


def locate_draft(question: str, hits: list[Hit], evidence: Evidence) -> Draft | None:
    """For a question asking where something is said: the heading of the section holding the best-matching
    sentence of the retrieved chunks (the most of the topic's idf mass, at least ``MIN_TOPIC_SHARE`` of it), and that
    sentence; None when the question asks no such thing, names no topic, or no retrieved sentence under a heading
    holds enough of it."""
    named = bool(_NAMED.search(question))
    if not named and not _LOCATE.search(question):
        return None
    terms = topic_terms(question)
    total = sum(evidence.weights.idf(t) for t in terms)
    if named and hits and (heading := named_heading(terms, evidence.document(hits[0].chunk.source), evidence)):
        from assistant.answer.draft import Draft

        return Draft([heading], False, template=f"The section \u201c{braces(heading.text)}\u201d [{{0}}].",
                     lead=heading, structural=True)
    best: tuple[float, Sentence] | None = None
    for hit in hits:
        for sid in hit.chunk.sentence_ids:
            sentence = evidence.sentence(sid)
            if sentence is None or not sentence.answerable or not sentence.section:
                continue
            stems = sentence_stems(sentence.text)
            score = sum(evidence.weights.idf(t) for t in terms if t in stems)
            if score > 0 and score >= MIN_TOPIC_SHARE * total and (best is None or score > best[0]):
                best = (score, sentence)
    if best is None:
        return None
    sentence = best[1]
    heading = heading_entry(evidence.document(sentence.source), sentence)
    if heading is None:
        return None
    from assistant.answer.draft import Draft

    said = braces(" ".join(sentence.text.split()))
    template = f"In the section \u201c{braces(heading.text)}\u201d [{{0}}]: {said} [{{1}}]"
    return Draft([heading, sentence], False, template=template, lead=sentence, structural=True)


def another_section(question: str, previous: str) -> str | None:
    """ "and the one about the west and israel?" after a question about a section's name or the outline's sections:
    the name of the section about that topic, asked ("What is the section about the west and israel called?");
    None when ``previous`` asks no such thing or the follow-up names no topic."""
    if not (_NAMED.search(previous) or _LOCATE.search(previous)):
        asked = asked_outline(previous)
        if asked is None or asked.what not in ("sections", "contents"):
            return None
    found = _ANOTHER.search(question)
    topic = (found.group("post") or found.group("pre") or "") if found else ""
    said = [w for w in words(topic) if w not in STOPWORDS and w not in _NOT_TOPIC and stem(w) not in OUTLINE_WORDS]
    return f"What is the section about {topic.strip()} called?" if said else None
