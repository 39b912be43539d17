/*
** Reading an office file as rows of text cells, the same rows the CSV path
** of plan_read() builds, so one reader handles all: the first worksheet of
** an XLSX or ODS workbook, or a DOCX document's paragraphs (a row of one
** cell each) and table rows in order. Used only by plan_read_xlsx.c; it
** knows nothing of plans.
*/
#ifndef PLAN_PLAN_XLSX_H
#define PLAN_PLAN_XLSX_H

#include <stddef.h>

struct arena;

/* What a cell's text is, besides text: */
#define PLAN_CELL_MERGED                                                       \
    1                       /* a merged range's text, copied to a covered cell \
                             */
#define PLAN_CELL_FORMULA 2 /* "=FORMULA" with no value saved */

#define PLAN_XLSX_MAX_COLS 512      /* columns kept per row */
#define PLAN_XLSX_MAX_CELLS 1000000 /* rows x widest row (PLAN_MAX_CELLS) */
#define PLAN_XLSX_MAX_PART ((size_t)128 * 1024 * 1024) /* unzipped part */

struct plan_xlsx_row {
    int line;    /* the sheet's row number (1-based) */
    char **cell; /* ncols cells, "" when blank; text as Excel shows it */
    unsigned char *flags; /* ncols PLAN_CELL_* flags, or NULL for none */
};

struct plan_xlsx_sheet {
    const char *format;         /* "xlsx", "ods", "docx" */
    struct plan_xlsx_row *rows; /* rows that have a cell, in sheet order */
    int nrows;
    int ncols; /* the widest row: every row has this many cells */
    int formulas_without_value; /* cells kept as "=FORMULA" text */
    int first_formula_row;      /* row of the first of them, or 0 */
};

/*
** Read data[0..len), an XLSX, ODS or DOCX (ZIP) file, into *out, all of it
** in arena a; out->format says which. The first worksheet of a workbook
** is read (a DOCX: see plan_docx.c); merged cells give their text to
** every cell they cover (flagged PLAN_CELL_MERGED); shared and inline strings
** become their text, numbers their decimal form with a comma ("2500",
** "1234,5"; float noise such as 0.30000000000000004 rounded to two
** decimals; percent-formatted cells as "50 %"), a formula its cached value
** or, without one, "=FORMULA" (counted in formulas_without_value).
** budget bounds the bytes inflated from all parts together and, apart,
** the text of all cells (a shared string counts once per cell that shows
** it), so a ZIP bomb or a long string shown a million times costs at most
** about budget bytes. Returns 0, or ERR_INPUT with *why set to a Polish
** message when the file is not one the reader understands (damaged ZIP,
** another kind of package, no worksheet, broken XML, a sheet above the
** limits or the budget: the message names the limit).
*/
int plan_xlsx_read(struct arena *a, const char *data, size_t len, size_t budget,
                   struct plan_xlsx_sheet *out, const char **why);

#endif
