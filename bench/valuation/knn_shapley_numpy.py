#!/usr/bin/python3
"""Exact KNN-Shapley (Jia et al. 2019, Theorem 1) vectorised in numpy: the side-by-side reference
for `assay-bench knn-shapley-fmnist`. Same data (Fashion-MNIST IDX, pixels/255, float32), same distance
formula (|a|^2 + |b|^2 - 2 a.b, clamped at 0), same tie rule (stable argsort: lower index first).

Run with Debian's numpy:  /usr/bin/python3 bench/valuation/knn_shapley_numpy.py --tests 500 --out /tmp/v.f64
Writes float64 values (mean over the first --tests test points) raw to --out and prints timing plus the
extrapolation to all 10,000 test points (the per-test cost is constant, so time scales linearly).
"""
import argparse, gzip, os, struct, sys, time
import numpy as np


def read_idx(path):
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">i", data[:4])
    if magic == 0x803:
        n, r, c = struct.unpack(">iii", data[4:16])
        return np.frombuffer(data, np.uint8, n * r * c, 16).reshape(n, r * c)
    if magic == 0x801:
        n, = struct.unpack(">i", data[4:8])
        return np.frombuffer(data, np.uint8, n, 8)
    raise ValueError(f"{path}: not IDX")


def find(d, stem):
    for name in (stem, stem + ".gz"):
        p = os.path.join(d, name)
        if os.path.exists(p):
            return p
    raise FileNotFoundError(stem)


def knn_shapley(xtr, ytr, xte, yte, k, block=100, kind="stable"):
    n = xtr.shape[0]
    nb = (xtr * xtr).sum(1)
    i = np.arange(1, n, dtype=np.float64)
    w = np.minimum(k, i) / (k * i)                     # weight for i = 1..N-1
    total = np.zeros(n, np.float64)
    for s in range(0, xte.shape[0], block):
        a = xte[s:s + block]
        d = (a * a).sum(1)[:, None] + nb[None, :] - 2.0 * (a @ xtr.T)
        np.maximum(d, 0, out=d)
        order = np.argsort(d, axis=1, kind=kind)
        m = (ytr[order] == yte[s:s + block, None]).astype(np.float64)
        diff = (m[:, :-1] - m[:, 1:]) * w[None, :]
        # s_i = s_N + sum_{j>=i} diff_j
        tail = np.cumsum(diff[:, ::-1], axis=1)[:, ::-1]
        sv = np.empty_like(m)
        sv[:, -1] = m[:, -1] / max(n, k)
        sv[:, :-1] = sv[:, -1:] + tail
        vals = np.empty_like(sv)
        np.put_along_axis(vals, order, sv, axis=1)
        total += vals.sum(0)
    return total / xte.shape[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--tests", type=int, default=500)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--out", default=None)
    # "stable" keeps the tie rule (lower index first); "quicksort" (introsort) is numpy's fastest sort but may order ties
    # either way, so it is only a check that the comparison is not lost to the sort choice.
    ap.add_argument("--sort-kind", default="stable", choices=["stable", "quicksort"])
    a = ap.parse_args()
    xtr = read_idx(find(a.dir, "train-images-idx3-ubyte")).astype(np.float32) / np.float32(255)
    ytr = read_idx(find(a.dir, "train-labels-idx1-ubyte")).astype(np.int64)
    xte = read_idx(find(a.dir, "t10k-images-idx3-ubyte")).astype(np.float32) / np.float32(255)
    yte = read_idx(find(a.dir, "t10k-labels-idx1-ubyte")).astype(np.int64)
    t = min(a.tests, xte.shape[0])
    t0, c0 = time.perf_counter(), time.process_time()
    v = knn_shapley(xtr, ytr, xte[:t], yte[:t], a.k, kind=a.sort_kind)
    el, cpu = time.perf_counter() - t0, time.process_time() - c0
    full, fullcpu = el * xte.shape[0] / t, cpu * xte.shape[0] / t
    print(f"numpy {np.__version__}: {xtr.shape[0]} train x {t} test x {xtr.shape[1]}: {el:.2f} s wall, {cpu:.2f} s CPU "
          f"-> extrapolated to {xte.shape[0]} test: {full:.1f} s wall, {fullcpu:.1f} s CPU; sum of values {v.sum():.6f}")
    print(f"NUMPY_SECONDS_MEASURED={el:.4f} NUMPY_TESTS={t} NUMPY_SECONDS_EXTRAPOLATED={full:.4f} NUMPY_CPU_EXTRAPOLATED={fullcpu:.4f}")
    if a.out:
        v.astype(np.float64).tofile(a.out)


if __name__ == "__main__":
    sys.exit(main())
