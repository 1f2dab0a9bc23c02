"""``python -m assistant.bench`` is ``assistant bench`` (same options, same one-line errors)."""

import sys

from assistant.cli import entry

sys.argv[1:1] = ["bench"]
entry()
