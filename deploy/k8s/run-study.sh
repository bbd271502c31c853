#!/usr/bin/env bash
# The chain of deploy/slurm/submit.sh on Kubernetes (documented, NOT tested here): each stage is an Indexed Job made
# from features-job.yaml by substitution; `kubectl wait` replaces Slurm's --dependency=afterok.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
N=${N:-50}
stage() {   # stage NAME N ARGS... : an Indexed Job running `alchemy ARGS --shard auto`, waited for
  local name=$1 n=$2; shift 2
  local args; args=$(printf '"%s", ' "$@")
  sed -e "s/name: alchemy-features$/name: alchemy-$name/" -e "s/completions: 50/completions: $n/" -e "s/value: \"50\"/value: \"$n\"/" \
      -e "s|args: \[\"features\".*|args: [${args}\"--shard\", \"auto\", \"--jobs\", \"1\"]|" -e '/"--cache", "\/work\/cache", "--shard"/d' \
      "$HERE/features-job.yaml" | kubectl apply -f -
  kubectl wait --for=condition=complete "job/alchemy-$name" --timeout=48h
}
merge() {   # merge NAME PARTS OUT
  sed -e "s/alchemy-features-merge/alchemy-$1-merge/" -e "s|\"/work/features.parts\", \"--out\", \"/work/features.parquet\"|\"$2\", \"--out\", \"$3\"|" \
      "$HERE/merge-job.yaml" | kubectl apply -f -
  kubectl wait --for=condition=complete "job/alchemy-$1-merge" --timeout=2h
}
stage ablate "$N" ablate /work/manifest.csv --out /work/ablation
merge ablate /work/ablation /work/ablation/manifest.csv
stage features "$N" features /work/ablation/manifest.csv --out /work/features.parquet --cache /work/cache
merge features /work/features.parts /work/features.parquet
stage mels "$N" mels /work/ablation/manifest.csv --out /work/mels.csv --cache /work/cache
merge mels /work/mels.parts /work/mels.csv
echo "tables ready in the volume; run the studies as plain Jobs (args: study q1|q2|cnn ...)"
