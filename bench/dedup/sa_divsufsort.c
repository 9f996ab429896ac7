/* Times libdivsufsort (Yuta Mori) on a file's bytes for Assay's sa-vs-divsufsort benchmark.
 * usage: sa_divsufsort INPUT [OUTPUT]   -- writes the suffix array as little-endian int32 when
 * OUTPUT is given; prints {"bytes":N,"seconds":wall,"cpu_seconds":cpu} (construction only).
 * build: gcc -O2 -o sa_divsufsort sa_divsufsort.c -ldivsufsort */
#include <divsufsort.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s INPUT [OUTPUT]\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 1; }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  sauchar_t *text = malloc(n > 0 ? n : 1);
  saidx_t *sa = malloc(sizeof(saidx_t) * (n > 0 ? n : 1));
  if (!text || !sa || fread(text, 1, n, f) != (size_t)n) { fprintf(stderr, "read failed\n"); return 1; }
  fclose(f);
  double w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
  if (divsufsort(text, sa, (saidx_t)n) != 0) { fprintf(stderr, "divsufsort failed\n"); return 1; }
  double c1 = now(CLOCK_PROCESS_CPUTIME_ID), w1 = now(CLOCK_MONOTONIC);
  if (argc > 2) {
    FILE *o = fopen(argv[2], "wb");
    if (!o || fwrite(sa, sizeof(saidx_t), n, o) != (size_t)n) { fprintf(stderr, "write failed\n"); return 1; }
    fclose(o);
  }
  printf("{\"bytes\":%ld,\"seconds\":%.6f,\"cpu_seconds\":%.6f}\n", n, w1 - w0, c1 - c0);
  free(text);
  free(sa);
  return 0;
}
