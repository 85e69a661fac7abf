/* rawprint: ESC/POS receipt printers as raw devices: the USB printer
 * class device (/dev/usb/lp0), a serial port ("/dev/ttyS0@19200") or, for
 * checking, a file. Plain POSIX I/O with poll() deadlines. See printer.h. */
#include "printer.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static speed_t baud_speed(long baud)
{
    switch (baud) {
    case 9600:
        return B9600;
    case 19200:
        return B19200;
    case 38400:
        return B38400;
    case 57600:
        return B57600;
    case 115200:
        return B115200;
    default:
        return 0;
    }
}

/* Raw 8N1 at the baud rate, with XON/XOFF (how receipt printers say
 * their buffer is full when no hardware handshake is wired). */
static bool serial_setup(int fd, long baud, char *err, size_t cap)
{
    struct termios t;
    speed_t sp = baud_speed(baud);
    if (!sp) {
        snprintf(err, cap, "unsupported baud rate %ld (use 9600, 19200, 38400, 57600 or 115200)",
                 baud);
        return false;
    }
    if (tcgetattr(fd, &t) != 0) {
        snprintf(err, cap, "not a serial port: %s", strerror(errno));
        return false;
    }
    cfmakeraw(&t);
    t.c_cflag |= CLOCAL | CREAD;
    t.c_iflag |= IXON;
    cfsetispeed(&t, sp);
    cfsetospeed(&t, sp);
    if (tcsetattr(fd, TCSANOW, &t) != 0) {
        snprintf(err, cap, "cannot set up the serial port: %s", strerror(errno));
        return false;
    }
    return true;
}

/* Opens "path" or "path@baud" without blocking; -1 with the reason. */
static int device_open(const char *device, bool *is_file, char *err, size_t cap)
{
    char path[512];
    long baud = 0;
    snprintf(path, sizeof path, "%s", device);
    char *at = strrchr(path, '@');
    if (at) {
        *at = '\0';
        baud = strtol(at + 1, NULL, 10);
    }
    int fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0 && (errno == EACCES || errno == EROFS))
        fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, cap, "%s: %s", path,
                 errno == ENOENT || errno == ENXIO || errno == ENODEV
                     ? "no printer is connected there"
                     : strerror(errno));
        return -1;
    }
    struct stat st;
    *is_file = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (*is_file && ftruncate(fd, 0) != 0) {
        snprintf(err, cap, "%s: %s", path, strerror(errno));
        close(fd);
        return -1;
    }
    if (baud && !serial_setup(fd, baud, err, cap)) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Writes all of b before the deadline; false with the reason. */
static bool write_all(int fd, const unsigned char *b, size_t len, long long deadline, char *err,
                      size_t cap)
{
    size_t at = 0;
    while (at < len) {
        long long left = deadline - now_ms();
        struct pollfd p = {fd, POLLOUT, 0};
        if (left <= 0 || poll(&p, 1, (int)left) == 0) {
            snprintf(err, cap, "the printer stopped taking data (%zu of %zu bytes sent)", at, len);
            return false;
        }
        if (p.revents & (POLLERR | POLLHUP)) {
            snprintf(err, cap, "the printer went away (%zu of %zu bytes sent)", at, len);
            return false;
        }
        ssize_t n = write(fd, b + at, len - at > 4096 ? 4096 : len - at);
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            continue;
        if (n <= 0) {
            snprintf(err, cap, "writing to the printer failed: %s", strerror(errno));
            return false;
        }
        at += (size_t)n;
    }
    return true;
}

/* Asks DLE EOT n; the status byte, or -1 when none came in time. A real
 * answer has bits 1 and 4 set and bits 0 and 7 clear. */
static int ask(int fd, int n, int timeout_ms)
{
    unsigned char q[3] = {0x10, 0x04, (unsigned char)n}, b;
    if (!write_all(fd, q, 3, now_ms() + timeout_ms, (char[64]){0}, 64))
        return -1;
    long long deadline = now_ms() + timeout_ms;
    for (;;) {
        long long left = deadline - now_ms();
        struct pollfd p = {fd, POLLIN, 0};
        if (left <= 0 || poll(&p, 1, (int)left) <= 0 || !(p.revents & POLLIN))
            return -1;
        ssize_t got = read(fd, &b, 1);
        if (got == 1)
            return (b & 0x93) == 0x12 ? b : -1;
        if (got < 0 && errno != EAGAIN && errno != EINTR)
            return -1;
    }
}

void escpos_status(const char *device, int timeout_ms, PrinterStatus *st)
{
    bool is_file = false;
    memset(st, 0, sizeof *st);
    int fd = device_open(device, &is_file, st->detail, sizeof st->detail);
    if (fd < 0) {
        st->state = PRINTER_NOT_FOUND;
        return;
    }
    struct stat sb;
    bool chardev = fstat(fd, &sb) == 0 && S_ISCHR(sb.st_mode);
    int printer = chardev ? ask(fd, 1, timeout_ms) : -1;
    if (printer < 0) {
        st->state = PRINTER_UNKNOWN;
        snprintf(st->detail, sizeof st->detail, "%s does not report its state", device);
    } else {
        int cause = ask(fd, 2, timeout_ms), paper = ask(fd, 4, timeout_ms);
        st->state = PRINTER_READY;
        snprintf(st->detail, sizeof st->detail, "%s is ready", device);
        if (cause >= 0 && (cause & 0x04)) {
            st->state = PRINTER_COVER_OPEN;
            snprintf(st->detail, sizeof st->detail, "%s: the cover is open", device);
        } else if ((paper >= 0 && (paper & 0x60)) || (cause >= 0 && (cause & 0x20))) {
            st->state = PRINTER_NO_PAPER;
            snprintf(st->detail, sizeof st->detail, "%s: the paper roll is out", device);
        } else if (printer & 0x08) {
            st->state = PRINTER_OFFLINE;
            snprintf(st->detail, sizeof st->detail, "%s is offline", device);
        }
    }
    close(fd);
}

JobOutcome escpos_print(const char *device, const unsigned char *bytes, size_t len, int timeout_ms,
                        char *detail, size_t cap)
{
    bool is_file = false;
    long long deadline = now_ms() + timeout_ms;
    detail[0] = '\0';
    int fd = device_open(device, &is_file, detail, cap);
    if (fd < 0)
        return JOB_FAILED;
    bool ok = write_all(fd, bytes, len, deadline, detail, cap);
    if (ok && is_file && fsync(fd) != 0) {
        snprintf(detail, cap, "%s: %s", device, strerror(errno));
        ok = false;
    }
    close(fd);
    if (ok)
        return JOB_DONE;
    return strstr(detail, "stopped taking") ? JOB_TIMEOUT : JOB_FAILED;
}
