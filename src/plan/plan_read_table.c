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
#include "plan_xlsx.h"
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

/* The funding source a cell or header names ("dotacja", "EFS+"), or -1. */
static int
source_of(struct reader *r, const char *text)
{
    int src, y1, y2;

    return role_of(r, text, &src, &y1, &y2) == R_SOURCE ? src : -1;
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
    const char *names[256], *unknown[256];

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
    r->header_row = h;
    r->ncols = r->rows[h].n < 256 ? r->rows[h].n : 256;
    for (int c = 0; c < 256; c++) {
        roles[c] = R_NONE;
        srcs[c] = -1;
        names[c] = NULL;
        unknown[c] = NULL;
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
                if (w->cell[c][0] != '\0' && roles[c] == R_NONE &&
                    unknown[c] == NULL) {
                    unknown[c] = w->cell[c];
                }
                continue;
            }
            unknown[c] = NULL;
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
    for (int c = 0; c < 256; c++) {
        r->col_known[c] = roles[c] != R_NONE;
        r->unknown_name[c] = unknown[c];
        r->col_name[c] = names[c] != NULL ? names[c] : unknown[c];
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
    NAME(R_SOURCE_NAME, source_name)
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

/*
** One cell above the header: the title (the first text), the programme,
** a piece of the resolution ("Załącznik do uchwały ...", "Zarządu ...",
** "z dnia ..."), the period ("Okres realizacji: ...") or a word of the
** header over it. false when it is none of these.
*/
static bool
preamble_cell(struct reader *r, const char *text, int line,
              struct buf *resolution)
{
    struct plan *p = r->p;
    const char *f;
    int x;

    if (p->title == NULL) {
        read_title(r, text);
        return true;
    }
    f = rd_fold(r, text);
    if (str_starts(f, V_PLAN_PROJECT_PERIOD)) {
        const char *c = strchr(text, ':');

        rd_period(r, c != NULL ? plan_trim(r->a, c + 1, strlen(c + 1)) : text,
                  line);
        return true;
    }
    if (read_programme_line(r, text) ||
        role_of(r, text, &x, &x, &x) != R_NONE) {
        return true;
    }
    if (rd_has(f, V_PLAN_RES_RESOLUTION) || str_starts(f, V_PLAN_RES_ANNEX) ||
        str_starts(f, V_PLAN_RES_BOARD) || str_starts(f, V_PLAN_RES_ASSEMBLY) ||
        str_starts(f, V_PLAN_RES_DATED)) {
        if (resolution->len > 0) {
            buf_putc(resolution, ' ');
        }
        buf_puts(resolution, text);
        return true;
    }
    return false;
}

/*
** Rows above the header, cell by cell: each is a field of the plan
** (preamble_cell) or a finding naming its row, column and text, so that
** nothing written above the table is dropped unsaid.
*/
static void
read_preamble(struct reader *r)
{
    struct plan *p = r->p;
    struct buf resolution;

    buf_init(&resolution);
    for (int i = 0; i < r->header_row; i++) {
        const struct row *w = &r->rows[i];

        for (int c = 0; c < w->n; c++) {
            if (w->cell[c][0] == '\0' ||
                preamble_cell(r, w->cell[c], w->line, &resolution)) {
                continue;
            }
            plan_finding_add(r->a, p, PLAN_WARNING, w->line, NULL,
                             "preamble_unread", T_PLAN_READ_PREAMBLE, w->line,
                             c + 1, w->cell[c]);
        }
    }
    p->resolution = resolution.len > 0
                        ? arena_strndup(r->a, resolution.data, resolution.len)
                        : NULL;
    buf_free(&resolution);
}

static const char *const goal_words[] = {V_PLAN_GOAL_WORDS};

/* Length of a Roman numeral (I..XXXIX and so on) at s, else 0. */
static size_t
roman_len(const char *s)
{
    size_t n = strspn(s, "IVXLC");

    return n > 0 && n <= 8 ? n : 0;
}

/*
** A goal's code at q: "1", "1.2", a Roman numeral "IV" or one letter
** "A", followed by the end, a space, '.', ':' or ')'. Its length, else 0.
*/
static size_t
goal_code_at(struct reader *r, const char *q, char **code)
{
    int lv;
    size_t n = rd_lead_code(r->a, q, &lv, code);

    if (n == 0) {
        n = roman_len(q);
        if (n == 0 && ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z'))) {
            n = 1;
        }
        if (n == 0 || (q[n] != '\0' && q[n] != '.' && q[n] != ' ' &&
                       q[n] != ':' && q[n] != ')')) {
            return 0;
        }
        *code = arena_strndup(r->a, q, n);
    }
    return n;
}

/*
** A goal row's first cell: "Cel 1. Title", "Cel strategiczny 1: Title",
** "Priorytet I – Title", "Kierunek interwencji 2. Title" -> the code and
** the title; false when s is not a goal.
*/
static bool
goal_code(struct reader *r, const char *s, char **code, const char **title)
{
    const char *f = rd_fold(r, s), *q = NULL;
    size_t n;

    for (size_t i = 0; i < sizeof goal_words / sizeof goal_words[0]; i++) {
        size_t k = strlen(goal_words[i]);

        if (strncmp(f, goal_words[i], k) == 0 && f[k] == ' ') {
            /* folding keeps one byte per ASCII letter and space, and the
            ** words are ASCII: skip as many words in the original */
            int words = 1;

            for (size_t j = 0; j < k; j++) {
                words += goal_words[i][j] == ' ';
            }
            q = s;
            while (words-- > 0) {
                q += strcspn(q, " \t");
                q += strspn(q, " \t");
            }
            break;
        }
    }
    if (q == NULL) {
        return false;
    }
    if (str_starts(rd_fold(r, q), "nr ")) {
        q += 3;
    }
    n = goal_code_at(r, q, code);
    if (n == 0) {
        return false;
    }
    q += n;
    while (*q == ' ' || *q == '.' || *q == ':' || *q == ')' || *q == '-') {
        q++;
    }
    if (str_starts(q, "\xE2\x80\x93")) { /* – */
        q += 3;
        while (*q == ' ') {
            q++;
        }
    }
    *title = q;
    return true;
}

/* Lp. holding only a goal's Roman numeral or letter ("II", "A."). */
static bool
goal_only_code(struct reader *r, const char *c0, char **code)
{
    size_t n = goal_code_at(r, c0, code);

    return n > 0 && (c0[n] == '\0' || (c0[n] == '.' && c0[n + 1] == '\0'));
}

/* The first non-empty cell right of column col: its column, or -1. */
static int
next_col(const struct row *w, int col)
{
    for (int c = col + 1; c < w->n; c++) {
        if (w->cell[c][0] != '\0') {
            return c;
        }
    }
    return -1;
}

/* The first non-empty cell right of column col, or "". */
static const char *
next_cell(const struct row *w, int col)
{
    return rd_cell(w, next_col(w, col));
}

/*
** A goal row holds its code and title; any other cell in it (a subtotal,
** a term) is not read, and a finding says so, naming row and column.
*/
static void
goal_rest(struct reader *r, const struct row *w, int code_col, int title_col)
{
    for (int c = 0; c < w->n; c++) {
        if (c != code_col && c != title_col && w->cell[c][0] != '\0') {
            plan_finding_add(r->a, r->p, PLAN_WARNING, w->line,
                             c < 256 ? r->col_name[c] : NULL,
                             "goal_cell_unread", T_PLAN_READ_GOAL_CELL, c + 1,
                             w->cell[c]);
        }
    }
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

/*
** A layout with one amount column and a "Źródło finansowania" column: the
** line's amount is of the source the cell names; a name no source has is
** a finding naming it (the amount stays in the line's total).
*/
static void
line_source_named(struct reader *r, const struct row *w, struct plan_line *l)
{
    const char *name = rd_cell(w, r->col[R_SOURCE_NAME]);
    int s;

    if (name[0] == '\0' || l->namounts > 0) {
        return;
    }
    s = source_of(r, name);
    if (s < 0) {
        plan_finding_add(r->a, r->p, PLAN_WARNING, w->line,
                         r->p->col.source_name, "source_unknown",
                         T_PLAN_READ_SOURCE_UNKNOWN, name);
        return;
    }
    if (l->total.kind == PLAN_NUM_EMPTY) {
        return;
    }
    l->amounts = arena_alloc(r->a, PLAN_SOURCES_MAX * sizeof(*l->amounts));
    l->amounts[0].source = s;
    l->amounts[0].amount = l->total;
    l->namounts = 1;
}

/* Non-empty cells of a task row in columns the header gave no meaning. */
static void
note_unread(struct reader *r, const struct row *w)
{
    for (int c = 0; c < w->n && c < 256; c++) {
        if (w->cell[c][0] == '\0' || r->col_known[c]) {
            continue;
        }
        if (r->unread_n[c]++ == 0) {
            r->unread_first[c] = w->line;
        }
        r->unread_last[c] = w->line;
    }
}

/* One finding per column whose cells were not read. */
static void
report_unread(struct reader *r)
{
    for (int c = 0; c < 256; c++) {
        if (r->unread_n[c] == 0) {
            continue;
        }
        if (r->unknown_name[c] != NULL) {
            plan_finding_add(r->a, r->p, PLAN_WARNING, r->unread_first[c],
                             r->unknown_name[c], "column_unknown",
                             T_PLAN_READ_COLUMN_UNKNOWN, r->unknown_name[c],
                             c + 1, r->unread_n[c], r->unread_first[c],
                             r->unread_last[c]);
        } else {
            plan_finding_add(r->a, r->p, PLAN_WARNING, r->unread_first[c], NULL,
                             "column_unnamed", T_PLAN_READ_COLUMN_UNNAMED,
                             c + 1, r->unread_n[c], r->unread_first[c],
                             r->unread_last[c]);
        }
    }
}

/* Term, budget, indicator and results of a task row or its continuation. */
static void
task_content(struct reader *r, const struct row *w, bool inherit_impl)
{
    note_unread(r, w);
    if (row_has_line(r, w)) {
        rd_line_add(r, w, inherit_impl);
        line_source_named(r, w, &r->p->lines[r->p->nlines - 1]);
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
    bool after_total = false, named_goals = false;
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
            int tcol = first;

            if (title[0] == '\0') {
                title = rd_cell(w, r->col[R_TITLE]);
                tcol = r->col[R_TITLE];
            }
            rd_goal_add(r, code, title, w->line);
            goal_rest(r, w, first, tcol);
            named_goals = true;
            continue;
        }
        if (c0[0] != '\0' && rd_lead_code(r->a, c0, &lv, &code) == 0 &&
            goal_only_code(r, c0, &code) && !row_has_line(r, w) &&
            rd_cell(w, r->col[R_INDICATOR])[0] == '\0') {
            /* "I", "II.", "A." in Lp. with the goal's title beside it */
            rd_goal_add(r, code, next_cell(w, ncol), w->line);
            goal_rest(r, w, ncol, next_col(w, ncol));
            named_goals = true;
            continue;
        }
        if (c0[0] != '\0' && rd_lead_code(r->a, c0, &lv, &code) > 0 &&
            strlen(c0) == rd_lead_code(r->a, c0, &lv, &code)) {
            bool content = row_has_line(r, w) ||
                           rd_cell(w, r->col[R_INDICATOR])[0] != '\0';

            if (!has_action && lv == 1 && !named_goals && !content) {
                rd_goal_add(r, code, rd_cell(w, r->col[R_TITLE]), w->line);
                goal_rest(r, w, ncol, r->col[R_TITLE]);
                continue;
            }
            if (!has_action && lv == 1) {
                /* a task numbered "1." under goal rows of their own */
                cut_row_check(r, w);
                r->action = -1;
                rd_task_add(r, code, next_cell(w, ncol), w->line);
                task_content(r, w, false);
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
    report_unread(r);
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
        if (r->rows[i].flags != NULL) {
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

        for (int c = 0; w->flags != NULL && c < w->n; c++) {
            kept[n++] = w->cell[c];
            if (w->flags[c] & PLAN_CELL_MERGED) {
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

        for (int c = 0; w->flags != NULL && c < w->n; c++, n++) {
            if ((w->flags[c] & PLAN_CELL_MERGED) && i >= start &&
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
    read_preamble(r);
    rd_formulas_left(r);
    read_table(r, start);
    if (r->p->ntasks == 0 && r->p->nactions == 0) {
        return rd_refuse(r, "plan_empty", T_PLAN_READ_NO_TASKS);
    }
    return 0;
}
