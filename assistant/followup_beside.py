"""Follow-ups answered from beside the previous answer rather than searched: the outline entries after the one it
gave (``followup_outline``), the next paragraph (``followup_next.next_paragraph``), whether what it told was a first
(``followup_precedent``), another party's next step (``followup_sequel``). Each reader takes where the previous
answer stands (``Beside``) and gives a draft, or None when nothing there answers; ``Turns.continuation`` tries the
ones a follow-up asks for, in order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.followup_next import NEXT_PARAGRAPH, ContinuationParams, next_paragraph
from assistant.followup_outline import asked_step, stepped_entry
from assistant.followup_precedent import asks_precedent, precedent_told

if TYPE_CHECKING:
    from assistant.answer.draft import Draft
    from assistant.schema import Citation, DocumentRecord, Sentence


@dataclass(frozen=True)
class Beside:
    """Where the previous answer stands: its best citation's document (its sentences in order) and its citations
    there."""

    document: DocumentRecord
    sentences: Sequence[Sentence]
    cited: list[Citation]
    best: Citation


Reader = Callable[[Beside], "Draft | None"]


def _drafted(sentences: list[Sentence]) -> Draft | None:
    from assistant.answer.draft import Draft

    return Draft(sentences=sentences, abstained=False) if sentences else None


def told_of_party(party: str) -> Reader:
    """The reader of another party's next step after the previous answer (``followup_sequel.told_of``): "and what
    did iran do after that?"."""
    from assistant.followup_sequel import told_of

    return lambda at: _drafted(told_of(at.sentences, at.best, party))


def readers_for(question: str, asked: list[str], params: ContinuationParams) -> list[tuple[Reader, str]]:
    """The readers ``question`` asks for (``asked``: the earlier questions as asked), each with how its search reads
    ("the next entry?"); empty when it asks none."""
    from assistant.followup_besides import neighbourhood

    readers: list[tuple[Reader, str]] = []
    if (step := asked_step(question)) is not None:  # "and the one after that?", "the next two?"
        readers.append((lambda at: stepped_entry(at.document, at.cited, step, [question, *asked]),
                        f"the {'next' if step.direction > 0 else 'previous'} entry?"))
    if NEXT_PARAGRAPH.search(question):  # "and the next paragraph?"
        readers.append((lambda at: _drafted(next_paragraph(at.sentences, at.best, at.document.text,
                                                           params.single_each)), "the next paragraph?"))
    if asks_precedent(question):  # "had any country done that before?": a first, told beside it
        readers.append((lambda at: _drafted(precedent_told(neighbourhood(
            at.sentences, at.cited, at.best, at.document.text, params.near_paragraphs, with_best=True))),
            "was it a first?"))
    return readers
