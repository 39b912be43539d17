/*
** Tab-separated text, as a document's table copied out of a word processor
** (the seed documents): one row a line, cells between tabs. Any text with
** a tab that is not a programme's goals or a project card is read so.
*/
#include "plan_read.h"

#include <string.h>

#include "core/arena.h"
#include "core/err.h"

/* Split text into rows of tab-separated cells; ERR_INPUT past a limit. */
static int
split_tsv(struct reader *r, const char *text, size_t len)
{
    const char *s = text, *end = text + len;
    int line = 0;

    while (s < end) {
        const char *e = memchr(s, '\n', (size_t)(end - s));
        const char *stop = e != NULL ? e : end;
        long n = 1;
        int k = 0;
        char **cells;

        line++;
        for (const char *q = s; q < stop; q++) {
            n += *q == '\t';
        }
        if (!rd_row_fits(r, line, n)) {
            return ERR_INPUT;
        }
        cells = arena_alloc(r->a, (size_t)n * sizeof(*cells));
        for (const char *q = s;; q++) {
            if (q == stop || *q == '\t') {
                cells[k] = rd_keep_cell(r, line, k + 1, s, (size_t)(q - s));
                if (cells[k++] == NULL) {
                    return ERR_INPUT;
                }
                s = q + 1;
                if (q == stop) {
                    break;
                }
            }
        }
        rd_add_row(r, line, cells, (int)n);
        s = stop + 1;
    }
    return 0;
}

static bool
sniff_tsv(const struct rd_input *in)
{
    return memchr(in->text, '\t', in->tlen) != NULL;
}

static int
read_tsv(struct reader *r, const struct rd_input *in)
{
    r->p->format = "tsv";
    if (split_tsv(r, in->text, in->tlen) != 0) {
        return ERR_INPUT;
    }
    return rd_read_sheet(r);
}

const struct rd_format rd_format_tsv = {false, sniff_tsv, read_tsv};
