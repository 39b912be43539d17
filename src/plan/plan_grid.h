/*
** The cells of an exported plan, laid out once (plan_export.c) and written
** by each format: CSV and XLSX there, ODS and DOCX in
** plan_export_office.c. Inside the plan export only.
*/
#ifndef PLAN_PLAN_GRID_H
#define PLAN_PLAN_GRID_H

#include <stdint.h>

#include "plan.h"

struct arena;

enum gkind {
    G_EMPTY,
    G_TEXT,
    G_MONEY,   /* v in grosze */
    G_COUNT,   /* v in units */
    G_FORMULA, /* formula, v its value in grosze */
};

enum gstyle {
    S_TEXT,
    S_TITLE,
    S_HEAD,
    S_GOAL,
    S_NUMBER, /* the Lp. cell */
    S_MONEY,
    S_COUNT,
    S_BREAKDOWN,
    S_TOTAL_LABEL,
    S_TOTAL_MONEY,
    S_PLAIN, /* text without borders: declared totals, footnotes */
    S_PLAIN_MONEY,
    S_COUNT_STYLES
};

struct gcell {
    enum gkind kind;
    enum gstyle style;
    const char *text; /* G_TEXT; the formula for G_FORMULA */
    int64_t v;
};

struct grid {
    struct arena *a;
    struct gcell **row; /* row[i][0..ncols) */
    int nrows, ncols;
    int merge[16][4]; /* header merges: first row, col, last row, col */
    int nmerges;
    double width[32];
};

/*
** Lay the plan out in the document's layout (see plan_export.h): title,
** resolution, programme line, a header over two rows (merged cells in
** g->merge), goal, task and breakdown rows, the total row, declared
** totals, funding notes and footnotes.
*/
void plan_export_grid(struct arena *a, const struct plan *p, struct grid *g);

#endif
