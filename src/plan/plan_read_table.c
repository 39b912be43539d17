/*
** A plan table's header and layout (see plan_read.h), whichever format
** gave the rows: the header over one or two rows and what each column
** holds, the title and resolution above it, goal rows, numbered tasks and
** actions, continuation rows, breakdown rows, "j.w.", the total row and
** footnotes; what stands under the total is plan_read_notes.c's.
** Consistency between the figures is plan_check.c's job.
*/
#include "plan_read.h"

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/str.h"
#include "strings_pl.h"

#define HEADER_SCAN_ROWS 60

/* How a header word matches the folded cell. */
enum match {
    M_IS,
    M_START,
    M_HAS,
};

static const struct {
    enum match how;
    const char *word;
    enum role role;
    int src; /* PLAN_SRC_* for R_SOURCE, else unused */
} head_words[] = {V_PLAN_HEAD_WORDS};

/* The role of a header cell; *src receives a source index. */
static enum role
role_of(struct reader *r, const char *text, int *src, int *y1, int *y2)
{
    const char *f = rd_fold(r, text);
    enum role role = R_NONE;
    int b = 0;

    *src = -1;
    *y1 = *y2 = 0;
    if (f[0] == '\0') {
        return R_NONE;
    }
    /* First match in table order wins. */
    for (size_t i = 0; i < sizeof head_words / sizeof head_words[0]; i++) {
        const char *w = head_words[i].word;
        enum match how = head_words[i].how;

        if ((how == M_IS && strcmp(f, w) == 0) ||
            (how == M_START && str_starts(f, w)) ||
            (how == M_HAS && rd_has(f, w))) {
            role = head_words[i].role;
            if (role == R_SOURCE) {
                *src = head_words[i].src;
            }
            break;
        }
    }
    if (role == R_TARGET_YEAR) {
        *y1 = rd_two_years(f + strcspn(f, "0123456789"), &b);
        if (b != 0) {
            *y2 = b;
            return R_TARGET_MULTI;
        }
    } else if (role == R_RESULTS) {
        *y1 = rd_two_years(f + strcspn(f, "0123456789"), &b);
    }
    return role;
}

static bool
row_has_number(const struct row *w)
{
    for (int i = 0; i < w->n; i++) {
        struct plan_num v;

        if (w->cell[i][0] != '\0' && plan_num_money(w->cell[i], &v) == 0 &&
            v.kind == PLAN_NUM_VALUE) {
            return true;
        }
    }
    return false;
}

/* Header row(s): sets r->col, r->src_col, column names. Returns the index
** of the first data row, or -1 when no header was found. */
static int
read_header(struct reader *r)
{
    struct plan *p = r->p;
    int h = -1, roles[256], srcs[256];
    const char *names[256];

    for (int i = 0; i < r->nrows && i < HEADER_SCAN_ROWS; i++) {
        const struct row *w = &r->rows[i];
        int known = 0, src, y1, y2;
        bool number = false;

        for (int c = 0; c < w->n; c++) {
            enum role ro = role_of(r, w->cell[c], &src, &y1, &y2);

            known += ro != R_NONE;
            number |= ro == R_NUMBER;
        }
        if (known >= 3 && number) {
            h = i;
            break;
        }
    }
    if (h < 0) {
        return -1;
    }
    r->ncols = r->rows[h].n < 256 ? r->rows[h].n : 256;
    for (int c = 0; c < 256; c++) {
        roles[c] = R_NONE;
        srcs[c] = -1;
        names[c] = NULL;
    }
    for (int pass = 0; pass < 2; pass++) {
        const struct row *w;
        int src, y1, y2, known = 0;

        if (pass == 1) {
            /* a second header row: Lp. empty, names only, no figures */
            if (h + 1 >= r->nrows) {
                break;
            }
            w = &r->rows[h + 1];
            if (rd_cell(w, 0)[0] != '\0' || row_has_number(w)) {
                break;
            }
            for (int c = 0; c < w->n && c < 256; c++) {
                known += role_of(r, w->cell[c], &src, &y1, &y2) != R_NONE;
            }
            if (known == 0) {
                break;
            }
            h++;
        }
        w = &r->rows[h];
        for (int c = 0; c < w->n && c < 256; c++) {
            enum role ro = role_of(r, w->cell[c], &src, &y1, &y2);

            if (ro == R_NONE) {
                continue;
            }
            roles[c] = ro;
            srcs[c] = src;
            names[c] = w->cell[c];
            if (c + 1 > r->ncols) {
                r->ncols = c + 1;
            }
            if (ro == R_TARGET_YEAR && y1 != 0 && p->year == 0) {
                p->year = y1;
            }
            if (ro == R_RESULTS && y1 != 0 && p->year == 0) {
                p->year = y1;
            }
            if (ro == R_TARGET_MULTI && p->programme_from == 0) {
                p->programme_from = y1;
                p->programme_to = y2;
            }
        }
    }
    for (int i = 0; i < R_COUNT; i++) {
        r->col[i] = -1;
    }
    for (int s = 0; s < PLAN_SOURCES_MAX; s++) {
        r->src_col[s] = -1;
    }
    for (int c = r->ncols - 1; c >= 0; c--) {
        if (roles[c] == R_SOURCE) {
            r->src_col[srcs[c]] = c;
            p->col.source[srcs[c]] = names[c];
        } else if (roles[c] != R_NONE) {
            r->col[roles[c]] = c;
        }
    }
    if (r->col[R_TITLE] < 0 && r->col[R_ACTION] < 0) {
        r->col[R_TITLE] = r->col[R_DESC]; /* "Działanie" beside "1.1" */
    }
    /* the last column named is where a complete row must reach */
    r->ncols = 0;
    for (int c = 0; c < 256; c++) {
        if (roles[c] != R_NONE) {
            r->ncols = c + 1;
        }
    }
#define NAME(role, field)                                                      \
    if (r->col[role] >= 0) {                                                   \
        p->col.field = names[r->col[role]];                                    \
    }
    NAME(R_NUMBER, number)
    NAME(R_TITLE, title)
    NAME(R_ACTION, action)
    NAME(R_DESC, description)
    NAME(R_TERM, term)
    NAME(R_IMPL, implementers)
    NAME(R_TOTAL, total)
    NAME(R_INDICATOR, indicator)
    NAME(R_TARGET_YEAR, target_year)
    NAME(R_TARGET_MULTI, target_multi)
    NAME(R_RESULTS, results)
#undef NAME
    return h + 1;
}

/* Title, programme title, plan and programme years from the title. */
static void
read_title(struct reader *r, const char *title)
{
    struct plan *p = r->p;
    char *f = rd_fold(r, title);
    const char *q1 = strstr(title, "\xE2\x80\x9E");                  /* „ */
    const char *q2 = q1 != NULL ? strstr(q1, "\xE2\x80\x9D") : NULL; /* ” */
    int y2;

    p->title = title;
    if (p->year == 0) {
        p->year = rd_year_after(f, V_PLAN_FOR_YEAR " ", NULL);
    }
    if (p->programme_from == 0) {
        p->programme_from = rd_year_after(f, V_PLAN_FOR_YEARS " ", &y2);
        p->programme_to = y2;
    }
    if (q1 != NULL && q2 != NULL && q2 > q1 + 3) {
        p->programme_title = arena_strndup(r->a, q1 + 3, (size_t)(q2 - q1 - 3));
    } else {
        const char *s = strstr(title, V_PLAN_TITLE_REALISATION);
        const char *e = strstr(title, " " V_PLAN_FOR_YEAR);

        if (s != NULL && e != NULL && e > s + 11) {
            p->programme_title =
                arena_strndup(r->a, s + 11, (size_t)(e - s - 11));
        }
    }
}

/*
** 'Program „X” na lata 2026–2028' under the title, as our export writes
** the programme of a plan whose title does not name it: true when read.
*/
static bool
read_programme_line(struct reader *r, const char *text)
{
    struct plan *p = r->p;
    const char *f = rd_fold(r, text);
    const char *q1 = strstr(text, "\xE2\x80\x9E");                   /* „ */
    const char *q2 = q1 != NULL ? strstr(q1, "\xE2\x80\x9D") : NULL; /* ” */
    int y2 = 0, y;

    if (!str_starts(f, "program ") || q2 == NULL || q2 <= q1 + 3) {
        return false;
    }
    p->programme_title = arena_strndup(r->a, q1 + 3, (size_t)(q2 - q1 - 3));
    y = rd_year_after(f, V_PLAN_FOR_YEARS " ", &y2);
    if (y != 0 && y2 != 0) {
        p->programme_from = y;
        p->programme_to = y2;
    }
    return true;
}

/* Lines above the header: the title, then the resolution and the rest. */
static void
read_preamble(struct reader *r, int header)
{
    struct plan *p = r->p;
    struct buf resolution;

    buf_init(&resolution);
    for (int i = 0; i < header; i++) {
        const struct row *w = &r->rows[i];
        int first, last;
        const char *f;

        if (rd_row_nonempty(w, &first, &last) == 0) {
            continue;
        }
        if (p->title != NULL && read_programme_line(r, w->cell[first])) {
            continue;
        }
        if (role_of(r, w->cell[first], &last, &last, &last) != R_NONE &&
            p->title != NULL) {
            continue;
        }
        if (p->title == NULL) {
            read_title(r, w->cell[first]);
            continue;
        }
        f = rd_fold(r, w->cell[first]);
        if (rd_has(f, V_PLAN_RES_RESOLUTION) ||
            str_starts(f, V_PLAN_RES_ANNEX) ||
            str_starts(f, V_PLAN_RES_BOARD) ||
            str_starts(f, V_PLAN_RES_ASSEMBLY) ||
            str_starts(f, V_PLAN_RES_DATED)) {
            if (resolution.len > 0) {
                buf_putc(&resolution, ' ');
            }
            buf_puts(&resolution, w->cell[first]);
        }
    }
    p->resolution = resolution.len > 0
                        ? arena_strndup(r->a, resolution.data, resolution.len)
                        : NULL;
    buf_free(&resolution);
}

/* "Cel 1. Title" -> code "1"; returns false when s is not a goal. */
static bool
goal_code(struct reader *r, const char *s, char **code, const char **title)
{
    const char *f = rd_fold(r, s);
    const char *q = s + 3;
    int lv;
    size_t n;

    if (!str_starts(f, V_PLAN_GOAL)) {
        return false;
    }
    while (*q == ' ') {
        q++;
    }
    n = rd_lead_code(r->a, q, &lv, code);
    if (n == 0) {
        if (((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z')) &&
            (q[1] == '.' || q[1] == ' ' || q[1] == ':')) {
            *code = arena_strndup(r->a, q, 1);
            n = 2;
        } else {
            return false;
        }
    }
    q += n;
    while (*q == ' ' || *q == '.' || *q == ':') {
        q++;
    }
    *title = q;
    return true;
}

static void
cut_row_check(struct reader *r, const struct row *w)
{
    if (w->n < r->ncols) {
        plan_finding_add(r->a, r->p, PLAN_WARNING, w->line, NULL, "row_cut",
                         T_PLAN_READ_ROW_CUT, w->n, r->ncols);
    }
}

/* Does the row carry budget, term or implementers? */
static bool
row_has_line(struct reader *r, const struct row *w)
{
    if (rd_cell(w, r->col[R_TERM])[0] != '\0' ||
        rd_cell(w, r->col[R_IMPL])[0] != '\0' ||
        rd_cell(w, r->col[R_TOTAL])[0] != '\0') {
        return true;
    }
    for (int s = 0; s < r->p->nsources; s++) {
        if (rd_cell(w, r->src_col[s])[0] != '\0') {
            return true;
        }
    }
    return false;
}

/* Term, budget, indicator and results of a task row or its continuation. */
static void
task_content(struct reader *r, const struct row *w, bool inherit_impl)
{
    if (row_has_line(r, w)) {
        rd_line_add(r, w, inherit_impl);
    }
    if (rd_cell(w, r->col[R_INDICATOR])[0] != '\0') {
        rd_indicator_from_row(r, w);
    } else if (rd_cell(w, r->col[R_TARGET_YEAR])[0] != '\0' ||
               rd_cell(w, r->col[R_TARGET_MULTI])[0] != '\0') {
        /* figures without a name: a target of the previous indicator */
        rd_indicator_from_row(r, w);
    }
    if (rd_cell(w, r->col[R_RESULTS])[0] != '\0') {
        rd_results_from_text(r, w->line, rd_cell(w, r->col[R_RESULTS]), false);
    }
}

static void
read_table(struct reader *r, int start)
{
    struct plan *p = r->p;
    int ncol = r->col[R_NUMBER] >= 0 ? r->col[R_NUMBER] : 0;
    bool has_action = r->col[R_ACTION] >= 0;
    const char *total_label = NULL;
    int tot_src[PLAN_SOURCES_MAX], tot_total = r->col[R_TOTAL];
    bool after_total = false;
    int last_note = -1;

    memcpy(tot_src, r->src_col, sizeof(tot_src));
    for (int i = start; i < r->nrows; i++) {
        const struct row *w = &r->rows[i];
        const char *c0 = rd_cell(w, ncol), *title;
        int first, last, nonempty = rd_row_nonempty(w, &first, &last), lv;
        char *code;

        if (nonempty == 0) {
            continue;
        }
        if (nonempty == 1 && rd_footnote_mark_len(w->cell[first]) > 0) {
            struct plan_footnote *fn;
            size_t k = rd_footnote_mark_len(w->cell[first]);

            p->footnotes =
                plan_grow(r->a, p->footnotes, p->nfootnotes, sizeof(*fn));
            fn = &p->footnotes[p->nfootnotes++];
            fn->mark = arena_strndup(r->a, w->cell[first], k);
            fn->text =
                plan_trim(r->a, w->cell[first] + k, strlen(w->cell[first] + k));
            fn->row = w->line;
            continue;
        }
        if (total_label != NULL) {
            /* the block under "Łączna wartość": names, then figures */
            int known = 0, src, y1, y2;

            for (int c = 0; c < w->n; c++) {
                enum role ro = role_of(r, w->cell[c], &src, &y1, &y2);

                if (ro == R_SOURCE) {
                    if (known++ == 0) {
                        for (int s = 0; s < PLAN_SOURCES_MAX; s++) {
                            tot_src[s] = -1;
                        }
                    }
                    tot_src[src] = c;
                } else if (ro == R_TOTAL && !row_has_number(w)) {
                    tot_total = c;
                }
            }
            if (known > 0 || !row_has_number(w)) {
                continue;
            }
            rd_total_figures(r, w, total_label, tot_src, tot_total);
            total_label = NULL;
            after_total = true;
            continue;
        }
        if (after_total) {
            rd_note_row(r, w, &last_note);
            continue;
        }
        if (plan_is_total_label(r->a, w->cell[first])) {
            total_label = w->cell[first];
            if (row_has_number(w) &&
                rd_total_figures(r, w, total_label, r->src_col,
                                 r->col[R_TOTAL])) {
                total_label = NULL;
                after_total = true;
            }
            continue;
        }
        if (goal_code(r, w->cell[first], &code, &title)) {
            if (title[0] == '\0') {
                title = rd_cell(w, r->col[R_TITLE]);
            }
            rd_goal_add(r, code, title, w->line);
            continue;
        }
        if (c0[0] != '\0' && rd_lead_code(r->a, c0, &lv, &code) > 0 &&
            strlen(c0) == rd_lead_code(r->a, c0, &lv, &code)) {
            if (!has_action && lv == 1) {
                rd_goal_add(r, code, rd_cell(w, r->col[R_TITLE]), w->line);
                continue;
            }
            if (!has_action) {
                const char *t = rd_cell(w, r->col[R_TITLE]);

                cut_row_check(r, w);
                rd_action_add(r, code, t, w->line);
                r->task = -1;
                if (row_has_line(r, w) ||
                    rd_cell(w, r->col[R_INDICATOR])[0] != '\0') {
                    rd_task_add(r, code, t, w->line);
                    task_content(r, w, false);
                }
                continue;
            }
            /* a numbered task under an action named in its own column */
            {
                const char *ac = rd_cell(w, r->col[R_ACTION]);
                bool inherit = ac[0] == '\0';

                cut_row_check(r, w);
                if (!inherit) {
                    char *acode;
                    int alv;
                    size_t n = rd_lead_code(r->a, ac, &alv, &acode);

                    if (n > 0) {
                        rd_action_add(r, acode,
                                      plan_trim(r->a, ac + n, strlen(ac + n)),
                                      w->line);
                    } else {
                        rd_action_add(r,
                                      arena_printf(r->a, "%d", p->nactions + 1),
                                      ac, w->line);
                    }
                }
                rd_task_add(r, code, rd_cell(w, r->col[R_DESC]), w->line);
                task_content(r, w, inherit);
            }
            continue;
        }
        if (c0[0] == '\0' && r->task >= 0) {
            cut_row_check(r, w);
            task_content(r, w, false);
            continue;
        }
        if (c0[0] == '\0') {
            plan_finding_add(r->a, p, PLAN_WARNING, w->line, NULL, "row_orphan",
                             T_PLAN_READ_ROW_ORPHAN, w->cell[first]);
            continue;
        }
        plan_finding_add(r->a, p, PLAN_WARNING, w->line, p->col.number,
                         "row_unrecognized", T_PLAN_READ_ROW_UNKNOWN, c0);
    }
    rd_apply_notes(r);
}

/*
** Cells a merged range covers (office files) hold its text. Only an
** implementer or a term applies to each row it spans: a merged number,
** amount, indicator or action belongs to its first row, and rows under it
** continue it as an empty cell would. So every copy is blank while the
** header is found, and after it copies stay only in those two columns.
*/
static char **
merged_hide(struct reader *r)
{
    char **kept = NULL;
    long n = 0;

    for (int i = 0; i < r->nrows; i++) {
        if (r->rows[i].merged != NULL) {
            n += r->rows[i].n;
        }
    }
    if (n == 0) {
        return NULL;
    }
    kept = arena_alloc(r->a, (size_t)n * sizeof(*kept));
    n = 0;
    for (int i = 0; i < r->nrows; i++) {
        struct row *w = &r->rows[i];

        for (int c = 0; w->merged != NULL && c < w->n; c++) {
            kept[n++] = w->cell[c];
            if (w->merged[c]) {
                w->cell[c] = "";
            }
        }
    }
    return kept;
}

static void
merged_show(struct reader *r, char **kept, int start)
{
    long n = 0;

    for (int i = 0; kept != NULL && i < r->nrows; i++) {
        struct row *w = &r->rows[i];

        for (int c = 0; w->merged != NULL && c < w->n; c++, n++) {
            if (w->merged[c] && i >= start &&
                (c == r->col[R_IMPL] || c == r->col[R_TERM])) {
                w->cell[c] = kept[n];
            }
        }
    }
}

int
rd_read_sheet(struct reader *r)
{
    char **kept = merged_hide(r);
    int start = read_header(r);

    merged_show(r, kept, start);
    if (start < 0) {
        return rd_refuse(r, "table_not_found", T_PLAN_READ_NO_HEADER);
    }
    read_preamble(r, start);
    read_table(r, start);
    if (r->p->ntasks == 0 && r->p->nactions == 0) {
        return rd_refuse(r, "plan_empty", T_PLAN_READ_NO_TASKS);
    }
    return 0;
}
