#!/usr/bin/env bash
# Web load benchmark (docs/benchmarks.md, "Web"): builds once a corpus of 10,080 articles (the 840 PolNeAR train
# texts copied 12 times, as bench/corpus-bench.sh does, but as JSON Lines with the outlet and date taken from the
# file names, so outlet facets and filters have something to work on), ingests it, then runs
# `parley bench serve`: 100 concurrent clients searching statements over loopback for 30 s.
#
#   bench/web-bench.sh [DB] [CLIENTS] [SECONDS]     # default: /tmp/parley-web-bench/bench.db, 100, 30
#
# The database is kept and reused by later runs; delete it to rebuild. Nothing is written to the repository.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
db="${1:-/tmp/parley-web-bench/bench.db}"
clients="${2:-100}"
seconds="${3:-30}"
src="${POLNEAR_TEXT:-$root/../shared/data/polnear/train/text}"
copies="${COPIES:-12}"
parley="${PARLEY:-$root/parley}"
"$parley" --help > /dev/null # build first

if [ ! -f "$db" ]; then
  [ -d "$src" ] || { echo "no such folder: $src" >&2; exit 2; }
  mkdir -p "$(dirname "$db")"
  jsonl="$(dirname "$db")/corpus.jsonl"
  : > "$jsonl"
  for f in "$src"/*.txt; do
    name="${f##*/}"; name="${name%.txt}"
    # breitbart_2015-11-11_slug → outlet breitbart, published 2015-11-11 (+ one day per copy).
    jq -cn --rawfile text "$f" --arg name "$name" --argjson copies "$copies" '
      ($name | split("_")) as $p
      | range(0; $copies) as $r
      | { id: "r\($r)-\($name)", outlet: $p[0],
          published: (($p[1] + "T12:00:00Z" | fromdateiso8601) + $r * 86400 | todate),
          text: "Replica \($r) of \($name)\n\n\($text)" }' >> "$jsonl"
  done
  echo "corpus: $(wc -l < "$jsonl") articles in $jsonl"
  "$parley" ingest "$jsonl" --db "$db" --format json --quiet | grep -E '"(added|failed|statements|seconds)"'
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: parley bench serve --db $db --clients $clients --duration $seconds"
"$parley" bench serve --db "$db" --clients "$clients" --duration "$seconds"
