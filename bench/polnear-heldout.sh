#!/usr/bin/env bash
# Held-out estimate for the attribution tagger: trains it on three quarters of PolNeAR train (every fourth
# article, in name order, is held out) and scores the default and tagger-only pipelines on the held-out quarter.
# Dev still selects the epoch, as for the committed model. Nothing is written inside the repository.
#   bash bench/polnear-heldout.sh [WORKDIR]        (default WORKDIR: /tmp/parley-heldout; about 5 min on 2 cores)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/../shared/data/polnear"
work="${1:-/tmp/parley-heldout}"
if [ ! -d "$data/train/text" ]; then echo "polnear-heldout: $data/train not found (../shared beside the repo)" >&2; exit 2; fi
"$root/parley" --help > /dev/null   # builds the CLI once
rm -rf "$work" && mkdir -p "$work"/{train,heldout}/{text,attributions}
i=0
while IFS= read -r file; do
  name="$(basename "$file" .txt)"
  split=train; [ $((i % 4)) -eq 3 ] && split=heldout
  ln -s "$file" "$work/$split/text/$name.txt"
  for ann in "$data/train/attributions/${name}_"*.ann; do [ -e "$ann" ] && ln -s "$ann" "$work/$split/attributions/"; done
  i=$((i + 1))
done < <(find "$data/train/text" -name '*.txt' | LC_ALL=C sort)
cp -r "$root/.build/cli" "$work/cli"
dotnet "$work/cli/parley.dll" train statements --train "$work/train" --dev "$data/dev" --out "$work/cli/models/statements.bin" > "$work/train.log"
tail -1 "$work/train.log"
# The confidence model belongs to its statement model: fit it for this one on dev, as for the committed pair.
dotnet "$work/cli/parley.dll" train confidence --dev "$data/dev" --out "$work/cli/models/statements.confidence.json" 2>&1 | tail -2
for pipeline in full trained; do
  echo "== $pipeline, held-out quarter ($(ls "$work/heldout/text" | wc -l) articles)"
  dotnet "$work/cli/parley.dll" eval polnear "$work/heldout" --pipeline "$pipeline"
done
