"""Documents → sentences and sentence-aligned chunks with character offsets and content-hash ids."""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from assistant.answer.qtypes import DATE
from assistant.schema import Chunk, Document, Sentence
from assistant.structure import (
    CELL_SEPARATOR, Block, is_field_line, paragraph_lists, split_blocks, split_sentences, word_count,
)


def content_id(source: str, text: str, seen: Counter[str]) -> str:
    """A stable id from source and text; repeats of the same text in one source get a counter suffix."""
    base = hashlib.sha256(f"{source}\x00{text}".encode()).hexdigest()[:24]
    seen[base] += 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


_DATED = re.compile(rf"{DATE.pattern}|\bversion\s+\d", re.IGNORECASE)


def introduces(block: Block) -> bool:
    """A prose block ending in a colon introduces what follows: an example, a command, a list or a table."""
    return block.kind == "prose" and block.text.rstrip().endswith(":")


_TABLE_MIN_ROWS = 3  # a header and two entries; a page's two navigation rows ("Prev | Up | Next") are no table


def table_rows(blocks: list[Block]) -> set[int]:
    """Indexes of the fragments that are rows of a table: at least ``_TABLE_MIN_ROWS`` consecutive ``cell | cell``
    lines (blank lines between them allowed) with the same number of cells."""
    rows: set[int] = set()
    run: list[int] = []
    width = 0
    for i, block in enumerate([*blocks, Block("heading", 0, 0, "")]):
        if block.kind == "fragment" and not block.text:
            continue
        cells = block.text.count(CELL_SEPARATOR) + 1 if block.kind == "fragment" else 0
        if cells >= 2 and cells == width:
            run.append(i)
            continue
        if len(run) >= _TABLE_MIN_ROWS:
            rows.update(run)
        run, width = ([i], cells) if cells >= 2 else ([], 0)
    return rows


def back_matter(blocks: list[Block], grouped: set[int]) -> list[Block]:
    """The lines after the document's last paragraph that hold a date or a version and no run of sentences took
    (``grouped``, by index): a manual page's footer, "APT 2.6.1   03 January 2022   APT_PREFERENCES(5)"."""
    last_prose = max((i for i, b in enumerate(blocks) if b.kind == "prose"), default=len(blocks))
    return [b for i, b in enumerate(blocks) if i > last_prose and i not in grouped and b.kind == "fragment"
            and _DATED.search(b.text)]


def _section_groups(doc: Document, blocks: list[Block]) -> tuple[list[tuple[str, list[Block]]], list[Block]]:
    """Runs of consecutive prose blocks under one heading, with the fragments (code, list items, table rows) that a
    prose block ending in a colon introduces; a heading or any other fragment ends a run. The document's front
    matter lines that hold a version or a date ("Version 2.0, January 2004") open the first run, and its back matter
    (``back_matter``, returned too) closes the last one. The rows of a table (``table_rows``) and the items of a list
    that goes on from a paragraph (``paragraph_lists``) count as introduced: they hold content whether or not a
    sentence announces them."""
    groups: list[tuple[str, list[Block]]] = []
    section, current = doc.title, []
    introduced = False
    first_prose = next((i for i, b in enumerate(blocks) if b.kind == "prose"), len(blocks))
    front = [b for b in blocks[:first_prose] if _DATED.search(b.text)]
    kept = table_rows(blocks) | paragraph_lists(blocks)
    grouped: set[int] = set()
    for i, block in enumerate(blocks):
        if block.kind == "prose" or (block.kind == "fragment" and (introduced or i in kept)):
            current.append(block)
            grouped.add(i)
            introduced = block.kind == "fragment" or introduces(block)
            continue
        introduced = False
        if current:
            groups.append((section, current))
            current = []
        if block.kind == "heading" and block.start > 0:
            section = block.text
    if current:
        groups.append((section, current))
    if groups and front:
        groups[0] = (groups[0][0], front + groups[0][1])
    back = back_matter(blocks, grouped) if groups else []
    if back:
        groups[-1] = (groups[-1][0], groups[-1][1] + back)
    return groups, back


def chunk_document(
    doc: Document, min_words: int = 60, max_words: int = 200, overlap: int = 1
) -> tuple[list[Chunk], list[Sentence]]:
    """Split a document into sentences and group them into chunks of roughly min..max words."""
    blocks = split_blocks(doc.text, markdown=not doc.source.endswith(".txt"))
    chunks: list[Chunk] = []
    sentences: list[Sentence] = []
    chunk_ids: Counter[str] = Counter()
    sentence_ids: Counter[str] = Counter()
    runs: list[tuple[str, list[Sentence]]] = []
    groups, back = _section_groups(doc, blocks)
    for section, group in groups:
        paragraphs: list[list[Sentence]] = []
        for block in group:
            para = []
            # a command such as "lsb_release -a" answers "how", a field line "Default: True" what the default is
            least = 3 if block.kind == "prose" and not is_field_line(block.text) else 2
            for start, end in split_sentences(doc.text, block.start, block.end):
                text = doc.text[start:end]
                para.append(Sentence(
                    id=content_id(doc.source, text, sentence_ids), source=doc.source, start=start, end=end,
                    text=text, section=section,
                    answerable=word_count(text) >= least and not text.rstrip("\"'”’) ").endswith("?"),
                    back_matter=block in back,
                ))
            sentences.extend(para)
            paragraphs.append(para)
        runs += [(section, run) for run in _group_sentences(paragraphs, min_words, max_words, overlap)]
    for section, run in _merge_short_sections(runs, min_words, max_words):
        text = doc.text[run[0].start:run[-1].end]
        chunks.append(Chunk(
            id=content_id(doc.source, text, chunk_ids), source=doc.source, start=run[0].start,
            end=run[-1].end, text=text, section=section, title=doc.title, sentence_ids=[s.id for s in run],
        ))
    return chunks, sentences


def _merge_short_sections(
    runs: list[tuple[str, list[Sentence]]], min_words: int, max_words: int
) -> list[tuple[str, list[Sentence]]]:
    """Consecutive sections too short for a chunk of their own (the items of an option list or a glossary: a term
    line and a sentence or two) share a chunk, up to ``max_words``, so each item is retrieved with its
    neighbours and the term lines between them; the chunk keeps its first section's heading."""
    out: list[tuple[str, list[Sentence]]] = []
    for section, run in runs:
        words = sum(word_count(s.text) for s in run)
        if out and words < min_words:
            last_section, last = out[-1]
            last_words = sum(word_count(s.text) for s in last)
            if last_section != section and last_words < min_words and last_words + words <= max_words:
                out[-1] = (last_section, last + run)
                continue
        out.append((section, run))
    return out


def _group_sentences(
    paragraphs: list[list[Sentence]], min_words: int, max_words: int, overlap: int
) -> list[list[Sentence]]:
    """Whole paragraphs when they fit; short ones merge forward; long ones split with overlap."""
    runs: list[list[Sentence]] = []
    current: list[Sentence] = []
    words = 0
    for para in paragraphs:
        if current and words >= min_words:
            runs.append(current)
            current, words = [], 0
        for sentence in para:
            n = word_count(sentence.text)
            if current and words + n > max_words:
                runs.append(current)
                current = current[-overlap:] if overlap and len(current) > overlap else []
                words = sum(word_count(s.text) for s in current)
            current.append(sentence)
            words += n
    if current:
        if runs and words < min_words // 2 and words + sum(word_count(s.text) for s in runs[-1]) <= max_words:
            runs[-1].extend(s for s in current if s not in runs[-1])
        else:
            runs.append(current)
    return runs
