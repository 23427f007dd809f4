/*
 * Runs a command so that nothing it starts outlives ctime: cargo, rustc, build scripts, and
 * the children they detach (a build script's `setsid` daemon included).
 *
 *   ctime-guard COMMAND [ARGS...]
 *
 * The guard is a child subreaper (prctl PR_SET_CHILD_SUBREAPER): a process whose parent dies
 * is handed to the guard instead of init, so no descendant escapes it. It asks the kernel for
 * SIGTERM when its own parent (the Maven JVM) dies, even by SIGKILL (PR_SET_PDEATHSIG). On
 * SIGTERM, SIGINT or SIGHUP, and when COMMAND exits, it kills every descendant left and reaps
 * them; it exits with COMMAND's status.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void on_signal(int sig) {
    (void)sig;
    stop = 1;
}

/* Kills the guard's direct children; orphans below them come to the guard (the subreaper) next round. */
static int kill_children(void) {
    pid_t self = getpid();
    int n = 0;
    DIR *d = opendir("/proc");
    if (d == NULL) return 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char *end;
        long pid = strtol(e->d_name, &end, 10);
        if (*end != '\0' || pid <= 0) continue;
        char path[64];
        snprintf(path, sizeof path, "/proc/%ld/stat", pid);
        FILE *f = fopen(path, "r");
        if (f == NULL) continue;
        char buf[512];
        size_t len = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[len] = '\0';
        /* The command name may hold spaces and parentheses: the fields start after the last ')'. */
        char *p = strrchr(buf, ')');
        if (p == NULL) continue;
        char state;
        long ppid;
        if (sscanf(p + 1, " %c %ld", &state, &ppid) != 2) continue;
        if (ppid == self) {
            kill((pid_t)pid, SIGKILL);
            n++;
        }
    }
    closedir(d);
    return n;
}

static void kill_all_descendants(void) {
    for (int round = 0; round < 100; round++) {
        int killed = kill_children();
        while (waitpid(-1, NULL, WNOHANG) > 0) {
        }
        if (killed == 0) {
            /* No children left to kill; reap any that were still exiting. */
            while (waitpid(-1, NULL, 0) > 0) {
            }
            return;
        }
        usleep(10000);
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: ctime-guard COMMAND [ARGS...]\n");
        return 2;
    }
    pid_t parent = getppid();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal; /* no SA_RESTART: waitpid returns EINTR and the guard acts at once */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0 || prctl(PR_SET_PDEATHSIG, SIGTERM) != 0) {
        fprintf(stderr, "ctime-guard: prctl failed: %s\n", strerror(errno));
    }
    if (getppid() != parent) return 143; /* the parent died before the death signal was armed */
    pid_t child = fork();
    if (child < 0) {
        fprintf(stderr, "ctime-guard: fork failed: %s\n", strerror(errno));
        return 127;
    }
    if (child == 0) {
        signal(SIGTERM, SIG_DFL);
        signal(SIGINT, SIG_DFL);
        signal(SIGHUP, SIG_DFL);
        execvp(argv[1], argv + 1);
        fprintf(stderr, "ctime-guard: cannot run %s: %s\n", argv[1], strerror(errno));
        _exit(127);
    }
    int code = 0;
    for (;;) {
        int status;
        pid_t w = waitpid(-1, &status, 0);
        if (w == child) {
            code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            break;
        }
        if (w < 0 && errno == EINTR && stop) {
            kill_all_descendants();
            return 143;
        }
        if (w < 0 && errno == ECHILD) break;
    }
    kill_all_descendants();
    return code;
}
