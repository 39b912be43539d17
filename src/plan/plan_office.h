/*
** Inside the office readers (plan_xlsx.c, plan_ods.c, plan_docx.c), shared
** by them only: a part of the ZIP package read against the inflation
** budget, expat with the handlers of one part, and the grid that every
** one of them fills with text cells and merged ranges, then turns into the
** rows of struct plan_xlsx_sheet (plan_xlsx.h). What the rows mean is the
** plan reader's job.
*/
#ifndef PLAN_PLAN_OFFICE_H
#define PLAN_PLAN_OFFICE_H

#include <stdbool.h>
#include <stddef.h>

#include <expat.h>
#include <zip.h>

#include "core/buf.h"
#include "plan_xlsx.h"

struct arena;

/* The bytes all parts of one package may still inflate to. */
struct office_budget {
    size_t left;
    bool spent; /* a part was refused for it */
};

/*
** Inflate the part named name (case-insensitive) into the arena, NUL
** added, and take its size from the budget. Returns 0, 1 when the part is
** absent, -1 when it is damaged, -2 when it is above PLAN_XLSX_MAX_PART or
** above what is left of the budget (then b->spent is set).
*/
int office_part(struct arena *a, zip_t *z, struct office_budget *b,
                const char *name, char **out, size_t *len);

/*
** *why for a part office_part() did not give (rc), or for a grid that
** stopped or XML that broke; format is "XLSX", "ODS" or "DOCX", budget
** what the package had. Both return ERR_INPUT.
*/
int office_part_why(struct arena *a, const char **why, const char *format,
                    const char *part, int rc, size_t budget);
struct office_grid;
int office_grid_why(struct arena *a, const char **why, const char *format,
                    const char *part, const struct office_grid *g,
                    size_t budget);

/* Stop parser x for a limit or a failure, once: *failed is set. */
void office_stop(bool *failed, XML_Parser x);

/* The local name of an element or attribute ("w:tc" -> "tc"). */
const char *office_local(const char *name);
/* The attribute whose local name is name, or NULL. */
const char *office_attr(const char **atts, const char *name);
/* A count attribute ("3") clamped to 1..cap; 1 when absent or bad. */
long office_count(const char *v, long cap);

/*
** A number as the reader wants it: "2500", "1234,5", "-3", percent as
** "50 %" (see plan_xlsx_read()).
*/
const char *office_num_text(struct arena *a, const char *v, bool percent);

/* A merged range, 1-based rows and 0-based columns, inclusive. */
struct office_merge {
    int row1, row2, col1, col2;
};

struct office_cell {
    int col;
    const char *text;
    unsigned char flag; /* PLAN_CELL_FORMULA or 0 */
};

struct office_row {
    int line;
    struct office_cell *c;
    int n;
};

#define OFFICE_MAX_MERGES 10000 /* merged ranges kept per sheet */
#define OFFICE_MAX_LINE 1048576 /* a sheet's last row, as in Excel */

/*
** The cells of one sheet or document as they are read: a row at a time,
** sparse; then office_grid_finish() makes them dense and copies each
** merged range's text to the cells it covers. Cell text counts against
** text_left (a copy too), rows x widest row against PLAN_XLSX_MAX_CELLS.
*/
struct office_grid {
    struct arena *a;
    size_t text_left;
    bool text_spent; /* stopped for text_left */
    bool over;       /* stopped for PLAN_XLSX_MAX_CELLS or the merges */
    struct office_cell *cells; /* the current row */
    int ncells, capcells;
    struct office_row *rows;
    int nrows, width;
    struct office_merge *merges;
    int nmerges;
};

void office_grid_init(struct office_grid *g, struct arena *a, size_t budget);
/* A cell of the current row; false when a limit stops the sheet. */
bool office_grid_cell(struct office_grid *g, int col, const char *text,
                      long len, unsigned char flag);
/* End the current row as sheet row line; false when a limit stops. */
bool office_grid_row(struct office_grid *g, int line);
/* A merged range; ranges past OFFICE_MAX_MERGES stop the sheet. */
bool office_grid_merge(struct office_grid *g, int row1, int col1, int row2,
                       int col2);
/* Dense rows into out, merged text copied; false when a limit stops. */
bool office_grid_finish(struct office_grid *g, struct plan_xlsx_sheet *out);

/* Parse data with the handlers and user data ud; 0, -1 on broken XML. */
int office_xml(const char *data, size_t len, void *ud,
               XML_StartElementHandler s, XML_EndElementHandler e,
               XML_CharacterDataHandler c, XML_Parser *x);

/* The office readers of plan_ods.c and plan_docx.c; as plan_xlsx_read. */
int plan_ods_read(struct arena *a, zip_t *z, struct office_budget *b,
                  struct plan_xlsx_sheet *out, const char **why);
int plan_docx_read(struct arena *a, zip_t *z, struct office_budget *b,
                   struct plan_xlsx_sheet *out, const char **why);

#endif
