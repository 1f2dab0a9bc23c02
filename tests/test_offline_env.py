"""The offline environment defaults are set in one place, ``assistant/__init__.py``, before anything else runs."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def test_importing_any_module_sets_the_offline_defaults_but_keeps_the_users() -> None:
    code = ("import json, os, assistant.ui.app; "
            "print(json.dumps({k: os.environ.get(k) for k in assistant.OFFLINE_ENV}))")
    env = {"PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "0", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == {
        "ANONYMIZED_TELEMETRY": "False", "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "0"}
