/*
 * Calls one kernel of a cdylib a given number of times on ctime's inputs, and nothing else: run
 * under Valgrind's Cachegrind twice with two call counts, the difference of the two instruction
 * totals divided by the difference of the counts is the kernel's instructions per call, with
 * loading and set-up cancelled out (as iai-callgrind does). Counting happens outside the JVM.
 *
 *   ctime-count LIBRARY SYMBOL primal|gradient N SEED CALLS
 *
 * Inputs are the harness's: SplitMix64 from SEED, (z >> 11) * 2^-53 * 2 - 1, in [-1, 1).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef double (*primal_fn)(const double *x, size_t n);
typedef double (*gradient_fn)(const double *x, double *grad, size_t n);

static volatile double sink;

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: ctime-count LIBRARY SYMBOL primal|gradient N SEED CALLS\n");
        return 2;
    }
    int gradient = strcmp(argv[3], "gradient") == 0;
    size_t n = (size_t)strtoull(argv[4], NULL, 10);
    uint64_t s = (uint64_t)strtoll(argv[5], NULL, 10);
    long long calls = strtoll(argv[6], NULL, 10);
    void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) {
        fprintf(stderr, "ctime-count: %s\n", dlerror());
        return 3;
    }
    void *fn = dlsym(h, argv[2]);
    if (fn == NULL) {
        fprintf(stderr, "ctime-count: no symbol %s\n", argv[2]);
        return 3;
    }
    size_t bytes = (n > 0 ? n : 1) * sizeof(double);
    double *x = aligned_alloc(4096, (bytes + 4095) / 4096 * 4096);
    double *g = malloc(bytes);
    if (x == NULL || g == NULL) {
        fprintf(stderr, "ctime-count: out of memory: %s\n", strerror(errno));
        return 4;
    }
    for (size_t i = 0; i < n; i++) {
        s += 0x9E3779B97F4A7C15ULL;
        uint64_t z = s;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        x[i] = (double)(z >> 11) * 0x1.0p-53 * 2.0 - 1.0;
    }
    double acc = 0;
    for (long long c = 0; c < calls; c++) {
        acc += gradient ? ((gradient_fn)fn)(x, g, n) : ((primal_fn)fn)(x, n);
    }
    sink = acc;
    return 0;
}
