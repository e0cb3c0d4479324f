#!/usr/bin/env bash
# Reruns every speed and accuracy number published in docs/benchmarks.md and writes the raw output to
# bench/results/<date>.txt. Needs ../shared/data (PolNeAR, CoNLL-2003, open NER sets).
# Run it on a quiet machine: other processes on the two cores slow every wall-clock figure.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
shared="${PARLEY_SHARED:-$root/../shared/data}"
[ -d "$shared/polnear" ] || { echo "bench/run-all.sh: $shared/polnear not found (set PARLEY_SHARED)"; exit 2; }
mkdir -p bench/results
out="bench/results/$(date -u +%Y-%m-%d).txt"
{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# git $(git rev-parse --short HEAD)"
  run() { echo; echo "\$ $*"; "$@" 2>&1; }
  run ./parley bench "$shared/polnear/train/text" --pipeline quotes --repeat 5 --stages
  run ./parley bench "$shared/polnear/train/text" --pipeline full --repeat 2 --stages
  run ./parley bench "$shared/polnear/train/text" --pipeline full --repeat 2 --threads 2
  run ./parley bench ner "$shared/ner/conll2003/eng.testa"
  run ./parley eval quotes --polnear "$shared/polnear/dev"
  run ./parley bench "$shared/polnear/train/text" --pipeline trained --repeat 1 --stages
  run ./parley eval polnear "$shared/polnear/dev"
  run ./parley eval polnear "$shared/polnear/dev" --pipeline trained
  run ./parley eval ner "$shared/ner/conll2003/eng.testa"
  run ./parley eval ner "$shared/ner/open-gold/uner_en_ewt/en_ewt-ud-test.iob2"
  run ./parley eval ner "$shared/ner/open-gold/wikigold/wikigold.conll.txt"
  run ./parley eval syntax "$shared/polnear-corenlp/dev.conllu"
} | tee "$out"
echo "written: $out"
