#!/usr/bin/env bash
# Corpus scale benchmark: replicates a folder of .txt articles (PolNeAR train by default) under new ids
# into a temporary folder, ingests them with `parley ingest`, then times `who-said` and `actor` queries
# in-process (--timing) and reports the database size. Nothing is written to the repository.
#
#   bench/corpus-bench.sh [TEXT_DIR] [COPIES]      # default: ../shared/data/polnear/train/text, 12 copies (10,080 articles)
#
# Each copy gets a first line "Replica N of ID", so copies have new content hashes (they are ingested,
# not skipped) and are linked as near-duplicates of one another, as wire copies would be.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="${1:-$root/../shared/data/polnear/train/text}"
copies="${2:-12}"
parley="${PARLEY:-$root/parley}"
[ -d "$src" ] || { echo "no such folder: $src" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in"
# Builtins only (no process per file): forking cat/basename 10,000 times takes minutes on a busy machine.
for f in "$src"/*.txt; do
  text="$(<"$f")"
  id="${f##*/}"; id="${id%.txt}"
  for ((r = 0; r < copies; r++)); do
    printf 'Replica %d of %s\n\n%s\n' "$r" "$id" "$text" > "$tmp/in/r$r-$id.txt"
  done
done
articles=$(ls "$tmp/in" | wc -l)
echo "articles: $articles (from $src, $copies copies)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$parley" --help > /dev/null # build first, outside the timing

echo "command: parley ingest <folder> --db bench.db --format json --quiet"
/usr/bin/time -f "process: %e s wall, %U s user, %S s sys, %M KiB peak RSS" \
  "$parley" ingest "$tmp/in" --db "$tmp/bench.db" --format json --quiet > "$tmp/ingest.json"
grep -E '"(added|duplicates|near_duplicates|failed|statements|seconds|write_seconds|articles_per_second)"' "$tmp/ingest.json"
size=$(stat -c %s "$tmp/bench.db")
echo "database: $size bytes, $(awk -v s="$size" -v n="$articles" 'BEGIN { printf "%.1f", s / n * 1000 / 1048576 }') MiB per 1,000 articles (after checkpoint)"
"$parley" stats --db "$tmp/bench.db" | head -4

for q in "tax" "immigration reform" "\"the American people\"" "Clinton email" "border wall"; do
  printf 'who-said %-24s ' "$q"
  "$parley" who-said "$q" --db "$tmp/bench.db" --timing 200 2>&1 >/dev/null | grep timing
done
for a in "Trump" "Hillary Clinton" "Obama" "Bernie Sanders" "Jeb Bush"; do
  printf 'actor %-27s ' "$a"
  "$parley" actor "$a" --db "$tmp/bench.db" --timing 200 2>&1 >/dev/null | grep -E "timing|no actor" || true
done
echo "re-ingest (idempotence):"
"$parley" ingest "$tmp/in" --db "$tmp/bench.db" --format json --quiet | grep -E '"(added|duplicates|seconds|articles_per_second)"'
