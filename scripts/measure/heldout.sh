#!/bin/bash
# held-out Q1 effect: language CNNs trained on seed-7 inputs, scored on seed-1 inputs (alchemy predict MANIFEST)
A=/work/main/cli/bin/Release/net10.0/alchemy; cd /work/data; O=/work/data/heldout; mkdir -p $O
declare -A TEST=( [true]="demo1/manifest.csv --true-stems --track-type vocals" [learned]="d1_bin4/abl/manifest.csv --track-type vocals" [repet]="abl_repet1/manifest.csv --track-type vocals" [full]="d1_bin4/abl/manifest.csv --track-type full" )
for model in "$@"; do
  name=${model%%=*}; dir=${model#*=}
  for t in true learned repet full; do
    echo "== train $name → test $t"
    $A predict ${TEST[$t]} --model $dir --cache /work/data/cache --out $O/$name-on-$t 2>&1 | grep -E "accuracy|skipped" | head -3
  done
done
