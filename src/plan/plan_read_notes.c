/*
** The total row of a plan table and what stands under it (see
** plan_read.h): the figures of the total, funding notes that list rows by
** number and give their budget lines a source, items of a note, and
** summary lines that declare a source's total. The export asks the same
** rules (plan_is_total_label, plan_summary_source) so that what it writes
** reads back the same.
*/
#include "plan_read.h"

#include <string.h>

#include "core/arena.h"
#include "core/str.h"
#include "strings_pl.h"

bool
plan_is_total_label(struct arena *a, const char *label)
{
    const char *f = str_fold(a, label);

    return str_starts(f, V_PLAN_TOTAL_COMBINED) ||
           strcmp(f, V_PLAN_TOTAL_SUM) == 0 ||
           strcmp(f, V_PLAN_TOTAL_ALL) == 0 ||
           strcmp(f, V_PLAN_TOTAL_OVERALL) == 0 ||
           str_starts(f, V_PLAN_TOTAL_SUM_OVERALL) ||
           str_starts(f, V_PLAN_TOTAL_VALUE_OVERALL) ||
           str_starts(f, V_PLAN_TOTAL_ALL_PLAN);
}

bool
rd_total_figures(struct reader *r, const struct row *w, const char *label,
                 const int *src_col, int total_col)
{
    struct plan_num v;
    bool any = false;

    if (total_col >= 0 && rd_cell(w, total_col)[0] != '\0') {
        plan_num_money(rd_cell(w, total_col), &v);
        v.text = rd_cell(w, total_col);
        rd_declared_add(r, label, -1, v, w->line, r->p->col.total);
        any = true;
    }
    for (int s = 0; s < r->p->nsources; s++) {
        if (src_col[s] >= 0 && rd_cell(w, src_col[s])[0] != '\0') {
            plan_num_money(rd_cell(w, src_col[s]), &v);
            v.text = rd_cell(w, src_col[s]);
            rd_declared_add(r, label, s, v, w->line, r->p->col.source[s]);
            any = true;
        }
    }
    return any;
}

/* Row numbers listed after "wierszu"/"wierszach": "2-5 oraz 8, 11,10 i 18". */
static void
note_rows(struct reader *r, struct plan_note *n, const char *text)
{
    const char *s = strstr(text, V_PLAN_NOTE_ROW);
    int cap = 8;

    if (s == NULL) {
        return;
    }
    while (*s != '\0' && *s != ' ' && *s != ':') {
        s++;
    }
    n->rows = arena_alloc(r->a, (size_t)cap * sizeof(int));
    for (;;) {
        int a = 0, b;
        const char *q;

        while (*s == ' ' || *s == ',' || *s == ':') {
            s++;
        }
        if (str_starts(s, V_PLAN_NOTE_AND)) {
            s += 2;
            continue;
        }
        if (str_starts(s, V_PLAN_NOTE_AND_ALSO)) {
            s += 5;
            continue;
        }
        if (!(*s >= '0' && *s <= '9')) {
            break;
        }
        while (*s >= '0' && *s <= '9' && a < 100000) {
            a = a * 10 + (*s++ - '0');
        }
        b = a;
        q = s;
        while (*q == ' ') {
            q++;
        }
        if (*q == '-' || str_starts(q, "\xE2\x80\x93")) {
            q += *q == '-' ? 1 : 3;
            while (*q == ' ') {
                q++;
            }
            if (*q >= '0' && *q <= '9') {
                b = 0;
                while (*q >= '0' && *q <= '9' && b < 100000) {
                    b = b * 10 + (*q++ - '0');
                }
                s = q;
            }
        }
        if (b < a || b > PLAN_NOTE_ROW_MAX) {
            b = a;
        }
        /* a few bytes can name a long range: all notes share one budget */
        if (r->note_rows + (b - a + 1) > PLAN_MAX_NOTE_ROWS) {
            if (r->note_rows > PLAN_MAX_NOTE_ROWS) {
                return; /* said once */
            }
            plan_finding_add(r->a, r->p, PLAN_WARNING, n->row, NULL,
                             "note_rows_too_many", T_PLAN_READ_NOTE_ROWS,
                             PLAN_MAX_NOTE_ROWS, n->row);
            r->note_rows = PLAN_MAX_NOTE_ROWS + 1;
            return;
        }
        r->note_rows += b - a + 1;
        for (int k = a; k <= b; k++) {
            if (n->nrows == cap) {
                n->rows =
                    arena_realloc(r->a, n->rows, (size_t)cap * sizeof(int),
                                  (size_t)cap * 2 * sizeof(int));
                cap *= 2;
            }
            n->rows[n->nrows++] = k;
        }
    }
}

static int
note_source(struct reader *r, const char *text)
{
    const char *f = rd_fold(r, text);

    if (rd_has(f, V_PLAN_NOTE_SUBSIDY) || rd_has(f, V_PLAN_NOTE_STATE_BUDGET)) {
        return PLAN_SRC_SUBSIDY;
    }
    if (rd_has(f, V_PLAN_NOTE_EU_UNION) || rd_has(f, V_PLAN_NOTE_EU) ||
        rd_has(f, V_PLAN_NOTE_ESF)) {
        return PLAN_SRC_EU;
    }
    return PLAN_SRC_OWN;
}

/* Labels of the lines under the total row, tried in this order: the start
** of the folded label, or a part of it anywhere. */
static const struct {
    const char *word;
    bool anywhere;
    int source; /* PLAN_SRC_*, -1 for the overall total */
} summaries[] = {V_PLAN_SUMMARY_LABELS};

int
plan_summary_source(struct arena *a, const char *label)
{
    const char *f = str_fold(a, label);

    for (size_t i = 0; i < sizeof(summaries) / sizeof(summaries[0]); i++) {
        if (summaries[i].anywhere ? rd_has(f, summaries[i].word)
                                  : str_starts(f, summaries[i].word)) {
            return summaries[i].source;
        }
    }
    return -2;
}

void
rd_note_row(struct reader *r, const struct row *w, int *last_note)
{
    struct plan *p = r->p;
    int first, last, lv, source;
    const char *text, *f;
    struct plan_note *n;
    struct plan_num v = {PLAN_NUM_EMPTY, 0, NULL};
    char *code;

    rd_row_nonempty(w, &first, &last);
    text = w->cell[first];
    if (last > first) {
        if (plan_num_money(w->cell[last], &v) != 0) {
            rd_bad_number(r, w->line, NULL, w->cell[last]);
        }
        v.text = w->cell[last];
    } else if (plan_num_money(text, &v) == 0 && v.kind == PLAN_NUM_VALUE) {
        v.text = text;
        rd_declared_add(r, "Suma kwot w uwagach", -1, v, w->line, NULL);
        return;
    }
    f = rd_fold(r, text);
    if (rd_lead_code(r->a, text, &lv, &code) > 0 &&
        (rd_has(f, V_PLAN_NOTE_ROW) || rd_has(f, V_PLAN_NOTE_ITEM))) {
        p->notes = plan_grow(r->a, p->notes, p->nnotes, sizeof(*n));
        n = &p->notes[p->nnotes];
        memset(n, 0, sizeof(*n));
        n->label = code;
        n->text = text;
        n->amount = v;
        n->parent = -1;
        n->row = w->line;
        n->source = note_source(r, text);
        note_rows(r, n, text);
        *last_note = p->nnotes++;
        return;
    }
    if (rd_bullet_len(text) > 0 && *last_note >= 0) {
        p->notes = plan_grow(r->a, p->notes, p->nnotes, sizeof(*n));
        n = &p->notes[p->nnotes];
        memset(n, 0, sizeof(*n));
        n->label = arena_strndup(r->a, text, rd_bullet_len(text));
        n->text = rd_skip_bullets(text);
        n->amount = v;
        n->parent = *last_note;
        n->source = p->notes[*last_note].source;
        n->row = w->line;
        p->nnotes++;
        return;
    }
    source = v.kind == PLAN_NUM_VALUE ? plan_summary_source(r->a, text) : -2;
    if (source != -2) {
        rd_declared_add(r, text, source, v, w->line, NULL);
        return;
    }
    rd_text_add(r, "Uwagi", text, w->line);
}

/*
** A total row's figure by source that the summary under the notes states
** again (same source, same amount: "Środki samorządu: 1 560 000,00") is
** one statement: kept once, as the summary words it.
*/
static void
drop_restated_totals(struct reader *r)
{
    struct plan *p = r->p;
    int n = 0;

    for (int i = 0; i < p->ndeclared; i++) {
        const struct plan_total *d = &p->declared[i];
        /* only the total row's few figures are looked for further down */
        bool candidate = d->source >= 0 && d->label != NULL &&
                         plan_is_total_label(r->a, d->label) &&
                         d->row == p->declared[0].row;
        bool again = false;

        for (int j = i + 1; candidate && j < p->ndeclared && !again; j++) {
            again = p->declared[j].source == d->source &&
                    p->declared[j].grosze == d->grosze &&
                    p->declared[j].row > d->row;
        }
        if (!again) {
            p->declared[n++] = *d;
        }
    }
    p->ndeclared = n;
}

void
rd_apply_notes(struct reader *r)
{
    struct plan *p = r->p;
    int *first = NULL, *next = NULL;

    if (p->nnotes > 0) {
        drop_restated_totals(r);
        plan_task_index(r->a, p, PLAN_NOTE_ROW_MAX, &first, &next);
        r->note_claim =
            arena_alloc(r->a, (PLAN_NOTE_ROW_MAX + 1) * sizeof(int));
    }

    for (int i = 0; i < p->nnotes; i++) {
        const struct plan_note *n = &p->notes[i];

        if (n->parent >= 0 || n->source < 0) {
            continue;
        }
        for (int k = 0; k < n->nrows; k++) {
            bool found = false;

            if (n->rows[k] < 0 || n->rows[k] > PLAN_NOTE_ROW_MAX ||
                r->note_claim[n->rows[k]] == i + 1) {
                continue;
            }
            /* a row's tasks are walked once, however often it is named */
            if (r->note_claim[n->rows[k]] != 0) {
                plan_finding_add(r->a, p, PLAN_WARNING, n->row, NULL,
                                 "note_row_twice", T_PLAN_READ_NOTE_ROW_TWICE,
                                 n->rows[k], n->label);
                continue;
            }
            r->note_claim[n->rows[k]] = i + 1;
            for (int t = first[n->rows[k]]; t >= 0; t = next[t]) {
                found = true;
                for (int l = p->tasks[t].first_line;
                     l < p->tasks[t].first_line + p->tasks[t].nlines; l++) {
                    struct plan_line *ln = &p->lines[l];

                    if (ln->namounts == 1 &&
                        ln->amounts[0].source == n->source &&
                        ln->amounts[0].amount.v == ln->total.v) {
                        continue; /* the note says what the columns say */
                    }
                    if (ln->namounts > 0) {
                        plan_finding_add(r->a, p, PLAN_WARNING, n->row, NULL,
                                         "note_row_twice",
                                         T_PLAN_READ_NOTE_ROW_SOURCED,
                                         n->rows[k], n->label);
                        continue;
                    }
                    if (ln->total.kind == PLAN_NUM_EMPTY) {
                        continue;
                    }
                    ln->amounts = arena_alloc(r->a, PLAN_SOURCES_MAX *
                                                        sizeof(*ln->amounts));
                    ln->amounts[0].source = n->source;
                    ln->amounts[0].amount = ln->total;
                    ln->namounts = 1;
                }
            }
            if (!found) {
                plan_finding_add(
                    r->a, p, PLAN_WARNING, n->row, NULL, "note_row_unknown",
                    T_PLAN_READ_NOTE_ROW_UNKNOWN, n->label, n->rows[k]);
            }
        }
    }
}
