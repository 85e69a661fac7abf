/* args: table-driven option parsing for the admin subcommands. */
#include "args.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
        if (spec[k].choice && args_choice_find(spec[k].choice, a->val[k]) < 0) {
            char list[200];
            args_choices_text(spec[k].choice, list, sizeof list);
            snprintf(err, cap, "--%s should be %s, not \"%.60s\"", spec[k].name, list, a->val[k]);
            return false;
        }
    }
    return true;
}

int args_choice_find(OptChoice choice, const char *s)
{
    for (int i = 0; choice(i); i++)
        if (strcasecmp(choice(i), s) == 0)
            return i;
    return -1;
}

void args_choices_text(OptChoice choice, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; choice(i) && len < cap; i++) {
        const char *sep = i == 0 ? "" : choice(i + 1) ? ", " : " or ";
        int n = snprintf(out + len, cap - len, "%s%s", sep, choice(i));
        len += n > 0 ? (size_t)n : 0;
    }
}

int args_choice(const Args *a, const char *name, int dflt)
{
    int k = find(a->spec, a->nspec, name, strlen(name));
    if (k < 0 || !a->val[k]) /* an empty Args stands for every default */
        return dflt;
    assert(a->spec[k].choice); /* an option declared with its choices */
    return args_choice_find(a->spec[k].choice, a->val[k]);
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

/* Prints text from column indent to 79, breaking between words; the
 * first line starts where the cursor is, at column indent. */
static void print_wrapped(const char *text, int indent)
{
    int col = indent;
    for (const char *p = text; *p;) {
        size_t word = strcspn(p, " ");
        if (col > indent && col + 1 + (int)word > 79) {
            printf("\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            putchar(' ');
            col++;
        }
        printf("%.*s", (int)word, p);
        col += (int)word;
        p += word;
        p += strspn(p, " ");
    }
    putchar('\n');
}

void args_usage(const char *usage, const char *about, const OptSpec *spec, int n)
{
    printf("usage: career-kiosk-admin %s\n\n%s\n", usage, about);
    if (n > 0)
        printf("\noptions:\n");
    for (int i = 0; i < n; i++) {
        char left[48], list[200] = "", help[600];
        snprintf(left, sizeof left, "--%s%s%s", spec[i].name, spec[i].value ? " " : "",
                 spec[i].value ? spec[i].value : "");
        if (spec[i].choice)
            args_choices_text(spec[i].choice, list, sizeof list);
        /* the list goes where the help says %s, else after it */
        const char *at = strstr(spec[i].help, "%s");
        if (spec[i].choice && at)
            snprintf(help, sizeof help, "%.*s%s%s", (int)(at - spec[i].help), spec[i].help, list,
                     at + 2);
        else
            snprintf(help, sizeof help, "%s%s%s", spec[i].help, *list ? ": " : "", list);
        printf("  %-26s ", left);
        print_wrapped(help, 29);
    }
}
