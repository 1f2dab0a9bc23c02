"""Sentences and chunks: verbatim offsets, stable ids, sizes, headings, debris never answerable."""

from __future__ import annotations

from pathlib import Path

from assistant.chunking import chunk_document
from assistant.documents import build_document, read_document
from assistant.schema import Document
from assistant.structure import word_count

from conftest import ARTICLE, CORPUS

MAX_MB = 25  # settings.limits.max_source_mb's default


def _article():
    return read_document(ARTICLE, CORPUS, MAX_MB)


def test_every_chunk_and_sentence_is_verbatim() -> None:
    doc = _article()
    chunks, sentences = chunk_document(doc)
    assert chunks and sentences
    for item in [*chunks, *sentences]:
        assert doc.text[item.start:item.end] == item.text
        assert item.source == "albania-iran-relations.txt"


def test_ids_are_stable_content_hashes() -> None:
    first, _ = chunk_document(_article())
    second, _ = chunk_document(_article())
    assert [c.id for c in first] == [c.id for c in second]
    assert len({c.id for c in first}) == len(first)


def test_chunk_sizes_and_sections() -> None:
    doc = _article()
    chunks, _ = chunk_document(doc)
    sizes = [word_count(c.text) for c in chunks]
    assert max(sizes) <= 200
    assert sum(s >= 60 for s in sizes) >= len(sizes) - 2
    assert doc.title == "Cyber Warfare & Diplomacy: Albania Iran Relations Explored"
    by_start = {c.start: c.section for c in chunks}
    assert by_start[4886] == "The Cyber Onslaught: A Turning Point in Albania Iran Relations"
    assert "Unprecedented Diplomatic Rupture" in {c.section for c in chunks}


def test_page_debris_is_never_indexed() -> None:
    doc = _article()
    chunks, sentences = chunk_document(doc)
    debris = ["Religious Leader In Iran", "Moving to Albania guide", "Ally Brooke Husband", "Britannica",
              "Table of Contents"]
    for text in debris:
        assert not any(text in c.text for c in chunks), text
        assert not any(text in s.text for s in sentences if s.answerable), text


def test_sentence_split_keeps_quotes_and_abbreviations() -> None:
    text = 'Intro heading\nMr. Smith went to the U.S. embassy on Sept. 8. He said "no." Then he left.\n'
    doc = build_document("x.txt", text, "0")
    _, sentences = chunk_document(doc, min_words=1)
    assert [s.text for s in sentences] == [
        "Mr. Smith went to the U.S. embassy on Sept. 8.", 'He said "no."', "Then he left."
    ]


def test_a_section_number_opens_its_sentence() -> None:
    text = ("Intro heading\nThe project kept a log of its history for many years.\n"
            "4.13.17. December 2015: the founder died. He was 42. 3. The next item follows.\n")
    doc = build_document("x.txt", text, "0")
    _, sentences = chunk_document(doc, min_words=1)
    assert [s.text for s in sentences][-3:] == [
        "4.13.17. December 2015: the founder died.", "He was 42.", "3. The next item follows."
    ]


def test_markdown_headings_become_sections(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Title here\n\n## Budget\n\nThe budget for the bridge was 4 million euros in total.\n")
    doc = read_document(path, tmp_path, MAX_MB)
    chunks, _ = chunk_document(doc, min_words=1)
    assert doc.title == "Title here"
    assert chunks[0].section == "Budget"
    assert doc.text[chunks[0].start:chunks[0].end] == chunks[0].text


def test_short_sections_of_an_option_list_share_a_chunk() -> None:
    items = "".join(f"       -{c}, --option-{c}\n              Turn on the {c} behaviour of the program for every file.\n\n"
                    for c in "abcdefgh")
    text = "OPTIONS\n" + items + "NOTES\n       " + " ".join(["A long note about the program."] * 30) + "\n"
    doc = build_document("prog.1.txt", text, "0")
    chunks, sentences = chunk_document(doc, min_words=60, max_words=200)
    described = [s for s in sentences if s.text.startswith("Turn on")]
    assert len(described) == 8 and len({s.section for s in described}) == 8  # each item keeps its own heading
    listing = [c for c in chunks if "Turn on" in c.text]
    assert len(listing) < 8  # items merged: retrieved with their neighbours and the option lines between them
    assert any("--option-b" in c.text for c in listing)  # a later item's option line is inside the chunk
    for chunk in chunks:
        assert doc.text[chunk.start:chunk.end] == chunk.text
        assert word_count(chunk.text) <= 200 + 20
    assert chunks[-1].section == "NOTES"  # a long section keeps a chunk of its own


def _page(tmp_path: Path, name: str, text: str) -> Document:
    """The document read from ``text`` written to ``tmp_path`` as ``name``."""
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return read_document(page, tmp_path, MAX_MB)


def test_table_rows_are_indexed_without_an_introducing_sentence(tmp_path: Path) -> None:
    chunks, sentences = chunk_document(_page(tmp_path, "levels.md", (
        "# Kernel messages\n\nThe console threshold can be set with dmesg.\n\nTable 3.4. Levels\n\n"
        "value | name | meaning\n\n3 | KERN_ERR | error conditions\n\n4 | KERN_WARNING | warning conditions\n\n"
        "The levels run from the most urgent down.\n\nPrev | Up | Next\n\nHome | Index | Top\n")))
    texts = [s.text for s in sentences]
    assert "4 | KERN_WARNING | warning conditions" in texts
    assert any("KERN_WARNING" in c.text for c in chunks)
    assert not any("Prev" in t for t in texts)  # two rows of links are no table


def test_an_option_described_without_a_full_stop_is_indexed_under_its_term(tmp_path: Path) -> None:
    chunks, sentences = chunk_document(_page(tmp_path, "cp.1.txt", (
        "OPTIONS\n       Mandatory arguments to long options are mandatory for short options too.\n\n"
        "       -l, --link\n              hard link files instead of copying\n\n"
        "       -n, --no-clobber\n              do not overwrite an existing file\n")))
    described = next(s for s in sentences if s.text == "do not overwrite an existing file")
    assert described.answerable and described.section == "-n, --no-clobber"
    assert any("no-clobber" in c.text and "hard link files" in c.text for c in chunks)


def test_an_option_entry_on_one_line_is_indexed_with_its_term(tmp_path: Path) -> None:
    _, sentences = chunk_document(_page(tmp_path, "cp.1.txt", (
        "OPTIONS\n       --copy-contents\n              copy contents of special files when recursive\n\n"
        "       -d     same as --no-dereference --preserve=links\n\n"
        "       -f, --force\n              if an existing destination file cannot be opened, remove it\n\n"
        "       -x     -y\n")))
    answerable = [" ".join(s.text.split()) for s in sentences if s.answerable]
    assert "-d same as --no-dereference --preserve=links" in answerable
    assert "copy contents of special files when recursive" in answerable  # the two-line form as before
    assert not any(t.startswith("-x") for t in answerable)  # a term and no description states nothing


def test_a_line_of_two_sentences_without_its_last_full_stop_is_prose(tmp_path: Path) -> None:
    _, sentences = chunk_document(_page(tmp_path, "releases.txt", (
        "Debian 1.2 Rex (December 12th, 1996): Named for the plastic dinosaur. This release consisted of "
        "848 packages maintained by 120 developers\n\nDebian 1.3 Bo (June 5th, 1997): Named for Bo Peep, "
        "the shepherdess.\n")))
    assert "This release consisted of 848 packages maintained by 120 developers" in [s.text for s in sentences]


def test_a_field_line_after_a_description_is_indexed_but_not_a_config_example(tmp_path: Path) -> None:
    _, sentences = chunk_document(_page(tmp_path, "keys.md", (
        "# Keys\n\nSESSION_LIFETIME\n\nHow long a permanent session lasts.\n\n"
        "Default: timedelta(days=31) (2678400 seconds)\n\nPin files hold stanzas like this one.\n\n"
        "Package: *\n")))
    answerable = [s.text for s in sentences if s.answerable]
    assert "Default: timedelta(days=31) (2678400 seconds)" in answerable
    assert "Package: *" not in answerable  # a line of a file's example, not a field of the entry


def test_a_field_label_or_call_out_title_is_no_section_of_its_own(tmp_path: Path) -> None:
    _, sentences = chunk_document(_page(tmp_path, "api.md", (
        "# Types\n\nclass DateTime(formats=None)\n\nThe DateTime type converts date strings into datetime "
        "objects.\n\nParameters\n\nformats – A list of format strings. Defaults to '%Y-%m-%d'.\n\nNote\n\n"
        "Parsing is tried with each format in order.\n\nNOTES\n\nA manual page's own section stays one.\n")))
    section = {s.text: s.section for s in sentences}
    assert section["Defaults to '%Y-%m-%d'."] == "class DateTime(formats=None)"
    assert section["Parsing is tried with each format in order."] == "class DateTime(formats=None)"
    assert section["A manual page's own section stays one."] == "NOTES"


def test_a_definition_list_term_is_the_heading_right_above_its_description() -> None:
    from assistant.structure import term_above, valued_term

    text = ("ALGORITHM\n       If the target release has been specified then APT uses the following\n"
            "       algorithm to set the priorities of the versions of a package. Assign:\n\n"
            "       priority 500\n           to the versions that do not belong to the target release.\n\n"
            "       priority 990\n           to the versions that belong to the target release.\n"
            "       The highest of those priorities whose description matches the version\n"
            "       is assigned to the version.\n")
    doc = build_document("apt_preferences.5.txt", text, "0")
    _, sentences = chunk_document(doc, min_words=1)
    belong = next(s for s in sentences if s.text.startswith("to the versions that belong"))
    assert belong.section == "priority 990"
    term = term_above(doc.text, belong.start, belong.section)
    assert term == "priority 990" and valued_term(term)  # a citation of "to the versions ..." starts at the term
    highest = next(s for s in sentences if s.text.startswith("The highest"))
    assert term_above(doc.text, highest.start, highest.section) == ""  # further down the term's description
    for title in ("DESCRIPTION", "12.6. Examples", "Port", "def main(argv):", "→ https://lists.debian.org/"):
        assert not valued_term(title)
    for named in ("-n NUM", "Dir::Cache::Archives", "200 (%>s)"):
        assert valued_term(named)


def test_a_list_going_on_from_a_paragraph_is_indexed_but_a_list_of_titles_is_not() -> None:
    """Items that read as parts of a sentence after prose are content even without an introducing colon; a page's
    links after the last paragraph and a numbered section's title are not list content."""
    text = ("Kernel modules\n\n"
            "Some modules need to be pre-loaded by listing them in the modules file (see modules(5)).\n\n"
            "- TUN/TAP modules providing virtual network devices,\n\n"
            "- netfilter modules providing firewall capabilities, and\n\n"
            "- watchdog timer driver modules.\n\n"
            "The configuration files for the module loader live in a directory of their own.\n\n"
            "1. Source Code.\n\n"
            "The source code for a work means the preferred form of the work for making modifications to it.\n\n"
            "- Religious Leader In Iran\n\n"
            "- Ally Brooke Husband\n")
    _, sentences = chunk_document(build_document("modules.txt", text, "0"))
    said = [s.text for s in sentences]
    assert "TUN/TAP modules providing virtual network devices," in said
    assert "netfilter modules providing firewall capabilities, and" in said
    assert not any("Religious Leader" in s or "Ally Brooke" in s for s in said)
    assert "Source Code." not in said
    assert any(s.section == "Source Code." for s in sentences)  # still the title of the section it opens


def test_a_version_note_without_a_full_stop_is_indexed(tmp_path: Path) -> None:
    """"New in version 0.7: PROPAGATE_EXCEPTIONS, ...": when the keys it names came, a sentence of the section
    (before, a fragment out of the index, the last one of a run a section heading)."""
    doc = _page(tmp_path, "config.md", (
        "# Changes\n\nSet to 0 to disable the warning.\n\nNew in version 0.4: LOGGER_NAME\n\n"
        "New in version 0.7: PROPAGATE_EXCEPTIONS, PRESERVE_CONTEXT_ON_EXCEPTION\n\n"
        "Changed in version 1.0: LOGGER_NAME was removed.\n\nVersion history\n"))
    _, sentences = chunk_document(doc)
    answerable = [s.text for s in sentences if s.answerable]
    assert "New in version 0.4: LOGGER_NAME" in answerable
    assert "New in version 0.7: PROPAGATE_EXCEPTIONS, PRESERVE_CONTEXT_ON_EXCEPTION" in answerable
    assert "Version history" not in answerable  # a bare line naming no version note stays out
    assert all(not heading.startswith("New in version") for _, heading in doc.sections)


def test_a_manual_pages_dated_footer_is_indexed_and_other_closing_lines_are_not(tmp_path: Path) -> None:
    """The footer of a manual page holds its date and version ("what date is on the apt_preferences man page?");
    it closes the last run of sentences. Lines after the last paragraph that hold no date stay out."""
    footer = "APT 2.6.1                       03 January 2022             APT_PREFERENCES(5)"
    chunks, sentences = chunk_document(_page(tmp_path, "apt_preferences.5.txt", (
        "NAME\n       apt_preferences - Preference control file for APT\n\n"
        "DESCRIPTION\n       The APT preferences file can be used to control which versions of packages "
        "will be selected for installation.\n\n"
        "SEE ALSO\n       apt-get(8) apt-cache(8) apt.conf(5)\n\n"
        f"{footer}\n")))
    dated = next(s for s in sentences if s.text == footer)
    assert dated.answerable and footer in chunks[-1].text
    assert not any(s.text.startswith("apt-get(8)") and s.answerable for s in sentences)
