#!/bin/bash
# Q1 effect (#13 must-show): the issue's language CNN configuration on true / learned / REPET-SIM vocals and the full mix, seed-1 demo200, 140/30/30 split seed 0
A=${2:-/tmp/bin8}/alchemy; O=/work/data/q1effect${1}; mkdir -p $O; D=/work/data/demo1
X="${@:3}"
C="--label language --image grey --conv-layers 3 --epochs 15 --lr 0.01 --patience 5 --dropout 0.3 --max-configs 1 --max-epochs 0 --jobs 1 --cache /work/data/cache $X"
/usr/bin/time -f "true %e s" $A study cnn --manifest $D/manifest.csv --true-stems --track-type vocals $C --out $O/true
/usr/bin/time -f "learned %e s" $A study cnn --manifest /work/data/d1_bin4/abl/manifest.csv --track-type vocals $C --out $O/learned
/usr/bin/time -f "repet %e s" $A study cnn --manifest /work/data/abl_repet1/manifest.csv --track-type vocals $C --out $O/repet
/usr/bin/time -f "full %e s" $A study cnn --manifest /work/data/d1_bin4/abl/manifest.csv --track-type full $C --out $O/full
