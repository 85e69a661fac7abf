/* args: table-driven option parsing for the admin subcommands. */
#include "args.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int find(const OptSpec *spec, int n, const char *name, size_t len)
{
    for (int i = 0; i < n; i++)
        if (strlen(spec[i].name) == len && strncmp(spec[i].name, name, len) == 0)
            return i;
    return -1;
}

bool args_parse(Args *a, const OptSpec *spec, int n, int argc, char **argv, char *err, size_t cap)
{
    memset(a, 0, sizeof *a);
    a->spec = spec;
    a->nspec = n;
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i];
        if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) {
            a->help = true;
            continue;
        }
        if (strncmp(s, "--", 2) != 0 || s[2] == '\0') {
            if (a->npos >= ARGS_MAX_POS) {
                snprintf(err, cap, "too many arguments (\"%s\")", s);
                return false;
            }
            a->pos[a->npos++] = s;
            continue;
        }
        const char *eq = strchr(s + 2, '=');
        size_t len = eq ? (size_t)(eq - s - 2) : strlen(s + 2);
        int k = find(spec, n, s + 2, len);
        if (k < 0) {
            snprintf(err, cap, "unknown option %.*s (see --help)", (int)(len + 2), s);
            return false;
        }
        if (!spec[k].value) {
            if (eq) {
                snprintf(err, cap, "--%s takes no value", spec[k].name);
                return false;
            }
            a->val[k] = "";
        } else if (eq)
            a->val[k] = eq + 1;
        else if (i + 1 < argc)
            a->val[k] = argv[++i];
        else {
            snprintf(err, cap, "--%s needs a value (%s)", spec[k].name, spec[k].value);
            return false;
        }
    }
    return true;
}

const char *args_get(const Args *a, const char *name)
{
    int k = find(a->spec, a->nspec, name, strlen(name));
    return k < 0 ? NULL : a->val[k];
}

bool args_has(const Args *a, const char *name)
{
    return args_get(a, name) != NULL;
}

bool args_int(const Args *a, const char *name, int lo, int hi, int dflt, int *out, char *err,
              size_t cap)
{
    const char *v = args_get(a, name);
    char *end;
    if (!v) {
        *out = dflt;
        return true;
    }
    long n = strtol(v, &end, 10);
    if (end == v || *end || n < lo || n > hi) {
        snprintf(err, cap, "--%s should be a number from %d to %d, not \"%s\"", name, lo, hi, v);
        return false;
    }
    *out = (int)n;
    return true;
}

void args_usage(const char *usage, const char *about, const OptSpec *spec, int n)
{
    printf("usage: career-kiosk-admin %s\n\n%s\n", usage, about);
    if (n > 0)
        printf("\noptions:\n");
    for (int i = 0; i < n; i++) {
        char left[48];
        snprintf(left, sizeof left, "--%s%s%s", spec[i].name, spec[i].value ? " " : "",
                 spec[i].value ? spec[i].value : "");
        printf("  %-26s %s\n", left, spec[i].help);
    }
}
