"""Definition lists: the term a description belongs to.

Manual pages, API references and option lists put a term on a line of its own ("-i, --ignore-case",
"str.split(sep=None, maxsplit=-1)", "FORMAT", "nameserver Name server IP address") and describe it below. The
structure stage reads such a line as a heading, so a description sentence alone never says which option or
function it describes. ``term_start`` finds the term line right before a sentence; the answer then cites the
term and its description as one verbatim span.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_MAX_WORDS = 8
_NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[IVX]+\.|[A-Z]\.)\s")  # "3.2 Configuring", "IV. Notes"
_ENDS_SENTENCE = re.compile(r"[.!?:]\s*$")
_TERM = re.compile(
    r"^(?:-{1,2}\w"              # an option: -i, --ignore-case
    r"|[/~]\w"                   # a path: /usr/local/sbin
    r"|[a-z_$@%]"                # a keyword or identifier written in lower case: nameserver, str.split()
    r"|[A-Z][A-Z0-9_]+\b(?!\s+[a-z]+\s+[a-z])"  # an upper-case name: FORMAT, PATH, SIGUSR1
    r"|\S*[(=<\[]"               # a signature or a pattern: Counter([iterable]), --file=FILE, <name>
    r"|\S+\.\S*\w)"              # a dotted name: os.path.join, resolv.conf
)


_INTRODUCES = re.compile(r":\s*$|\b(?:the following|as follows|listed below)\b.*\.\s*$", re.IGNORECASE)


def introduces_list(sentence: str) -> bool:
    """Whether a sentence announces what follows it ("The current editors are:", "... contains the following.",
    "... are predefined within bracket expressions, as follows.")."""
    return bool(_INTRODUCES.search(sentence))


def is_term(heading: str) -> bool:
    """Whether a heading line names a term (an option, identifier, keyword or signature), not a section title."""
    text = heading.strip()
    return (bool(text) and len(text.split()) <= _MAX_WORDS and not _NUMBERED.match(text)
            and not _ENDS_SENTENCE.search(text) and bool(_TERM.match(text)))


def term_start(text: str, sections: list[tuple[int, str]], start: int) -> int | None:
    """Offset of the term line that the text at ``start`` directly describes (only blanks between the two), else None.
    ``sections``: the document's (offset, heading) pairs in order."""
    i = bisect_right([offset for offset, _ in sections], start) - 1
    if i < 0:
        return None
    offset, heading = sections[i]
    end = offset + len(heading)
    if text[offset:end] != heading or end > start or text[end:start].strip() or not is_term(heading):
        return None
    return offset
