#!/usr/bin/env bash
# Create or refresh tools/.venv, the Python environment of the model tools (training and ONNX export),
# from tools/requirements.txt. Does nothing when the environment already matches the requirements.
# Set INFEROS_PYTHON to choose the interpreter (default python3, 3.10 or newer), and PIP_INDEX_URL /
# PIP_FIND_LINKS as usual to install from a local mirror.
set -euo pipefail
tools="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$tools/.venv"
req="$tools/requirements.txt"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$req" | cut -d' ' -f1)"
if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
py="${INFEROS_PYTHON:-python3}"
if ! command -v "$py" >/dev/null 2>&1; then
  echo "error: $py not found; the model tools need Python 3.10 or newer (set INFEROS_PYTHON)" >&2
  exit 1
fi
echo "Setting up the model tools' Python environment in $venv (first use: torch, transformers, onnx; this takes a few minutes)..." >&2
[ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
# A machine that cannot resolve pypi.org installs from its configured mirror (pip.conf's extra-index-url or
# find-links): fail each unreachable index at once instead of retrying it five times per package.
offline=()
if ! "$venv/bin/python" -c "import socket; socket.getaddrinfo('pypi.org', 443)" >/dev/null 2>&1; then
  echo "pypi.org does not resolve: installing from the configured mirror only" >&2
  offline=(--retries 0)
fi
"$venv/bin/python" -m pip install --disable-pip-version-check "${offline[@]}" -r "$req" >&2
echo "$want" > "$stamp"
echo "Python environment ready." >&2
