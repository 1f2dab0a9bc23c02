"""Load: 50 concurrent gradio_client clients ask eval-set questions through the real UI for a minute (loopback only).

Bounded: 50 clients, 60 seconds, one server. Asserted: zero errors, every answer in the JSON contract, server
memory not growing without bound (end < start + 300 MB). Latency percentiles and memory samples are printed and
written to tests/artifacts/load.json (no timing assertions: the machine is shared).
"""

from __future__ import annotations

import json
import threading
import time

import pytest

from conftest import ROOT
from reliability_helpers import record
from ui_helpers import App, rss_mb

pytestmark = pytest.mark.load
CLIENTS = 50
SECONDS = 60.0
ARTIFACT = ROOT / "tests" / "artifacts" / "load.json"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def test_fifty_clients_for_a_minute(shared_app: App) -> None:
    from gradio_client import Client

    from assistant.schema import Answer

    questions = [json.loads(line)["question"] for line in (ROOT / "evals" / "questions.jsonl").open(encoding="utf-8")]
    clients: list[Client] = []
    lock = threading.Lock()

    def connect() -> None:
        client = Client(shared_app.url, verbose=False)
        with lock:
            clients.append(client)

    connecting = [threading.Thread(target=connect) for _ in range(CLIENTS)]
    for thread in connecting:
        thread.start()
    for thread in connecting:
        thread.join()
    assert len(clients) == CLIENTS
    latencies: list[float] = []
    errors: list[str] = []
    abstained = 0
    rss = {"start": rss_mb(shared_app.proc.pid)}
    deadline = time.monotonic() + SECONDS

    def work(number: int) -> None:
        nonlocal abstained
        client, k = clients[number], number
        while time.monotonic() < deadline:
            question = questions[k % len(questions)]
            k += 7
            started = time.perf_counter()
            try:
                answer = Answer.model_validate(client.predict(question=question, history=None, api_name="/ask"))
            except Exception as exc:  # noqa: BLE001 - every failure is counted and reported
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}"[:200])
                continue
            with lock:
                latencies.append(time.perf_counter() - started)
                abstained += answer.abstained

    started = time.monotonic()
    workers = [threading.Thread(target=work, args=(n,)) for n in range(CLIENTS)]
    for thread in workers:
        thread.start()
    time.sleep(SECONDS / 2)
    rss["middle"] = rss_mb(shared_app.proc.pid)
    for thread in workers:
        thread.join()
    elapsed = time.monotonic() - started
    rss["end"] = rss_mb(shared_app.proc.pid)
    figures = {
        "clients": CLIENTS, "seconds": round(elapsed, 1), "requests": len(latencies) + len(errors),
        "answered": len(latencies), "abstained": abstained, "errors": len(errors), "error_samples": errors[:5],
        "throughput_per_s": round(len(latencies) / elapsed, 2),
        "latency_s": {"p50": round(percentile(latencies, 0.5), 2), "p95": round(percentile(latencies, 0.95), 2),
                      "max": round(max(latencies), 2)} if latencies else None,
        "server_rss_mb": {k: round(v) for k, v in rss.items()},
    }
    ARTIFACT.parent.mkdir(parents=True, exist_ok=True)
    ARTIFACT.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    print(f"\nload: {json.dumps(figures)}")
    record("load", [{"case": f"{CLIENTS} gradio_client clients for {SECONDS:.0f} s", "channel": "UI /ask",
                     "expected": "0 errors, memory steady", "actual": json.dumps(figures)}])
    assert errors == [], errors[:5]
    assert latencies, "no question was answered"
    assert rss["end"] < rss["start"] + 300, rss
    assert "Traceback" not in shared_app.output()
