/*
 * Measures one command in its own waited-for process: wall time (CLOCK_MONOTONIC), user and
 * system CPU time of the whole process tree, and the peak resident set of its largest
 * process. wait4() reports exactly the child's own figures (with its waited-for descendants
 * folded in by the kernel), so nothing from earlier builds leaks in, unlike
 * getrusage(RUSAGE_CHILDREN) in a long-lived parent.
 *
 *   ctime-rusage --out FILE -- COMMAND [ARGS...]
 *       runs COMMAND and writes one JSON object to FILE; exits with COMMAND's status.
 *   ctime-rusage RUSTC [ARGS...]            (as cargo's RUSTC_WRAPPER)
 *       when CTIME_LEAF_CRATE names the crate being compiled (--crate-name) and
 *       CTIME_RUSTC_LOG names a file, measures that rustc and appends one JSON line to the
 *       file; any other invocation is exec'd untouched. With CTIME_PERF naming perf, the
 *       measured rustc runs under `perf stat -e instructions:u`, its counts written to
 *       CTIME_RUSTC_LOG.perf (only where the machine offers hardware counters).
 *       With CTIME_UNITS_LOG naming a file, every rustc that compiles a unit of the graph
 *       (dependencies, build scripts, the leaf) is measured the same way and appended to it as
 *       one JSON line with its package (cargo's CARGO_PKG_NAME) and crate type: a clean build's
 *       units, where cargo's own timings would give wall times only.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int64_t tv_us(struct timeval tv) { return (int64_t)tv.tv_sec * 1000000LL + tv.tv_usec; }

/* Runs argv, fills the figures; returns the exit status to propagate. */
/* extra: more JSON members, each with its leading comma, or "" */
static int run_measured(char **argv, const char *label, const char *extra, FILE *out) {
    int64_t t0 = now_ns();
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "ctime-rusage: fork failed: %s\n", strerror(errno));
        return 127;
    }
    if (pid == 0) {
        execvp(argv[0], argv);
        fprintf(stderr, "ctime-rusage: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "ctime-rusage: wait4 failed: %s\n", strerror(errno));
            return 127;
        }
    }
    int64_t wall = now_ns() - t0;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (out != NULL) {
        fprintf(out,
                "{\"label\":\"%s\",\"wallNs\":%lld,\"userUs\":%lld,\"sysUs\":%lld,"
                "\"maxRssKb\":%ld,\"exitCode\":%d,\"signal\":%d%s}\n",
                label, (long long)wall, (long long)tv_us(ru.ru_utime), (long long)tv_us(ru.ru_stime),
                ru.ru_maxrss, code, WIFSIGNALED(status) ? WTERMSIG(status) : 0, extra);
        fflush(out);
    }
    return code;
}

static const char *arg_after(int argc, char **argv, const char *flag) {
    for (int i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], flag) == 0) return argv[i + 1];
    }
    return NULL;
}

/* A name as a JSON string's contents: cargo's package and crate names are plain, anything else becomes '_'. */
static void plain(char *dst, size_t cap, const char *src) {
    size_t i = 0;
    for (; src != NULL && src[i] != '\0' && i + 1 < cap; i++) {
        char c = src[i];
        dst[i] = (c == '"' || c == '\\' || (unsigned char)c < 0x20) ? '_' : c;
    }
    dst[i] = '\0';
}

static const char *crate_name(int argc, char **argv) {
    for (int i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "--crate-name") == 0) return argv[i + 1];
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc >= 5 && strcmp(argv[1], "--out") == 0 && strcmp(argv[3], "--") == 0) {
        FILE *out = fopen(argv[2], "w");
        if (out == NULL) {
            fprintf(stderr, "ctime-rusage: cannot write %s: %s\n", argv[2], strerror(errno));
            return 127;
        }
        int code = run_measured(argv + 4, "command", "", out);
        fclose(out);
        return code;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: ctime-rusage --out FILE -- COMMAND [ARGS...]\n"
                        "       ctime-rusage RUSTC [ARGS...]   (as RUSTC_WRAPPER)\n");
        return 2;
    }
    const char *units = getenv("CTIME_UNITS_LOG");
    const char *unit = crate_name(argc, argv);
    /* cargo's probes run rustc with --crate-name ___ */
    if (units != NULL && units[0] != '\0' && unit != NULL && strcmp(unit, "___") != 0) {
        FILE *out = fopen(units, "a");
        if (out == NULL) {
            fprintf(stderr, "ctime-rusage: cannot append to %s: %s\n", units, strerror(errno));
            return 127;
        }
        char pkg[128], name[128], type[32], extra[256];
        plain(pkg, sizeof pkg, getenv("CARGO_PKG_NAME"));
        plain(name, sizeof name, unit);
        const char *t = arg_after(argc, argv, "--crate-type");
        plain(type, sizeof type, t == NULL ? "" : t);
        snprintf(extra, sizeof extra, ",\"package\":\"%s\",\"crateType\":\"%s\"", pkg, type);
        int code = run_measured(argv + 1, name, extra, out);
        fclose(out);
        return code;
    }
    const char *leaf = getenv("CTIME_LEAF_CRATE");
    const char *log = getenv("CTIME_RUSTC_LOG");
    const char *name = crate_name(argc, argv);
    if (leaf == NULL || log == NULL || name == NULL || strcmp(leaf, name) != 0) {
        execvp(argv[1], argv + 1);
        fprintf(stderr, "ctime-rusage: cannot run %s: %s\n", argv[1], strerror(errno));
        return 127;
    }
    FILE *out = fopen(log, "a");
    if (out == NULL) {
        fprintf(stderr, "ctime-rusage: cannot append to %s: %s\n", log, strerror(errno));
        return 127;
    }
    const char *perf = getenv("CTIME_PERF");
    int code;
    if (perf != NULL && perf[0] != '\0') {
        size_t len = strlen(log) + 6;
        char *perf_out = malloc(len);
        char **pargv = malloc(sizeof(char *) * (size_t)(argc + 9));
        if (perf_out == NULL || pargv == NULL) {
            fprintf(stderr, "ctime-rusage: out of memory\n");
            return 127;
        }
        snprintf(perf_out, len, "%s.perf", log);
        int k = 0;
        pargv[k++] = (char *)perf;
        pargv[k++] = "stat";
        pargv[k++] = "-x,";
        pargv[k++] = "-e";
        pargv[k++] = "instructions:u";
        pargv[k++] = "-o";
        pargv[k++] = perf_out;
        pargv[k++] = "--";
        for (int i = 1; i < argc; i++) pargv[k++] = argv[i];
        pargv[k] = NULL;
        code = run_measured(pargv, name, "", out);
        free(pargv);
        free(perf_out);
    } else {
        code = run_measured(argv + 1, name, "", out);
    }
    fclose(out);
    return code;
}
