#!/usr/bin/python3
"""Vectorized numpy reference of Assay's MinHash signatures (same algorithm, same output).

Normalization: lowercase (simple case mapping), words = maximal runs of letters/numbers (re [^\\W_]+), joined by
single spaces.  Shingle = UTF-8 bytes of 5 consecutive words (all words if fewer), hashed with
xxHash64(seed).  Permutation i: (a_i*h + b_i) mod 2^64, a_i odd, a/b from SplitMix64(seed).
Signature = per-permutation minimum.  xxHash64 is vectorized across all shingles of a batch of
documents (masked per length class); the permutation is a (shingles x perms) uint64 product
reduced per document with np.minimum.reduceat.

usage: minhash_numpy.py DOCS.txt OUT.bin [--num-perm 128] [--seed 42] [--ngram 5]
DOCS.txt holds one document per line.  Prints JSON with the timed wall and CPU seconds (text in memory ->
signatures in memory; reading and writing files are not timed).
"""
import json
import re
import sys
import time

import numpy as np

M64 = (1 << 64) - 1
P1 = np.uint64(0x9E3779B185EBCA87)
P2 = np.uint64(0xC2B2AE3D27D4EB4F)
P3 = np.uint64(0x165667B19E3779F9)
P4 = np.uint64(0x85EBCA77C2B2AE63)
P5 = np.uint64(0x27D4EB2F165667C5)
WORD = re.compile(r"[^\W_]+")
# Assay lowercases with the simple one-to-one Unicode mapping plus U+0130 -> "i"; Python's
# str.lower() is the full mapping (U+0130 -> "i" + U+0307) with the context-dependent final sigma.
# Mapping these two first makes str.lower() agree.
SIMPLE_LOWER = {0x130: "i", 0x3A3: "\u03c3"}


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & M64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return state, z ^ (z >> 31)


def permutations(num_perm, seed):
    a = np.empty(num_perm, np.uint64)
    b = np.empty(num_perm, np.uint64)
    s = seed
    for i in range(num_perm):
        s, x = splitmix64(s)
        a[i] = x | 1
        s, x = splitmix64(s)
        b[i] = x
    return a, b


def rotl(x, r):
    return (x << np.uint64(r)) | (x >> np.uint64(64 - r))


def xx_round(acc, lane):
    acc = acc + lane * P2
    return rotl(acc, 31) * P1


def read_u64(buf, idx):
    return buf[idx[:, None] + np.arange(8)].copy().view("<u8").ravel()


def read_u32(buf, idx):
    return buf[idx[:, None] + np.arange(4)].copy().view("<u4").ravel().astype(np.uint64)


def xxh64(buf, start, length, seed):
    """xxHash64 of buf[start:start+length] for every (start, length); buf padded by >= 32 bytes."""
    seed = np.uint64(seed)
    n = start.shape[0]
    h = np.full(n, (int(seed) + int(P5)) & M64, np.uint64)
    pos = start.copy()
    big = length >= 32
    if big.any():
        i = np.nonzero(big)[0]
        v1 = np.full(i.size, (int(seed) + int(P1) + int(P2)) & M64, np.uint64)
        v2 = np.full(i.size, (int(seed) + int(P2)) & M64, np.uint64)
        v3 = np.full(i.size, seed, np.uint64)
        v4 = np.full(i.size, (int(seed) - int(P1)) & M64, np.uint64)
        stripes = length[i] // 32
        p = start[i].copy()
        for s in range(int(stripes.max())):
            act = stripes > s
            j = np.nonzero(act)[0]
            q = p[j]
            v1[j] = xx_round(v1[j], read_u64(buf, q))
            v2[j] = xx_round(v2[j], read_u64(buf, q + 8))
            v3[j] = xx_round(v3[j], read_u64(buf, q + 16))
            v4[j] = xx_round(v4[j], read_u64(buf, q + 24))
            p[j] += 32
        hb = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)
        for v in (v1, v2, v3, v4):
            hb = (hb ^ xx_round(np.zeros_like(v), v)) * P1 + P4
        h[i] = hb
        pos[i] = p
    h = h + length.astype(np.uint64)
    rem = start + length - pos
    for k in range(3):
        j = np.nonzero(rem >= 8 * (k + 1))[0]
        if j.size:
            lane = xx_round(np.zeros(j.size, np.uint64), read_u64(buf, pos[j] + 8 * k))
            h[j] = rotl(h[j] ^ lane, 27) * P1 + P4
    pos = pos + (rem // 8) * 8
    rem = rem % 8
    j = np.nonzero(rem >= 4)[0]
    if j.size:
        h[j] = rotl(h[j] ^ (read_u32(buf, pos[j]) * P1), 23) * P2 + P3
        pos[j] += 4
        rem[j] -= 4
    for k in range(3):
        j = np.nonzero(rem > k)[0]
        if j.size:
            byte = buf[pos[j] + k].astype(np.uint64)
            h[j] = rotl(h[j] ^ (byte * P5), 11) * P1
    h ^= h >> np.uint64(33)
    h *= P2
    h ^= h >> np.uint64(29)
    h *= P3
    h ^= h >> np.uint64(32)
    return h


def signatures(docs, num_perm, seed, ngram, batch=2000):
    a, b = permutations(num_perm, seed)
    out = np.full((len(docs), num_perm), np.uint64(M64), np.uint64)
    for lo in range(0, len(docs), batch):
        chunk = docs[lo:lo + batch]
        parts, starts, lens, counts = [], [], [], []
        offset = 0
        for text in chunk:
            words = WORD.findall(text.lower() if text.isascii() else text.translate(SIMPLE_LOWER).lower())
            if not words:
                counts.append(0)
                continue
            enc = [w.encode("utf-8") for w in words]
            wl = np.fromiter((len(e) for e in enc), np.int64, len(enc))
            ws = offset + np.concatenate(([0], np.cumsum(wl + 1)[:-1]))
            we = ws + wl
            width = min(ngram, len(words))
            s = ws[: len(words) - width + 1]
            e = we[width - 1:]
            starts.append(s)
            lens.append(e - s)
            counts.append(s.size)
            joined = b" ".join(enc) + b" "
            parts.append(joined)
            offset += len(joined)
        if not parts:
            continue
        buf = np.frombuffer(b"".join(parts) + b"\0" * 64, np.uint8)
        hashes = xxh64(buf, np.concatenate(starts), np.concatenate(lens), seed)
        counts = np.array(counts)
        nonempty = np.nonzero(counts)[0]
        bounds = np.concatenate(([0], np.cumsum(counts[nonempty])[:-1]))
        step = 8192
        # (shingles x perms) products, reduced per document; documents split across steps are
        # merged with np.minimum.
        mins = np.full((nonempty.size, num_perm), np.uint64(M64), np.uint64)
        doc_of = np.repeat(np.arange(nonempty.size), counts[nonempty])
        for s0 in range(0, hashes.size, step):
            hv = hashes[s0:s0 + step]
            prod = hv[:, None] * a[None, :] + b[None, :]
            d = doc_of[s0:s0 + step]
            first = np.concatenate(([0], np.nonzero(np.diff(d))[0] + 1))
            red = np.minimum.reduceat(prod, first, axis=0)
            mins[d[first]] = np.minimum(mins[d[first]], red)
        out[lo + nonempty] = mins
    return out


def main():
    args = sys.argv[1:]
    opts = {"--num-perm": 128, "--seed": 42, "--ngram": 5}
    pos = []
    i = 0
    while i < len(args):
        if args[i] in opts:
            opts[args[i]] = int(args[i + 1])
            i += 2
        else:
            pos.append(args[i])
            i += 1
    with open(pos[0], encoding="utf-8") as f:
        docs = f.read().split("\n")
    if docs and docs[-1] == "":
        docs.pop()
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    t0 = time.perf_counter()
    c0 = time.process_time()
    sig = signatures(docs, opts["--num-perm"], opts["--seed"], opts["--ngram"])
    cpu = time.process_time() - c0
    secs = time.perf_counter() - t0
    sig.astype("<u8").tofile(pos[1])
    print(json.dumps({"docs": len(docs), "bytes": nbytes, "seconds": secs, "cpu_seconds": cpu}))


if __name__ == "__main__":
    main()
