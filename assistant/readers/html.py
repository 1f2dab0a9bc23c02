"""HTML: the main text only. Scripts, styles, navigation, headers, footers, asides and forms are dropped.

The extracted text has one block per line, blank lines between blocks; headings become Markdown heading lines
(``## Heading``) so sections work, list items become ``- item`` lines and table rows ``cell | cell`` lines.
Citation offsets point into this extracted text, which the index stores.
"""

from __future__ import annotations

import re

from assistant.readers.base import UnreadableSource, build_document, check_not_binary
from assistant.schema import Document

SUFFIXES = (".html", ".htm", ".xhtml")
DROP = {
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select", "textarea", "iframe",
    "svg", "canvas", "object", "embed", "dialog", "head",
}
PAGE_CHROME = {"header", "footer"}  # dropped unless inside the chosen <main>/<article>
HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCKS = {
    "p", "div", "section", "article", "main", "body", "ul", "ol", "dl", "dt", "dd", "blockquote", "figure",
    "figcaption", "table", "thead", "tbody", "tfoot", "caption", "address", "details", "summary", "hr", "center",
    "header", "footer",
}
_SPACE = re.compile(r"\s+")
_PERMALINK_MARKS = {"\u00b6", "#", "\u00a7", "\U0001f517"}  # the text of a link to its own heading or definition


def _is_permalink(node) -> bool:  # noqa: ANN001
    """A link to the element it sits in ("SESSION_COOKIE_SECURE¶", Sphinx's and MkDocs' headerlinks)."""
    return (node.name == "a" and str(node.get("href", "")).startswith("#")
            and _clean(node.get_text()) in _PERMALINK_MARKS)


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


class _Extractor:
    """Walks the tree once, collecting inline text into lines at block boundaries."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._inline: list[str] = []
        self._prefix = ""

    def flush(self) -> None:
        line = _clean("".join(self._inline))
        self._inline = []
        if line:
            self.lines.append(self._prefix + line)
            self._prefix = ""

    def walk(self, node, keep_chrome: bool) -> None:  # noqa: ANN001 - bs4 types stay lazy
        from bs4 import Comment, NavigableString, ProcessingInstruction, Declaration, Doctype

        for child in node.children:
            if isinstance(child, (Comment, ProcessingInstruction, Declaration, Doctype)):
                continue
            if isinstance(child, NavigableString):
                self._inline.append(str(child))
                continue
            name = child.name
            if (name in DROP or (name in PAGE_CHROME and not keep_chrome) or child.has_attr("hidden")
                    or _is_permalink(child)):
                continue
            if name in HEADINGS:
                self.flush()
                heading = _clean(child.get_text(" ")).rstrip("\u00b6#\u00a7 ")  # permalink marks
                if heading:
                    self.lines.append("#" * HEADINGS[name] + " " + heading)
            elif name == "dt" and self.lines and _after_term(child):  # "-q" then "--quiet": one term, two names
                self.flush()
                term = _clean(child.get_text(" "))
                if term:
                    self.lines[-1] += ", " + term
            elif name == "br":
                self.flush()
            elif name == "li":
                self.flush()
                self._prefix = "- "
                self.walk(child, keep_chrome)
                self.flush()
            elif name == "tr":
                self.flush()
                cells = [_clean(c.get_text(" ")) for c in child.find_all(["td", "th"], recursive=False)]
                if any(cells):
                    self.lines.append(" | ".join(c for c in cells if c))
            elif name == "pre":
                self.flush()
                self.lines.extend(line.rstrip() for line in child.get_text().splitlines() if line.strip())
            elif name in BLOCKS:
                self.flush()
                self.walk(child, keep_chrome)
                self.flush()
            else:
                self.walk(child, keep_chrome)


_TERM_MAX_WORDS = 6  # words of a term's name ("-q", "--depth=<n>", "core.editor")
_NUMBERED_TITLE = re.compile(r"^\s*(?:[A-Z]\.|\d+\.)(?:\d+\.?)*\s")


def _after_term(node) -> bool:  # noqa: ANN001 - bs4 types stay lazy
    """Whether a <dt> is another name of the term before it: it comes right after another <dt>, the run of terms
    ends in a <dd> (a contents list of <dt>s alone is no term), and both are short."""
    from bs4 import Tag

    def sibling(tag, step: str):  # noqa: ANN001, ANN202
        tag = getattr(tag, step)
        while tag is not None and not isinstance(tag, Tag):
            tag = getattr(tag, step)
        return tag

    previous, following = sibling(node, "previous_sibling"), sibling(node, "next_sibling")
    while following is not None and following.name == "dt":
        following = sibling(following, "next_sibling")
    short = all(len(t.get_text(" ").split()) <= _TERM_MAX_WORDS and not _NUMBERED_TITLE.match(t.get_text(" "))
                for t in (node, previous) if t is not None)  # "3.4. The system message": a contents entry
    return previous is not None and previous.name == "dt" and following is not None and following.name == "dd" \
        and short


def _main_element(soup):  # noqa: ANN001, ANN202
    """<main>, else an element with role=main, else the longest <article>; None when there is none."""
    found = soup.find("main") or soup.find(attrs={"role": "main"})
    if found is not None:
        return found
    articles = soup.find_all("article")
    return max(articles, key=lambda a: len(a.get_text()), default=None)


def extract(data: bytes, source: str) -> tuple[str, str]:
    """(title, main text) of an HTML page."""
    from bs4 import BeautifulSoup

    check_not_binary(data, source)
    soup = BeautifulSoup(data, "html.parser")
    title = _clean(soup.title.get_text()) if soup.title else ""
    main = _main_element(soup)
    root = main if main is not None else (soup.body or soup)
    extractor = _Extractor()
    extractor.walk(root, keep_chrome=main is not None)
    extractor.flush()
    if not title:
        h1 = root.find("h1")
        title = _clean(h1.get_text(" ")) if h1 else ""
    return title, "\n\n".join(extractor.lines) + "\n"


def read(data: bytes, source: str, sha256: str) -> Document:
    """An HTML page's main text, title from <title> or the first <h1>."""
    title, text = extract(data, source)
    if not text.strip():
        raise UnreadableSource(f"{source}: no text in the HTML page")
    return build_document(source, text, sha256, markdown=True, title=title or None)
