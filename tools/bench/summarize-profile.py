"""Summarize an ONNX Runtime profile (JSON) of decode steps: time and count per operator type, per run.

    python3 tools/bench/summarize-profile.py /tmp/ortprof_XXXX.json [--last 30]
"""
import argparse
import collections
import json

ap = argparse.ArgumentParser()
ap.add_argument("profile")
ap.add_argument("--last", type=int, default=30, help="runs to summarize (the last N: the decode steps)")
args = ap.parse_args()
d = json.load(open(args.profile))
runs = [e for e in d if e.get("cat") == "Session" and e.get("name") == "model_run"][-args.last:]
t0, t1 = runs[0]["ts"], runs[-1]["ts"] + runs[-1]["dur"]
time, count = collections.Counter(), collections.Counter()
for e in d:
    if e.get("cat") == "Node" and e["name"].endswith("_kernel_time") and t0 <= e["ts"] <= t1:
        time[e["args"]["op_name"]] += e["dur"]
        count[e["args"]["op_name"]] += 1
n = len(runs)
print(f"{sum(r['dur'] for r in runs) / n / 1000:.2f} ms per run, {sum(count.values()) // n} operators per run")
for op, us in time.most_common(20):
    print(f"  {op:24s} {us / n / 1000:7.3f} ms  x{count[op] // n}")
