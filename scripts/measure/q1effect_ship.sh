#!/bin/bash
# Q1 effect with the shipped separator of binary $1: ablate seed 1 + seed 7, language CNN on seed-7 separated vocals, scored on seed 1 (heldout.sh)
A=$1/alchemy; T=${2:-ship3}; cd /work/data
/usr/bin/time -f "ablate seed1 %e s" $A ablate demo1/manifest.csv --out d1_$T/abl --method learned --jobs 2
/usr/bin/time -f "ablate seed7 %e s" $A ablate train-seed7/manifest.csv --out abl7_$T --method learned --jobs 2
C="--label language --cache /work/data/cache --image grey --max-configs 1 --max-epochs 0 --conv-layers 3 --epochs 15 --patience 5 --dropout 0.3 --lr 0.01 --seed 0 --crop-frames 260 --jobs 2"
/usr/bin/time -f "cnn learned7 %e s" $A study cnn --manifest abl7_$T/manifest.csv --track-type vocals $C --out q1effect7/learned_$T
for t in "demo1/manifest.csv --true-stems --track-type vocals" "d1_$T/abl/manifest.csv --track-type vocals" "abl_repet1/manifest.csv --track-type vocals" "d1_$T/abl/manifest.csv --track-type full"; do
  echo "== test $t"; $A predict $t --model q1effect7/learned_$T/models/grey-c3-e15-p5-d0.3-lr0.01 --cache /work/data/cache 2>&1 | grep -E "accuracy|skipped" | head -3
done
echo "== true-trained model on the new separator's seed-1 vocals"
$A predict d1_$T/abl/manifest.csv --track-type vocals --model rec/lang-seed7/models/grey-c3-e15-p5-d0.3-lr0.01 --cache /work/data/cache 2>&1 | grep -E "accuracy" | head -2
