/* sniff: file signatures, UTF-16 and Mac Roman found, iconv to UTF-8,
 * and the header's separator. See sniff.h. */
#include "directory/sniff.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

/* Whether needle occurs in the first `within` bytes of data. */
static bool has(const char *data, size_t len, size_t within, const char *needle)
{
    size_t n = strlen(needle), end = len < within ? len : within;
    for (size_t i = 0; i + n <= end; i++)
        if (memcmp(data + i, needle, n) == 0)
            return true;
    return false;
}

static bool starts(const char *data, size_t len, const char *magic, size_t n)
{
    return len >= n && memcmp(data, magic, n) == 0;
}

static const char save_as_csv[] =
    "open it in Excel and choose File > Save As > \"CSV UTF-8 (Comma delimited)\", or in "
    "LibreOffice File > Save As > \"Text CSV\" with UTF-8, then import that file";

const char *sniff_not_csv(const char *data, size_t len, const char **advice)
{
    *advice = save_as_csv;
    if (starts(data, len, "PK\x03\x04", 4)) {
        if (has(data, len, 1 << 16, "xl/") || has(data, len, 1 << 16, "[Content_Types].xml"))
            return has(data, len, 1 << 16, "word/") ? "a Word document (.docx)"
                                                    : "an Excel workbook (.xlsx)";
        if (has(data, len, 256, "opendocument.spreadsheet"))
            return "a LibreOffice spreadsheet (.ods)";
        *advice = "take the CSV file out of the archive and import that";
        return "a ZIP archive";
    }
    if (starts(data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return "an old Excel workbook (.xls) or another Office file";
    if (starts(data, len, "SQLite format 3", 16)) {
        *advice = "import a CSV export of the mentor list; to go back to an earlier "
                  "directory, use career-kiosk-admin rollback";
        return "an SQLite database (a directory file, not an export)";
    }
    *advice = "export the mentor list from the spreadsheet or CRM as CSV (UTF-8)";
    if (starts(data, len, "%PDF-", 5))
        return "a PDF document";
    if (starts(data, len, "\x89PNG", 4) || starts(data, len, "\xFF\xD8\xFF", 3) ||
        starts(data, len, "GIF8", 4))
        return "a picture";
    return NULL;
}

SniffUtf16 sniff_utf16(const char *data, size_t len, size_t *bom)
{
    const unsigned char *u = (const unsigned char *)data;
    size_t pairs = 0, le = 0, be = 0;
    *bom = 0;
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE && !(len >= 4 && u[2] == 0 && u[3] == 0)) {
        *bom = 2;
        return SNIFF_UTF16LE;
    }
    if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        *bom = 2;
        return SNIFF_UTF16BE;
    }
    for (size_t i = 0; i + 1 < len && i < 8192; i += 2, pairs++) {
        le += u[i] != 0 && u[i + 1] == 0;
        be += u[i] == 0 && u[i + 1] != 0;
    }
    if (pairs >= 8 && le * 10 >= pairs * 6)
        return SNIFF_UTF16LE;
    if (pairs >= 8 && be * 10 >= pairs * 6)
        return SNIFF_UTF16BE;
    return SNIFF_NOT_UTF16;
}

static bool ascii_letter(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Mac Roman letters among the high bytes (0x80-0x9F are all letters). */
static bool mac_letter(unsigned char b)
{
    static const unsigned char more[] = {0xA7, 0xAE, 0xAF, 0xBE, 0xBF, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF,
                                         0xD8, 0xD9, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC,
                                         0xED, 0xEE, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5};
    if (b >= 0x80 && b <= 0x9F)
        return true;
    return memchr(more, b, sizeof more) != NULL;
}

/* Weight of a high byte as a Windows-1252 letter, in quarters: the
 * common accented letters count fully; those that sit where Mac Roman
 * keeps its common letters (é ö ú: Š š Ž ž Œ œ Ÿ) or its quotes and
 * dashes (Ð Ñ Ò Ó Ô Õ) count a quarter. */
static int cp1252_letter(unsigned char b)
{
    if (b == 0x8A || b == 0x8C || b == 0x8E || b == 0x9A || b == 0x9C || b == 0x9E || b == 0x9F)
        return 1;
    if (b >= 0xD0 && b <= 0xD5)
        return 1;
    return b >= 0xC0 && b != 0xD7 && b != 0xF7 ? 4 : 0;
}

/* The byte at i as an apostrophe in "don't", "I'm", "we've", "O'Neill"
 * style words: followed by s t m d l r v n and then the word's end, or
 * by "ll", "re", "ve". (0x92 in Windows-1252, 0xD5 in Mac Roman.) */
static bool apostrophe(const unsigned char *u, size_t len, size_t i)
{
    if (i + 1 >= len || !strchr("stmdlrv", u[i + 1]) || u[i + 1] == '\0')
        return false;
    if (i + 2 >= len || !ascii_letter(u[i + 2]))
        return true;
    return strchr("lev", u[i + 2]) && u[i + 2] != '\0' && (i + 3 >= len || !ascii_letter(u[i + 3]));
}

bool sniff_mac_roman(const char *data, size_t len)
{
    const unsigned char *u = (const unsigned char *)data;
    long mac = 0, cp = 0;
    for (size_t i = 0; i < len; i++) {
        if (u[i] < 0x80)
            continue;
        bool beside_letter =
            (i > 0 && ascii_letter(u[i - 1])) || (i + 1 < len && ascii_letter(u[i + 1]));
        if (!beside_letter)
            continue;
        if ((u[i] == 0x92 || u[i] == 0xD5) && apostrophe(u, len, i)) {
            *(u[i] == 0x92 ? &cp : &mac) += 4; /* each one's right single quote */
            continue;
        }
        mac += mac_letter(u[i]) ? 4 : 0;
        cp += cp1252_letter(u[i]);
    }
    return mac >= 4 && mac > 2 * cp;
}

char *sniff_to_utf8(const char *data, size_t len, const char *charset, size_t *out_len)
{
    size_t unit = strncmp(charset, "UTF-16", 6) == 0 ? 2 : 1;
    iconv_t cd = iconv_open("UTF-8", charset);
    size_t cap = len * 3 + 4;
    char *out = malloc(cap);
    if (cd == (iconv_t)-1 || !out) {
        if (cd != (iconv_t)-1)
            iconv_close(cd);
        free(out);
        return NULL;
    }
    char *ip = (char *)data, *op = out;
    size_t il = len, ol = cap - 1;
    while (il > 0) {
        if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1)
            break;
        if (errno != EILSEQ && errno != EINVAL)
            break;
        *op++ = (char)0xFF; /* never valid UTF-8: the row is rejected, not altered */
        ol--;
        size_t skip = il < unit ? il : unit;
        ip += skip;
        il -= skip;
    }
    iconv_close(cd);
    *op = '\0';
    *out_len = (size_t)(op - out);
    return out;
}

char sniff_separator(const char *text, size_t len)
{
    size_t comma = 0, semi = 0, tab = 0;
    bool quoted = false;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == '\n' || c == '\r')
            break;
        else if (c == ',')
            comma++;
        else if (c == ';')
            semi++;
        else if (c == '\t')
            tab++;
    }
    if (tab > comma && tab >= semi)
        return '\t';
    if (semi > comma)
        return ';';
    return ',';
}
