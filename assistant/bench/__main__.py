"""``python -m assistant.bench`` is ``assistant bench``."""

from assistant.bench.cli import main

raise SystemExit(main())
