#!/bin/bash
# Q1 effect at 400 songs: seed-7 corpus, REPET-SIM ablation, language CNN (docs/recommendation.md's configuration, 280/60/60, 6-s crops)
A=/tmp/bin8/alchemy; cd /work/data
/usr/bin/time -f "ablate repet7 %e s" $A ablate train-seed7/manifest.csv --out abl7_repet --method repet-sim --jobs 1
C="--label language --cache data/cache --image grey --max-configs 1 --max-epochs 0 --conv-layers 3 --epochs 15 --patience 5 --dropout 0.3 --lr 0.01 --seed 0 --crop-frames 260 --jobs 1"
/usr/bin/time -f "cnn repet7 %e s" $A study cnn --manifest abl7_repet/manifest.csv --track-type vocals $C --out q1effect7/repet
/usr/bin/time -f "cnn full7 %e s" $A study cnn --manifest abl7/manifest.csv --track-type full $C --out q1effect7/full
