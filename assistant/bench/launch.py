"""Launch one command and measure it from a small process (standard library only; run with ``python -S``).

Why: on Linux a child's ``ru_maxrss`` includes the memory of the process it was forked from (the pre-exec copy),
so a command spawned straight from the bench (hundreds of MB) would report the bench's size. Forked from this
small launcher, the command's peak RSS is its own. Usage::

    python -S launch.py RESULT.json COMMAND [ARGS...]

The command's stdout is passed through; RESULT.json gets first_line_s (start to its first stdout line), total_s,
peak_rss_kb and returncode.
"""

import json
import os
import subprocess
import sys
import time


def main() -> int:
    """Run the command, pass its output through, write the measurements."""
    result_path, command = sys.argv[1], sys.argv[2:]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE)
    first = proc.stdout.readline()
    first_s = time.perf_counter() - started
    rest = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    total_s = time.perf_counter() - started
    sys.stdout.buffer.write(first + rest)
    sys.stdout.flush()
    code = os.waitstatus_to_exitcode(status)
    with open(result_path, "w") as handle:
        json.dump({"first_line_s": first_s if first else total_s, "total_s": total_s,
                   "peak_rss_kb": usage.ru_maxrss, "returncode": code}, handle)
    return code


if __name__ == "__main__":
    sys.exit(main())
