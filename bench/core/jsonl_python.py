"""Reference for bench jsonl-throughput: read + write JSONL with Python's json module, one thread.
Prints 'MB/s' of input processed (best of 3)."""
import json, os, sys, time

src, dst = sys.argv[1], sys.argv[2]
size = os.path.getsize(src)
best = float("inf")
for _ in range(3):
    t = time.perf_counter()
    with open(src, "rb") as f, open(dst, "w", encoding="utf-8") as out:
        for line in f:
            rec = json.loads(line)
            out.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
    best = min(best, time.perf_counter() - t)
print(f"{size / 1e6 / best:.1f} MB/s")
