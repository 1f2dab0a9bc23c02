"""Performance benchmark: ours beside the naive llama-index baseline, from the article to 100k chunks.

``assistant bench [--scale small|large] [--quick] [--out DIR]`` (``cli.py``) runs ``run.run_bench``: per corpus
(``corpora.py``) the process figures (``suite.py``: builds, re-index, cold starts, memory, disk, UI via ``procs.py``),
then the in-process ones (``warm.py``: latency, eval-set quality, raw embedder throughput), and the synthetic scale
test (``scale.py``, ``synthetic.py``); ``report.py`` writes bench.json and bench.md.
"""
