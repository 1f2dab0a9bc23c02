"""The chat UI as a person uses it: a real `assistant serve` process, Debian's Chromium driven by Playwright.

Screenshots of each step go to tests/artifacts/ (git-ignored). The API test uses gradio_client on the same server.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.schema import Answer

from conftest import ARTICLE, ROOT
from ui_helpers import app_env, running_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
ARTIFACTS = ROOT / "tests" / "artifacts"
HOSTILE_DOC = """# Field notes <b>bold</b>

The lighthouse keeper of Sazan Island was named Arben Cela. He wrote <script>window.__xss = 1</script> in his
log and drew <img src=x onerror="window.__xss = 2"> beside it.
"""
UPLOAD_TEXT = "The Zorblax festival is held in Vlore every March. The glass flute was invented by Mira Kodra in 1911.\n"

needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (make browser)")


def browser_test(test):  # noqa: ANN001, ANN201 - a pytest decorator
    """Marks a test that drives Chromium."""
    return pytest.mark.browser(needs_chromium(test))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python -m assistant serve` on a free port over a temp corpus (the article + a hostile document)."""
    work = tmp_path_factory.mktemp("ui")
    corpus = work / "corpus"
    corpus.mkdir()
    shutil.copy(ARTICLE, corpus / ARTICLE.name)
    (corpus / "field-notes.md").write_text(HOSTILE_DOC, encoding="utf-8")
    reports = work / "evals" / "reports"
    reports.mkdir(parents=True)
    report = {"set": {"path": "evals/questions.jsonl", "questions": 2}, "started": "2026-01-01T00:00:00+00:00",
              "systems": {"ours": {"figures": {"accuracy": 0.5, "citation_recall": 0.75}}}}
    (reports / "report.json").write_text(json.dumps(report), encoding="utf-8")  # hand-written, in the report format
    eval_set = (ROOT / "evals" / "questions.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)[:3]
    (work / "evals" / "questions.jsonl").write_text("".join(eval_set), encoding="utf-8")  # a 3-question slice
    with running_app(work, app_env(work, corpus, work / "index")) as app:
        yield app.url


@pytest.fixture(scope="module")
def client(server: str):
    from gradio_client import Client

    return Client(server, verbose=False)


def api_ask(client, question: str, history: list[str] | None = None) -> Answer:
    return Answer.model_validate(client.predict(question=question, history=history, api_name="/ask"))


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def open_page(browser, server: str, width: int = 1280, height: int = 800):
    """A fresh page on the app; ``page.outside`` collects any request that leaves 127.0.0.1."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.outside = []
    page.on("request", lambda r: r.url.startswith(("http://127.0.0.1", "data:", "blob:")) or page.outside.append(r.url))
    page.goto(server)
    page.wait_for_selector("#question textarea")
    return page


def ask(page, question: str):
    """Type a question, press Enter, wait for the answer to be complete; returns the new answer's row."""
    rows = page.locator(".bot-row")
    before = rows.count()
    page.fill("#question textarea", question)
    page.press("#question textarea", "Enter")
    page.wait_for_function(
        """(n) => { const rows = document.querySelectorAll('.bot-row'); const last = rows[rows.length - 1];
                   return rows.length > n && last.querySelector('.answer:not(.pending)') && !last.querySelector('.cursor'); }""",
        arg=before, timeout=120_000)  # generous: a loaded 2-core machine, not a speed check
    return rows.last


def shot(page, name: str, full: bool = False) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"ui-{name}.png"), full_page=full)


def test_api_ask_returns_the_answer_contract(client) -> None:
    answer = api_ask(client, "When did Albania recognize Israel?")
    text = ARTICLE.read_text(encoding="utf-8")
    assert not answer.abstained and "1949" in answer.answer
    assert all(text[c.start:c.end] == c.quote for c in answer.citations)
    follow = api_ask(client, "and how?", ["When did Albania recognize Israel?"])
    assert follow.searched and "Israel" in follow.searched


@browser_test
def test_answer_at_once_and_clicked_citation_highlight_the_quote(browser, server, client) -> None:
    question = "When did the cyberattack on Albania happen?"
    expected = api_ask(client, question)
    page = open_page(browser, server)
    shot(page, "01-empty")
    page.evaluate("""() => { window.__lengths = [];
        new MutationObserver(() => { const t = document.querySelectorAll('.bot-row .answer .text');
            if (t.length) window.__lengths.push(t[t.length - 1].textContent.length); })
        .observe(document.querySelector('#chat'), {subtree: true, childList: true, characterData: true}); }""")
    row = ask(page, question)
    lengths = sorted(set(page.evaluate("window.__lengths")) - {0})
    assert len(lengths) == 1, f"the extractive answer is shown whole, not replayed in pieces: {lengths}"
    assert "July 15, 2022" in row.inner_text()
    link = row.locator("a.cite").first
    assert link.inner_text() == "[1]"
    link.click()
    card = page.locator(".cite-card.focused")
    card.wait_for()
    assert card.get_attribute("id").endswith("-1")
    assert card.locator("mark").text_content() == expected.citations[0].quote
    assert expected.citations[0].title in card.inner_text()
    shot(page, "02-answer-citation")
    page.locator('button[aria-label="Copy message"]').last.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "[1]" in copied and "<" not in copied and "July 15, 2022" in copied
    assert page.outside == []


@browser_test
def test_off_topic_question_is_refused(browser, server) -> None:
    page = open_page(browser, server)
    row = ask(page, "What is the capital of Australia?")
    assert row.locator(".answer.refusal").count() == 1
    assert "The sources don't say" in row.inner_text()
    assert "Nearest passages" in page.locator("#sources-panel .turn.active").inner_text()
    shot(page, "03-refusal")


@browser_test
def test_follow_up_uses_the_previous_turn(browser, server) -> None:
    page = open_page(browser, server)
    ask(page, "Who cut ties with Iran?")
    when = ask(page, "When did he announce it?")
    assert "September 7" in when.inner_text()
    assert "Searched as" in when.locator(".searched").inner_text()
    how = ask(page, "and how?")
    assert "video message" in how.inner_text()
    shot(page, "04-follow-up")
    page.locator("#clear-chat").click()
    page.wait_for_function("() => document.querySelectorAll('.bot-row').length === 0")


@browser_test
def test_uploaded_file_is_answered_from_then_removed(browser, server, tmp_path: Path) -> None:
    upload = tmp_path / "zorblax festival.txt"
    upload.write_text(UPLOAD_TEXT, encoding="utf-8")
    page = open_page(browser, server)
    page.get_by_role("tab", name="Sources").click()
    page.locator("#upload input[type=file]").set_input_files(str(upload))
    page.wait_for_selector("#upload :text('zorblax')")
    page.locator("#add-sources").click()
    page.wait_for_selector("#sources-status :text('Added: zorblax-festival.txt')", timeout=120_000)
    assert "zorblax-festival.txt" in page.locator("#sources-table").inner_text()
    shot(page, "05-upload")
    page.get_by_role("tab", name="Chat").click()
    row = ask(page, "Who invented the glass flute?")
    assert "Mira Kodra" in row.inner_text()
    row.locator("a.cite").first.click()
    assert "zorblax-festival.txt" in page.locator(".cite-card.focused .cite-where").inner_text()
    shot(page, "06-answer-from-upload")
    page.get_by_role("tab", name="Sources").click()
    page.locator("#remove-choice input").click()
    page.get_by_role("option", name="zorblax-festival.txt").click()
    page.locator("#remove-source").click()
    page.wait_for_selector("#sources-status :text('Removed: zorblax-festival.txt')", timeout=120_000)
    assert "zorblax-festival.txt" not in page.locator("#sources-table").inner_text()


@browser_test
def test_html_in_a_document_renders_as_text(browser, server) -> None:
    page = open_page(browser, server)
    row = ask(page, "What did Arben Cela write in his log?")
    row.locator("a.cite").first.click()
    card = page.locator(".cite-card.focused")
    assert "Arben Cela" in card.inner_text()
    assert "<script>window.__xss = 1</script>" in card.inner_text()
    assert "Field notes <b>bold</b>" in card.inner_text()
    assert card.locator("script, img, b").count() == 0
    shot(page, "07-html-as-text")
    page.get_by_role("tab", name="Sources").click()
    assert "Field notes <b>bold</b>" in page.locator("#sources-table").inner_text()
    assert page.evaluate("window.__xss") is None
    shot(page, "08-html-title-as-text")


@browser_test
def test_phone_width_is_usable(browser, server) -> None:
    page = open_page(browser, server, 390, 844)
    shot(page, "09-phone-empty")
    page.get_by_text("How many MEK members did Albania accept?").click()  # an example question
    page.wait_for_function("() => document.querySelector('.bot-row .answer:not(.pending)') && !document.querySelector('.cursor')",
                           timeout=60_000)
    row = page.locator(".bot-row").last
    assert "3,000" in row.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    row.locator("a.cite").first.click()
    card = page.locator(".cite-card.focused")
    card.wait_for()
    box = card.bounding_box()
    assert box is not None and box["width"] <= 390 and 0 <= box["y"] < 844
    shot(page, "10-phone-citation")
    shot(page, "11-phone-full", full=True)


@browser_test
def test_eval_tab_shows_the_latest_report(browser, server) -> None:
    page = open_page(browser, server)
    page.get_by_role("tab", name="Eval").click()
    figures = page.locator("#eval-figures")
    figures.locator("table").wait_for()
    assert "0.50" in figures.inner_text() and "0.75" in figures.inner_text()
    shot(page, "12-eval-latest")
    page.locator("#run-eval").click()
    page.wait_for_selector("#eval-status :text('Eval finished')", timeout=180_000)
    assert "3 questions" in figures.inner_text()
    page.locator("#eval-chart img").wait_for()
    shot(page, "13-eval-run")
