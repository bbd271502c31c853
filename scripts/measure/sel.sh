#!/bin/bash
# separator selection on 40 seed-2 songs (every 5th row of the seed-2 demo corpus; never the seed-1 report corpus)
A=/tmp/bin9/alchemy; M=/work/data/demo2/sel40.csv; O=/work/data/sel; mkdir -p $O
for spec in "$@"; do
  tag=$(echo "$spec" | tr '/,' '__')
  /usr/bin/time -f "$spec %e s %U cpu" $A separate eval $M --method learned --model "$spec" --jobs 1 --quiet --out $O/$tag.csv 2>&1 | grep -v warning | tail -4
done
