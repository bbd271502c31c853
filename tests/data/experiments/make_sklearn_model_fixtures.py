#!/usr/bin/python3
"""scikit-learn reference values for AudioAlchemy's rf / svc / linearsvc models and RepeatedStratifiedKFold.

Run with Debian's python3 (python3-sklearn 1.2.1):
  /usr/bin/python3 tests/data/experiments/make_sklearn_model_fixtures.py [--table T1.csv --label genre]
Writes next to this script:
  datasets/{iris,wine,breast_cancer,digits}.csv   the sklearn datasets (label column 'label' + features)
  sklearn_models.json                             per dataset: RepeatedStratifiedKFold(5, 3, random_state=0) test
                                                  folds, per-fold accuracies of StandardScaler + RF(300) / SVC(rbf,
                                                  C=1, gamma='scale') / LinearSVC(); a small SVC case with support
                                                  vectors, dual coefficients, intercepts and ovo decision values;
                                                  a small LinearSVC case (coef_, intercept_); shuffled
                                                  StratifiedKFold fold assignments.
With --table, that table (label + numeric features, e.g. the demo corpus's Table-1 features exported by
export_table1.py) is evaluated the same way and stored under its file name. Every random thing is seeded.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn import datasets
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import RepeatedStratifiedKFold, StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC, LinearSVC

HERE = os.path.dirname(os.path.abspath(__file__))


def num(v):
    v = float(v)
    return str(int(v)) if v.is_integer() else repr(v)


def write_csv(path, X, y, names):
    with open(path, "w") as f:
        f.write(",".join(["label"] + list(names)) + "\n")
        for row, lab in zip(X, y):
            f.write(",".join([str(lab)] + [num(v) for v in row]) + "\n")


def read_csv(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
        rows = [line.strip().split(",") for line in f if line.strip()]
    j = header.index("label")
    y = np.array([r[j] for r in rows])
    cols = [i for i in range(len(header)) if i != j]
    X = np.array([[float(r[i]) for i in cols] for r in rows])
    return X, y, [header[i] for i in cols]


def evaluate(X, y, n_splits=5, n_repeats=3, seed=0):
    cv = RepeatedStratifiedKFold(n_splits=n_splits, n_repeats=n_repeats, random_state=seed)
    folds, acc = [], {"rf": [], "svc": [], "linearsvc": []}
    fit_s = {"rf": 0.0, "svc": 0.0, "linearsvc": 0.0}
    for tr, te in cv.split(X, y):
        folds.append(te.tolist())
        for name, model in (("rf", RandomForestClassifier(n_estimators=300, random_state=0, n_jobs=1)),
                            ("svc", SVC(C=1.0, kernel="rbf", gamma="scale")),
                            ("linearsvc", LinearSVC(random_state=0))):
            pipe = make_pipeline(StandardScaler(), model)
            t0 = time.perf_counter()
            pipe.fit(X[tr], y[tr])
            fit_s[name] += time.perf_counter() - t0
            acc[name].append(float((pipe.predict(X[te]) == y[te]).mean()))
    return {"n_splits": n_splits, "n_repeats": n_repeats, "random_state": seed, "test_folds": folds,
            "accuracy": acc, "mean": {k: float(np.mean(v)) for k, v in acc.items()},
            "std": {k: float(np.std(v)) for k, v in acc.items()}, "fit_seconds_total": fit_s}


def svc_case(X, y, **kw):
    m = SVC(**kw).fit(X, y)
    return {"params": kw, "support": m.support_.tolist(), "n_support": m.n_support_.tolist(),
            "dual_coef": m.dual_coef_.tolist(), "intercept": m.intercept_.tolist(),
            "gamma": float(m._gamma), "classes": m.classes_.tolist(),
            "decision_ovo": SVC(decision_function_shape="ovo", **kw).fit(X, y).decision_function(X).tolist(),
            "predict": m.predict(X).tolist()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", action="append", default=[])
    args = ap.parse_args()
    os.makedirs(os.path.join(HERE, "datasets"), exist_ok=True)
    out = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__, "datasets": {}}
    loaders = {"iris": datasets.load_iris, "wine": datasets.load_wine,
               "breast_cancer": datasets.load_breast_cancer, "digits": datasets.load_digits}
    for name, load in loaders.items():
        d = load()
        path = os.path.join(HERE, "datasets", name + ".csv")
        names = [str(n).replace(" ", "_") for n in d.feature_names]
        write_csv(path, d.data, d.target, names)
        X, y, _ = read_csv(path)          # exactly the values the C# side reads
        y = y.astype(int)
        out["datasets"][name] = evaluate(X, y)
        print(name, out["datasets"][name]["mean"], file=sys.stderr)
    for t in args.table:
        X, y, _ = read_csv(t)
        key = os.path.splitext(os.path.basename(t))[0]
        out["datasets"][key] = evaluate(X, y)
        print(key, out["datasets"][key]["mean"], file=sys.stderr)

    # Small SVC cases on standardized iris rows (every 3rd row), the values the parity test compares.
    X, y, _ = read_csv(os.path.join(HERE, "datasets", "iris.csv"))
    y = y.astype(int)
    # Rounded to float32, the precision the C# models receive, so both solvers see identical kernels.
    Xs = StandardScaler().fit_transform(X[::3]).astype(np.float32).astype(np.float64)
    ys = y[::3]
    out["svc_small"] = {"X": Xs.tolist(), "y": ys.tolist(), "cases": [
        svc_case(Xs, ys, C=1.0, kernel="rbf", gamma="scale"),
        svc_case(Xs, ys, C=10.0, kernel="rbf", gamma=0.5),
        svc_case(Xs, ys, C=0.5, kernel="linear"),
        svc_case(Xs, ys, C=1.0, kernel="poly", degree=3, gamma="auto", coef0=1.0),
        svc_case(Xs[ys != 0], ys[ys != 0], C=1.0, kernel="rbf", gamma="scale"),
    ]}
    lin = LinearSVC(random_state=0, max_iter=100000, tol=1e-8).fit(Xs, ys)
    lin2 = LinearSVC(random_state=0, max_iter=100000, tol=1e-8).fit(Xs[ys != 0], ys[ys != 0])
    out["linearsvc_small"] = {"coef": lin.coef_.tolist(), "intercept": lin.intercept_.tolist(),
                              "binary_coef": lin2.coef_.tolist(), "binary_intercept": lin2.intercept_.tolist()}

    # Shuffled StratifiedKFold (numpy RandomState permutations per class).
    rng = np.random.RandomState(7)
    yy = rng.randint(0, 4, size=57)
    out["stratified_shuffle"] = {"y": yy.tolist(), "cases": [
        {"k": k, "seed": s, "test_folds": [te.tolist() for _, te in StratifiedKFold(k, shuffle=True, random_state=s).split(np.zeros(len(yy)), yy)]}
        for k, s in ((5, 0), (3, 42), (7, 123456))]}
    out["repeated_small"] = {"y": yy.tolist(), "k": 4, "repeats": 3, "seed": 5,
                             "test_folds": [te.tolist() for _, te in RepeatedStratifiedKFold(n_splits=4, n_repeats=3, random_state=5).split(np.zeros(len(yy)), yy)]}
    with open(os.path.join(HERE, "sklearn_models.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
