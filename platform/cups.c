/* cups: printing through a CUPS queue with libcups (the only includer of
 * cups.h). See printer.h. */
#include "printer.h"

#include <cups/cups.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* A connection to the CUPS server (CUPS_SERVER, client.conf, or the local
 * socket), with timeouts on connecting and on every request. */
static http_t *connect_cups(int timeout_ms)
{
    http_t *http = httpConnect2(cupsServer(), ippPort(), NULL, AF_UNSPEC, cupsEncryption(), 1,
                                timeout_ms, NULL);
    if (http)
        httpSetTimeout(http, timeout_ms / 1000.0, NULL, NULL);
    return http;
}

/* The queue's name: `queue`, or CUPS's default; false when there is none. */
static bool queue_name(http_t *http, const char *queue, char *out, size_t cap)
{
    const char *name = queue && *queue ? queue : cupsGetDefault2(http);
    if (!name)
        return false;
    snprintf(out, cap, "%s", name);
    return true;
}

static void printer_uri(const char *name, char *uri, size_t cap)
{
    httpAssembleURIf(HTTP_URI_CODING_ALL, uri, (int)cap, "ipp", NULL, "localhost", 0,
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
    for (int i = 0; reasons && i < ippGetCount(reasons); i++) {
        const char *r = ippGetString(reasons, i, NULL);
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
    http_t *http = connect_cups(timeout_ms);
    if (!http) {
        st->state = PRINTER_UNREACHABLE;
        snprintf(st->detail, sizeof st->detail, "the print service at %s does not answer",
                 cupsServer());
        return;
    }
    if (!queue_name(http, queue, name, sizeof name)) {
        st->state = PRINTER_NOT_FOUND;
        snprintf(st->detail, sizeof st->detail, "CUPS has no default printer");
        httpClose(http);
        return;
    }
    printer_uri(name, uri, sizeof uri);
    ipp_t *req = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, uri);
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  (int)(sizeof want / sizeof *want), NULL, want);
    ipp_t *resp = cupsDoRequest(http, req, "/");
    if (!resp || ippGetStatusCode(resp) > IPP_STATUS_OK_CONFLICTING) {
        st->state = cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND ? PRINTER_NOT_FOUND
                    : resp                                        ? PRINTER_UNKNOWN
                                                                  : PRINTER_UNREACHABLE;
        snprintf(st->detail, sizeof st->detail, "%.100s: %.140s", name, cupsLastErrorString());
        ippDelete(resp);
        httpClose(http);
        return;
    }
    ipp_attribute_t *a = ippFindAttribute(resp, "printer-state", IPP_TAG_ENUM);
    ipp_attribute_t *accepting =
        ippFindAttribute(resp, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
    ipp_attribute_t *msg = ippFindAttribute(resp, "printer-state-message", IPP_TAG_TEXT);
    int state = a ? ippGetInteger(a, 0) : IPP_PSTATE_IDLE;
    st->state = reasons_state(ippFindAttribute(resp, "printer-state-reasons", IPP_TAG_KEYWORD),
                              st->detail, sizeof st->detail);
    if (st->state == PRINTER_READY && state == IPP_PSTATE_STOPPED) {
        st->state = PRINTER_STOPPED;
        snprintf(st->detail, sizeof st->detail, "%.100s is stopped%s%.120s", name,
                 msg && *ippGetString(msg, 0, NULL) ? ": " : "",
                 msg ? ippGetString(msg, 0, NULL) : "");
    } else if (st->state == PRINTER_READY && accepting && !ippGetBoolean(accepting, 0)) {
        st->state = PRINTER_NOT_ACCEPTING;
        snprintf(st->detail, sizeof st->detail, "%.100s is not accepting jobs", name);
    } else if (st->state == PRINTER_READY)
        snprintf(st->detail, sizeof st->detail, "%.100s is %s", name,
                 state == IPP_PSTATE_PROCESSING ? "printing" : "idle");
    ippDelete(resp);
    httpClose(http);
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
    ipp_t *req = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, uri);
    ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", id);
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  (int)(sizeof want / sizeof *want), NULL, want);
    ipp_t *resp = cupsDoRequest(http, req, "/");
    int state = 0;
    ipp_attribute_t *a = resp ? ippFindAttribute(resp, "job-state", IPP_TAG_ENUM) : NULL;
    if (a)
        state = ippGetInteger(a, 0);
    ipp_attribute_t *m =
        resp ? ippFindAttribute(resp, "job-printer-state-message", IPP_TAG_TEXT) : NULL;
    ipp_attribute_t *r = resp ? ippFindAttribute(resp, "job-state-reasons", IPP_TAG_KEYWORD) : NULL;
    if (m && *ippGetString(m, 0, NULL))
        snprintf(detail, cap, "%s", ippGetString(m, 0, NULL));
    else if (r)
        snprintf(detail, cap, "%s", ippGetString(r, 0, NULL));
    ippDelete(resp);
    return state;
}

/* Sends the document of a created job; false with the reason. */
static bool send_document(http_t *http, const char *name, int id, const unsigned char *pdf,
                          size_t len, char *detail, size_t cap)
{
    if (cupsStartDocument(http, name, id, "Prep sheet", CUPS_FORMAT_PDF, 1) !=
        HTTP_STATUS_CONTINUE) {
        snprintf(detail, cap, "could not start the document: %s", cupsLastErrorString());
        return false;
    }
    for (size_t at = 0; at < len;) {
        size_t n = len - at > 65536 ? 65536 : len - at;
        if (cupsWriteRequestData(http, (const char *)pdf + at, n) != HTTP_STATUS_CONTINUE) {
            cupsFinishDocument(http, name);
            snprintf(detail, cap, "sending the document failed: %s", cupsLastErrorString());
            return false;
        }
        at += n;
    }
    if (cupsFinishDocument(http, name) != IPP_STATUS_OK) {
        snprintf(detail, cap, "the print service refused the document: %s", cupsLastErrorString());
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
    http_t *http = connect_cups(timeout_ms);
    if (!http) {
        snprintf(detail, cap, "the print service at %s does not answer", cupsServer());
        return JOB_FAILED;
    }
    if (!queue_name(http, queue, name, sizeof name)) {
        snprintf(detail, cap, "CUPS has no default printer");
        httpClose(http);
        return JOB_FAILED;
    }
    printer_uri(name, uri, sizeof uri);
    nopts = cupsAddOption("media", media, nopts, &opts);
    nopts = cupsAddOption("print-scaling", "none", nopts, &opts);
    /* the title names no one: job lists are visible to anyone at the printer */
    int id = cupsCreateJob(http, name, "Prep sheet", nopts, opts);
    cupsFreeOptions(nopts, opts);
    if (id <= 0) {
        snprintf(detail, cap, "%s refused the job: %s", name, cupsLastErrorString());
        httpClose(http);
        return JOB_FAILED;
    }
    bool sent = send_document(http, name, id, pdf, len, detail, cap);
    explicit_bzero(pdf, len); /* CUPS has it now: the kiosk keeps no copy while it prints */
    if (!sent) {
        cupsCancelJob2(http, name, id, 0);
        httpClose(http);
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
            cupsCancelJob2(http, name, id, 0);
            break;
        }
        struct timespec pause = {0, 200 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    httpClose(http);
    return out;
}
