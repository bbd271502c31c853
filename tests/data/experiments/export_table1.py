#!/usr/bin/python3
"""Exports the demo corpus's Table-1 features as a parity dataset: label (= genre) + numeric feature columns.

usage: /usr/bin/python3 tests/data/experiments/export_table1.py FEATURES.csv OUT.csv
FEATURES.csv is `alchemy features data/demo/manifest.csv --out FEATURES.csv` of /work/data/demo200 (seed 1).
Keeps the full-mix rows (track_type 0) and every numeric Table-1 column except metadata (track_type) and the
raw counts (voiced_frames, frames: voiced_fraction carries them); duration_s is kept (constant in this corpus,
so the engine's audit flags it). Then make_sklearn_model_fixtures.py --table OUT.csv adds sklearn's numbers.
"""
import csv
import sys

src, dst = sys.argv[1], sys.argv[2]
drop = {"track_id", "track_type", "genre", "language", "artist", "path", "key", "key_tonic", "key_mode", "voiced_frames", "frames"}
with open(src) as f:
    rows = list(csv.DictReader(f))
cols = [c for c in rows[0].keys() if c not in drop]
with open(dst, "w") as f:
    f.write(",".join(["label"] + cols) + "\n")
    n = 0
    for r in rows:
        if r["track_type"] != "0":
            continue
        if any(r[c] == "" for c in cols):
            raise SystemExit(f"{src}: row {r['track_id']} has an empty feature; pick another corpus or impute")
        f.write(",".join([r["genre"]] + [r[c] for c in cols]) + "\n")
        n += 1
print(dst, n, "rows", len(cols), "features")
