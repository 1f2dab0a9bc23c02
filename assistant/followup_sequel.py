"""Another party's next step: "and what did iran do after that?" after "How did Albania break off relations?".

A continuation with a subject of its own (``followup_next.new_subject``) asks what that party did once the previous
answer's event had happened, not for more of the previous answer's story and not for the event again (searched, it
finds the event's own sentence: "breaking off relations" is what the asker already knows). The answer is where the
document goes on to tell of that party: the first sentences after the previous answer's best citation whose subject
names it ("*Iran's* reaction to Albania's actions has been ...", "Following the decision, *Iran's Foreign Minister*
stated ...").

Stages: ``sequel_subject`` reads the party from the question; ``told_of`` walks the document from the citation.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.followup_next import new_subject
from assistant.nlp import Syntax, syntax
from assistant.schema import Sentence, Span
from assistant.terms import stem

_AFTER = re.compile(r"(?i)\bafter (?:that|this|it)\b|\bthen\b|\bnext\b")
"""What asks for the step after the previous answer's event."""


@dataclass(frozen=True)
class SequelParams:
    """How far and how much the sequel reader reads. Hand-set (the tuning parts hold four such follow-ups)."""

    reach: int = 40  # sentences after the previous answer's best citation looked at
    sentences: int = 2  # sentences that tell of the party, taken in document order


SEQUEL = SequelParams()


def sequel_subject(question: str, previous: str) -> str | None:
    """The party a follow-up asks the next step of ("and what did *iran* do after that?", "and after that, did
    *iran* respond?", "what did *iran's* side do after that?": the name within its subject), lower-cased; None
    when it asks no step after the previous answer or its subject is the previous question's."""
    if not _AFTER.search(question):
        return None
    parsed = syntax(question)
    if not new_subject(parsed, syntax(previous)):
        return None
    toks = parsed.tokens
    for t in toks:
        if t.dep in ("nsubj", "nsubjpass") and toks[t.head].dep == "ROOT":
            named = [x for x in _phrase(parsed, t.i) if toks[x].pos == "PROPN"]
            return toks[named[0]].text.lower() if named else t.text.lower()
    return None


def _phrase(parsed: Syntax, head: int) -> list[int]:
    """The subject's noun phrase: the head with its possessors, compounds and modifiers (not its clauses)."""
    toks = parsed.tokens
    kept = {head}
    for t in toks:
        if t.head == head and t.dep in ("poss", "compound", "amod", "det"):
            kept.add(t.i)
    return sorted(kept)


def names_subject(sentence: str, party: str) -> bool:
    """Whether a sentence's main subject phrase names the party ("Iran's Foreign Minister stated ..."), by stem."""
    parsed = syntax(sentence)
    wanted = stem(party)
    toks = parsed.tokens
    return any(t.dep in ("nsubj", "nsubjpass") and toks[t.head].dep == "ROOT"
               and any(stem(toks[x].text.lower()) == wanted for x in _phrase(parsed, t.i)) for t in toks)


def told_of(sentences: Sequence[Sentence], best: Span, party: str, params: SequelParams = SEQUEL) -> list[Sentence]:
    """Up to ``params.sentences`` answerable sentences after ``best`` (its document's ``sentences`` in order), within
    ``params.reach``, whose subject names ``party``; empty when none does."""
    at = bisect.bisect_right(sentences, best.start, key=lambda s: s.start)
    found = [s for s in sentences[at:at + params.reach] if s.answerable and names_subject(s.text, party)]
    return found[:params.sentences]
