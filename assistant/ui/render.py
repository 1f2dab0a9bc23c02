"""Answers and sources → HTML for the chat UI. Every piece of document or user text is escaped here.

Chat messages go through Gradio's Markdown renderer, so escaped text also has the Markdown and LaTeX
characters turned into entities: a source's ``*`` or ``$$`` shows as itself, a ``<script>`` as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from assistant.schema import Answer, Citation

CONTEXT_CHARS = 300
ELLIPSIS = "\u2026"
_ENTITIES = {c: f"&#{ord(c)};" for c in "&<>\"'\\`*_{}[]()#+-!|~$^"}
_MARKER = re.compile(r"(\[\d+\])")


def esc(text: str) -> str:
    """HTML-escaped text that Markdown leaves alone (no emphasis, links, code or LaTeX)."""
    return "".join(_ENTITIES.get(c, c) for c in text)


def cite_id(turn: int, n: int) -> str:
    """DOM id of citation ``n`` of chat turn ``turn`` in the sources panel."""
    return f"cite-{turn}-{n}"


def question_html(question: str) -> str:
    """The user's message, shown as typed."""
    return f'<div class="question">{esc(question)}</div>'


def answer_tokens(answer: Answer, turn: int) -> list[str]:
    """The answer as HTML fragments in order: words, and each ``[n]`` as a link to its passage."""
    quotes = {c.n: c.quote for c in answer.citations}
    tokens: list[str] = []
    for part in _MARKER.split(answer.answer):
        match = _MARKER.fullmatch(part)
        n = int(part[1:-1]) if match else None
        if n is not None and n in quotes:
            title = esc(" ".join(quotes[n].split()))
            tokens.append(f'<a class="cite" href="#{cite_id(turn, n)}" title="{title}">&#91;{n}&#93;</a>')
        else:
            tokens.extend(esc(word) for word in part.split())
    return tokens


def answer_html(answer: Answer, turn: int, more: bool = False) -> str:
    """The assistant's message (``more``: text still to come from a generating LLM, shown with a cursor); refusals
    get a muted style, a backend's notice a line of its own."""
    body = " ".join(answer_tokens(answer, turn))
    kind = "answer refusal" if answer.abstained else "answer"
    searched = (
        f'<div class="searched">Searched as: \u201c{esc(answer.searched)}\u201d</div>' if answer.searched else ""
    )
    cursor = '<span class="cursor">\u258d</span>' if more else ""
    notice = f'<div class="notice">{esc(answer.notice)}</div>' if answer.notice and not more else ""
    return f'<div class="{kind}">{searched}<span class="text">{body}</span>{cursor}{notice}</div>'


def passage_html(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> str:
    """The cited characters highlighted in ``<mark>``, with up to ``context`` characters either side, escaped."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    if left > 0:
        left = _word_start(text, left, start)
    if right < len(text):
        right = _word_end(text, right, end)
    before, after = text[left:start], text[end:right]
    lead, tail = (ELLIPSIS if left > 0 else ""), (ELLIPSIS if right < len(text) else "")
    return f"{lead}{html.escape(before)}<mark>{html.escape(text[start:end])}</mark>{html.escape(after)}{tail}"


def _word_start(text: str, at: int, limit: int) -> int:
    space = text.find(" ", at, limit)
    return space + 1 if space != -1 else at


def _word_end(text: str, at: int, limit: int) -> int:
    space = text.rfind(" ", limit, at)
    return space if space != -1 else at


def citation_card(citation: Citation, turn: int, document_text: str | None) -> str:
    """One citation: number, title, section, file and offsets, and the passage in context."""
    c = citation
    if document_text is not None and document_text[c.start:c.end] == c.quote:
        passage = passage_html(document_text, c.start, c.end)
    else:  # the document changed or left the index since the answer: show the quote alone
        passage = f"<mark>{html.escape(c.quote)}</mark>"
    shown_section = c.section if c.section and c.section != c.title else ""
    section = f' \u00b7 <span class="section">{html.escape(shown_section)}</span>' if shown_section else ""
    page = f" \u00b7 page {c.page}" if c.page else ""
    return (
        f'<div class="cite-card" id="{cite_id(turn, c.n)}">'
        f'<div class="cite-head"><span class="num">[{c.n}]</span> <span class="doc-title">{html.escape(c.title or c.source)}</span>'
        f"{section}</div>"
        f'<div class="cite-where">{html.escape(c.source)}{page} \u00b7 characters {c.start:,}\u2013{c.end:,}</div>'
        f'<div class="passage">{passage}</div></div>'
    )


def turn_sources_html(answer: Answer, turn: int, documents: Mapping[str, str]) -> str:
    """The sources of one chat turn: its citations (or, for a refusal, the nearest passages)."""
    heading = "Nearest passages \u2014 they do not answer the question" if answer.abstained else "Sources"
    searched = f" \u00b7 searched as \u201c{html.escape(answer.searched)}\u201d" if answer.searched else ""
    cards = "".join(citation_card(c, turn, documents.get(c.source)) for c in answer.citations)
    empty = '<p class="muted">No passages.</p>' if not answer.citations else ""
    kind = "turn refused" if answer.abstained else "turn"
    return (
        f'<section class="{kind}" id="turn-{turn}"><h3>{heading}</h3>'
        f'<p class="turn-q">for \u201c{html.escape(answer.question)}\u201d{searched}</p>{cards}{empty}</section>'
    )


def sources_panel_html(turn_html: list[str]) -> str:
    """All turns' sources; the latest is shown until a ``[n]`` of another turn is clicked."""
    if not turn_html:
        return '<div class="sources-panel"><p class="muted">Ask a question: the passages that support each ' \
               "sentence of the answer appear here, the cited words highlighted.</p></div>"
    sections = [s.replace('class="turn', 'class="active turn', 1) if i == len(turn_html) - 1 else s
                for i, s in enumerate(turn_html)]
    return f'<div class="sources-panel">{"".join(sections)}</div>'
