#!/usr/bin/env bash
# Submits the whole study as one chain of Slurm jobs (see README.md):
#   ablate (array) → merge → features, frames, mels (arrays, in parallel) → merges → studies q1, q2, cnn
# Every arrow is --dependency=afterok, so a stage starts only when every task of the one before succeeded and its
# merge found a complete, consistent set of parts.
#   ALCHEMY=/shared/alchemy-bin/alchemy MANIFEST=/shared/fma/manifest.csv WORK=/shared/alchemy-work ./submit.sh
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${ALCHEMY:?set ALCHEMY to the alchemy command}"
: "${MANIFEST:?set MANIFEST to the corpus manifest (CSV or JSON, docs/corpus.md)}"
: "${WORK:?set WORK to a folder on the shared cluster filesystem}"
ABLATE_SHARDS=${ABLATE_SHARDS:-100}     # tasks of each array (each task: --cpus-per-task of its script)
FEATURE_SHARDS=${FEATURE_SHARDS:-50}
FRAME_SHARDS=${FRAME_SHARDS:-50}
MEL_SHARDS=${MEL_SHARDS:-50}
MAX_RUNNING=${MAX_RUNNING:-64}          # at most this many tasks of one array at once (%N): be fair to the queue
SBATCH_EXTRA=${SBATCH_EXTRA:-}          # e.g. "--partition=cpu --account=myproject"
export ALCHEMY ALCHEMY_DEPLOY="$HERE"
# One cache root for every stage (--cache "$WORK/cache"): features, frames and mels each use their own folder under it.
mkdir -p "$WORK/logs" "$WORK/results"
read -r -a EXTRA <<< "$SBATCH_EXTRA"

array() { local n=$1; shift; sbatch --parsable "${EXTRA[@]}" --array=0-$((n - 1))%"$MAX_RUNNING" -o "$WORK/logs/%x-%A_%a.out" "$@" | cut -d';' -f1; }
single() { sbatch --parsable "${EXTRA[@]}" -o "$WORK/logs/%x-%j.out" "$@" | cut -d';' -f1; }
has_verb() { read -r -a alc <<< "$ALCHEMY"; "${alc[@]}" --help 2>/dev/null | grep -qE "^[[:space:]]+$1([[:space:]]|$)"; }

abl=$(array "$ABLATE_SHARDS" "$HERE/ablate.sbatch" "$MANIFEST" "$WORK/ablation")
abl_m=$(single --dependency=afterok:"$abl" "$HERE/merge.sbatch" "$WORK/ablation" "$ABLATE_SHARDS" csv "$WORK/ablation/manifest.csv")
echo "ablate $abl → merge $abl_m"
ABL="$WORK/ablation/manifest.csv"

feat=$(array "$FEATURE_SHARDS" --dependency=afterok:"$abl_m" "$HERE/features.sbatch" "$ABL" "$WORK/features.parquet" "$WORK/cache")
feat_m=$(single --dependency=afterok:"$feat" "$HERE/merge.sbatch" "$WORK/features.parts" "$FEATURE_SHARDS" parquet "$WORK/features.parquet")
echo "features $feat → merge $feat_m"
fr=$(array "$FRAME_SHARDS" --dependency=afterok:"$abl_m" "$HERE/frames.sbatch" "$ABL" "$WORK/frames.parquet" "$WORK/cache")
fr_m=$(single --dependency=afterok:"$fr" "$HERE/merge.sbatch" "$WORK/frames.parts" "$FRAME_SHARDS" parquet "$WORK/frames.parquet")
echo "frames $fr → merge $fr_m"
q1_after=$feat_m:$fr_m q1_frames=(--frames "$WORK/frames.parquet")
q2cnn_after=$abl_m
if has_verb mels; then
  mel=$(array "$MEL_SHARDS" --dependency=afterok:"$abl_m" "$HERE/mels.sbatch" "$ABL" "$WORK/mels.csv" "$WORK/cache")
  mel_m=$(single --dependency=afterok:"$mel" "$HERE/merge.sbatch" "$WORK/mels.parts" "$MEL_SHARDS" csv "$WORK/mels.csv")
  echo "mels $mel → merge $mel_m"
  q2cnn_after=$mel_m
fi

q1=$(single --dependency=afterok:"$q1_after" "$HERE/study.sbatch" q1 --features "$WORK/features.parquet" "${q1_frames[@]}" --out "$WORK/results")
q2=$(single --dependency=afterok:"$feat_m" "$HERE/study.sbatch" q2 --features "$WORK/features.parquet" --out "$WORK/results")
cnn=$(single --dependency=afterok:"$q2cnn_after" "$HERE/study.sbatch" cnn --manifest "$ABL" --cache "$WORK/cache" --out "$WORK/results/q2-cnn")
echo "studies: q1 $q1, q2 $q2, cnn $cnn; logs in $WORK/logs; watch with: squeue -u ${USER:-$(id -un)}"
