#!/usr/bin/env bash
# The integration guide's control-API commands, as the guide writes them. The only change: the address,
# 127.0.0.1:7031 in the guide (the default of `inferos up`), comes from $CONTROL when a test runs the
# system elsewhere. Each command must succeed (curl -f: an HTTP error fails the script).
set -euo pipefail
C="${CONTROL:-127.0.0.1:7031}"

# Change the recent window live (the guide's body: no infer_os wrapper).
curl -fsS -X POST "$C/v1/policy" -H 'Content-Type: application/json' -d '{"kv":{"recent_window":96}}'
echo
# Force the exact baseline (no content type: curl sends its form type).
curl -fsS -X POST "$C/v1/baseline" -d '{"enable": true}'
echo
# Reset to baseline (no body).
curl -fsS -X POST "$C/v1/baseline"
echo
# The last ten history entries.
curl -fsS "$C/v1/history" | python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin)["history"][-10:]))'
# The guide's monitor: every key it reads is present (null with a reason when not measurable here).
curl -fsS "$C/v1/metrics" | python3 -c '
import json, sys
m = json.load(sys.stdin)
print(json.dumps({"vram_gb": m["mem"]["vram_gb"], "npu": m["util"]["npu"], "igpu": m["util"]["igpu"], "delta_ppl_est": m["quality"]["delta_ppl_est"]}))'
