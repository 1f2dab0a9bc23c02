"""Grounding evals: run an eval set through ``Assistant.ask`` and score it without any LLM judge.

``schema`` (set and result records), ``metrics`` (deterministic scoring), ``runner`` (runs a set),
``baseline`` (the llama-index ten-minute baseline), ``report`` (report.json/.md/.png, results.jsonl); for the
collections under evals/sets/: ``split`` (tune/test split), ``sets`` (cached scratch indexes, ``run_sets``),
``summary`` (summary table and files, the collections gate).
The top-level ``evals/`` folder holds the sets, thresholds and reports; this package holds the code.
"""
