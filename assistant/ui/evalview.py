"""The Eval tab's work, Gradio-free: the latest report's headline figures as HTML, and running the eval."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.service import Assistant

NO_REPORT = ('<p class="muted">No eval report yet. Run the eval here, or in a terminal: '
             "<code>assistant eval</code>.</p>")


def _label(metric: str) -> str:
    try:
        from assistant.evals.report import LABELS
    except ImportError:  # the evals package is optional to this view
        return metric
    return LABELS.get(metric, metric)


def _headline() -> tuple[str, ...]:
    try:
        from assistant.evals.metrics import HEADLINE
    except ImportError:
        return ()
    return tuple(HEADLINE)


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return "\u2014" if value is None else str(value)


def report_html(report: dict[str, Any]) -> str:
    """Headline figures of a report.json, one column per system (ours, and the baseline when it ran)."""
    systems = report.get("systems", {})
    names = list(systems)
    metrics = list(dict.fromkeys(m for s in systems.values() for m in s.get("figures", {})))
    headline = _headline()
    metrics = [m for m in metrics if m in headline] or metrics if headline else metrics
    head = "".join(f"<th>{html.escape(n)}</th>" for n in names)
    rows = "".join(
        f"<tr><td>{html.escape(_label(m))}</td>"
        + "".join(f"<td>{html.escape(_value(systems[n]['figures'].get(m)))}</td>" for n in names) + "</tr>"
        for m in metrics
    )
    info = report.get("set", {})
    caption = (f"{html.escape(str(info.get('questions', '?')))} questions from {html.escape(str(info.get('path', '?')))}"
               f", run {html.escape(str(report.get('started', '?')))}")
    return (f'<div class="eval-report"><p class="muted">{caption}</p>'
            f"<table><thead><tr><th>figure</th>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


def latest_report(reports_dir: Path) -> tuple[str, str | None]:
    """(figures HTML, path of report.png or None) from ``reports_dir/report.json``, or a 'no report' note."""
    path = reports_dir / "report.json"
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return NO_REPORT, None
    png = reports_dir / "report.png"
    return report_html(report), str(png) if png.is_file() else None


def eval_available() -> bool:
    """Whether the eval runner is installed in this tree."""
    try:
        import assistant.evals.runner  # noqa: F401
    except ImportError:
        return False
    return True


def run_eval(assistant: Assistant, set_path: Path, reports_dir: Path,
             progress: Callable[[str, int, int], None] | None = None) -> None:
    """Run the eval set through the assistant and write the report files into ``reports_dir``."""
    from assistant.evals.report import write_report
    from assistant.evals.runner import evaluate

    write_report(evaluate(assistant, set_path, baseline=False, progress=progress), reports_dir)
