/*
** The plan reader's common ground (see plan_read.h): words in folded
** text, cells and rows, list markers, codes and years, and the PLAN_MAX_*
** limits every format counts its rows and cells against, so that memory
** and time stay linear in the file: a cell is copied once, and a larger
** table is refused with a finding naming where it went over.
*/
#include "plan_read.h"

#include <string.h>

#include "core/arena.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/str.h"
#include "strings_pl.h"

/* Blank cells share this string, so a run of ';' costs a pointer a cell. */
static char blank_cell[1];

bool
rd_has(const char *folded, const char *word)
{
    return strstr(folded, word) != NULL;
}

char *
rd_fold(struct reader *r, const char *s)
{
    return str_fold(r->a, s);
}

const char *
rd_cell(const struct row *w, int i)
{
    return (i >= 0 && i < w->n) ? w->cell[i] : "";
}

int
rd_row_nonempty(const struct row *w, int *first, int *last)
{
    int k = 0;

    *first = *last = -1;
    for (int i = 0; i < w->n; i++) {
        if (w->cell[i][0] != '\0') {
            if (*first < 0) {
                *first = i;
            }
            *last = i;
            k++;
        }
    }
    return k;
}

size_t
rd_footnote_mark_len(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;

    if (u[0] == 0xC2 && (u[1] == 0xB9 || u[1] == 0xB2 || u[1] == 0xB3)) {
        return 2;
    }
    if (u[0] == 0xE2 && u[1] == 0x81 && u[2] >= 0xB0 && u[2] <= 0xB9) {
        return 3;
    }
    if (u[0] == '*' && u[1] != '*') {
        return 1;
    }
    return 0;
}

size_t
rd_bullet_len(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;

    if (u[0] == 0xC2 && u[1] == 0xB7) {
        return 2;
    }
    if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA2 || u[2] == 0x93)) {
        return 3;
    }
    if (u[0] == 0xE2 && u[1] == 0x9D && u[2] == 0x96) {
        return 3;
    }
    if (u[0] == '-') {
        return 1;
    }
    return 0;
}

const char *
rd_skip_bullets_to(const char *s, const char *end)
{
    while (end == NULL || s < end) {
        size_t k = rd_bullet_len(s);

        if (k == 0 && *s != ' ') {
            return s;
        }
        s += k ? k : 1;
    }
    return end;
}

const char *
rd_skip_bullets(const char *s)
{
    return rd_skip_bullets_to(s, NULL);
}

size_t
rd_lead_code(struct arena *a, const char *s, int *levels, char **code)
{
    size_t i = 0, end = 0;
    int lv = 0;

    while (s[i] >= '0' && s[i] <= '9') {
        size_t st = i;

        while (s[i] >= '0' && s[i] <= '9' && i - st < 6) {
            i++;
        }
        if (s[i] >= '0' && s[i] <= '9') {
            return 0;
        }
        lv++;
        end = i;
        if (s[i] == '.') {
            i++;
        } else {
            break;
        }
    }
    if (lv == 0 || (s[i] != '\0' && s[i] != ' ' && s[i - 1] != '.')) {
        return 0;
    }
    *levels = lv;
    *code = arena_strndup(a, s, end);
    return i;
}

int
rd_two_years(const char *s, int *second)
{
    int y = 0, y2 = 0, k;

    *second = 0;
    for (k = 0; k < 4 && *s >= '0' && *s <= '9'; k++) {
        y = y * 10 + (*s++ - '0');
    }
    if (k != 4 || (*s >= '0' && *s <= '9') || y < 1900 || y > 2200) {
        return 0;
    }
    for (k = 0; k < 8 && *s != '\0' && !(*s >= '0' && *s <= '9'); k++) {
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')) {
            return y;
        }
        s++;
    }
    for (k = 0; k < 4 && *s >= '0' && *s <= '9'; k++) {
        y2 = y2 * 10 + (*s++ - '0');
    }
    if (k == 4 && !(*s >= '0' && *s <= '9') && y2 > y && y2 <= 2200) {
        *second = y2;
    }
    return y;
}

int
rd_year_after(const char *folded, const char *word, int *second)
{
    const char *s = strstr(folded, word);
    int y2, y;

    if (second != NULL) {
        *second = 0;
    }
    if (s == NULL) {
        return 0;
    }
    y = rd_two_years(s + strlen(word), &y2);
    if (second != NULL) {
        *second = y2;
    }
    return y;
}

void
rd_find_region(struct reader *r, const char *folded)
{
    static const char *const stems[][2] = {V_PLAN_REGION_STEMS};
    const char *best = NULL;
    const char *best_at = NULL;

    for (size_t i = 0; i < sizeof(stems) / sizeof(stems[0]); i++) {
        const char *s = folded;

        while ((s = strstr(s, stems[i][0])) != NULL) {
            if (s == folded || s[-1] == ' ') {
                break;
            }
            s++;
        }
        if (s != NULL && (best_at == NULL || s < best_at)) {
            best_at = s;
            best = stems[i][1];
        }
    }
    r->p->region = best;
}

int
rd_refuse(struct reader *r, const char *code, const char *msg)
{
    plan_finding_add(r->a, r->p, PLAN_ERROR, 0, NULL, code, "%s", msg);
    return ERR_INPUT;
}

bool
rd_row_fits(struct reader *r, int line, long n)
{
    if (r->nrows >= PLAN_MAX_ROWS) {
        plan_finding_add(r->a, r->p, PLAN_ERROR, line, NULL,
                         "table_too_many_rows", T_PLAN_READ_TOO_MANY_ROWS,
                         PLAN_MAX_ROWS, line);
        return false;
    }
    if (n > PLAN_MAX_COLS) {
        plan_finding_add(r->a, r->p, PLAN_ERROR, line, NULL,
                         "row_too_many_cols", T_PLAN_READ_TOO_MANY_COLS, line,
                         PLAN_MAX_COLS);
        return false;
    }
    if (r->ncells + n > PLAN_MAX_CELLS) {
        plan_finding_add(r->a, r->p, PLAN_ERROR, line, NULL,
                         "table_too_many_cells", T_PLAN_READ_TOO_MANY_CELLS,
                         PLAN_MAX_CELLS, line);
        return false;
    }
    return true;
}

char *
rd_keep_cell(struct reader *r, int line, int col, const char *s, size_t n)
{
    if (n > PLAN_MAX_CELL_BYTES) {
        plan_finding_add(r->a, r->p, PLAN_ERROR, line, NULL, "cell_too_long",
                         T_PLAN_READ_CELL_TOO_LONG, line, col,
                         PLAN_MAX_CELL_BYTES);
        return NULL;
    }
    return n == 0 ? blank_cell : plan_trim(r->a, s, n);
}

void
rd_add_row(struct reader *r, int line, char **cells, int n)
{
    struct row *w;

    /* every reader comes here: a cell our export guarded against formula
    ** injection reads back as the text it stands for */
    for (int i = 0; i < n; i++) {
        cells[i] = csv_unguard(cells[i]);
    }
    r->ncells += n;
    r->rows = plan_grow(r->a, r->rows, r->nrows, sizeof(*r->rows));
    w = &r->rows[r->nrows++];
    w->line = line;
    w->n = n;
    w->cell = cells;
    w->flags = NULL;
}

/*
** A line a CSV writer quoted whole ("text; with a semicolon"), as our
** export writes a document's line: the text it stands for. Any other
** line is returned as it is.
*/
static char *
unquote_line(struct reader *r, char *t)
{
    size_t n = strlen(t);
    char *o, *q;

    if (n < 2 || t[0] != '"' || t[n - 1] != '"') {
        return t;
    }
    for (size_t i = 1; i + 1 < n; i++) {
        if (t[i] == '"' && (i + 2 >= n || t[++i] != '"')) {
            return t; /* a lone quote inside: not one quoted field */
        }
    }
    o = q = arena_alloc(r->a, n);
    for (size_t i = 1; i + 1 < n; i++) {
        *q++ = t[i];
        i += t[i] == '"';
    }
    *q = '\0';
    return o;
}

int
rd_read_lines(struct reader *r, const struct rd_input *in, enum plan_kind kind,
              const char *format, struct rd_lines *ls)
{
    const char *s = in->text, *end = in->text + in->tlen;
    int line = 0;

    r->p->kind = kind;
    r->p->format = format;
    memset(ls, 0, sizeof(*ls));
    while (s < end) {
        const char *e = memchr(s, '\n', (size_t)(end - s));
        const char *stop = e != NULL ? e : end;
        char *t;

        line++;
        if (!rd_row_fits(r, line, 1)) {
            return ERR_INPUT;
        }
        t = rd_keep_cell(r, line, 1, s, (size_t)(stop - s));
        if (t == NULL) {
            return ERR_INPUT;
        }
        s = stop + 1;
        t = csv_unguard(unquote_line(r, t));
        if (t[0] == '\0') {
            continue;
        }
        r->nrows++; /* counted against the limits like a table's rows */
        r->ncells++;
        ls->text = plan_grow(r->a, ls->text, ls->n, sizeof(*ls->text));
        ls->line = plan_grow(r->a, ls->line, ls->n, sizeof(*ls->line));
        ls->text[ls->n] = t;
        ls->line[ls->n] = line;
        ls->n++;
    }
    return 0;
}
