/*
** Inside the plan reader, shared by its files only (plan_read*.c): the
** reader's state, the input formats behind one interface, and the helpers
** every format uses. plan_read.c sniffs the input and hands it to one
** format; a table format (TSV, CSV, XLSX) fills r->rows and calls
** rd_read_sheet(), which maps the table to the plan (plan_read_table.c,
** the total row and notes under it plan_read_notes.c);
** a line-oriented document (project card, programme's goals) reads its
** lines itself. Callers outside the reader use plan.h.
*/
#ifndef PLAN_PLAN_READ_H
#define PLAN_PLAN_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "plan.h"

#define DETECT_BYTES 65536 /* how much of a file sniffing looks at */

/* What a table column holds. */
enum role {
    R_NONE,
    R_NUMBER,
    R_TITLE,  /* "kierunek interwencji/działania": code sits in Lp. */
    R_ACTION, /* "Działanie w Programie": "1.1. title" */
    R_DESC,
    R_TERM,
    R_IMPL,
    R_TOTAL,
    R_SOURCE, /* with a source index */
    R_INDICATOR,
    R_TARGET_YEAR,
    R_TARGET_MULTI,
    R_RESULTS,
    R_UNIT,        /* the indicator's unit, as our export writes it */
    R_SOURCE_NAME, /* "Źródło finansowania": the source of the row's amount */
    R_COUNT
};

struct row {
    int line;
    int n;
    char **cell;          /* trimmed, never NULL */
    unsigned char *flags; /* n PLAN_CELL_* flags (plan_xlsx.h), or NULL */
};

struct reader {
    struct arena *a;
    struct plan *p;
    struct row *rows;
    int nrows;
    int col[R_COUNT];              /* first column of each role, -1 */
    int src_col[PLAN_SOURCES_MAX]; /* column of each source, -1 */
    int ncols;                     /* columns the header names */
    int header_row;                /* index of the header's first row */
    int goal, action, task, top_ind;
    const char *last_impl;
    long ncells;          /* cells of all rows, against PLAN_MAX_CELLS */
    int note_rows;        /* row numbers listed by notes so far */
    bool indicators_over; /* PLAN_MAX_INDICATORS said */
    int *note_claim;      /* row number -> 1 + the note that gave its source */
    /* columns the header names with no known meaning, and where their
    ** non-empty cells were (one finding per column at the end) */
    const char *unknown_name[PLAN_MAX_COLS]; /* NULL: known or unnamed */
    int unread_n[PLAN_MAX_COLS], unread_first[PLAN_MAX_COLS];
    int unread_last[PLAN_MAX_COLS];
    bool col_known[PLAN_MAX_COLS];       /* the header gave the column a role */
    const char *col_name[PLAN_MAX_COLS]; /* its header text, or NULL */
};

/* The input as plan_read() hands it to a format. */
struct rd_input {
    const char *data; /* the file's bytes */
    size_t len;
    size_t budget;    /* bytes an archive may inflate to */
    const char *text; /* the bytes as UTF-8 text; NULL for a binary format */
    size_t tlen;
    const char *head; /* folded first DETECT_BYTES of text */
};

/*
** One input format. sniff says whether the input is in it; a binary format
** sniffs and reads the bytes before any decoding, the others the text.
** read builds r->p (format, kind, items, the reader's findings) and
** returns 0, or ERR_INPUT with the reason as a finding; plan_read() then
** runs plan_check().
*/
struct rd_format {
    bool binary;
    bool (*sniff)(const struct rd_input *in);
    int (*read)(struct reader *r, const struct rd_input *in);
};

extern const struct rd_format rd_format_xlsx;      /* plan_read_xlsx.c */
extern const struct rd_format rd_format_project;   /* plan_read_project.c */
extern const struct rd_format rd_format_programme; /* plan_read_programme.c */
extern const struct rd_format rd_format_tsv;       /* plan_read_tsv.c */
extern const struct rd_format rd_format_csv;       /* plan_read_csv.c */

/* ---- plan_read_rows.c: text, cells, rows and their limits ---- */

bool rd_has(const char *folded, const char *word);
/* str_fold() into the reader's arena. */
char *rd_fold(struct reader *r, const char *s);
/* Cell i of a row, "" when the row is shorter. */
const char *rd_cell(const struct row *w, int i);
/* Number of non-blank cells; *first and *last their columns, or -1. */
int rd_row_nonempty(const struct row *w, int *first, int *last);
/* Length of a footnote mark (superscript digit, '*') at s, or 0. */
size_t rd_footnote_mark_len(const char *s);
/* Length of a list marker ("·", "•", "-", "–", "❖") at s, or 0. */
size_t rd_bullet_len(const char *s);
/* Skip list markers and spaces, not beyond end (NULL: the string's end). */
const char *rd_skip_bullets_to(const char *s, const char *end);
const char *rd_skip_bullets(const char *s);
/*
** Parse a leading code "1.", "1.1", "1.1." into digits and dots. Returns
** its length (0 if none), levels in *levels, the code without a trailing
** dot in *code.
*/
size_t rd_lead_code(struct arena *a, const char *s, int *levels, char **code);
/* Read "2021", "2021 2026", "2004 – 2007" at s: the years, else 0. */
int rd_two_years(const char *s, int *second);
/* The year(s) written after "word " in folded text, else 0. */
int rd_year_after(const char *folded, const char *word, int *second);
/* The voivodeship first named in folded text, into r->p->region. */
void rd_find_region(struct reader *r, const char *folded);

/* An error finding about the whole file; returns ERR_INPUT. */
int rd_refuse(struct reader *r, const char *code, const char *msg);
/*
** Room for one more row at line with n cells so far (the whole row when
** known)? Else an error finding naming the limit and where it was passed.
*/
bool rd_row_fits(struct reader *r, int line, long n);
/*
** A trimmed copy of s[0..n) in the arena, or NULL (and a finding) when it
** is longer than PLAN_MAX_CELL_BYTES; col is 1-based, for the message.
*/
char *rd_keep_cell(struct reader *r, int line, int col, const char *s,
                   size_t n);
/* Append a row of n cells; callers have checked rd_row_fits() for it. */
void rd_add_row(struct reader *r, int line, char **cells, int n);

struct rd_lines {
    char **text; /* trimmed */
    int *line;
    int n;
};

/*
** Start a line-oriented document of this kind and format: its non-blank
** lines, trimmed; ERR_INPUT past the row or cell limit.
*/
int rd_read_lines(struct reader *r, const struct rd_input *in,
                  enum plan_kind kind, const char *format, struct rd_lines *ls);

/* ---- plan_read_items.c: the plan's items from cells and text ---- */

int rd_goal_add(struct reader *r, const char *code, const char *title,
                int line);
int rd_action_add(struct reader *r, const char *code, const char *title,
                  int line);
int rd_task_add(struct reader *r, const char *number, const char *desc,
                int line);
/* An error finding: the number text in column could not be read. */
void rd_bad_number(struct reader *r, int line, const char *column,
                   const char *text);
/* A budget line from the row's term, implementers and money cells. */
void rd_line_add(struct reader *r, const struct row *w, bool inherit_impl);
/* The named indicator of a row, or a breakdown row ("· ...") of the last. */
void rd_indicator_from_row(struct reader *r, const struct row *w);
/*
** Free-text intended results: "- 90 inicjatyw - 6000 beneficjentów
** ostatecznych" gives two targets; "4 akcje społeczne" one; "x" none.
*/
void rd_results_from_text(struct reader *r, int line, const char *text,
                          bool multi);
/* A total the document states, when v holds a value. */
void rd_declared_add(struct reader *r, const char *label, int source,
                     struct plan_num v, int line, const char *column);
void rd_text_add(struct reader *r, const char *heading, const char *text,
                 int line);
/*
** A period "01.11.2023 - 31.12.2028" (text after "Okres realizacji:"):
** its ISO dates (and a project card's years), else a finding naming line.
*/
void rd_period(struct reader *r, const char *val, int line);

/* ---- plan_read_notes.c: the total row and what stands under it ---- */

/* Figures of a total row in the money columns (or the columns given). */
bool rd_total_figures(struct reader *r, const struct row *w, const char *label,
                      const int *src_col, int total_col);
/* A row below the total: a funding note, an item of one, or a summary. */
void rd_note_row(struct reader *r, const struct row *w, int *last_note);
/* Give the lines listed by funding notes their source. */
void rd_apply_notes(struct reader *r);

/* ---- plan_read_formula.c: formulas saved without their value ---- */

/*
** Compute the rows' PLAN_CELL_FORMULA cells that are sums of cells or
** arithmetic (+ - * / over cells, constants and parentheses); the formulas
** computed, those left as text and the row of the first of them.
*/
void rd_formulas(struct reader *r, int *computed, int *left, int *first_left);
/*
** A finding for each formula rd_formulas() left as text, naming its row,
** its column (the header's name, once the header is read) and the formula.
*/
void rd_formulas_left(struct reader *r);

/* ---- plan_read_table.c: a table's header and layout ---- */

/*
** The table in r->rows: header, title above it, goals, tasks, totals,
** funding notes. ERR_INPUT (with a finding) when there is no header or
** no task.
*/
int rd_read_sheet(struct reader *r);

#endif
