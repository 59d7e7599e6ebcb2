"""Extract English text from Debian documentation packages into a training corpus.

Sources (installed with `apt-get install linux-doc-6.1 python3.11-doc perl-doc`):
  - linux-doc-6.1: Documentation/**/*.rst.gz and *.txt.gz (reStructuredText and plain text)
  - python3.11-doc: html/_sources/**/*.rst.txt (reStructuredText sources of the HTML docs)
  - perl-doc: /usr/share/perl/<version>/pod/*.pod (POD)

Every document goes whole to one split, chosen by a hash of its path, so the held-out split never shares
a document with the training split. Output: <out>/train.txt, <out>/heldout.txt, <out>/corpus.json.
"""
from __future__ import annotations

import argparse
import glob
import gzip
import hashlib
import json
import os
import re
import sys

LINUX_DOC = "/usr/share/doc/linux-doc-6.1/Documentation"
PYTHON_DOC = "/usr/share/doc/python3.11/html/_sources"
PERL_POD_GLOB = "/usr/share/perl/*/pod/*.pod"
HELDOUT_PERCENT = 2
DOC_SEPARATOR = "\n\n"

_RST_RULE = re.compile(r"^\s*([=\-~^*#+`'\".:_])\1{3,}\s*$")
_POD_CODE = re.compile(r"[A-Z]<+\s*([^<>]*?)\s*>+")


def _read(path: str) -> str:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as f:
        return f.read()


def clean_rst(text: str) -> str:
    """Drop reStructuredText decoration (section rules, comment/label lines), keep prose and code."""
    out = []
    for line in text.splitlines():
        if _RST_RULE.match(line):
            continue
        if line.startswith(".. _") or line.startswith(".. SPDX") or line.strip() == "..":
            continue
        out.append(line.rstrip())
    return _squeeze("\n".join(out))


def clean_pod(text: str) -> str:
    """Turn POD into plain text: headings keep their words, formatting codes keep their content."""
    out = []
    for line in text.splitlines():
        if line.startswith("="):
            cmd, _, rest = line.partition(" ")
            if cmd in ("=head1", "=head2", "=head3", "=head4", "=item"):
                out.append(rest.strip())
            continue
        for _ in range(3):  # nested codes such as B<C<...>>
            line = _POD_CODE.sub(r"\1", line)
        out.append(line.rstrip())
    return _squeeze("\n".join(out))


def _squeeze(text: str) -> str:
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def documents():
    """Yield (source, path, text) for every document, in a deterministic order."""
    for path in sorted(glob.glob(os.path.join(LINUX_DOC, "**", "*.rst.gz"), recursive=True)
                       + glob.glob(os.path.join(LINUX_DOC, "**", "*.txt.gz"), recursive=True)):
        yield "linux-doc-6.1", path, clean_rst(_read(path))
    for path in sorted(glob.glob(os.path.join(PYTHON_DOC, "**", "*.rst.txt"), recursive=True)):
        yield "python3.11-doc", path, clean_rst(_read(path))
    for path in sorted(glob.glob(PERL_POD_GLOB)):
        yield "perl-doc", path, clean_pod(_read(path))


def is_heldout(path: str) -> bool:
    digest = hashlib.sha256(path.encode()).digest()
    return digest[0] * 100 // 256 < HELDOUT_PERCENT


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="directory for train.txt, heldout.txt, corpus.json")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    stats = {"sources": {}, "documents": {"train": 0, "heldout": 0}, "bytes": {"train": 0, "heldout": 0}}
    files = {s: open(os.path.join(args.out, f"{s}.txt"), "w", encoding="utf-8") for s in ("train", "heldout")}
    for source, path, text in documents():
        if len(text) < 200:
            continue
        split = "heldout" if is_heldout(path) else "train"
        files[split].write(text + DOC_SEPARATOR)
        stats["documents"][split] += 1
        stats["bytes"][split] += len(text.encode()) + len(DOC_SEPARATOR)
        stats["sources"][source] = stats["sources"].get(source, 0) + 1
    for f in files.values():
        f.close()
    if stats["documents"]["train"] == 0:
        print("no documents found: install linux-doc-6.1 python3.11-doc perl-doc", file=sys.stderr)
        return 1
    with open(os.path.join(args.out, "corpus.json"), "w") as f:
        json.dump(stats, f, indent=2)
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
