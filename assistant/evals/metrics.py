"""Deterministic grounding metrics (no LLM judge). Definitions: ``DEFINITIONS`` below and evals/README.md."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from statistics import median

import numpy as np

from assistant.evals.schema import CitationVerdict, EvalQuestion, QuestionResult, SourceTexts, Verdicts
from assistant.schema import Answer, Citation, Span

SUPPORT_MIN = 0.6
HEADLINE = (
    "accuracy", "citation_recall", "citation_precision", "verbatim_rate", "abstain_recall", "false_refusal_rate",
    "hit@1", "hit@3", "hit@5", "mrr", "accuracy_strict", "latency_p50_ms", "latency_p95_ms", "answer_words_median",
    "retrieved_words_top3_median",
)
RATES = HEADLINE[:11]
DEFINITIONS = {
    "accuracy": "Answerable questions (should_abstain false) whose answer is not abstained and contains every "
                "must_include key (a list = any alternative); [n] markers removed, case-insensitive, whitespace, "
                "quotes and dashes normalised; plain substring test.",
    "citation_recall": "Answerable questions whose non-abstained answer has at least one citation overlapping a gold "
                       "evidence span (same source, [start,end) intersect); an abstained answer scores 0.",
    "citation_precision": "Citations of non-abstained answers that overlap gold evidence, or whose quote supports the "
                          "answer text it is attached to (>= 60% of that text's content words are in the quote) AND "
                          "the quote shares at least one content word with the must_include keys.",
    "verbatim_rate": "All citations (abstained answers too) whose quote equals the source text at [start:end].",
    "abstain_recall": "should_abstain questions that were abstained.",
    "false_refusal_rate": "Answerable questions that were abstained (lower is better).",
    "hit@1": "Answerable questions with evidence whose top retrieved chunk overlaps gold evidence (also hit@3, hit@5).",
    "hit@3": "... within the first 3 retrieved chunks.",
    "hit@5": "... within the first 5 retrieved chunks.",
    "mrr": "Mean of 1/rank of the first retrieved chunk overlapping gold evidence (0 when none does).",
    "accuracy_strict": "As accuracy, but each key must match at word boundaries (so '3' does not match '2023').",
    "latency_p50_ms": "Median wall time of one question (index and model loaded beforehand).",
    "latency_p95_ms": "95th percentile wall time of one question (linear interpolation).",
    "answer_words_median": "Median words in non-abstained answers (context for accuracy: longer answers hold more keys).",
    "retrieved_words_top3_median": "Median words in the first three retrieved chunks (context for hit@3: how much text "
                                   "it counts).",
}
# A standard English stopword list (NLTK's, plus contraction fragments): fixed here so scores never drift.
STOPWORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
    herself it its itself they them their theirs themselves what which who whom this that these those am is are was
    were be been being have has had having do does did doing a an the and but if or because as until while of at by
    for with about against between into through during before after above below to from up down in out on off over
    under again further then once here there when where why how all any both each few more most other some such no
    nor not only own same so than too very s t can will just don should now d ll m o re ve y""".split()
)
_MARKER = re.compile(r"\[\d+\]")
_MARKER_RUN = re.compile(r"(?:\s*\[\d+\])+")
_WORD = re.compile(r"[a-z0-9]+")
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})


def strip_markers(text: str) -> str:
    """Text with every ``[n]`` citation marker replaced by a space (its digits never join the text)."""
    return _MARKER.sub(" ", text)


def normalise(text: str) -> str:
    """Markers removed, lower case, curly quotes/apostrophes made straight, dashes made '-', whitespace collapsed."""
    return " ".join(strip_markers(text).translate(_FOLD).lower().split())


def content_words(text: str) -> set[str]:
    """Lower-case word tokens ([a-z0-9]+ after ``normalise``) minus ``STOPWORDS``."""
    return {w for w in _WORD.findall(normalise(text)) if w not in STOPWORDS}


def overlaps(a: Span | Citation, b: Span | Citation) -> bool:
    """Same source and the half-open spans [start,end) intersect."""
    return a.source == b.source and a.start < b.end and b.start < a.end


def find_spans(text: str, needle: str, source: str) -> list[Span]:
    """Every occurrence of ``needle`` in ``text`` (overlapping ones too)."""
    spans, at = [], text.find(needle)
    while needle and at >= 0:
        spans.append(Span(source=source, start=at, end=at + len(needle)))
        at = text.find(needle, at + 1)
    return spans


def evidence_spans(question: EvalQuestion, texts: SourceTexts) -> tuple[list[Span], list[str]]:
    """Gold spans of every evidence string in the question's source(s), and the evidence strings not found."""
    spans: list[Span] = []
    missing = []
    for evidence in question.evidence:
        found = [s for source in texts.candidates(question) for s in find_spans(texts.text(source) or "", evidence, source)]
        spans.extend(found)
        if not found:
            missing.append(evidence)
    return spans, missing


def _contains(haystack: str, key: str, strict: bool) -> bool:
    needle = normalise(key)
    if not strict:
        return needle in haystack
    return re.search(rf"(?<![a-z0-9]){re.escape(needle)}(?![a-z0-9])", haystack) is not None


def missing_keys(answer: str, keys: Sequence[Sequence[str]], strict: bool = False) -> list[list[str]]:
    """The must_include items (as alternative lists) of which no alternative occurs in the normalised answer."""
    haystack = normalise(answer)
    return [list(alts) for alts in keys if not any(_contains(haystack, alt, strict) for alt in alts)]


def cited_segments(answer: str) -> dict[int, list[str]]:
    """For each marker number, the answer text it is attached to: the text since the previous marker run."""
    segments: dict[int, list[str]] = defaultdict(list)
    position = 0
    for run in _MARKER_RUN.finditer(answer):
        for number in re.findall(r"\[(\d+)\]", run.group()):
            segments[int(number)].append(answer[position:run.start()])
        position = run.end()
    return segments


def supports(sentence: str, quote: str) -> bool:
    """Content-word support: at least ``SUPPORT_MIN`` of the sentence's content words appear in the quote."""
    words = content_words(sentence)
    return bool(words) and len(words & content_words(quote)) / len(words) >= SUPPORT_MIN


def retrieval_rank(retrieved: Sequence[Span], gold: Sequence[Span]) -> int | None:
    """1-based rank of the first retrieved span overlapping any gold span, or None."""
    return next((rank for rank, hit in enumerate(retrieved, 1) if any(overlaps(hit, g) for g in gold)), None)


def judge(question: EvalQuestion, answer: Answer, gold: Sequence[Span], texts: SourceTexts) -> tuple[Verdicts, list[str]]:
    """Every metric's verdict on one answer, and the reasons it failed (empty when it passed)."""
    reasons = []
    answerable = not question.should_abstain
    key_words = set().union(*(content_words(alt) for alts in question.keys() for alt in alts))
    segments = cited_segments(answer.answer)
    cites = []
    for c in answer.citations:
        text = texts.text(c.source)
        hit = any(overlaps(c, g) for g in gold)
        support = any(supports(s, c.quote) for s in segments.get(c.n, []))
        shares = bool(key_words & content_words(c.quote))
        precise = None if answer.abstained else (hit or (support and shares))
        verbatim = text is not None and text[c.start:c.end] == c.quote
        cites.append(CitationVerdict(n=c.n, overlaps_evidence=hit, supports_sentence=support, shares_key_word=shares,
                                     precise=precise, verbatim=verbatim))
        if not verbatim:
            reasons.append(f"citation [{c.n}] quote is not the source text at {c.source} [{c.start}:{c.end}]")
        if precise is False:
            reasons.append(f"citation [{c.n}] neither overlaps evidence nor supports its sentence with a key word")
    verdicts = Verdicts(abstain_correct=answer.abstained == question.should_abstain, citations=cites)
    if answerable and question.evidence:
        verdicts.retrieval_scored = True
        verdicts.retrieval_rank = retrieval_rank(answer.retrieved, gold)
        if verdicts.retrieval_rank is None:
            reasons.append("retrieval: no retrieved chunk overlaps gold evidence")
    if answerable:
        verdicts.missing_keys = missing_keys(answer.answer, question.keys())
        verdicts.accurate = not answer.abstained and not verdicts.missing_keys
        verdicts.accurate_strict = not answer.abstained and not missing_keys(answer.answer, question.keys(), True)
        verdicts.citation_hit = not answer.abstained and any(v.overlaps_evidence for v in cites)
        if answer.abstained:
            reasons.append("abstained on an answerable question")
        else:
            reasons += [f"answer lacks key {' | '.join(map(repr, alts))}" for alts in verdicts.missing_keys]
            if not verdicts.citation_hit:
                reasons.append("no citation overlaps gold evidence")
    elif not answer.abstained:
        reasons.append("answered a question that should be refused")
    return verdicts, reasons


def _rate(flags: Iterable[bool | None]) -> float | None:
    values = [bool(f) for f in flags if f is not None]
    return round(sum(values) / len(values), 4) if values else None


def summarise(results: Sequence[QuestionResult]) -> dict[str, float | int | None]:
    """The headline figures of a list of results (None where a figure has no questions to count)."""
    answerable = [r for r in results if not r.should_abstain]
    retrieval = [r for r in results if r.verdicts.retrieval_scored]
    ranks = [r.verdicts.retrieval_rank for r in retrieval]
    cites = [v for r in results for v in r.verdicts.citations]
    latencies = [r.latency_s * 1000 for r in results]
    words = [len(strip_markers(r.answer).split()) for r in results if not r.abstained]
    figures: dict[str, float | int | None] = {
        "accuracy": _rate(r.verdicts.accurate for r in answerable),
        "citation_recall": _rate(r.verdicts.citation_hit for r in answerable),
        "citation_precision": _rate(v.precise for v in cites),
        "verbatim_rate": _rate(v.verbatim for v in cites),
        "abstain_recall": _rate(r.abstained for r in results if r.should_abstain),
        "false_refusal_rate": _rate(r.abstained for r in answerable),
        **{f"hit@{k}": _rate(rank is not None and rank <= k for rank in ranks) for k in (1, 3, 5)},
        "mrr": round(sum(1 / rank for rank in ranks if rank) / len(ranks), 4) if ranks else None,
        "accuracy_strict": _rate(r.verdicts.accurate_strict for r in answerable),
        "latency_p50_ms": round(float(np.percentile(latencies, 50)), 1) if latencies else None,
        "latency_p95_ms": round(float(np.percentile(latencies, 95)), 1) if latencies else None,
        "answer_words_median": float(median(words)) if words else None,
        "retrieved_words_top3_median": float(median(top3)) if (top3 := [r.retrieved_words_top3 for r in retrieval
                                                                       if r.retrieved_words_top3]) else None,
    }
    figures.update(questions=len(results), answerable=len(answerable), should_abstain=len(results) - len(answerable),
                   retrieval_scored=len(retrieval), citations=len(cites),
                   citations_scored_for_precision=sum(v.precise is not None for v in cites),
                   passed=sum(r.passed for r in results), fell_back=sum(r.notice is not None for r in results),
                   own_answers=sum(not r.abstained and r.notice is None for r in results))
    return figures


def by_type(
    results: Sequence[QuestionResult], key: Callable[[QuestionResult], str | None] = lambda r: r.type,
) -> dict[str, dict[str, float | int | None]]:
    """``summarise`` for each question type (or other ``key``; None: left out), in order of first appearance."""
    groups: dict[str, list[QuestionResult]] = {}
    for r in results:
        group = key(r)
        if group is not None:
            groups.setdefault(group, []).append(r)
    return {kind: summarise(group) for kind, group in groups.items()}


def check_thresholds(figures: Mapping[str, float | int | None], thresholds: Mapping[str, Mapping[str, float]]) -> list[str]:
    """Breaches of ``{"minimum": {...}, "maximum": {...}}``; a figure that was not measured is a breach."""
    failures = []
    for bound, limits in thresholds.items():
        for name, limit in limits.items():
            value = figures.get(name)
            if value is None:
                failures.append(f"{name}: not measured (threshold {bound} {limit})")
            elif bound == "minimum" and value < limit:
                failures.append(f"{name} = {value:.4f} is below its minimum {limit}")
            elif bound == "maximum" and value > limit:
                failures.append(f"{name} = {value:.4f} is above its maximum {limit}")
            elif bound not in ("minimum", "maximum"):
                failures.append(f"{name}: unknown bound {bound!r} (use minimum or maximum)")
    return failures


def macro_average(figure_sets: Sequence[Mapping[str, float | int | None]]) -> dict[str, float | None]:
    """Each headline figure's mean over the given sets (a set where it was not measured is left out)."""
    means: dict[str, float | None] = {}
    for name in HEADLINE:
        values = [float(value) for figures in figure_sets if (value := figures.get(name)) is not None]
        means[name] = round(sum(values) / len(values), 4) if values else None
    return means
