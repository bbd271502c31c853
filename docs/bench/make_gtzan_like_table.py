#!/usr/bin/python3
"""A seeded stand-in for GTZAN's public 1000-row, 57-feature table (features_30_sec.csv is not in this repository).

usage: /usr/bin/python3 docs/bench/make_gtzan_like_table.py [--out data/bench/gtzan_like_1000x57.csv] [--seed 0]
sklearn.datasets.make_classification(n_samples=1000, n_features=57, n_informative=30, n_redundant=10,
n_classes=10, n_clusters_per_class=2, class_sep=1.0, random_state=seed), balanced classes, columns named like
GTZAN's table (chroma_stft_mean, chroma_stft_var, rms_mean, ..., mfcc20_var) and a 'label' column with the ten
GTZAN genre names. Only the shape and the kind of problem match GTZAN; it is for fit-time benchmarks.
"""
import argparse
import os

import numpy as np
from sklearn.datasets import make_classification

NAMES = ["chroma_stft", "rms", "spectral_centroid", "spectral_bandwidth", "rolloff", "zero_crossing_rate",
         "harmony", "perceptr"]
GENRES = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"]

ap = argparse.ArgumentParser()
ap.add_argument("--out", default=os.path.join("data", "bench", "gtzan_like_1000x57.csv"))
ap.add_argument("--seed", type=int, default=0)
a = ap.parse_args()
cols = [f"{n}_{s}" for n in NAMES for s in ("mean", "var")] + ["tempo"] + [f"mfcc{i}_{s}" for i in range(1, 21) for s in ("mean", "var")]
assert len(cols) == 57
X, y = make_classification(n_samples=1000, n_features=57, n_informative=30, n_redundant=10, n_classes=10,
                           n_clusters_per_class=2, class_sep=1.0, weights=None, random_state=a.seed)
os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
with open(a.out, "w") as f:
    f.write(",".join(cols + ["label"]) + "\n")
    for row, lab in zip(X, y):
        f.write(",".join(repr(float(v)) for v in row) + "," + GENRES[lab] + "\n")
print(a.out, X.shape, np.bincount(y).tolist())
