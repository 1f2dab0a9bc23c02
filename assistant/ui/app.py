"""The Gradio app: Chat, Sources and Eval tabs and the ``/ask`` API endpoint, wired to one ``Assistant``.

Layout and wiring only; the behaviour lives in ``chat``, ``library``, ``evalview`` and ``render``.
"""

from __future__ import annotations

import html
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr
from gradio.utils import get_upload_folder

from assistant.errors import AssistantError
from assistant.store import IndexMissing
from assistant.ui import chat, evalview, library
from assistant.ui.render import esc

if TYPE_CHECKING:
    from assistant.service import Assistant

ASSETS = Path(__file__).parent / "assets"
CSS = (ASSETS / "app.css").read_text(encoding="utf-8")
JS = (ASSETS / "app.js").read_text(encoding="utf-8")
TITLE = "Grounded Q&A"
UPLOAD_CACHE_SECONDS = 3600
INTRO = (f"# {TITLE}\nAnswers quote the indexed documents word for word: click a **[n]** to see the cited "
         "words highlighted in their passage. When the documents don't hold the answer, it says so.")


def _index_progress(progress: gr.Progress) -> Callable[[str, int, int], None]:
    """The indexer's callbacks → Gradio's progress bar, reading like the CLI's (``library.index_progress``)."""
    return library.index_progress(lambda value, line: progress(value, desc=line, unit="items"))


def _eval_progress(progress: gr.Progress) -> Callable[[str, int, int], None]:
    """The eval runner's (task, done so far, total) callbacks → a Gradio progress bar."""

    def update(task: str, done: int, total: int) -> None:
        progress((min(done, total), total), desc=f"{task}\u2026", unit="items")

    return update


def _source_rows(assistant: Assistant) -> list[list[Any]]:
    try:
        docs = assistant.sources()
    except IndexMissing:  # no index yet
        return []
    return [[d.source, d.title, len(d.chunk_ids), f"{d.size / 1024:.1f} KB", d.indexed_at.replace("T", " ")[:19]]
            for d in docs]


def _status(result: library.LibraryResult, verb: str) -> str:
    lines = [f"{verb}: {esc(name)}" for name in result.placed]
    lines += [f"Refused: {esc(reason)}" for reason in result.refused.values()]
    if result.report is not None and not lines:
        lines.append("Already in the index: nothing new was added.")
    if result.report is not None:
        lines.append(f"Index updated in {result.report.seconds:.1f} s: {result.report.chunks_total} chunks.")
    return "\n\n".join(lines) or "Nothing to do."


def build_app(assistant: Assistant, reports_dir: Path = Path("evals/reports"),
              eval_set: Path = Path("evals/questions.jsonl")) -> gr.Blocks:
    """The Blocks app over one assistant (launch it with ``launch_kwargs`` from ``server``)."""
    settings = assistant.settings
    suffixes = sorted(library.supported_suffixes())

    # uploads never added to the index are deleted from Gradio's cache after an hour and when the server stops
    with gr.Blocks(analytics_enabled=False, title=TITLE, fill_width=True,
                   delete_cache=(UPLOAD_CACHE_SECONDS, UPLOAD_CACHE_SECONDS)) as demo:
        gr.Markdown(INTRO, elem_id="app-title")
        turns = gr.State([])
        with gr.Tabs():
            with gr.Tab("Chat", id="chat-tab"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=340):
                        chatbot = gr.Chatbot(
                            elem_id="chat", show_label=False, height=520, buttons=["copy", "copy_all"],
                            latex_delimiters=[], feedback_options=None, layout="bubble",
                            examples=[{"text": q} for q in settings.ui.examples],
                            placeholder="Ask about the indexed documents, or pick an example.",
                        )
                        box = gr.Textbox(placeholder="Ask a question about the documents\u2026", show_label=False,
                                         submit_btn="Ask", elem_id="question", autofocus=True, max_lines=4)
                        clear = gr.Button("Clear chat", size="sm", variant="secondary", elem_id="clear-chat")
                    with gr.Column(scale=2, min_width=300):
                        panel = gr.HTML(chat.panel([]), elem_id="sources-panel", js_on_load=None)
            with gr.Tab("Sources", id="sources-tab"):
                table = gr.Dataframe(headers=["name", "title", "chunks", "size", "indexed"], value=_source_rows(assistant),
                                     interactive=False, wrap=True, elem_id="sources-table")
                upload = gr.File(label=f"Add documents ({', '.join(suffixes)}; at most {settings.limits.max_upload_mb} MB each)",
                                 file_count="multiple", file_types=suffixes, type="filepath", elem_id="upload")
                add = gr.Button("Add to the index", variant="primary", elem_id="add-sources")
                with gr.Row():
                    choice = gr.Dropdown([r[0] for r in _source_rows(assistant)], label="Remove a document",
                                         elem_id="remove-choice", scale=3)
                    remove = gr.Button("Remove", variant="stop", elem_id="remove-source", scale=1)
                status = gr.Markdown(elem_id="sources-status")
            with gr.Tab("Eval", id="eval-tab"):
                figures_html, chart_path = evalview.latest_report(reports_dir)
                figures = gr.HTML(figures_html, elem_id="eval-figures", js_on_load=None)
                chart = gr.Image(chart_path, show_label=False, interactive=False, type="filepath", elem_id="eval-chart",
                                 visible=chart_path is not None)
                can_run = evalview.eval_available() and eval_set.is_file()
                run = gr.Button(f"Run the eval ({eval_set})", visible=can_run, elem_id="run-eval")
                eval_status = gr.Markdown("" if can_run else f"No eval set at {esc(str(eval_set))}: showing the "
                                          "latest report only.", elem_id="eval-status")

        def submit(question: str, history: list[chat.Turn]) -> Iterator[tuple[Any, ...]]:
            if not question.strip():
                yield gr.skip(), gr.skip(), gr.skip(), gr.skip()
                return
            for number, step in enumerate(chat.respond(assistant, question, history)):
                yield ("" if number == 0 else gr.skip(), step.chat,
                       gr.skip() if step.panel is None else step.panel, gr.skip() if step.turns is None else step.turns)

        def example(history: list[chat.Turn], event: gr.SelectData) -> Iterator[tuple[Any, ...]]:
            yield from submit(str(event.value.get("text", "")), history)

        chat_io = {"outputs": [box, chatbot, panel, turns], "show_progress": "hidden", "concurrency_limit": 4,
                   "api_visibility": "private"}
        box.submit(submit, [box, turns], **chat_io)
        chatbot.example_select(example, [turns], **chat_io)
        for trigger in (clear.click, chatbot.clear):
            trigger(lambda: ([], chat.panel([]), []), None, [chatbot, panel, turns], api_visibility="private", queue=False)

        def sources_view() -> tuple[Any, Any]:
            rows = _source_rows(assistant)
            return rows, gr.Dropdown(choices=[r[0] for r in rows], value=None)

        def add_files(files: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:
            if not files:
                return "Choose one or more files first.", *sources_view(), gr.skip()
            progress(0, desc="Reading the files\u2026")
            uploads = [(Path(f), Path(f).name) for f in files]
            try:
                result = library.add_files(assistant, uploads, _index_progress(progress))
            except AssistantError as exc:  # index busy too long, vector store down, disk full
                return f"Could not add: {esc(exc.one_line())}", *sources_view(), None
            finally:  # the corpus copy is the only one kept: drop Gradio's cached upload
                library.discard_uploads(uploads, Path(get_upload_folder()))
            return _status(result, "Added"), *sources_view(), None

        def remove_file(source: str | None, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:
            if not source:
                return "Choose a document to remove.", *sources_view()
            try:
                result = library.remove_source(assistant, source, _index_progress(progress))
            except AssistantError as exc:  # not an indexed source, index busy, vector store down, disk full
                return esc(exc.one_line()), *sources_view()
            return _status(result, "Removed"), *sources_view()

        add.click(add_files, [upload], [status, table, choice, upload], api_visibility="private")
        remove.click(remove_file, [choice], [status, table, choice], api_visibility="private")

        def run_eval(progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:
            progress(0, desc="Starting the eval\u2026")
            try:
                evalview.run_eval(assistant, eval_set, reports_dir, _eval_progress(progress))
            except AssistantError as exc:  # a bad eval set, an unusable index
                return gr.skip(), gr.skip(), f"Could not run the eval: {esc(exc.one_line())}"
            html, png = evalview.latest_report(reports_dir)
            return html, gr.Image(png, visible=png is not None), "Eval finished: the figures above are this run's."

        run.click(run_eval, None, [figures, chart, eval_status], api_visibility="private")
        def page_view() -> tuple[Any, ...]:
            html, png = evalview.latest_report(reports_dir)
            return *sources_view(), html, gr.Image(png, visible=png is not None)

        demo.load(page_view, None, [table, choice, figures, chart], api_visibility="private")

        def ask(question: str, history: list[str] | None = None) -> dict:
            """Answer a question from the indexed documents: the JSON answer contract of `assistant ask --json`."""
            try:
                return chat.api_answer(assistant, question, history)
            except AssistantError as exc:  # a bad question or an unusable index: the reason, never a traceback
                print(f"/ask refused: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
                raise gr.Error(html.escape(str(exc)), print_exception=False) from None

        gr.api(ask, api_name="ask")
    return demo


def launch_kwargs(settings_max_mb: int, reports_dir: Path) -> dict[str, Any]:
    """Arguments for ``Blocks.launch`` that carry the styling, the script and the upload limit."""
    theme = gr.themes.Default(primary_hue="indigo", font=["system-ui", "ui-sans-serif", "sans-serif"])  # system fonts
    return {"css": CSS, "js": JS, "theme": theme, "footer_links": ["api"],
            "max_file_size": f"{settings_max_mb}mb", "allowed_paths": [str(reports_dir.resolve())]}
