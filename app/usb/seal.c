/* seal: see seal.h. */
#include "usb/seal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { SEAL_SECONDS = 60 };

/* Waits for pid up to the deadline, then kills it. Its status, or -1. */
static int wait_for(pid_t pid)
{
    int status = 0;
    for (int ms = 0; ms < SEAL_SECONDS * 1000; ms += 20) {
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid)
            return status;
        if (r < 0 && errno != EINTR)
            return -1;
        struct timespec nap = {0, 20 * 1000000L};
        nanosleep(&nap, NULL);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return -1;
}

/* The first line age wrote to its error output, for staff. */
static void first_line(int fd, char *out, size_t cap)
{
    ssize_t n = read(fd, out, cap - 1);
    out[n > 0 ? n : 0] = '\0';
    out[strcspn(out, "\r\n")] = '\0';
}

bool seal_open(const char *in, const char *out, const char *key, long long max, char *err,
               size_t cap)
{
    const char *age = getenv("CK_AGE") ? getenv("CK_AGE") : SEAL_AGE_DEFAULT;
    int errpipe[2];
    struct stat st;
    char why[300] = "";
    unlink(out);
    if (access(key, R_OK) != 0) {
        snprintf(err, cap, "the age key %s cannot be read (%s)", key, strerror(errno));
        return false;
    }
    if (pipe(errpipe) != 0) {
        snprintf(err, cap, "no pipe for age: %s", strerror(errno));
        return false;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(errpipe[0]);
        close(errpipe[1]);
        snprintf(err, cap, "cannot start age: %s", strerror(errno));
        return false;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(errpipe[1], 2);
        umask(077);
        execlp(age, age, "--decrypt", "--identity", key, "--output", out, in, (char *)NULL);
        dprintf(2, "cannot run %s: %s (install Debian's age package)\n", age, strerror(errno));
        _exit(127);
    }
    close(errpipe[1]);
    int status = wait_for(pid);
    first_line(errpipe[0], why, sizeof why);
    close(errpipe[0]);
    bool ok = status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!ok) {
        snprintf(err, cap, "%s",
                 status < 0 ? "age took too long and was stopped"
                 : why[0]   ? why
                            : "age failed");
        unlink(out);
        return false;
    }
    if (stat(out, &st) != 0 || st.st_size > max) {
        snprintf(err, cap,
                 stat(out, &st) != 0 ? "age wrote nothing" : "it opens to more than %lld bytes",
                 max);
        unlink(out);
        return false;
    }
    return true;
}
