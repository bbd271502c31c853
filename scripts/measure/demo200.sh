#!/bin/bash
# demo200 seed $1 with binary $2 (its shipped separator): [synth] → learned ablation → frames (separated + true stems) → Q1 GMM-UBM (+ true stems)
s=$1; A=$2/alchemy; tag=$(basename $2); D=/work/data/demo$s; O=/work/data/d${s}_$tag
cd /work/data; mkdir -p $O
[ -f $D/manifest.csv ] || /usr/bin/time -f "synth %e s" $A corpus synth --out $D --seed $s --jobs 2
/usr/bin/time -f "ablate %e s" $A ablate $D/manifest.csv --out $O/abl --method learned --jobs 2
/usr/bin/time -f "frames sep %e s" $A frames $O/abl/manifest.csv --out $O/frames_sep.parquet --jobs 2
[ -f $D/frames_true.parquet ] || /usr/bin/time -f "frames true %e s" $A frames $D/manifest.csv --out $D/frames_true.parquet --jobs 2
python3 "$(dirname "$0")/../frame_only_features.py" $O/abl/manifest.csv $O/dummy_sep.csv ablation
python3 "$(dirname "$0")/../frame_only_features.py" $D/manifest.csv $D/dummy_true.csv true
/usr/bin/time -f "study %e s" $A study q1 --features $O/dummy_sep.csv --frames $O/frames_sep.parquet --true-features $D/dummy_true.csv --true-frames $D/frames_true.parquet --models none --frame-models gmm-ubm,gmm-sv --out $O/q1 --no-png --folds 5 --jobs 2
