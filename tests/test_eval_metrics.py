"""The eval metrics on hand-made answers, and `assistant eval` end to end on a 5-question set (real index, real
llama-index + Chroma baseline, real report files)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.evals.metrics import (
    by_type, check_thresholds, cited_segments, evidence_spans, find_spans, judge, missing_keys, normalise,
    overlaps, retrieval_rank, summarise, supports,
)
from assistant.evals.runner import public_settings, score
from assistant.evals.schema import EvalQuestion, EvalSetError, SourceTexts, load_questions
from assistant.schema import Answer, Citation, Span

ROOT = Path(__file__).resolve().parents[1]
DOC = "doc.txt"
TEXT = ("Albania accepted about 3,000 members in 2014. Iran denied any role. "
        "The attack came on July 15, 2022. Albania accepted about 3,000 members in 2014.")
FIRST = TEXT.index("Albania accepted")
SECOND = TEXT.rindex("Albania accepted")
SENTENCE = "Albania accepted about 3,000 members in 2014."
DENIED = "Iran denied any role."


@pytest.fixture
def texts(tmp_path: Path) -> SourceTexts:
    (tmp_path / DOC).write_text(TEXT, encoding="utf-8")
    return SourceTexts(tmp_path, {})


def q(**fields) -> EvalQuestion:
    base = {"id": "x", "question": "How many members did Albania accept?", "type": "number", "answer": "about 3,000",
            "must_include": [["3,000", "3000"]], "evidence": [SENTENCE], "should_abstain": False, "source": DOC}
    return EvalQuestion.model_validate({**base, **fields})


def cite(n: int, start: int, end: int, quote: str | None = None) -> Citation:
    return Citation(n=n, source=DOC, start=start, end=end, quote=TEXT[start:end] if quote is None else quote, score=1.0)


def answer(text: str, citations: list[Citation], abstained: bool = False, retrieved: list[Span] | None = None) -> Answer:
    return Answer(question="?", answer=text, abstained=abstained, citations=citations, retrieved=retrieved or [])


def test_evidence_spans_use_every_occurrence_and_report_missing(texts: SourceTexts) -> None:
    spans, missing = evidence_spans(q(evidence=[SENTENCE, "not in the text"]), texts)
    assert [(s.start, s.end) for s in spans] == [(FIRST, FIRST + len(SENTENCE)), (SECOND, SECOND + len(SENTENCE))]
    assert missing == ["not in the text"]
    assert len(find_spans("aaa", "aa", DOC)) == 2  # overlapping occurrences too


def test_overlap_is_half_open_and_per_source() -> None:
    a = Span(source=DOC, start=0, end=5)
    assert overlaps(a, Span(source=DOC, start=4, end=9))
    assert not overlaps(a, Span(source=DOC, start=5, end=9))
    assert not overlaps(a, Span(source="other.txt", start=0, end=5))


def test_keys_alternatives_normalisation_and_marker_stripping() -> None:
    assert missing_keys("About 3000 people [1]", [["3,000", "3000"]]) == []
    assert missing_keys("Iran\u2019s cyber\u2013attack", [["Iran's"], ["cyber-attack"]]) == []
    assert missing_keys("  IRAN   DENIED\n it", [["iran denied it"]]) == []
    # the marker's digits never count: "[3]" must not satisfy the key "3", nor "2022 3"
    assert missing_keys("It happened in 2022 [3].", [["3"]]) == [["3"]]
    assert missing_keys("It happened in 2022 [3].", [["2022 3"]]) == [["2022 3"]]
    assert normalise("a [12] b") == "a b"
    # plain substring vs word-boundary (strict) matching
    assert missing_keys("in 2023", [["3"]]) == []
    assert missing_keys("in 2023", [["3"]], strict=True) == [["3"]]


def test_cited_segments_and_support() -> None:
    segments = cited_segments("Albania accepted 3,000 members [1] Iran denied it [2][3].")
    assert segments[1] == ["Albania accepted 3,000 members"]
    assert segments[2] == segments[3] == [" Iran denied it"]
    assert supports("Albania accepted 3,000 members", SENTENCE)
    assert not supports("Albania expelled Iranian diplomats quickly", SENTENCE)  # 1 of 5 content words
    assert not supports("the and of", SENTENCE)  # no content words: no support


def test_judge_accurate_cited_answer(texts: SourceTexts) -> None:
    gold, _ = evidence_spans(q(), texts)
    c = cite(1, SECOND, SECOND + len(SENTENCE))  # the second occurrence counts as gold too
    verdicts, reasons = judge(q(), answer(f"{SENTENCE} [1]", [c], retrieved=gold[:1]), gold, texts)
    assert verdicts.retrieval_rank == 1 and verdicts.accurate and verdicts.citation_hit and verdicts.abstain_correct
    assert verdicts.citations[0].precise and verdicts.citations[0].verbatim
    assert reasons == []


def test_judge_detects_verbatim_failure_and_imprecise_citation(texts: SourceTexts) -> None:
    gold, _ = evidence_spans(q(), texts)
    start = TEXT.index(DENIED)
    wrong_quote = cite(1, start, start + len(DENIED), quote="Iran denied every role.")
    verdicts, reasons = judge(q(), answer("Iran denied every role. [1]", [wrong_quote]), gold, texts)
    assert verdicts.citations[0].verbatim is False
    assert verdicts.citations[0].precise is False  # no overlap, and no key word in the quote
    assert verdicts.accurate is False and verdicts.citation_hit is False
    assert any("quote is not the source text" in r for r in reasons)
    assert any("lacks key" in r for r in reasons)


def test_precision_by_support_needs_a_key_word(texts: SourceTexts) -> None:
    """A citation outside the evidence is precise only when it supports its sentence and holds a key word."""
    start = TEXT.index("The attack")
    quote = "The attack came on July 15, 2022."
    question = q(must_include=["July 15"], evidence=[DENIED])
    gold, _ = evidence_spans(question, texts)
    supported = judge(question, answer(f"{quote} [1]", [cite(1, start, start + len(quote))]), gold, texts)[0]
    assert supported.citations[0].supports_sentence and supported.citations[0].precise
    off_key = judge(q(must_include=["Tirana"], evidence=[DENIED]),
                    answer(f"{quote} [1]", [cite(1, start, start + len(quote))]), gold, texts)[0]
    assert off_key.citations[0].supports_sentence and not off_key.citations[0].precise


def test_abstained_answers(texts: SourceTexts) -> None:
    gold, _ = evidence_spans(q(), texts)
    nearest = cite(1, FIRST, FIRST + len(SENTENCE))
    refused = judge(q(), answer("The sources don't say. 3,000 [1]", [nearest], abstained=True), gold, texts)[0]
    assert refused.accurate is False and refused.citation_hit is False  # abstained scores 0 even with keys present
    assert refused.citations[0].precise is None and refused.citations[0].verbatim  # verbatim still checked
    right_refusal = judge(q(should_abstain=True, must_include=[], answer=None), answer("No.", [], True), gold, texts)
    assert right_refusal[0].abstain_correct and right_refusal[1] == []


def test_retrieval_rank() -> None:
    gold = [Span(source=DOC, start=10, end=20)]
    retrieved = [Span(source=DOC, start=0, end=10), Span(source="b.txt", start=10, end=20), Span(source=DOC, start=15, end=30)]
    assert retrieval_rank(retrieved, gold) == 3
    assert retrieval_rank(retrieved[:2], gold) is None


def test_summary_and_by_type_breakdown(texts: SourceTexts) -> None:
    good = cite(1, FIRST, FIRST + len(SENTENCE))
    hit = [Span(source=DOC, start=FIRST, end=FIRST + 10)]
    miss = [Span(source=DOC, start=TEXT.index("The attack"), end=TEXT.index("The attack") + 5)]
    results = [
        score(q(id="a"), answer(f"{SENTENCE} [1]", [good], retrieved=hit), 0.010, texts),
        score(q(id="b"), answer("No idea.", [], abstained=True, retrieved=miss + hit), 0.020, texts),
        score(q(id="c", type="offtopic", should_abstain=True, must_include=[], answer=None, evidence=[]),
              answer("No.", [], abstained=True), 0.030, texts),
        score(q(id="d", type="offtopic", should_abstain=True, must_include=[], answer=None, evidence=[]),
              answer(f"{SENTENCE} [1]", [good]), 0.040, texts),
    ]
    figures = summarise(results)
    assert figures["accuracy"] == 0.5 and figures["citation_recall"] == 0.5
    assert figures["false_refusal_rate"] == 0.5 and figures["abstain_recall"] == 0.5
    assert figures["hit@1"] == 0.5 and figures["hit@3"] == 1.0 and figures["mrr"] == 0.75
    assert figures["citation_precision"] == 0.5  # d's citation has no evidence and no keys: imprecise
    assert figures["verbatim_rate"] == 1.0 and figures["citations"] == 2
    assert figures["latency_p50_ms"] == 25.0 and figures["passed"] == 2
    types = by_type(results)
    assert list(types) == ["number", "offtopic"]
    assert types["number"]["accuracy"] == 0.5 and types["number"]["abstain_recall"] is None
    assert types["offtopic"]["abstain_recall"] == 0.5 and types["offtopic"]["accuracy"] is None
    assert results[3].reasons and "should be refused" in results[3].reasons[-1]


def test_notices_are_kept_and_counted_as_answers_the_model_did_not_give(texts: SourceTexts) -> None:
    from assistant.evals.report import markdown
    from assistant.evals.runner import EvalRun, SystemRun

    notice = "The openai model found no answer in the sources; this is the extractive answer."
    good = cite(1, FIRST, FIRST + len(SENTENCE))
    results = [
        score(q(id="a"), answer(f"{SENTENCE} [1]", [good]), 0.01, texts),  # the model's own
        score(q(id="b"), Answer(question="?", answer=f"{SENTENCE} [1]", abstained=False, citations=[good],
                                notice=notice), 0.01, texts),
        score(q(id="c"), answer("No idea.", [], abstained=True), 0.01, texts),
    ]
    assert [r.notice for r in results] == [None, notice, None]
    assert json.loads(results[1].model_dump_json())["notice"] == notice  # in results.jsonl, for re-scoring
    figures = summarise(results)
    assert figures["own_answers"] == 1 and figures["fell_back"] == 1
    ours = SystemRun("ours", results, {"answerer": "openai"})
    run = EvalRun(Path("set.jsonl"), "0" * 64, [], {"ours": ours}, "now", {})
    assert "Answerer `openai`: 1 of 3 answers were the model's own (guarded); 1 carried a notice" in markdown(run)
    run.systems["ours"].config["answerer"] = "extractive"
    assert "model's own" not in markdown(run)


def test_thresholds() -> None:
    figures = {"accuracy": 0.7, "false_refusal_rate": 0.2, "mrr": None}
    failures = check_thresholds(figures, {"minimum": {"accuracy": 0.75, "mrr": 0.5}, "maximum": {"false_refusal_rate": 0.1}})
    assert len(failures) == 3 and "accuracy" in failures[0] and "not measured" in failures[1]
    assert check_thresholds(figures, {"minimum": {"accuracy": 0.7}, "maximum": {"false_refusal_rate": 0.2}}) == []


def test_load_questions_rejects_bad_sets(tmp_path: Path) -> None:
    line = json.dumps({"id": "a", "question": "q?", "type": "fact"})
    (tmp_path / "dup.jsonl").write_text(f"{line}\n{line}\n")
    with pytest.raises(EvalSetError, match="duplicate id"):
        load_questions(tmp_path / "dup.jsonl")
    (tmp_path / "bad.jsonl").write_text(f"{line}\n{{not json\n")
    with pytest.raises(EvalSetError, match=":2:"):
        load_questions(tmp_path / "bad.jsonl")
    assert load_questions(ROOT / "evals" / "questions.jsonl")[0].id == "q001"


def test_public_settings_drop_secrets() -> None:
    from assistant.settings import Settings

    shown = public_settings(Settings(chroma_url="http://user:pw@127.0.0.1:8000", llm_api_key="sk-secret",
                                     auth_password="hunter2", embed_api_key="sk-embed"))
    assert shown["paths"]["chroma_url"] == "http://127.0.0.1:8000" and shown["embedding"]["max_tokens"] == 256
    assert shown["llm"]["api_key"] == shown["ui"]["auth_password"] == shown["embed_server"]["api_key"] == "<redacted>"
    assert shown["ui"]["auth_user"] is None and list(shown) == ["paths", "embedding", "embed_server", "index",
                                                                 "retrieval", "answer", "llm", "ui", "limits"]
    assert "sk-secret" not in json.dumps(shown) and "sk-embed" not in json.dumps(shown) and "pw" not in json.dumps(shown) and "hunter2" not in json.dumps(shown)


def test_eval_modules_keep_heavy_imports_lazy() -> None:
    code = ("import sys, assistant.cli, assistant.evals.runner, assistant.evals.cli; "
            "print([m for m in ('matplotlib', 'llama_index', 'chromadb') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_cli_writes_report_with_baseline_beside_ours(article_settings, tmp_path: Path, monkeypatch, capsys) -> None:
    from assistant.cli import main

    rows = [json.loads(line) for line in (ROOT / "evals" / "questions.jsonl").read_text().splitlines() if line.strip()]
    picked = [r for r in rows if r["id"] in {"q001", "q016", "q059", "q069", "q075"}]
    picked[0].pop("source")  # a question without source: the article is the default
    tiny = tmp_path / "tiny.jsonl"
    tiny.write_text("".join(json.dumps(r) + "\n" for r in picked))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(article_settings.paths.index_dir))
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(article_settings.paths.corpus_dir))
    out = tmp_path / "report"
    assert main(["eval", "--set", str(tiny), "--out", str(out), "--baseline"]) == 0
    for name in ("report.json", "results.jsonl", "report.md", "report.png", "results-baseline.jsonl"):
        assert (out / name).is_file(), name
    assert (out / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    report = json.loads((out / "report.json").read_text())
    assert set(report["systems"]) == {"ours", "baseline"} and report["set"]["questions"] == 5
    ours, base = report["systems"]["ours"], report["systems"]["baseline"]
    assert set(ours["figures"]) == set(base["figures"]) and ours["figures"]["verbatim_rate"] == 1.0
    assert base["figures"]["abstain_recall"] == 0.0  # the baseline never abstains
    assert base["config"]["offset_mismatches"] == 0 and base["config"]["offset_checks"] > 0
    assert report["environment"]["packages"]["llama-index-core"]
    results = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert [r["id"] for r in results] == [r["id"] for r in picked]
    assert results[0]["source"] == "albania-iran-relations.txt" and results[0]["evidence_spans"]
    assert all({"answer", "citations", "abstained", "verdicts", "reasons"} <= set(r) for r in results)
    md = (out / "report.md").read_text()
    assert "| figure | ours | baseline | counted over (ours) |" in md and "## By question type: baseline" in md
    assert "| figure | ours | baseline |" in capsys.readouterr().out
