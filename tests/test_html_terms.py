"""An HTML term given under several names, one <dt> each ("-q", "--quiet"), is read as one line; a contents list
of <dt>s is not joined (assistant.readers.html.extract)."""

from __future__ import annotations

from assistant.readers.html import extract

PAGE = b"""<html><body><h2>OPTIONS</h2><dl>
<dt>-q</dt><dt>--quiet</dt><dd><p>Only print error messages.</p></dd>
<dt>--depth=&lt;n&gt;</dt><dd><p>Walk at most n levels. The default is 3.</p></dd>
</dl>
<dl class="toc"><dt><a href="#a">3.3. The kernel message</a></dt><dt><a href="#b">3.4. The system message</a></dt>
<dd><dl><dt><a href="#c">3.4.1. Levels</a></dt></dl></dd></dl>
<dl><dt>Table of Contents</dt><dt>Another heading entry</dt></dl></body></html>"""


def test_the_names_of_one_term_share_a_line() -> None:
    lines = extract(PAGE, "frob.html")[1].splitlines()
    assert "-q, --quiet" in lines
    assert "--depth=<n>" in lines


def test_contents_entries_and_terms_without_a_description_stay_apart() -> None:
    lines = extract(PAGE, "frob.html")[1].splitlines()
    assert "3.3. The kernel message" in lines and "3.4. The system message" in lines
    assert "Table of Contents" in lines and "Another heading entry" in lines
