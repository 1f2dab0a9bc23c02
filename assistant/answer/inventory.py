"""Questions about the corpus itself: "what documents do you have?", "which files are indexed?", "what can I ask
you about?".

They were refused, or answered with a sentence that happens to say "index" ("The TEXT PRIMARY KEY phrase causes the
creation of an unique index ..."). They are answered with the indexed documents' titles, each cited where the
document states it. A logical rule like the outline's: the question is made only of words about documents and
asking (``INVENTORY_WORDS``) and stopwords, and names documents or what may be asked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.answer.outline import OutlineAsk, outline_entries, quoted_entries
from assistant.terms import STOPWORDS, stem, words

if TYPE_CHECKING:
    from assistant.answer.evidence import Evidence
    from assistant.answer.draft import Draft
    from assistant.schema import Sentence

INVENTORY_WORDS = frozenset(stem(w) for w in """document documents doc docs file files source sources page pages
    article articles text texts corpus index indexed collection library have has hold holds contain contains cover
    covers know ask asked answer available loaded load list show tell give name many number topic topics subject
    subjects kind kinds sort sorts type types read""".split())
_ASKS = re.compile(
    r"\b(?:documents|docs|files|sources|pages|articles|texts|corpus|collection|library)\b"
    r"|\bwhat (?:can|could|may|should) (?:i|we) ask\b|\bwhat do you (?:know|cover)\b|\bwhat (?:topics|subjects)\b",
    re.IGNORECASE)
LISTED_MOST = 20  # titles listed; the rest are counted


def asks_inventory(question: str) -> bool:
    """Whether the question asks what the corpus holds (and nothing about any document's content)."""
    if any(w not in STOPWORDS and stem(w) not in INVENTORY_WORDS for w in words(question)):
        return False
    return bool(_ASKS.search(question))


def inventory_draft(question: str, evidence: Evidence) -> Draft | None:
    """The indexed documents' titles, each cited where its document states it (a document whose title is in no
    line of its text is counted, not listed); None when the question asks no such thing or no title can be cited."""
    if not asks_inventory(question):
        return None
    documents = evidence.documents()
    titles: list[Sentence] = []
    for doc in documents:
        titles += outline_entries(doc, OutlineAsk("title"))[:1]
    if not titles:
        return None
    from assistant.answer.draft import Draft

    shown = titles[:LISTED_MOST]
    listed = "; ".join(quoted_entries(shown))
    rest = len(documents) - len(shown)
    noun = "document" if len(documents) == 1 else "documents"
    more = f", and {rest} more" if rest else ""
    they = "it says" if len(documents) == 1 else "they say"
    template = f"The index holds {len(documents)} {noun}: {listed}{more}. Ask about what {they}."
    return Draft(shown, False, template=template, lead=shown[0], structural=True)
