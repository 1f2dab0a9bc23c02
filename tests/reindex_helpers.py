"""Helpers for the re-indexing tests: a tiny real PDF writer, a corpus from real text, index consistency checks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
LICENSES = Path("/usr/share/common-licenses")
ARTICLE = ROOT / "corpus" / "albania-iran-relations.txt"


def make_pdf(pages: list[list[str]], title: str = "") -> bytes:
    """A valid PDF 1.4 with one Helvetica text line per string, one list per page (what pypdf reads back)."""
    def esc(line: str) -> bytes:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252", "replace")

    n = len(pages)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(f'{4 + 2 * i} 0 R' for i in range(n))}] /Count {n} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        body = b"BT /F1 11 Tf 14 TL 56 780 Td " + b" ".join(b"(" + esc(line) + b") Tj T*" for line in lines) + b" ET"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Resources << /Font << /F1 3 0 R >> >> "
                       f"/Contents {5 + 2 * i} 0 R >>".encode())
        objects.append(f"<< /Length {len(body)} >>\nstream\n".encode() + body + b"\nendstream")
    if title:
        objects.append(b"<< /Title (" + esc(title) + b") >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    info = f" /Info {len(objects)} 0 R" if title else ""
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def wrap_pages(paragraphs: list[str], lines_per_page: int = 48, width: int = 90) -> list[list[str]]:
    """Paragraphs wrapped to PDF lines, blank line between paragraphs, cut into pages."""
    lines: list[str] = []
    for para in paragraphs:
        lines.extend(textwrap.wrap(para, width) + [""])
    return [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)]


def license_corpus(folder: Path, words_per_doc: int = 450, limit: int | None = None) -> list[Path]:
    """Real text: the Debian license files split at paragraph breaks into documents of about ``words_per_doc``."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for license_file in sorted(p for p in LICENSES.iterdir() if p.is_file()):
        paragraphs = [p for p in re.split(r"\n\s*\n", license_file.read_text(encoding="utf-8")) if p.strip()]
        part, words, n = [], 0, 1
        for para in paragraphs + [None]:
            if para is not None:
                part.append(para)
                words += len(para.split())
            if part and (para is None or words >= words_per_doc):
                path = folder / f"{license_file.name.lower()}-part{n:02d}.txt"
                path.write_text("\n\n".join(part) + "\n", encoding="utf-8")
                written.append(path)
                part, words, n = [], 0, n + 1
                if limit and len(written) >= limit:
                    return written
    return written


def env_for(corpus: Path, index: Path, **extra: str) -> dict[str, str]:
    """Environment for a subprocess ``assistant`` run on a temp corpus and index, offline, telemetry off."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_CORPUS_DIR=str(corpus), ASSISTANT_INDEX_DIR=str(index), ANONYMIZED_TELEMETRY="False",
               HF_HUB_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False", PYTHONUNBUFFERED="1", **extra)
    return env


def run_cli(args: list[str], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python -m assistant ARGS`` in a fresh process."""
    return subprocess.run([PYTHON, "-m", "assistant", *args], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


def check_consistency(env: dict[str, str]) -> dict:
    """``assistant check --json`` in a fresh process (embedded Chroma caches what it read in a long-lived one)."""
    done = run_cli(["check", "--json"], env, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])
