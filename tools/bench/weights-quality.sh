#!/usr/bin/env bash
# Perplexity of the bundled model with each weight type (docs/benchmarks.md, "Weight types on the bundled model"):
#   tools/bench/weights-quality.sh --wikitext PATH/wikitext-2-raw-test.txt [--max-tokens 32768]
# Exports models/inferos-tiny/checkpoint with --weights fp32, fp16, int8, int4 (blocks of 32 and 128, and 128 with
# --int8-copy) into tools/.work/models/
# and runs `inferos eval ppl` (baseline cache, windows of 2048, chunks of 32) on the model's held-out slice
# and on the first --max-tokens tokens of WikiText-2. Prints one JSON line per weight type.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
wikitext="" max=32768
while [ $# -gt 0 ]; do
  case "$1" in
    --wikitext) wikitext="$2"; shift 2 ;;
    --max-tokens) max="$2"; shift 2 ;;
    *) echo "usage: $0 --wikitext FILE [--max-tokens N]" >&2; exit 2 ;;
  esac
done
[ -f "$wikitext" ] || { echo "--wikitext FILE is required (WikiText-2 raw test text)" >&2; exit 2; }
cd "$root"
# int4-b32 / int4-b128: int4 in blocks of 32 and of 128 (the default); int4-b128-copy: with --int8-copy
# (prompts, which `eval ppl` feeds in chunks of 32, run on the int8 copy of the int4 weights).
for variant in fp32 fp16 int8 int4-b32 int4-b128 int4-b128-copy; do
  w="${variant%%-*}" block=()
  case "$variant" in *-b*) b="${variant#*-b}"; block=(--block-size "${b%%-*}") ;; esac
  case "$variant" in *-copy) block+=(--int8-copy) ;; esac
  out="tools/.work/models/inferos-tiny-$variant"
  npx inferos export --checkpoint models/inferos-tiny/checkpoint --out "$out" --name "inferos-tiny-$variant" --weights "$w" "${block[@]}" --verify no >&2
  cp models/inferos-tiny/onnx/heldout.txt "$out/heldout.txt"
  held=$(npx inferos eval ppl --model "$out" --policy baseline --json | tail -1)
  wiki=$(npx inferos eval ppl --model "$out" --policy baseline --text "$wikitext" --max-tokens "$max" --json | tail -1)
  bytes=$(node -e "console.log(require('./$out/inferos.json').weights.bytes)")
  node -e "const h=JSON.parse(process.argv[1]), w=JSON.parse(process.argv[2]); console.log(JSON.stringify({weights: '$variant', weights_bytes: $bytes, heldout_ppl: h.ppl_baseline, heldout_tokens: h.tokens, wikitext_ppl: w.ppl_baseline, wikitext_tokens: w.tokens}))" "$held" "$wiki"
done
