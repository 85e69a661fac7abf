/* json: streaming writer with comma bookkeeping. */
#include "json.h"

void json_init(Json *j, FILE *f)
{
    j->f = f;
    j->depth = 0;
    j->first[0] = true;
    j->after_key = false;
}

/* Writes the comma a new value needs, unless it follows a key. */
static void sep(Json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (!j->first[j->depth])
        fputc(',', j->f);
    j->first[j->depth] = false;
}

static void open(Json *j, char c)
{
    sep(j);
    fputc(c, j->f);
    if (j->depth + 1 < JSON_DEPTH)
        j->depth++;
    j->first[j->depth] = true;
}

static void close_(Json *j, char c)
{
    fputc(c, j->f);
    if (j->depth > 0)
        j->depth--;
}

void json_begin_object(Json *j)
{
    open(j, '{');
}

void json_end_object(Json *j)
{
    close_(j, '}');
}

void json_begin_array(Json *j)
{
    open(j, '[');
}

void json_end_array(Json *j)
{
    close_(j, ']');
}

static void quoted(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '"':
            fputs("\\\"", f);
            break;
        case '\\':
            fputs("\\\\", f);
            break;
        case '\n':
            fputs("\\n", f);
            break;
        case '\r':
            fputs("\\r", f);
            break;
        case '\t':
            fputs("\\t", f);
            break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

void json_key(Json *j, const char *key)
{
    sep(j);
    quoted(j->f, key);
    fputc(':', j->f);
    j->after_key = true;
}

void json_string(Json *j, const char *s)
{
    sep(j);
    quoted(j->f, s);
}

void json_int(Json *j, long v)
{
    sep(j);
    fprintf(j->f, "%ld", v);
}

void json_double(Json *j, double v)
{
    sep(j);
    fprintf(j->f, "%.4f", v);
}

void json_bool(Json *j, bool v)
{
    sep(j);
    fputs(v ? "true" : "false", j->f);
}

void json_null(Json *j)
{
    sep(j);
    fputs("null", j->f);
}

void json_kv_string(Json *j, const char *key, const char *s)
{
    json_key(j, key);
    json_string(j, s);
}

void json_kv_int(Json *j, const char *key, long v)
{
    json_key(j, key);
    json_int(j, v);
}

void json_kv_bool(Json *j, const char *key, bool v)
{
    json_key(j, key);
    json_bool(j, v);
}

void json_finish(Json *j)
{
    fputc('\n', j->f);
    fflush(j->f);
}
