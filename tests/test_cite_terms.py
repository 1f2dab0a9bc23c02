"""A cited sentence that opens the description of a definition list's term quotes the term too (a real index over
scp(1), a manual page of the ssh-manuals dev collection): "Specifies the port to connect to on the remote host."
says which flag sets the port only with the option above it."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.cite import citation_for
from assistant.service import Assistant
from assistant.settings import Settings

PAGE = Path(__file__).parent.parent / "evals" / "sets" / "ssh-manuals" / "corpus" / "scp.1.txt"


def test_a_citation_of_an_options_description_starts_at_the_option(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = PAGE.read_text(encoding="utf-8")
    (corpus / PAGE.name).write_text(text, encoding="utf-8")
    assistant = Assistant(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"))
    assistant.index()
    snapshot = assistant.snapshot()
    port = next(s for s in snapshot.meta.sentences if s.text.startswith("Specifies the port to connect to"))
    cited = citation_for(1, port, snapshot, 0.0)
    assert cited.quote.startswith("-P port") and cited.end == port.end
    assert text[cited.start:cited.end] == cited.quote  # still the exact words of the document
    title = next(s for s in snapshot.meta.sentences if s.section == "DESCRIPTION")
    assert citation_for(2, title, snapshot, 0.0).start == title.start  # under a section title: as it is
