"""What a text asks of its reader: "what does the article ask readers at the end?", "where does the author want us to
post our thoughts?".

An article, a post or an announcement often closes by addressing the reader: a question put to them ("What are your
thoughts on ...?") and a call to act ("Share your perspective in the comments below"). The question is no answer
sentence of the index (questions never are), so a question about it was refused while its nearest passage was the
call. A logical rule, like the outline: the question must name the document's voice asking, wanting or telling its
reader (or ask where to post, share or comment), and the best-matching document must close with such an address;
otherwise the answerer goes on as usual (a manual's "you" is everywhere and says nothing of this).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.answer.draft import Draft
    from assistant.answer.evidence import Evidence
    from assistant.schema import Hit, Sentence

_VOICE = r"(?:article|author|writer|post|piece|page|blog|essay|text|it|they|he|she)"
_ASKS_READER = re.compile(
    rf"\b{_VOICE}\s+(?:\w+\s+)?(?:ask|asks|want|wants|invite|invites|urge|urges|encourage|encourages|tell|tells|put|"
    r"puts|pose|poses|leave|leaves)\b(?:\s+\w+){0,4}?\s+(?:the\s+)?(?:readers?|audience|you|us|them)\b"
    r"|\bwhere\b.*\b(?:post|share|answer|comment|reply|respond)\b", re.IGNORECASE)
_ADDRESS = re.compile(r"\b(?:your|you)\b.*\?\s*$|\b(?:share your|let us know|tell us|in the comments|comment below|"
                      r"leave a comment|your thoughts|your perspective)\b", re.IGNORECASE | re.DOTALL)
CLOSING = 8  # sentences at the document's end read for an address to the reader (hand-set)


def asks_reader(question: str) -> bool:
    """Whether the question asks what the text asks of its reader or where the reader is to answer."""
    return bool(_ASKS_READER.search(question))


def reader_address(evidence: Evidence, source: str) -> list[Sentence]:
    """The sentences among the document's last ``CLOSING`` that address its reader (a question with "you" or
    "your", a call to share or comment), in order; empty when it closes without one."""
    closing = evidence.document_sentences(source, every=True)[-CLOSING:]
    return [s for s in closing if _ADDRESS.search(s.text)]


def address_draft(question: str, hits: list[Hit], evidence: Evidence) -> Draft | None:
    """For a question about what the text asks of its reader: the best-matching document's closing address, cited;
    None for any other question, or when that document closes without one."""
    if not hits or not asks_reader(question):
        return None
    said = reader_address(evidence, hits[0].chunk.source)
    if not said:
        return None
    from assistant.answer.draft import Draft

    return Draft(sentences=said, abstained=False, structural=True)
