#!/usr/bin/python3
"""Generates scikit-learn reference values for the AudioAlchemy experiment engine tests.

Run with Debian's python3 (python3-sklearn):  /usr/bin/python3 make_sklearn_fixtures.py
Writes sklearn_fixtures.json next to this script. Everything is fixed by seeds, so rerunning
gives the same file (for the same scikit-learn version, recorded in the JSON).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, auc, confusion_matrix, precision_recall_fscore_support,
                             roc_auc_score, roc_curve)
from sklearn.model_selection import GroupKFold, LeaveOneOut, StratifiedGroupKFold, StratifiedKFold
from sklearn.preprocessing import StandardScaler

rng = np.random.RandomState(1234)
out = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__}


def metric_case(name, y_true, y_pred, labels=None):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    case = {"name": name, "y_true": y_true.tolist(), "y_pred": y_pred.tolist(),
            "labels": None if labels is None else list(labels)}
    case["accuracy"] = accuracy_score(y_true, y_pred)
    for avg in ("macro", "weighted", "micro"):
        p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, labels=labels, average=avg, zero_division=0)
        case[avg] = {"precision": p, "recall": r, "f1": f}
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, average=None, zero_division=0)
    used = labels if labels is not None else sorted(set(y_true.tolist()) | set(y_pred.tolist()))
    case["per_class"] = {"labels": list(used), "precision": p.tolist(), "recall": r.tolist(), "f1": f.tolist(),
                         "support": [int(v) for v in s]}
    case["confusion"] = confusion_matrix(y_true, y_pred, labels=labels).tolist()
    return case


cases = []
# 5 classes; class 4 is never predicted.
y_true = rng.randint(0, 5, size=60)
y_pred = np.where(rng.rand(60) < 0.6, y_true, rng.randint(0, 4, size=60))
y_pred[y_pred == 4] = 3
cases.append(metric_case("never_predicted", y_true, y_pred))
# Class 2 absent from y_true (a fold without that class) but predicted sometimes.
y_true = rng.choice([0, 1, 3], size=40)
y_pred = np.where(rng.rand(40) < 0.5, y_true, rng.randint(0, 4, size=40))
cases.append(metric_case("absent_from_fold", y_true, y_pred))
# Same data with all labels forced (labels=[0,1,2,3,4]): class 4 absent from both.
cases.append(metric_case("absent_with_labels", y_true, y_pred, labels=[0, 1, 2, 3, 4]))
# Perfect and all-wrong edge cases.
cases.append(metric_case("perfect", [0, 1, 2, 2, 1, 0], [0, 1, 2, 2, 1, 0]))
cases.append(metric_case("all_wrong", [0, 0, 1, 1], [1, 1, 0, 0]))
out["metrics"] = cases

# ROC: per-class one-vs-rest with ties and the macro OvR AUC.
n, k = 80, 4
y = rng.randint(0, k, size=n)
scores = rng.rand(n, k) + 0.8 * np.eye(k)[y]
scores = np.round(scores, 1)  # force ties
scores = scores / scores.sum(axis=1, keepdims=True)
roc = {"y_true": y.tolist(), "scores": scores.tolist(), "classes": []}
for c in range(k):
    fpr, tpr, thr = roc_curve(y == c, scores[:, c])
    roc["classes"].append({"fpr": fpr.tolist(), "tpr": tpr.tolist(),
                           "thresholds": [None if not np.isfinite(t) else float(t) for t in thr],
                           "auc": auc(fpr, tpr)})
roc["macro_auc_ovr"] = roc_auc_score(y, scores, multi_class="ovr", average="macro")
out["roc"] = roc

# Splits.
splits = {}
y = np.array([3, 1, 1, 2, 3, 3, 0, 1, 2, 2, 3, 1, 0, 0, 3, 2, 1, 1, 3, 2, 0, 3, 2, 1, 1, 3, 3])
splits["stratified_y"] = y.tolist()
splits["stratified_kfold_5"] = [te.tolist() for _, te in StratifiedKFold(5).split(np.zeros(len(y)), y)]
splits["stratified_kfold_3"] = [te.tolist() for _, te in StratifiedKFold(3).split(np.zeros(len(y)), y)]
y2 = rng.randint(0, 6, size=203)
splits["stratified_y_large"] = y2.tolist()
splits["stratified_kfold_large_7"] = [te.tolist() for _, te in StratifiedKFold(7).split(np.zeros(len(y2)), y2)]
groups = rng.randint(0, 12, size=70)
splits["groups"] = groups.tolist()
splits["group_kfold_4"] = [te.tolist() for _, te in GroupKFold(4).split(np.zeros(len(groups)), groups=groups)]
# Many groups of distinct sizes (no ties, so numpy's unstable argsort cannot matter).
g_big = np.repeat(np.arange(40), np.arange(1, 41))
perm = rng.permutation(len(g_big))
g_big = g_big[perm]
splits["groups_large"] = g_big.tolist()
splits["group_kfold_large_5"] = [te.tolist() for _, te in GroupKFold(5).split(np.zeros(len(g_big)), groups=g_big)]
ys = rng.randint(0, 3, size=70)
splits["sgkf_y"] = ys.tolist()
splits["stratified_group_kfold_3"] = [te.tolist() for _, te in
                                      StratifiedGroupKFold(3).split(np.zeros(len(ys)), ys, groups)]
splits["leave_one_out_5"] = [te.tolist() for _, te in LeaveOneOut().split(np.zeros(5))]
out["splits"] = splits

# StandardScaler (population std, zero-variance column left unscaled).
X = rng.randn(10, 3) * [1.0, 5.0, 0.0] + [0.0, 2.0, 7.0]
sc = StandardScaler().fit(X)
out["scaler"] = {"X": X.tolist(), "mean": sc.mean_.tolist(), "scale": sc.scale_.tolist(),
                 "transformed": sc.transform(X).tolist()}

# KNN: predictions and probabilities on fixed continuous data (no distance ties), both metrics and weightings.
from sklearn.neighbors import KNeighborsClassifier
Xtr = np.round(rng.randn(40, 3), 3)
ytr = rng.randint(0, 3, size=40)
Xte = np.round(rng.randn(15, 3), 3)
Xte[0] = Xtr[5]  # an exact duplicate of a training row (distance 0)
knn = {"X_train": Xtr.tolist(), "y_train": ytr.tolist(), "X_test": Xte.tolist(), "cases": []}
for k in (1, 4, 7):
    for p in (1, 2):
        for w in ("uniform", "distance"):
            m = KNeighborsClassifier(n_neighbors=k, p=p, weights=w, algorithm="brute").fit(Xtr, ytr)
            knn["cases"].append({"n_neighbors": k, "p": p, "weights": w, "pred": m.predict(Xte).tolist(),
                                 "proba": m.predict_proba(Xte).tolist()})
out["knn"] = knn

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sklearn_fixtures.json")
with open(path + ".tmp", "w") as f:
    json.dump(out, f, indent=1)
os.replace(path + ".tmp", path)
print("wrote", path)
