"""scikit-learn side of `alchemy bench models` (embedded in the library; run with /usr/bin/python3).

usage: python3 sklearn_fit_times.py TABLE.csv LABEL RUNS [MODEL;MODEL...]
Standardizes every numeric column but LABEL (StandardScaler on all rows, as the C# side), then times the fit of
RandomForestClassifier(n_estimators=300, random_state=0) with n_jobs=1 and n_jobs=-1, SVC(C=1, kernel='rbf',
gamma='scale') and LinearSVC(): median wall seconds and median process CPU seconds over RUNS fits. Prints JSON.
"""
import json
import os
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC, LinearSVC

path, label, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
only = set(sys.argv[4].split(";")) if len(sys.argv) > 4 and sys.argv[4] else None
with open(path) as f:
    header = f.readline().strip().split(",")
    rows = [line.strip().split(",") for line in f if line.strip()]
j = header.index(label)
y = np.array([r[j] for r in rows])
X = StandardScaler().fit_transform(np.array([[float(r[i]) for i in range(len(header)) if i != j] for r in rows]))
models = {
    "rf(n_estimators=300,n_jobs=1)": lambda: RandomForestClassifier(n_estimators=300, random_state=0, n_jobs=1),
    "rf(n_estimators=300)": lambda: RandomForestClassifier(n_estimators=300, random_state=0, n_jobs=-1),
    "svc(n_jobs=1)": lambda: SVC(C=1.0, kernel="rbf", gamma="scale"),  # libsvm has one thread: the same fit as "svc"
    "svc": lambda: SVC(C=1.0, kernel="rbf", gamma="scale"),
    "linearsvc": lambda: LinearSVC(random_state=0),
}
out = {"sklearn": sklearn.__version__, "numpy": np.__version__, "cpus": os.cpu_count(), "rows": X.shape[0], "features": X.shape[1], "models": {}}
for name, make in models.items():
    if only is not None and name not in only:
        continue
    wall, cpu = [], []
    for _ in range(runs):
        m = make()
        t0, c0 = time.perf_counter(), time.process_time()
        m.fit(X, y)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    out["models"][name] = {"wall": statistics.median(wall), "cpu": statistics.median(cpu), "train_accuracy": float((m.predict(X) == y).mean())}
print(json.dumps(out))
