/*
** CSV in UTF-8 or Windows-1250 (decoded before), with ';' as Excel writes
** it in Poland or ',': RFC 4180 quoting, newlines inside quotes. The text
** formats' fallback: what is no other format is read as CSV.
*/
#include "plan_read.h"

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/str.h"
#include "strings_pl.h"

/* Pick ';' or ',' from the header line (the one starting with "Lp"). */
static char
csv_delimiter(struct reader *r, const char *text, size_t len)
{
    const char *s = text,
               *end = text + (len < DETECT_BYTES ? len : DETECT_BYTES);
    int semi_lines = 0;

    while (s < end) {
        const char *e = memchr(s, '\n', (size_t)(end - s));
        const char *stop = e != NULL ? e : end;
        int semis = 0, commas = 0;
        bool quoted = false;

        for (const char *q = s; q < stop; q++) {
            if (*q == '"') {
                quoted = !quoted;
            } else if (!quoted && *q == ';') {
                semis++;
            } else if (!quoted && *q == ',') {
                commas++;
            }
        }
        if (str_starts(rd_fold(r, arena_strndup(r->a, s, (size_t)(stop - s))),
                       "lp")) {
            return semis >= 2 || semis >= commas ? ';' : ',';
        }
        semi_lines += semis > 0;
        s = stop + 1;
    }
    return semi_lines > 0 ? ';' : ',';
}

/*
** Split CSV (RFC 4180 quoting, newlines inside quotes) into rows. A cell
** is gathered in one scratch buffer and copied once, so memory is linear
** in the file; ERR_INPUT past a limit.
*/
static int
split_csv(struct reader *r, const char *text, size_t len, char delim)
{
    const char *s = text, *end = text + len;
    struct buf val;
    int line = 1, rc = 0;

    buf_init(&val);
    while (s < end && rc == 0) {
        int start_line = line, n = 0, cap = 16;
        char **cells = arena_alloc(r->a, (size_t)cap * sizeof(*cells));
        bool eol = false;

        if (!rd_row_fits(r, start_line, 0)) {
            rc = ERR_INPUT;
            break;
        }
        while (!eol) {
            buf_reset(&val);
            if (s < end && *s == '"') {
                s++;
                for (;;) {
                    if (s >= end) {
                        plan_finding_add(r->a, r->p, PLAN_WARNING, start_line,
                                         NULL, "csv_unclosed_quote",
                                         T_PLAN_READ_UNCLOSED_QUOTE,
                                         start_line);
                        break;
                    }
                    if (*s == '"' && s + 1 < end && s[1] == '"') {
                        buf_putc(&val, '"');
                        s += 2;
                    } else if (*s == '"') {
                        s++;
                        break;
                    } else {
                        line += *s == '\n';
                        buf_putc(&val, *s++);
                    }
                }
            }
            while (s < end && *s != delim && *s != '\n') {
                buf_putc(&val, *s++);
            }
            if (n == cap) {
                if (!rd_row_fits(r, start_line, (long)cap + 1)) {
                    rc = ERR_INPUT;
                    break;
                }
                cells = arena_realloc(r->a, cells, (size_t)cap * sizeof(*cells),
                                      (size_t)cap * 2 * sizeof(*cells));
                cap *= 2;
            }
            cells[n] = rd_keep_cell(r, start_line, n + 1, val.data, val.len);
            if (cells[n++] == NULL) {
                rc = ERR_INPUT;
                break;
            }
            if (s >= end || *s == '\n') {
                eol = true;
            }
            s++;
        }
        if (rc == 0 && !rd_row_fits(r, start_line, n)) {
            rc = ERR_INPUT;
        }
        if (rc == 0) {
            rd_add_row(r, start_line, cells, n);
        }
        line++;
    }
    buf_free(&val);
    return rc;
}

static bool
sniff_csv(const struct rd_input *in)
{
    (void)in;
    return true;
}

static int
read_csv(struct reader *r, const struct rd_input *in)
{
    r->p->format = "csv";
    if (split_csv(r, in->text, in->tlen,
                  csv_delimiter(r, in->text, in->tlen)) != 0) {
        return ERR_INPUT;
    }
    return rd_read_sheet(r);
}

const struct rd_format rd_format_csv = {false, sniff_csv, read_csv};
