#!/usr/bin/python3
"""librosa 0.11 nn_filter / recurrence_matrix(mode='connectivity') reference: which neighbours survive.

usage (after `source $ROOT/env.sh` of shared/reference/oracle/setup.sh):
  /usr/bin/python3 tests/data/reference/nn_filter/make_nn_filter.py
recurrence_matrix keeps, per frame, links[np.argsort(ones)][:k] of its k + 2*width nearest links outside the
width band (all link values are 1 in connectivity mode), so numpy's unstable default argsort (introsort) of an
all-equal array decides which neighbours are kept, not their distance. Writes
  argsort_ones.json  numpy's np.argsort(np.ones((1, m)))[0][:80] for the m values listed (numpy version recorded)
  S.npy, out.npy     a seeded non-negative (32, 300) float32 matrix and
                     librosa.decompose.nn_filter(S, aggregate=np.median, metric='cosine', width=20)
  rec_cols.json      the neighbour lists of every frame (columns of the recurrence matrix)
"""
import json
import os

import numpy as np
import scipy
import sklearn
import librosa

HERE = os.path.dirname(os.path.abspath(__file__))
ms = list(range(1, 41)) + list(range(41, 700, 7))
order = {str(m): np.argsort(np.ones((1, m)))[0][:80].tolist() for m in ms}
with open(os.path.join(HERE, "argsort_ones.json"), "w") as f:
    json.dump({"numpy": np.__version__, "scipy": scipy.__version__, "sklearn": sklearn.__version__,
               "librosa": librosa.__version__, "order": order}, f)

rng = np.random.RandomState(14)
base = rng.rand(32, 12).astype(np.float32)
# A repeating background (period 12 frames) plus noise: near neighbours are meaningful, as in a spectrogram.
S = (np.tile(base, (1, 25)) + 0.3 * rng.rand(32, 300)).astype(np.float32)
np.save(os.path.join(HERE, "S.npy"), S)
out = librosa.decompose.nn_filter(S, aggregate=np.median, metric="cosine", width=20)
np.save(os.path.join(HERE, "out.npy"), out.astype(np.float32))
rec = librosa.segment.recurrence_matrix(S, metric="cosine", width=20, sparse=True)
rec = scipy.sparse.csc_matrix(rec)
cols = [rec.indices[rec.indptr[i]:rec.indptr[i + 1]].tolist() for i in range(rec.shape[1])]
with open(os.path.join(HERE, "rec_cols.json"), "w") as f:
    json.dump({"width": 20, "k": int(2 * np.ceil(np.sqrt(300 - 40 + 1))), "cols": cols}, f)
print("k", int(2 * np.ceil(np.sqrt(300 - 40 + 1))), "mean neighbours", np.mean([len(c) for c in cols]))
