/*
 * ctime's native timing harness. Java (through JNA) hands it a kernel's function pointer,
 * the input buffers and a batch plan; the timing loop runs here, so JNA is crossed once per
 * sample, never per call. Durations come from CLOCK_MONOTONIC; next to each one, the calling
 * thread's CPU time (CLOCK_THREAD_CPUTIME_ID) shows whether the batch was descheduled: wall time
 * well above CPU time means another process (or the hypervisor) had the core.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

typedef double (*ctime_primal_fn)(const double *x, size_t n);
typedef double (*ctime_gradient_fn)(const double *x, double *grad, size_t n);

/* Results are summed into this volatile sink so no call can be optimised away. */
static volatile double ctime_sink;

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int64_t thread_cpu_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void copy_error(char *err, size_t errlen, const char *msg) {
    if (err != NULL && errlen > 0) {
        snprintf(err, errlen, "%s", msg != NULL ? msg : "unknown error");
    }
}

/* Opens a shared library; returns NULL and fills err with dlerror() on failure. */
void *ctime_open(const char *path, char *err, size_t errlen) {
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) copy_error(err, errlen, dlerror());
    return h;
}

/* Looks a symbol up; returns NULL and fills err on failure. */
void *ctime_symbol(void *handle, const char *name, char *err, size_t errlen) {
    dlerror();
    void *s = dlsym(handle, name);
    if (s == NULL) {
        const char *e = dlerror();
        copy_error(err, errlen, e != NULL ? e : "symbol resolves to NULL");
    }
    return s;
}

int ctime_close(void *handle) { return dlclose(handle); }

/* A kernel that does nothing, timed through the same loop to measure the harness overhead. */
double ctime_empty_kernel(const double *x, size_t n) {
    (void)x;
    (void)n;
    return 0.0;
}

void *ctime_empty_kernel_pointer(void) { return (void *)&ctime_empty_kernel; }

/*
 * Runs `samples` batches of `batch` calls each and writes each batch's duration (ns) to
 * out_ns, and the thread's CPU time over the same batch to out_cpu_ns (which may be NULL).
 * grad == NULL times the primal; otherwise `fn` is a gradient and grad its output.
 * Returns 0, or -1 on bad arguments.
 */
int ctime_time_batches(void *fn, int is_gradient, const double *x, double *grad, size_t n,
                       int64_t batch, int32_t samples, int64_t *out_ns, int64_t *out_cpu_ns) {
    if (fn == NULL || batch <= 0 || samples <= 0 || out_ns == NULL) return -1;
    if (is_gradient && grad == NULL && n > 0) return -1;
    double acc = 0.0;
    for (int32_t s = 0; s < samples; s++) {
        int64_t c0 = out_cpu_ns != NULL ? thread_cpu_ns() : 0;
        int64_t t0 = now_ns();
        if (is_gradient) {
            ctime_gradient_fn g = (ctime_gradient_fn)fn;
            for (int64_t i = 0; i < batch; i++) acc += g(x, grad, n);
        } else {
            ctime_primal_fn p = (ctime_primal_fn)fn;
            for (int64_t i = 0; i < batch; i++) acc += p(x, n);
        }
        out_ns[s] = now_ns() - t0;
        if (out_cpu_ns != NULL) out_cpu_ns[s] = thread_cpu_ns() - c0;
    }
    ctime_sink += acc;
    return 0;
}

/*
 * Smallest power-of-two batch whose duration reaches min_ns (capped at max_batch), so a
 * sample is long against the clock's resolution and the loop's own cost.
 */
int64_t ctime_calibrate(void *fn, int is_gradient, const double *x, double *grad, size_t n,
                        int64_t min_ns, int64_t max_batch) {
    int64_t batch = 1;
    for (;;) {
        int64_t t;
        if (ctime_time_batches(fn, is_gradient, x, grad, n, batch, 1, &t, NULL) != 0) return -1;
        if (t >= min_ns || batch >= max_batch) return batch;
        /* Jump close to the target once a measurable duration is seen, then double. */
        if (t > 1000 && t * 2 < min_ns) {
            int64_t guess = batch * (min_ns / t);
            batch = guess > batch * 2 ? guess : batch * 2;
        } else {
            batch *= 2;
        }
        if (batch > max_batch) batch = max_batch;
    }
}

/* Single calls, for gradient checks; not timed. */
double ctime_call_primal(void *fn, const double *x, size_t n) {
    return ((ctime_primal_fn)fn)(x, n);
}

double ctime_call_gradient(void *fn, const double *x, double *grad, size_t n) {
    return ((ctime_gradient_fn)fn)(x, grad, n);
}

/* Pins the calling thread to one CPU; returns 0 or the errno-style failure of the OS. */
int ctime_pin_current_thread(int cpu) {
#ifdef __linux__
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof(set), &set) == 0 ? 0 : -1;
#else
    (void)cpu;
    return -1;
#endif
}

/* Resolution of the monotonic clock, in ns, reported with every run. */
int64_t ctime_clock_resolution_ns(void) {
    struct timespec ts;
    if (clock_getres(CLOCK_MONOTONIC, &ts) != 0) return -1;
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}
