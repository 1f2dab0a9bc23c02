"""Questions about a document's outline: its title, its sections or the table of contents it prints (all of them,
the n-th, how many), the list of links it ends with.

Headings, a contents list and a page's closing links are no sentences, so the sentence answerer can neither find nor
cite them ("what's the first section in the table of contents?" was refused). They are answered here from the
document's structure, each heading or item cited at its exact words. A logical rule, like the computed interval:
the question names the outline ("the table of contents", "the article's title", "which sections does the post
have"), not a thing inside it ("which section covers licensing?" asks for content and is left to the answerer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from assistant.answer.outline_neighbour import (
    NEIGHBOUR_CLAUSE, Neighbour, neighbour_clause, neighbour_entries, pointed_step,
)
from assistant.schema import Sentence
from assistant.structure import Block, split_blocks
from assistant.terms import STOPWORDS, stem, words

if TYPE_CHECKING:
    from assistant.answer.evidence import Evidence
    from assistant.answer.draft import Draft
    from assistant.schema import Hit
    from assistant.store import DocumentRecord as Document

Asked = Literal["title", "sections", "contents", "links", "gist", "headings"]
_ORDER_WORDS = frozenset(stem(w) for w in "come comes came go goes follow follows right directly immediately".split())

TEXT_WORDS = r"(?:article|text|document|doc|piece|post|page|blog|essay|story|report|guide|manual|tutorial|faq|handbook)"
_TITLE = re.compile(
    rf"\btitle of (?:the|this) {TEXT_WORDS}\b|\b(?:the|this) {TEXT_WORDS}['’]?s? (?:title|headline)\b"
    rf"|\bwhat(?:['’]?s| is)? (?:the |this )?{TEXT_WORDS} (?:called|titled|named)\b|\bheadline\b", re.IGNORECASE)
_CONTENTS = re.compile(r"\btable of contents\b|\bcontents (?:list|page)\b", re.IGNORECASE)
_SECTIONS = re.compile(r"\b(?:sections?|headings?|subheadings?|chapters?)\b(?!\s*\d)", re.IGNORECASE)
_OF_TEXT = re.compile(rf"\b{TEXT_WORDS}\b|\b(?:does it|do they) (?:have|contain|include)\b|\bare there\b",
                      re.IGNORECASE)
# "which section covers X", "the section about X": where a thing is said, not the outline itself
_LOCATES = re.compile(r"\b(?:sections?|headings?|chapters?)\s+(?:\w+\s+){0,2}(?:covers?|discuss\w*|talks?|deals?|"
                      r"explains?|mentions?|describes?|says?|is about|are about|about|on)\b"
                      r"|\b(?:say|says|said|talk|talks|cover|covers|discuss|discusses|argue|argues|explain|explains)\b",
                      re.IGNORECASE)  # "what does the first section say?": its content
_ASKS_LIST = re.compile(r"^\W*(?:what|whats|which|list|name|give|show|tell|how many)\b"
                        r"|\b(?:what|which) (?:are|is) the\b", re.IGNORECASE)
_LINKS = re.compile(r"\b(?:related )?links\b", re.IGNORECASE)
_LINK_OR_LINKS = re.compile(r"\blinks?\b", re.IGNORECASE)  # one link too, asked by its place: "the last link?"
_WHICH_LINK = re.compile(r"\bwhich (?:one |ones )?of (?:the |those |these |them |\d+ )?(?:related )?links?\b"
                         r"|\bwhich (?:related )?links? (?:is|are|was|were|mentions?|covers?|refers?|names?)\b",
                         re.IGNORECASE)
# "which toc heading covers the mek?", "how many of the table of contents headings have albania in them?": the
# entries of the contents list that hold the other words
_IN_CONTENTS = re.compile(rf"{_CONTENTS.pattern}|\btoc\b", re.IGNORECASE)
_WHICH_ENTRY = re.compile(r"\b(?:which|what|how many|is there an?|are there any)\s+(?:\w+\s+){0,5}?"
                          r"(?:entry|entries|headings?|subheadings?|sections?|items?)\b", re.IGNORECASE)
# "which subheading calls albania a haven?": the headings that hold the other words (a heading is asked for by name)
_WHICH_HEADING = re.compile(r"\b(?:which|what|how many|is there an?|are there any|one of the)\s+(?:\w+\s+){0,5}?"
                            r"(?:sub-?)?headings?\b", re.IGNORECASE)
_ABOUT_WORDS = frozenset(stem(w) for w in """about mention mentions cover covers refer refers name names concern
    somebody someone something anybody anyone anything""".split())  # words that ask, naming nothing held
_HOLDING_WORDS = frozenset(stem(w) for w in "entry entries item items have has hold holds contain contains".split())
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "last": -1, "final": -1}
_ORDINAL = re.compile(r"\b(" + "|".join(_ORDINALS) + r")\b", re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_RUN = re.compile(r"\b(?:first|last|final)\s+(" + "|".join(_COUNTS) + r")\b", re.IGNORECASE)  # "the last two"
_SECOND_LAST = re.compile(r"\b(?:(?:second|next)[\s-]+to[\s-]+last|penultimate)\b", re.IGNORECASE)
# Words a question about the outline is made of (beside stopwords and the document's own title): a question with
# any other word asks about content ("which sections of the licence *make up* the License?", "which *article* of
# the *WIPO treaty* does its anti-circumvention section mention?").
OUTLINE_WORDS = frozenset(stem(w) for w in """
    article text document doc piece post page blog essay story report guide manual tutorial faq handbook
    section sections heading headings subheading subheadings sub chapter chapters part parts title titled headline
    called named name table contents toc entry entries link links related listed list lists bottom end top start
    beginning
    many number count total main different other whole entire full give show tell whats
    about summary summarize summarise overview gist topic subject theme point idea tldr brief briefly short quick
    say cover covers discuss describe explain deal talk penultimate
    rest remaining others""".split()) | frozenset(_ORDINALS)
_GIST = re.compile(
    rf"\bwhat(?:['’]?s| is| are)? (?:the |this )?{TEXT_WORDS}s? (?:about|on)\b"
    rf"|\bwhat do(?:es)? (?:the |this )?{TEXT_WORDS}s? (?:say|cover|discuss|describe|explain|talk about|deal with)\W*$"
    rf"|\b(?:topic|subject|theme|gist|point) of (?:the |this )?{TEXT_WORDS}\b"
    r"|\bmain (?:topic|subject|theme|point|idea)s?\b"
    rf"|\bwhat (?:topics|subjects|themes) do(?:es)? (?:the |this )?{TEXT_WORDS}s? (?:cover|discuss|address)\b"
    r"|\bsummar(?:y|ise|ize)\b|\boverview\b|\bgist\b|\btl;?dr\b", re.IGNORECASE)
_GIST_SENTENCES = 2  # the document's opening sentences that say what it is about
_SELF_DESCRIBED = re.compile(  # "This article delves into ...", "This page describes ...": the document on itself
    rf"^\W*(?:this|the present) {TEXT_WORDS}\b[^.]*\b(?:describes?|explains?|covers?|examines?|explores?|delves?|"
    r"shows?|discuss(?:es)?|introduces?|provides?|documents?|presents?|outlines?|looks? at)\b", re.IGNORECASE)
_SELF_DESCRIBED_WITHIN = 8  # opening sentences searched for one
_CODE_LINE = re.compile(r";\s*$")  # a statement taken for a heading ("INSERT INTO t1 VALUES(1);"): no section
_CONTENTS_LABEL = re.compile(r"^\W*(?:table of )?contents\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class OutlineAsk:
    """What a question asks of a document's outline: which part, the n-th entry (1-based, -1 the last; None: all)."""

    what: Asked
    number: int | None = None
    neighbour: Neighbour | None = None  # the entry beside a named one ("the section after the cyber one")
    holding: tuple[str, ...] = ()  # stems the links asked for hold ("which of the links is about Israel?")
    count: int = 1  # entries asked from the n-th on ("the last two sections": number -1, count 2)


def asked_outline(question: str, title: str = "") -> OutlineAsk | None:
    """The outline part a question asks for, or None when it asks about the documents' content (a word beside the
    outline's own words, stopwords and the words of the document's ``title``)."""
    allowed = OUTLINE_WORDS | {stem(w) for w in words(title)}
    clause = neighbour_clause(question)
    if clause:  # "which section comes after the cyber one?": the words naming the neighbour are no content asked
        rest, neighbour = clause
        if any(w not in STOPWORDS and stem(w) not in allowed | _ORDER_WORDS for w in words(rest)):
            return None
        named = f"{rest} {NEIGHBOUR_CLAUSE.search(question).group('anchor')}"  # "what's listed after the X link?"
        what: Asked | None = ("contents" if _CONTENTS.search(named) else "links" if _LINK_OR_LINKS.search(named)
                              else "sections" if _SECTIONS.search(named) else None)
        return OutlineAsk(what, None, neighbour) if what else None
    if _WHICH_LINK.search(question):  # links have no content: their words are all they can be asked by
        held = tuple(s for s in (stem(w) for w in words(question) if w not in STOPWORDS and not w.isdigit())
                     if s not in OUTLINE_WORDS | _ABOUT_WORDS)
        if held:
            return OutlineAsk("links", holding=held)
    if _IN_CONTENTS.search(question) and _WHICH_ENTRY.search(question):
        if held := _held_words(question):
            return OutlineAsk("contents", holding=held)
    elif _WHICH_HEADING.search(question) and (held := _held_words(question)):
        return OutlineAsk("headings", holding=held)
    run = _RUN.search(question)
    allowed |= {run.group(1).lower()} if run else set()
    if any(w not in STOPWORDS and stem(w) not in allowed and not w.isdigit() for w in words(question)):
        return None
    ordinal = _ORDINAL.search(question)
    number = -2 if _SECOND_LAST.search(question) else _ORDINALS[ordinal.group(1).lower()] if ordinal else None
    count = _COUNTS[run.group(1).lower()] if run and number in (1, -1) else 1
    if _TITLE.search(question):
        return OutlineAsk("title")
    if _CONTENTS.search(question):
        return OutlineAsk("contents", number, count=count)
    if _SECTIONS.search(question) and not _LOCATES.search(question) and (
            number is not None or _OF_TEXT.search(question) and _ASKS_LIST.search(question)):  # "the last section?"
        return OutlineAsk("sections", number, count=count)
    one_link = number is not None and _LINK_OR_LINKS.search(question)  # "the last link?"
    if (_LINKS.search(question) or one_link) and _ASKS_LIST.search(question):
        return OutlineAsk("links", number, count=count)
    if _GIST.search(question):
        return OutlineAsk("gist")
    return None


def _held_words(question: str) -> tuple[str, ...]:
    """The stems an entry asked for by its words must hold: the question's words but the outline's own, the words
    that ask ("about", "somebody") and counts."""
    return tuple(s for s in (stem(w) for w in words(question) if w not in STOPWORDS and w not in _COUNTS)
                 if s not in OUTLINE_WORDS | _ABOUT_WORDS | _HOLDING_WORDS)


def outline_draft(question: str, hits: list[Hit], evidence: Evidence) -> Draft | None:
    """The answer to a question about the outline of the best-matching document (the first hit's), or None when
    the question asks no such thing or the document has no such part."""
    if not hits:
        return None
    doc = evidence.document(hits[0].chunk.source)
    asked = asked_outline(question, doc.title)
    if asked is None:
        return None
    from assistant.answer.draft import Draft

    if asked.what == "gist":
        return gist_draft(doc, evidence.document_sentences(doc.source))
    entries = outline_entries(doc, asked)
    chosen = (neighbour_entries(entries, asked.neighbour) if asked.neighbour else holding(entries, asked.holding)
              if asked.holding else pick(entries, asked.number, asked.count))
    if not chosen and asked.what == "links" and asked.neighbour:  # "after the Moving to Albania guide link?": a line
        entries = closing_lines(doc)  # after the bulleted list names a link as well
        chosen = neighbour_entries(entries, asked.neighbour)
    if not chosen:
        return None
    places = [entries.index(c) + 1 for c in chosen] if asked.holding else None
    return Draft(chosen, False, template=outline_template(asked, chosen, len(entries), places),
                 lead=chosen[-1] if asked.neighbour else chosen[0],
                 structural=True)


def gist_draft(doc: Document, sentences: list[Sentence]) -> Draft | None:
    """What a document is about, in its own words: its title, its opening sentences and, when one of the first few
    says what the document does ("This article delves into ..."), that one too. None for a document with no
    answerable sentence."""
    from assistant.answer.draft import Draft

    chosen = sentences[:_GIST_SENTENCES]
    chosen += [s for s in sentences[_GIST_SENTENCES:_SELF_DESCRIBED_WITHIN] if _SELF_DESCRIBED.search(s.text)][:1]
    if not chosen:
        return None
    title = outline_entries(doc, OutlineAsk("title"))
    said = " ".join(f"{braces(' '.join(s.text.split()))} [{{{i}}}]" for i, s in enumerate(chosen, len(title)))
    template = f"The document is titled \u201c{braces(doc.title)}\u201d [{{0}}]. It opens: {said}" if title else said
    return Draft([*title, *chosen], False, template=template, lead=chosen[0], structural=True)


def outline_entries(doc: Document, asked: OutlineAsk) -> list[Sentence]:
    """The document's entries for the asked part: its title; the items of the contents list it prints (else its
    headings, the title left out); its headings; or the list it ends with. Empty when it has none."""
    if asked.what == "title":
        at = doc.text.find(doc.title) if doc.title else -1
        return [_entry(doc, at, at + len(doc.title))] if at >= 0 else []
    blocks = split_blocks(doc.text, markdown=not doc.source.endswith(".txt"))
    if asked.what == "links":
        return [_entry(doc, b.start, b.end) for b in _closing_list(blocks)]
    if asked.what == "headings":
        return heading_entries(doc)
    listed = _contents_list(blocks) if asked.what == "contents" or asked.what == "sections" else []
    if listed:
        return [_entry(doc, b.start, b.end) for b in listed]
    return heading_entries(doc)


def heading_entries(doc: Document) -> list[Sentence]:
    """Every heading of the document (subheadings too), its title left out, as entries to cite."""
    return [_entry(doc, at, at + len(heading)) for at, heading in doc.sections
            if heading != doc.title and doc.text.startswith(heading, at) and not _CODE_LINE.search(heading)]


def pick(entries: list[Sentence], number: int | None, count: int = 1) -> list[Sentence]:
    """The n-th entry (-1: the last), with the ``count`` - 1 entries after it (before it, counting from the end:
    "the last two" are the second-to-last and the last), or all of them when no number is asked; empty when there
    are not that many."""
    if number is None:
        return entries
    index = number - 1 if number > 0 else len(entries) + number
    first = index if number > 0 else index - count + 1
    return entries[first:first + count] if 0 <= first and first + count <= len(entries) else []


def holding(entries: list[Sentence], stems: tuple[str, ...]) -> list[Sentence]:
    """The entries that hold every one of ``stems`` (a word of theirs starting with it: "Israel" for "israeli")."""
    return [e for e in entries if all(any(w.startswith(s) or s.startswith(w) for w in map(stem, words(e.text)))
                                      for s in stems)]


def outline_template(asked: OutlineAsk, entries: list[Sentence], total: int, places: list[int] | None = None) -> str:
    """Answer text with ``{0}``, ``{1}``... where the entries' citation markers go; ``places``: each entry's number
    in the outline, said after it when entries are asked by their words ("the fifth")."""
    quoted = quoted_entries(entries)
    if asked.holding:
        matching = "one matches" if len(quoted) == 1 else f"{len(quoted)} match"
        where = {"links": "links", "headings": "headings"}.get(asked.what, "entries of the table of contents")
        if places:
            quoted = [f"{q}, the {_ordinal_word(n)}" for q, n in zip(quoted, places)]
        return f"Of the {total} {where}, {matching}: " + "; ".join(quoted) + "."
    where = {"contents": "The table of contents", "sections": "The document", "links": "The document"}.get(asked.what)
    if asked.what == "title":
        return f"The title is {quoted[0]}."
    if asked.neighbour:
        return f"{'After' if asked.neighbour.step > 0 else 'Before'} {quoted[0]} comes {quoted[1]}."
    noun = "links" if asked.what == "links" else "sections"
    if asked.number is not None and asked.count > 1:
        return (f"The {_ordinal_word(asked.number)} {asked.count} of the {total} {noun} are "
                + "; ".join(quoted) + ".")
    if asked.number is not None:
        place = _ordinal_word(asked.number)
        return f"The {place} of the {total} {noun} is {quoted[0]}."
    verb = "ends with" if asked.what == "links" else "lists" if asked.what == "contents" else "has"
    return f"{where} {verb} {total} {noun}: " + "; ".join(quoted) + "."


def quoted_entries(entries: list[Sentence]) -> list[str]:
    """Each entry in quotation marks with the ``{i}`` its citation marker goes in (template text)."""
    return [f"\u201c{braces(e.text)}\u201d [{{{i}}}]" for i, e in enumerate(entries)]


def heading_entry(doc: Document, sentence: Sentence) -> Sentence | None:
    """The heading of the section ``sentence`` is in, as an entry to cite; None when the document has no such
    heading before it."""
    at = max((a for a, heading in doc.sections if heading == sentence.section and a <= sentence.start), default=None)
    return _entry(doc, at, at + len(sentence.section)) if at is not None else None


def _entry(doc: Document, start: int, end: int) -> Sentence:
    """A heading or list item as a sentence to cite (no answer sentence of the index: ``answerable`` False)."""
    text = doc.text[start:end]
    start += len(text) - len(text.lstrip())
    end -= len(text) - len(text.rstrip())
    return Sentence(id=f"outline:{doc.source}:{start}:{end}", source=doc.source, start=start, end=end,
                    text=doc.text[start:end], answerable=False)


def _contents_list(blocks: list[Block]) -> list[Block]:
    """The items under a line that reads "Contents" or "Table of Contents" (blank lines between are allowed)."""
    for i, block in enumerate(blocks):
        if block.kind != "prose" and not block.item and _CONTENTS_LABEL.match(block.text):
            items = _run_of_items(blocks, i + 1)
            if len(items) > 1:
                return items
    return []


def closing_lines(doc: Document) -> list[Sentence]:
    """Every line after the document's last prose (the closing list's items and the short lines after it), as
    entries to cite."""
    blocks = split_blocks(doc.text, markdown=not doc.source.endswith(".txt"))
    last_prose = max((i for i, b in enumerate(blocks) if b.kind == "prose"), default=len(blocks))
    return [_entry(doc, b.start, b.end) for b in blocks[last_prose + 1:] if b.text.strip()]


def _closing_list(blocks: list[Block]) -> list[Block]:
    """The last run of list items after the document's last prose."""
    last_prose = max((i for i, b in enumerate(blocks) if b.kind == "prose"), default=-1)
    start = next((i for i in range(last_prose + 1, len(blocks)) if blocks[i].item), None)
    return _run_of_items(blocks, start) if start is not None else []


def _run_of_items(blocks: list[Block], start: int) -> list[Block]:
    items: list[Block] = []
    for block in blocks[start:]:
        if block.item and block.text.strip():
            items.append(block)
        elif block.text.strip() or items:
            break
    return items


def braces(text: str) -> str:
    """``text`` safe inside a ``str.format`` template."""
    return text.replace("{", "{{").replace("}", "}}")


def _ordinal_word(number: int) -> str:
    """The ordinal for an entry's number (-1 "last", -2 "second-to-last")."""
    if number == -2:
        return "second-to-last"
    return next((w for w, n in _ORDINALS.items() if n == number), f"#{number}")


def neighbour_followup(question: str, previous: str) -> str | None:
    """``previous``, a question about the outline's sections, contents or links, asked of the entry beside one
    ("which one comes after the cyber one?" → "What sections are in the table of contents, the one after the cyber
    one?"), or, when ``previous`` asked the n-th entry, of the entry beside the one answered ("what comes after
    it?" → "what's the second heading ...?": ``_shifted``); None when the follow-up names no neighbour or
    ``previous`` asks no list of the outline."""
    if neighbour_clause(question) is None:
        step = pointed_step(question)
        return (_shifted(previous, step) or _named_step(previous, step) or _beside_held(previous, step)
                if step is not None else None)
    asked = asked_outline(previous)
    if asked is None or asked.what not in ("sections", "contents", "links"):
        return None
    return f"{previous.rstrip(' ?')}, the one {NEIGHBOUR_CLAUSE.search(question).group(0).strip()}?"


def _beside_held(previous: str, step: int) -> str | None:
    """``previous``, a question for the contents entry that holds some words ("which toc entry mentions regional
    dynamics?"), asked of the entry ``step`` from it ("In the table of contents, what comes after the regional
    dynamics entry?"); None for any other question."""
    asked = asked_outline(previous)
    if asked is None or not asked.holding or asked.what != "contents":
        return None
    named = " ".join(w for w in words(previous) if w not in STOPWORDS and stem(w) in asked.holding)
    return f"In the table of contents, what comes {'after' if step > 0 else 'before'} the {named} entry?"


_ORDINAL_WORDS = {number: word for word, number in _ORDINALS.items() if word != "final"} | {-2: "second to last"}


def _shifted(previous: str, step: int) -> str | None:
    """``previous``, a question about the n-th entry of the outline, asked of the entry ``step`` from it ("the very
    first heading" → "the very second heading"); None when it asks no n-th entry or none lies there."""
    asked = asked_outline(previous)
    if asked is None or asked.number is None or asked.what not in ("sections", "contents", "links"):
        return None
    number = asked.number + step
    if number == 0 or asked.number > 0 > number or asked.number < 0 < number or number not in _ORDINAL_WORDS:
        return None
    found = _SECOND_LAST.search(previous) or _ORDINAL.search(previous)
    return f"{previous[:found.start()]}{_ORDINAL_WORDS[number]}{previous[found.end():]}" if found else None


_YES_NO_FILLER = frozenset(stem(w) for w in "there any anything linked link links listed heading headings".split())


def _named_step(previous: str, step: int) -> str | None:
    """``previous``, a question naming a link or a heading by its words ("is there a moving to albania guide linked at
    the bottom?"), turned into one asking for the entry ``step`` from it ("What is listed right after the moving
    albania guide link?"); None when it names no link or heading, or nothing by its words."""
    kind = "link" if _LINK_OR_LINKS.search(previous) or re.search(r"(?i)\blinked\b", previous) else \
        "section" if _SECTIONS.search(previous) else None
    named = [w for w in words(previous) if w not in STOPWORDS and stem(w) not in OUTLINE_WORDS | _YES_NO_FILLER]
    asked = asked_outline(previous)
    if kind is None or not named or asked is not None and asked.what != "headings":  # a heading asked by its words
        return None
    return f"What is listed right {'after' if step > 0 else 'before'} the {' '.join(named)} {kind}?"

