"""Pydantic models shared by every stage; ``Answer`` is the JSON contract of ``assistant ask --json``."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Span(BaseModel):
    """A character span of one source document."""

    source: str = Field(description="Path relative to the corpus folder.")
    start: int
    end: int


class SentenceTags(BaseModel):
    """What the answerer needs to know about one sentence, computed at index time."""

    ents: list[str] = Field(default_factory=list, description="Entity labels in the sentence (PERSON, DATE, CARDINAL, ...).")
    lemmas: list[str] = Field(default_factory=list, description="Lower-case lemmas of its content words, in order.")
    negated: bool = Field(False, description="Holds a negation (not, never, no, n't ...).")
    imperative: bool = Field(False, description="Opens with a bare verb: an instruction ('Use ...', 'Run ...').")


class Sentence(Span):
    """One sentence; ``text == document.text[start:end]``."""

    id: str
    text: str
    section: str = ""
    answerable: bool = Field(True, description="False for headings, list fragments and page debris.")
    back_matter: bool = Field(False, description="A dated line after the last paragraph (a manual page's footer): it "
                              "dates the document, and answers only questions about the document.")
    page: int | None = Field(None, description="PDF page number (1-based) where the sentence starts.")
    tags: SentenceTags | None = Field(None, description="Entities, lemmas and negation (assistant.nlp), set at index time.")


class Chunk(Span):
    """What is indexed: consecutive sentences of one section."""

    id: str = Field(description="Content hash of source and text: stable across re-indexing.")
    text: str
    section: str = ""
    title: str = ""
    sentence_ids: list[str] = Field(default_factory=list)
    page: int | None = Field(None, description="PDF page number (1-based) where the chunk starts.")


class Document(BaseModel):
    """A source document's extracted text and structure."""

    source: str
    title: str
    text: str
    sha256: str
    sections: list[tuple[int, str]] = Field(default_factory=list, description="(offset, heading) pairs in order.")
    pages: list[tuple[int, int]] = Field(default_factory=list, description="PDF: (offset, page number) where pages start.")


class Hit(BaseModel):
    """A retrieved chunk with its fused score and per-retriever ranks (1-based, None when absent)."""

    chunk: Chunk
    score: float
    bm25_rank: int | None = None
    dense_rank: int | None = None


class Citation(BaseModel):
    """A cited span; ``quote`` equals the document text at ``[start:end]``."""

    n: int
    source: str
    start: int
    end: int
    quote: str
    score: float
    section: str = ""
    title: str = ""
    page: int | None = Field(None, description="PDF page number (1-based) of the quote.")


class Answer(BaseModel):
    """The answer contract: every ``[n]`` in ``answer`` has a citation and every citation is used."""

    id: str | None = None
    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = Field(default_factory=list)
    searched: str | None = Field(None, description="The standalone question that was searched, when it differs.")
    retrieved: list[Span] = Field(default_factory=list, description="Retrieved chunk spans in rank order (for evals).")
    seconds: float = 0.0
    notice: str | None = Field(None, description="Shown to the user, e.g. that the LLM backend failed and this is the extractive answer.")
    dropped: list[str] = Field(
        default_factory=list, description="Generated sentences the grounding guard removed: no retrieved span supports them."
    )
