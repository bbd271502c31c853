#!/bin/bash
# quick corpus seed $1 with the binary $2 (its shipped separator): learned ablation → frames (all types) → Q1 GMM-SV
s=$1; A=$2/alchemy; D=/work/data/q$s; tag=$(basename $2)
[ -f $D/demo/manifest.csv ] || $A corpus synth --out $D/demo --per-genre 8 --seconds 15 --seed $s --jobs 1
/usr/bin/time -f "ablate %e s" $A ablate $D/demo/manifest.csv --out $D/abl_$tag --method learned --jobs 1
/usr/bin/time -f "frames %e s" $A frames $D/abl_$tag/manifest.csv --out $D/abl_$tag/frames.parquet --jobs 1
python3 "$(dirname "$0")/../frame_only_features.py" $D/abl_$tag/manifest.csv $D/abl_$tag/dummy.csv ablation
/usr/bin/time -f "study %e s" $A study q1 --features $D/abl_$tag/dummy.csv --frames $D/abl_$tag/frames.parquet --models none --frame-models gmm-sv --out $D/q1sv_$tag --no-png --folds 5 --jobs 1
