"""Plain-text structure: classify lines as headings, prose or fragments, and split prose into sentences.

Every span is a pair of character offsets into the document text, so ``text[start:end]`` is always the exact words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

BlockKind = Literal["heading", "prose", "fragment"]

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ITEM_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")  # a bullet or an item number opening a line
_RULE = re.compile(r"^([=\-~*^+#`'\"._:])\1{2,}$")  # one mark repeated: a line that underlines (or overlines) a title
_TITLE_MAX_WORDS = 12
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*\s+")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "no", "fig", "gen", "col",
    "lt", "sgt", "gov", "sen", "rep", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mt", "approx", "cf", "al",
}
_WORD = re.compile(r"\w+", re.UNICODE)
_SECTION_NUMBER = re.compile(r"\d+(?:\.\d+)*")  # "4.13.17" of "4.13.17. December 2015: Ian Murdock died"
_WRAP_MAX = 130  # longest typical hard-wrapped line (text files wrap at 70-80 columns, PDF lines reach ~120)
_NOT_WRAPPED = ("|", "```")  # table rows and code fences never continue a paragraph
CELL_SEPARATOR = " | "  # how the readers write a table row's cells
_INNER_SENTENCE_END = re.compile(r"[a-z)][.!?]\s+[A-Z][a-z]")
_PROSE_WITH_INNER_END_MIN_WORDS = 8
_OPTION_TERM = re.compile(r"^-{1,2}[A-Za-z0-9?]")  # a command-line option opening a line: "-n, --no-clobber"
_OPTION_TERM_MAX_WORDS = 8
_DESCRIPTION_MIN_WORDS = 3
# A manual's option entry on one line, the description after a gap of spaces ("-d     same as --no-dereference
# --preserve=links"): the term, its other names, then the description.
_OPTION_ENTRY = re.compile(_OPTION_TERM.pattern + r"\S*(?:,\s*-{1,2}\S+)*\s{2,}(?P<description>\S.*)$")
# A reference entry's field line after its description ("Default: True", "Return type: str", "Since: 2.1"): a
# statement about the entry, so prose.
_FIELD_LINE = re.compile(r"^(?:defaults?|type|return type|returns|return value|raises|values?|range|units?|since|"
                         r"availability|required)\s*:\s+\S", re.IGNORECASE)
_FIELD_LINE_MAX_WORDS = 12
# A version note ("New in version 0.7: PROPAGATE_EXCEPTIONS, PRESERVE_CONTEXT_ON_EXCEPTION", "Deprecated since version
# 2.2"): says when the things it names came, changed or went, with or without a full stop, so prose.
_VERSION_NOTE = re.compile(r"^(?:new|added|changed|deprecated|removed)\s+(?:in|since)\s+(?:version\s+)?v?\d",
                           re.IGNORECASE)
# A reference entry's field label or a call-out's title ("Parameters", "Returns", "Note", "See also", "Changelog"):
# a part of the section it sits in, not a section of its own (a manual page's capitalised "NOTES" is one).
# A console line: Python's prompt or a shell's ("$ pybabel --help"); the line after it is what it printed.
CONSOLE_LINE = re.compile(r"^\s*(?:>>>|\$)\s")
_PART_LABEL = re.compile(r"^(?:parameters|arguments|keyword arguments|other parameters|returns?|return type|"
                         r"return value|yields|raises|attributes|examples?|notes?|see also|changelog|warning|caution|"
                         r"tip|hint|important|attention|danger)\s*:?$", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    """A run of text of one kind; ``start``/``end`` exclude bullet markers and surrounding blanks."""

    kind: BlockKind
    start: int
    end: int
    text: str
    item: bool = False  # the line opened with a bullet or an item number


def word_count(text: str) -> int:
    """Number of word tokens in ``text``."""
    return len(_WORD.findall(text))


def is_prose(line: str) -> bool:
    """A sentence (four words or more ending in a full stop, or in a colon that introduces what follows), a long
    line, or a line in which one sentence ends and another begins (its own last full stop left out: "Named for the
    plastic dinosaur. This release consisted of 848 packages")."""
    words = word_count(line)
    return ((words >= 4 and bool(_ENDS_SENTENCE.search(line) or line.rstrip().endswith(":"))) or words >= 30
            or (words >= _PROSE_WITH_INNER_END_MIN_WORDS and bool(_INNER_SENTENCE_END.search(line))))


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        else:
            spans.append((pos, pos))
        pos += len(line)
    return spans


def split_blocks(text: str, markdown: bool = False) -> list[Block]:
    """Classify each non-empty line; consecutive wrapped prose lines join into one block."""
    raw: list[Block] = []
    for start, end in _merge_hard_wrapped(text, _line_spans(text), markdown):
        if start == end:
            raw.append(Block("fragment", start, start, ""))  # blank line: a paragraph break
            continue
        line = text[start:end]
        if _RULE.match(line):  # "Title\n=====" (Markdown, reStructuredText, AsciiDoc): the line above is a heading
            if raw and raw[-1].kind != "heading" and raw[-1].end > raw[-1].start and not raw[-1].item \
                    and text.count("\n", raw[-1].end, start) == 1 and word_count(raw[-1].text) <= _TITLE_MAX_WORDS:
                raw[-1] = replace(raw[-1], kind="heading")
            raw.append(Block("fragment", start, start, ""))  # the rule itself says nothing: a paragraph break
            continue
        heading = _MD_HEADING.match(line) if markdown else None
        if heading:
            offset = start + heading.start(2)
            raw.append(Block("heading", offset, offset + len(heading.group(2)), heading.group(2)))
            continue
        bullet = ITEM_MARKER.match(line)
        if bullet:
            start, line = start + bullet.end(), line[bullet.end():]
        raw.append(Block("prose" if is_prose(line) else "fragment", start, end, line, item=bool(bullet)))
    return _promote_headings(_state_fields(_note_versions(_describe_options(_join_wrapped(raw, text)))))


def _merge_hard_wrapped(text: str, spans: list[tuple[int, int]], markdown: bool) -> list[tuple[int, int]]:
    """Join the lines of hard-wrapped paragraphs (text wrapped at ~70-100 columns, PDF lines) into one span.

    Only when the document's lines are short (90th-percentile length at most ``_WRAP_MAX``); a line continues the
    previous one when that one filled the line width, or when the line's first word would not have fitted in the
    room the previous line left (a wrap before a long path or URL). Line-per-paragraph documents are left as they
    are.
    """
    lengths = sorted(end - start for start, end in spans if end > start)
    if len(lengths) < 2 or lengths[int(len(lengths) * 0.9)] > _WRAP_MAX:
        return spans
    width = lengths[int(len(lengths) * 0.9)]
    full = 0.75 * width
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        prev = merged[-1] if merged else (0, 0)
        line, last = text[start:end], text[prev[0]:prev[1]].rsplit("\n", 1)[-1].strip()
        if (
            end > start and prev[1] > prev[0] and not _starts_item(line, last, full)
            and (len(last) >= full or len(last) + 1 + len(line.split(None, 1)[0]) > width)
            and not line.startswith(_NOT_WRAPPED) and not last.startswith(_NOT_WRAPPED) and not _RULE.match(line)
            and not (markdown and (_MD_HEADING.match(line) or _MD_HEADING.match(last)))
            and not (_ENDS_SENTENCE.search(last) and len(line) < full and not _ENDS_SENTENCE.search(line))
        ):
            merged[-1] = (prev[0], end)
        else:
            merged.append((start, end))
    return merged


def _starts_item(line: str, last: str, full: float) -> bool:
    """The line opens a list item; a number that opens it ("2. You can ...") is the wrapped end of a sentence
    instead when the line before filled the width without ending a sentence ("... up to a maximum of")."""
    if not ITEM_MARKER.match(line):
        return False
    return not (_NUMBERED.match(line) and len(last) >= full and not _ENDS_SENTENCE.search(last)
                and not last.endswith(":"))


def _join_wrapped(blocks: list[Block], text: str) -> list[Block]:
    """Join a prose line that does not end a sentence with the prose line right after it."""
    joined: list[Block] = []
    for block in blocks:
        prev = joined[-1] if joined else None
        if (
            prev is not None and block.kind == "prose" and prev.kind == "prose"
            and not _ENDS_SENTENCE.search(prev.text) and block.start > prev.end
            and not text[prev.end:block.start].count("\n") > 1
        ):
            joined[-1] = replace(prev, end=block.end, text=text[prev.start:block.end])
        else:
            joined.append(block)
    return [b for b in joined if b.end > b.start]


def _describe_options(blocks: list[Block]) -> list[Block]:
    """A manual's option line ("-n, --no-clobber") followed by its description written without a full stop ("do not
    overwrite an existing file"): the description is prose, so the option becomes its heading and term. An entry
    that gives both on one line ("-d     same as --no-dereference --preserve=links") is prose, its term with it."""
    out = [replace(b, kind="prose") if b.kind == "fragment" and _one_line_entry(b.text) else b for b in blocks]
    for i in range(1, len(out)):
        term, block = out[i - 1], out[i]
        if (block.kind == "fragment" and term.kind == "fragment" and _OPTION_TERM.match(term.text)
                and word_count(term.text) <= _OPTION_TERM_MAX_WORDS and word_count(block.text) >= _DESCRIPTION_MIN_WORDS
                and not _OPTION_TERM.match(block.text) and CELL_SEPARATOR not in block.text):
            out[i] = replace(block, kind="prose")
    return out


def _one_line_entry(text: str) -> bool:
    """Whether a line is an option's whole entry: its term, a gap, a description of a few words."""
    entry = _OPTION_ENTRY.match(text)
    return bool(entry) and word_count(entry.group("description")) >= _DESCRIPTION_MIN_WORDS \
        and CELL_SEPARATOR not in text


def is_field_line(text: str) -> bool:
    """A reference entry's field line ("Default: True"): two words can state it."""
    return bool(_FIELD_LINE.match(text)) and word_count(text) <= _FIELD_LINE_MAX_WORDS and CELL_SEPARATOR not in text


def _state_fields(blocks: list[Block]) -> list[Block]:
    """A field line ("Default: True") right after a description in prose states a fact about the entry: prose."""
    out = list(blocks)
    for i in range(1, len(out)):
        block = out[i]
        if block.kind == "fragment" and out[i - 1].kind == "prose" and is_field_line(block.text):
            out[i] = replace(block, kind="prose")
    return out


def _note_versions(blocks: list[Block]) -> list[Block]:
    """A version note ("New in version 0.7: PROPAGATE_EXCEPTIONS") written without a full stop is prose: left a
    fragment, it was out of the index, and with it when each thing it names came."""
    return [replace(b, kind="prose") if b.kind == "fragment" and _VERSION_NOTE.match(b.text) else b for b in blocks]


_ITEM_OF_SENTENCE = re.compile(r"(?:^[a-z]|[,;.]$|\b(?:and|or)$)")
"""A list item that reads as part of a sentence: it opens in lower case or ends as a list's items do ("... (TUN),",
"long, and"); a page's links and a contents list ("Related Modules", "Religious Leader In Iran") do neither."""


def paragraph_lists(blocks: list[Block]) -> set[int]:
    """Indexes of the list items that go on from a paragraph: fragments opened by a bullet or an item number, one
    after another right after prose ("... need to be pre-loaded (see modules(5))." then "- TUN/TAP modules ...,"),
    two or more of them, one of which reads as part of a sentence (``_ITEM_OF_SENTENCE``); a list under a heading
    (a table of contents), a list of titles (a page's links) and a numbered section's title ("1. Source Code.") are
    not one."""
    listed: set[int] = set()
    run: list[int] = []
    for i, block in enumerate([*blocks, Block("heading", 0, 0, "")]):
        if block.kind == "fragment" and block.item and (run or i and blocks[i - 1].kind == "prose"):
            run.append(i)
            continue
        if len(run) > 1 and any(_ITEM_OF_SENTENCE.search(blocks[j].text.strip()) for j in run):
            listed.update(run)
        run = []
    return listed


def _promote_headings(blocks: list[Block]) -> list[Block]:
    """A short fragment followed by prose is a heading (plain text has headings as bare lines); not a label inside
    a section, an introduced example or item, a table's last row, nor a console line or what it printed."""
    out = list(blocks)
    listed = paragraph_lists(out)
    for i, block in enumerate(out):
        if block.kind != "fragment" or word_count(block.text) > 15 or i in listed:
            continue
        if _PART_LABEL.match(block.text) and not block.text.isupper():
            continue  # a label inside the section: its text stays under the section's own heading
        if i and out[i - 1].kind == "prose" and out[i - 1].text.rstrip().endswith(":"):
            continue  # introduced by the prose before it: an example or a list item, not a title
        if i and CELL_SEPARATOR in block.text and CELL_SEPARATOR in out[i - 1].text:
            continue  # the last row of a table
        if CONSOLE_LINE.match(block.text) or (i and CONSOLE_LINE.match(out[i - 1].text)):
            continue  # a command typed at a console, or what it printed
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is not None and nxt.kind == "prose":
            out[i] = replace(block, kind="heading")
    return out


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end() - len(match.group()) + len(match.group().rstrip())
        nxt = text[match.end():match.end() + 2]
        if match.end() >= end or not nxt or not (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "\"'“‘([" ):
            continue
        before = text[cursor:match.start()].split()
        last_word = before[-1].lower().rstrip(".") if before else ""
        if last_word in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", last_word):
            continue
        if _SECTION_NUMBER.fullmatch(text[cursor:match.start()].strip()):
            continue  # a section's or an item's number opens the sentence: it is no sentence of its own
        spans.append((cursor, stop))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# Words of a heading that is a list's term rather than a section title ("priority 990", "-n NUM", "Port").
TERM_MAX_WORDS = 4
# A numbered title ("12.6. Examples", "4.7.1. sudo", "4 Installation"), a footnote's number, a line of code.
_NOT_TERM = re.compile(r"^(?:\d+(?:\.\d+)*\.\s|\d+(?:\.\d+)*\s+[A-Z]|\d+$"
                       r"|(?:assert|def|class|import|from|return|>>>|\$)\s)")
_VALUED_TERM = re.compile(r"\d|^-{1,2}\w|\w[_.:=<>/]+\w")  # a value, an option, a setting's or file's name


def term_above(text: str, start: int, heading: str) -> str:
    """The heading right above the sentence at ``start`` when it is a definition list's term ("priority 990" over
    "to the versions that belong to the target release."): the description says what the term's value is for;
    "" for a longer section title or a sentence further down."""
    if not heading or len(heading.split()) > TERM_MAX_WORDS:
        return ""
    end = start
    while end > 0 and text[end - 1].isspace():  # back over the line break and indent only, not the whole document
        end -= 1
    return heading if text[max(end - len(heading), 0):end] == heading else ""


def valued_term(term: str) -> bool:
    """A term that names a value, an option or a setting ("priority 990", "-n NUM", "Dir::Cache"), not a title
    ("DESCRIPTION", "12.6. Examples"), a link or a line of code: a citation of its description quotes it too."""
    if not term or term.isupper() or _NOT_TERM.match(term) or "://" in term or term.rstrip().endswith(":"):
        return False  # a title ("DESCRIPTION", "4.9. The 8.x Releases"), a link, a line of code that opens a block
    return bool(_VALUED_TERM.search(term))

