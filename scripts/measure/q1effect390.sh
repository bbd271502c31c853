#!/bin/bash
# Q1 effect, the trials' best crop (9 s): learned / REPET-SIM vocals / full mix (true stems: docs/language-id.md trials, 0.900)
A=/tmp/bin8/alchemy; O=/work/data/q1effect390; mkdir -p $O; D=/work/data/demo1
C="--label language --image grey --conv-layers 3 --epochs 15 --lr 0.01 --patience 5 --dropout 0.3 --max-configs 1 --max-epochs 0 --jobs 1 --cache /work/data/cache --crop-frames 390"
/usr/bin/time -f "learned %e s" $A study cnn --manifest /work/data/d1_bin4/abl/manifest.csv --track-type vocals $C --out $O/learned
/usr/bin/time -f "repet %e s" $A study cnn --manifest /work/data/abl_repet1/manifest.csv --track-type vocals $C --out $O/repet
/usr/bin/time -f "full %e s" $A study cnn --manifest /work/data/d1_bin4/abl/manifest.csv --track-type full $C --out $O/full
