#!/usr/bin/env bash
# Rebuild the bundled model from nothing with the fixed seed: extract the corpus from Debian's
# documentation packages, train the tokenizer and the model, export to ONNX, evaluate, write the manifest.
# About 80 minutes on 2 cores. Resumes where it stopped when interrupted.
#   tools/build-model.sh [--retrain] [--wikitext FILE] [--seed N] [--threads N]
# Without --retrain an existing checkpoint is kept and only re-exported and re-evaluated.
set -euo pipefail
tools="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
missing=()
for pkg in linux-doc-6.1 python3.11-doc perl-doc; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing the corpus packages: ${missing[*]}" >&2
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get install -y "${missing[@]}" >&2
fi
"$tools/setup-python.sh"
PYTHONPATH="$tools" exec "$tools/.venv/bin/python" -m inferos_tools.build --out "$tools/../models/inferos-tiny" "$@"
