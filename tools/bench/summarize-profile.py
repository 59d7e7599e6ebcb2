"""Summarize ONNX Runtime profiles (JSON) of decode steps: time and count per operator type, per step.
Several files (a format-11 model's segments, one session each) are summed: a step runs each once.

    python3 tools/bench/summarize-profile.py /tmp/ortprof_XXXX.json [MORE.json ...] [--last 30]
"""
import argparse
import collections
import json

ap = argparse.ArgumentParser()
ap.add_argument("profile", nargs="+")
ap.add_argument("--last", type=int, default=30, help="runs to summarize (the last N: the decode steps)")
args = ap.parse_args()
time, count = collections.Counter(), collections.Counter()
run_ms, kernel_ms, n = 0.0, 0.0, None
for path in args.profile:
    d = json.load(open(path))
    runs = [e for e in d if e.get("cat") == "Session" and e.get("name") == "model_run"][-args.last:]
    if n is not None and len(runs) != n:
        raise SystemExit(f"{path}: {len(runs)} runs, the other files {n}: not one step's sessions")
    n = len(runs)
    t0, t1 = runs[0]["ts"], runs[-1]["ts"] + runs[-1]["dur"]
    run_ms += sum(r["dur"] for r in runs) / 1000
    for e in d:
        if e.get("cat") == "Node" and e["name"].endswith("_kernel_time") and t0 <= e["ts"] <= t1:
            time[e["args"]["op_name"]] += e["dur"]
            count[e["args"]["op_name"]] += 1
            kernel_ms += e["dur"] / 1000
files = len(args.profile)
print(f"{run_ms / n:.2f} ms per step in {files} session(s)' runs, {kernel_ms / n:.2f} ms of it in operators, "
      f"{sum(count.values()) // n} operators per step")
for op, us in time.most_common(20):
    print(f"  {op:32s} {us / n / 1000:7.3f} ms  x{count[op] // n}")
