/* cups: printing through a CUPS queue with libcups (the only includer of
 * cups.h). See printer.h. */
#include "printer.h"

#include <cups/cups.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* libcups is opened when the kiosk first asks a printer something, not
 * as it starts: it brings seventeen libraries of its own (GnuTLS,
 * Kerberos, Avahi, p11-kit...), and loading them and running their
 * constructors was a seventh of the kiosk's start in a window. The
 * functions used, each called through lib. */
#define CUPS_FUNCTIONS(X)                                                                          \
    X(cupsAddOption)                                                                               \
    X(cupsCancelJob2)                                                                              \
    X(cupsCreateJob)                                                                               \
    X(cupsDoRequest)                                                                               \
    X(cupsEncryption)                                                                              \
    X(cupsFinishDocument)                                                                          \
    X(cupsFreeOptions)                                                                             \
    X(cupsGetDefault2)                                                                             \
    X(cupsLastError)                                                                               \
    X(cupsLastErrorString)                                                                         \
    X(cupsServer)                                                                                  \
    X(cupsStartDocument)                                                                           \
    X(cupsWriteRequestData)                                                                        \
    X(httpAssembleURIf)                                                                            \
    X(httpClose)                                                                                   \
    X(httpConnect2)                                                                                \
    X(httpSetTimeout)                                                                              \
    X(ippAddInteger)                                                                               \
    X(ippAddString)                                                                                \
    X(ippAddStrings)                                                                               \
    X(ippDelete)                                                                                   \
    X(ippFindAttribute)                                                                            \
    X(ippGetBoolean)                                                                               \
    X(ippGetCount)                                                                                 \
    X(ippGetInteger)                                                                               \
    X(ippGetStatusCode)                                                                            \
    X(ippGetString)                                                                                \
    X(ippNewRequest)                                                                               \
    X(ippPort)

static struct {
#define CUPS_FIELD(f) __typeof__(f) *f;
    CUPS_FUNCTIONS(CUPS_FIELD)
#undef CUPS_FIELD
} lib;
static pthread_once_t lib_once = PTHREAD_ONCE_INIT;
static bool lib_ok;
static char lib_why[300];

static void lib_open(void)
{
    void *h = dlopen("libcups.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(lib_why, sizeof lib_why, "the printing library could not be loaded (%s)",
                 dlerror());
        return;
    }
#define CUPS_LOAD(f)                                                                               \
    if (!(lib.f = (__typeof__(f) *)dlsym(h, #f))) {                                                \
        snprintf(lib_why, sizeof lib_why, "the printing library libcups has no %s", #f);           \
        return;                                                                                    \
    }
    CUPS_FUNCTIONS(CUPS_LOAD)
#undef CUPS_LOAD
    lib_ok = true;
}

/* True when libcups is loaded; else why not in detail. */
static bool lib_ready(char *detail, size_t cap)
{
    pthread_once(&lib_once, lib_open);
    if (!lib_ok)
        snprintf(detail, cap, "%.200s", lib_why);
    return lib_ok;
}

/* A connection to the CUPS server (CUPS_SERVER, client.conf, or the local
 * socket), with timeouts on connecting and on every request. */
static http_t *connect_cups(int timeout_ms)
{
    http_t *http = lib.httpConnect2(lib.cupsServer(), lib.ippPort(), NULL, AF_UNSPEC,
                                    lib.cupsEncryption(), 1, timeout_ms, NULL);
    if (http)
        lib.httpSetTimeout(http, timeout_ms / 1000.0, NULL, NULL);
    return http;
}

/* The queue's name: `queue`, or CUPS's default; false when there is none. */
static bool queue_name(http_t *http, const char *queue, char *out, size_t cap)
{
    const char *name = queue && *queue ? queue : lib.cupsGetDefault2(http);
    if (!name)
        return false;
    snprintf(out, cap, "%s", name);
    return true;
}

static void printer_uri(const char *name, char *uri, size_t cap)
{
    lib.httpAssembleURIf(HTTP_URI_CODING_ALL, uri, (int)cap, "ipp", NULL, "localhost", 0,
                         "/printers/%s", name);
}

/* What one state reason (without -error/-warning/-report) means. */
static PrinterState reason_state(const char *r)
{
    static const struct {
        const char *prefix;
        PrinterState state;
    } map[] = {
        {"media-empty", PRINTER_NO_PAPER},
        {"media-needed", PRINTER_NO_PAPER},
        {"input-tray-missing", PRINTER_NO_PAPER},
        {"media-jam", PRINTER_JAMMED},
        {"toner-empty", PRINTER_NO_TONER},
        {"marker-supply-empty", PRINTER_NO_TONER},
        {"door-open", PRINTER_COVER_OPEN},
        {"cover-open", PRINTER_COVER_OPEN},
        {"offline", PRINTER_OFFLINE},
        {"shutdown", PRINTER_OFFLINE},
        {"timed-out", PRINTER_OFFLINE},
        {"paused", PRINTER_STOPPED},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strncmp(r, map[i].prefix, strlen(map[i].prefix)) == 0)
            return map[i].state;
    return PRINTER_READY;
}

/* The most telling problem among the printer's state reasons. Warnings
 * do not stop a job; "offline-report" is how backends say offline. */
static PrinterState reasons_state(ipp_attribute_t *reasons, char *detail, size_t cap)
{
    PrinterState worst = PRINTER_READY;
    for (int i = 0; reasons && i < lib.ippGetCount(reasons); i++) {
        const char *r = lib.ippGetString(reasons, i, NULL);
        size_t n = strlen(r);
        if (n > 8 && strcmp(r + n - 8, "-warning") == 0)
            continue;
        if (n > 7 && strcmp(r + n - 7, "-report") == 0 && strncmp(r, "offline", 7) != 0)
            continue;
        PrinterState s = reason_state(r);
        if (s != PRINTER_READY && worst == PRINTER_READY) {
            worst = s;
            snprintf(detail, cap, "%s", r);
        }
    }
    return worst;
}

void cups_status(const char *queue, int timeout_ms, PrinterStatus *st)
{
    static const char *const want[] = {"printer-state", "printer-state-reasons",
                                       "printer-is-accepting-jobs", "printer-state-message"};
    char name[256], uri[1024];
    memset(st, 0, sizeof *st);
    if (!lib_ready(st->detail, sizeof st->detail)) {
        st->state = PRINTER_UNREACHABLE;
        return;
    }
    http_t *http = connect_cups(timeout_ms);
    if (!http) {
        st->state = PRINTER_UNREACHABLE;
        snprintf(st->detail, sizeof st->detail, "the print service at %s does not answer",
                 lib.cupsServer());
        return;
    }
    if (!queue_name(http, queue, name, sizeof name)) {
        st->state = PRINTER_NOT_FOUND;
        snprintf(st->detail, sizeof st->detail, "CUPS has no default printer");
        lib.httpClose(http);
        return;
    }
    printer_uri(name, uri, sizeof uri);
    ipp_t *req = lib.ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    lib.ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, uri);
    lib.ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                      (int)(sizeof want / sizeof *want), NULL, want);
    ipp_t *resp = lib.cupsDoRequest(http, req, "/");
    if (!resp || lib.ippGetStatusCode(resp) > IPP_STATUS_OK_CONFLICTING) {
        st->state = lib.cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND ? PRINTER_NOT_FOUND
                    : resp                                            ? PRINTER_UNKNOWN
                                                                      : PRINTER_UNREACHABLE;
        snprintf(st->detail, sizeof st->detail, "%.100s: %.140s", name, lib.cupsLastErrorString());
        lib.ippDelete(resp);
        lib.httpClose(http);
        return;
    }
    ipp_attribute_t *a = lib.ippFindAttribute(resp, "printer-state", IPP_TAG_ENUM);
    ipp_attribute_t *accepting =
        lib.ippFindAttribute(resp, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
    ipp_attribute_t *msg = lib.ippFindAttribute(resp, "printer-state-message", IPP_TAG_TEXT);
    int state = a ? lib.ippGetInteger(a, 0) : IPP_PSTATE_IDLE;
    st->state = reasons_state(lib.ippFindAttribute(resp, "printer-state-reasons", IPP_TAG_KEYWORD),
                              st->detail, sizeof st->detail);
    if (st->state == PRINTER_READY && state == IPP_PSTATE_STOPPED) {
        st->state = PRINTER_STOPPED;
        snprintf(st->detail, sizeof st->detail, "%.100s is stopped%s%.120s", name,
                 msg && *lib.ippGetString(msg, 0, NULL) ? ": " : "",
                 msg ? lib.ippGetString(msg, 0, NULL) : "");
    } else if (st->state == PRINTER_READY && accepting && !lib.ippGetBoolean(accepting, 0)) {
        st->state = PRINTER_NOT_ACCEPTING;
        snprintf(st->detail, sizeof st->detail, "%.100s is not accepting jobs", name);
    } else if (st->state == PRINTER_READY)
        snprintf(st->detail, sizeof st->detail, "%.100s is %s", name,
                 state == IPP_PSTATE_PROCESSING ? "printing" : "idle");
    lib.ippDelete(resp);
    lib.httpClose(http);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The job's state (IPP_JSTATE_*), or 0 when it cannot be read. */
static int job_state(http_t *http, const char *uri, int id, char *detail, size_t cap)
{
    static const char *const want[] = {"job-state", "job-state-reasons",
                                       "job-printer-state-message"};
    ipp_t *req = lib.ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    lib.ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, uri);
    lib.ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", id);
    lib.ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                      (int)(sizeof want / sizeof *want), NULL, want);
    ipp_t *resp = lib.cupsDoRequest(http, req, "/");
    int state = 0;
    ipp_attribute_t *a = resp ? lib.ippFindAttribute(resp, "job-state", IPP_TAG_ENUM) : NULL;
    if (a)
        state = lib.ippGetInteger(a, 0);
    ipp_attribute_t *m =
        resp ? lib.ippFindAttribute(resp, "job-printer-state-message", IPP_TAG_TEXT) : NULL;
    ipp_attribute_t *r =
        resp ? lib.ippFindAttribute(resp, "job-state-reasons", IPP_TAG_KEYWORD) : NULL;
    if (m && *lib.ippGetString(m, 0, NULL))
        snprintf(detail, cap, "%s", lib.ippGetString(m, 0, NULL));
    else if (r)
        snprintf(detail, cap, "%s", lib.ippGetString(r, 0, NULL));
    lib.ippDelete(resp);
    return state;
}

/* Sends the document of a created job; false with the reason. */
static bool send_document(http_t *http, const char *name, int id, const unsigned char *pdf,
                          size_t len, char *detail, size_t cap)
{
    if (lib.cupsStartDocument(http, name, id, "Prep sheet", CUPS_FORMAT_PDF, 1) !=
        HTTP_STATUS_CONTINUE) {
        snprintf(detail, cap, "could not start the document: %s", lib.cupsLastErrorString());
        return false;
    }
    for (size_t at = 0; at < len;) {
        size_t n = len - at > 65536 ? 65536 : len - at;
        if (lib.cupsWriteRequestData(http, (const char *)pdf + at, n) != HTTP_STATUS_CONTINUE) {
            lib.cupsFinishDocument(http, name);
            snprintf(detail, cap, "sending the document failed: %s", lib.cupsLastErrorString());
            return false;
        }
        at += n;
    }
    if (lib.cupsFinishDocument(http, name) != IPP_STATUS_OK) {
        snprintf(detail, cap, "the print service refused the document: %s",
                 lib.cupsLastErrorString());
        return false;
    }
    return true;
}

JobOutcome cups_print(const char *queue, unsigned char *pdf, size_t len, const char *media,
                      int timeout_ms, char *detail, size_t cap)
{
    char name[256], uri[1024];
    double deadline = now_s() + timeout_ms / 1000.0;
    cups_option_t *opts = NULL;
    int nopts = 0;
    detail[0] = '\0';
    if (!lib_ready(detail, cap))
        return JOB_FAILED;
    http_t *http = connect_cups(timeout_ms);
    if (!http) {
        snprintf(detail, cap, "the print service at %s does not answer", lib.cupsServer());
        return JOB_FAILED;
    }
    if (!queue_name(http, queue, name, sizeof name)) {
        snprintf(detail, cap, "CUPS has no default printer");
        lib.httpClose(http);
        return JOB_FAILED;
    }
    printer_uri(name, uri, sizeof uri);
    nopts = lib.cupsAddOption("media", media, nopts, &opts);
    nopts = lib.cupsAddOption("print-scaling", "none", nopts, &opts);
    /* the title names no one: job lists are visible to anyone at the printer */
    int id = lib.cupsCreateJob(http, name, "Prep sheet", nopts, opts);
    lib.cupsFreeOptions(nopts, opts);
    if (id <= 0) {
        snprintf(detail, cap, "%s refused the job: %s", name, lib.cupsLastErrorString());
        lib.httpClose(http);
        return JOB_FAILED;
    }
    bool sent = send_document(http, name, id, pdf, len, detail, cap);
    explicit_bzero(pdf, len); /* CUPS has it now: the kiosk keeps no copy while it prints */
    if (!sent) {
        lib.cupsCancelJob2(http, name, id, 0);
        lib.httpClose(http);
        return JOB_FAILED;
    }
    JobOutcome out = JOB_TIMEOUT;
    for (;;) {
        int state = job_state(http, uri, id, detail, cap);
        if (state == IPP_JSTATE_COMPLETED)
            snprintf(detail, cap, "job %d on %.100s completed", id, name);
        if (state == IPP_JSTATE_COMPLETED || state == IPP_JSTATE_CANCELED ||
            state == IPP_JSTATE_ABORTED) {
            out = state == IPP_JSTATE_COMPLETED  ? JOB_DONE
                  : state == IPP_JSTATE_CANCELED ? JOB_CANCELED
                                                 : JOB_ABORTED;
            break;
        }
        if (now_s() >= deadline) {
            snprintf(detail, cap, "job %d on %s did not finish in %d s", id, name,
                     timeout_ms / 1000);
            lib.cupsCancelJob2(http, name, id, 0);
            break;
        }
        struct timespec pause = {0, 200 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    lib.httpClose(http);
    return out;
}
