/*
** CSV in UTF-8 or Windows-1250 (decoded before), with ';' as Excel writes
** it in Poland or ',': RFC 4180 quoting, newlines inside quotes, the
** cells from core/csv.c's reader. The text formats' fallback: what is no
** other format is read as CSV.
*/
#include "plan_read.h"

#include <string.h>

#include "core/arena.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/str.h"
#include "strings_pl.h"

/* Is line the plan's header (the one starting with "Lp")? */
static bool
is_header(void *ctx, const char *line, size_t n)
{
    struct reader *r = ctx;

    return str_starts(rd_fold(r, arena_strndup(r->a, line, n)),
                      V_PLAN_CSV_NUMBER);
}

/*
** Split CSV (core/csv.c's reader) into rows. A quoted cell is gathered in
** the reader's scratch buffer and copied once, so memory is linear in the
** file; ERR_INPUT past a limit.
*/
static int
split_csv(struct reader *r, const char *text, size_t len, char delim)
{
    struct csv_in in;
    const char *s;
    size_t k;
    int line = 0, n = 0, cap = 0, rc = 0, step;
    char **cells = NULL;

    csv_read_begin(&in, text, len, delim);
    while (rc == 0 && (step = csv_read_cell(&in, &s, &k)) != CSV_END) {
        if (n == 0) {
            line = in.cell_line;
            if (!rd_row_fits(r, line, 0)) {
                rc = ERR_INPUT;
                break;
            }
            cap = 16;
            cells = arena_alloc(r->a, (size_t)cap * sizeof(*cells));
        }
        if (in.unclosed) {
            plan_finding_add(r->a, r->p, PLAN_WARNING, line, NULL,
                             "csv_unclosed_quote", T_PLAN_READ_UNCLOSED_QUOTE,
                             line);
        }
        if (n == cap) {
            if (!rd_row_fits(r, line, (long)cap + 1)) {
                rc = ERR_INPUT;
                break;
            }
            cells = arena_realloc(r->a, cells, (size_t)cap * sizeof(*cells),
                                  (size_t)cap * 2 * sizeof(*cells));
            cap *= 2;
        }
        cells[n] = rd_keep_cell(r, line, n + 1, s, k);
        if (cells[n++] == NULL) {
            rc = ERR_INPUT;
        } else if (step == CSV_LAST) {
            if (!rd_row_fits(r, line, n)) {
                rc = ERR_INPUT;
            } else {
                rd_add_row(r, line, cells, n);
            }
            n = 0;
        }
    }
    csv_read_end(&in);
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
                  csv_sniff_sep_at(in->text, in->tlen, is_header, r)) != 0) {
        return ERR_INPUT;
    }
    return rd_read_sheet(r);
}

const struct rd_format rd_format_csv = {false, sniff_csv, read_csv};
