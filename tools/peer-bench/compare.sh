#!/usr/bin/env bash
# Side-by-side: OpenLFR's engine (`lfr bench engine`) and TensorFlow.js wasm on the same models, sizes and batches.
# Usage: tools/peer-bench/compare.sh [--model NAME ...] [--batch B ...]   (threads 1 and 2 for OpenLFR; wasm has one)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ -d "$here/node_modules/@tensorflow/tfjs-backend-wasm" ] || (cd "$here" && npm install --no-audit --no-fund >/dev/null)
ours="$(mktemp --suffix=.json)"
"$root/lfr" bench engine "$@" --json "$ours"
echo
node "$here/peer-bench.js" "$@" --compare "$ours"
rm -f "$ours"
