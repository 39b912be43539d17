/*
** The plan model: a yearly plan, a programme's goals or a project card as
** plain arena-allocated structs (arrays plus counts) that the reader fills,
** the checker validates and the store persists. Nothing here knows SQL, HTML
** or HTTP. Indexes between arrays are plain ints (-1 = none); money is an
** int64_t in grosze, counts are int64_t units; there is no floating point.
** Rows are 1-based line numbers of the source file.
*/
#ifndef PLAN_PLAN_H
#define PLAN_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct json;

#define PLAN_MAX_BYTES_DEFAULT ((size_t)20 * 1024 * 1024)
#define PLAN_SOURCES_MAX 8
#define PLAN_NOTE_ROW_MAX 100000 /* highest row number a note may list */
/*
** Reader limits (issue 11): memory and time stay linear in the file and
** bounded by these; a file beyond one is refused with a finding naming the
** row and column. A real plan has some hundreds of rows and cells of a few
** hundred characters.
*/
#define PLAN_MAX_ROWS 50000        /* rows of a table */
#define PLAN_MAX_COLS 512          /* cells of one row */
#define PLAN_MAX_CELLS 1000000     /* cells of all rows together */
#define PLAN_MAX_CELL_BYTES 65536  /* bytes of one cell */
#define PLAN_MAX_NOTE_ROWS 100000  /* row numbers all notes list together */
#define PLAN_MAX_INDICATORS 50000  /* indicators and results of a plan */
#define PLAN_XLSX_INFLATE_FACTOR 4 /* unzipped bytes per byte of max_bytes */

enum plan_kind {
    PLAN_YEARLY,    /* a yearly plan or schedule: tasks with budget lines */
    PLAN_PROGRAMME, /* a programme's goals (seed 003) */
    PLAN_PROJECT,   /* a project card (seed 004) */
};

/* What a number cell held. */
enum plan_num_kind {
    PLAN_NUM_EMPTY,       /* blank cell: nothing stated */
    PLAN_NUM_NONE,        /* "-": none, counts as 0 */
    PLAN_NUM_NOT_PLANNED, /* "x": not planned this year, counts as 0 */
    PLAN_NUM_VALUE,       /* v holds the value */
    PLAN_NUM_ONGOING,     /* "na bieżąco" (targets only) */
    PLAN_NUM_BAD,         /* could not be read: an error finding */
};

struct plan_num {
    enum plan_num_kind kind;
    int64_t v;        /* grosze for money, units for counts; 0 unless VALUE */
    const char *text; /* the cell as written (arena), NULL when built */
};

enum plan_term_kind {
    PLAN_TERM_EMPTY,       /* blank */
    PLAN_TERM_NONE,        /* "-" */
    PLAN_TERM_RANGE,       /* months (and maybe days, years) below */
    PLAN_TERM_ONGOING,     /* "na bieżąco" */
    PLAN_TERM_NOT_PLANNED, /* "x" */
    PLAN_TERM_BAD,         /* unreadable: a warning finding */
};

struct plan_term {
    enum plan_term_kind kind;
    int from_month, to_month; /* 1..12 for RANGE */
    int from_year, to_year;   /* 0 = not written (the plan's year) */
    int from_day, to_day;     /* 0 = not written */
    const char *text;         /* as written (arena) */
    const char *bad_word;     /* BAD: the word not understood, or NULL */
};

/* A funding source; the list is data, copied into every plan. */
enum plan_src {
    PLAN_SRC_OWN, /* the indexes of the sources plan_new() gives a plan */
    PLAN_SRC_SUBSIDY,
    PLAN_SRC_EU,
    PLAN_SRC_OTHER,
};

struct plan_source {
    const char *code; /* "own", "subsidy", "eu", "other" */
    const char *name; /* Polish name */
};

struct plan_goal {
    const char *code; /* "1", "A" */
    const char *title;
    int row;
};

struct plan_action {
    const char *code; /* "1.1" */
    const char *title;
    int goal; /* index into goals, -1 if none */
    int row;
};

struct plan_amount {
    int source; /* index into sources */
    struct plan_num amount;
};

/*
** One row of a task: its term, implementers and budget. A task written over
** several rows (continuation rows with an empty Lp.) has several lines.
*/
struct plan_line {
    int task; /* index into tasks */
    int row;
    struct plan_term term;
    const char *implementers;    /* resolved: "j.w." replaced by the text */
    bool implementers_as_above;  /* the cell said "j.w." */
    struct plan_num total;       /* the declared line total ("ogólna") */
    struct plan_amount *amounts; /* by funding source */
    int namounts;
};

struct plan_task {
    const char *number; /* Lp. as in the document: "1.1", "14" */
    int action;         /* index into actions, -1 if none */
    int goal;           /* index into goals, -1 if none */
    const char *description;
    struct plan_term term;    /* of its first line */
    const char *implementers; /* of its first line */
    int row;
    int first_line, nlines; /* its lines: lines[first_line ..] */
};

/*
** An indicator or one target of a free-text result. A breakdown row ("w
** tym", "·") has parent set to the indicator it details.
*/
struct plan_indicator {
    int task;   /* index into tasks, -1 for a project-level result */
    int parent; /* index into indicators, -1 for a top-level one */
    int row;
    const char *name;
    const char *unit; /* "osób", "inicjatyw", "%"; NULL if unknown */
    struct plan_num target_year;  /* for the plan's year */
    struct plan_num target_multi; /* for the programme or project period */
    const char *results_text;     /* the whole free-text cell it came from */
    const char *footnote;         /* mark such as "¹", or NULL */
};

/* A total the document states (total row, SUMA, summary of sources). */
struct plan_total {
    const char *label;
    int source; /* index into sources, -1 for the overall total */
    int64_t grosze;
    int row;
};

/*
** A funding note that lists rows by number ("Pozycje w wierszach: 2-5 oraz
** 8 ... na łączną kwotę 200 000,00"), or an item of one (parent >= 0).
*/
struct plan_note {
    const char *label; /* "1." or "•" */
    const char *text;
    int source; /* index into sources, -1 when not known */
    int *rows;  /* task numbers (Lp.) the note lists */
    int nrows;
    struct plan_num amount;
    int parent; /* index into notes, -1 for a top-level note */
    int row;
};

struct plan_footnote {
    const char *mark; /* "¹" */
    const char *text;
    int row;
};

/* Free text kept from the document: recommendations, target groups ... */
struct plan_text {
    const char *heading;
    const char *text;
    int row;
};

enum plan_severity {
    PLAN_ERROR,   /* blocks an import: a number could not be read */
    PLAN_WARNING, /* an inconsistency the coordinator should look at */
    PLAN_INFO,    /* how something was understood */
};

struct plan_finding {
    enum plan_severity severity;
    int row;             /* 0 when about the whole file */
    const char *column;  /* header text or NULL */
    const char *code;    /* machine code: "line_total_mismatch" */
    const char *message; /* Polish */
    bool from_check;     /* added by plan_check(), not by the reader */
};

/* Column header texts, used to name the column of a finding. */
struct plan_columns {
    const char *number, *title, *action, *description, *term, *implementers;
    const char *total, *source[PLAN_SOURCES_MAX];
    const char *indicator, *target_year, *target_multi, *results;
    const char *source_name; /* "Źródło finansowania" */
};

struct plan {
    enum plan_kind kind;
    const char *name;         /* file name given to the reader */
    const char *format;       /* "tsv", "csv", "project", "programme" */
    const char *encoding;     /* "utf-8" or "windows-1250" */
    const char *content_hash; /* of the file read (plan_content_hash), or
                                 NULL for a plan built in forms */
    const char *title;
    const char *programme_title;
    const char *resolution; /* "Załącznik do uchwały ..." or NULL */
    const char *region;     /* voivodeship, e.g. "kujawsko-pomorskie" */
    int year;               /* the plan's year, 0 if unknown */
    int programme_from, programme_to;    /* programme or project years */
    const char *period_from, *period_to; /* ISO dates (project), or NULL */
    struct plan_columns col;

    struct plan_source *sources;
    int nsources;
    struct plan_goal *goals;
    int ngoals;
    struct plan_action *actions;
    int nactions;
    struct plan_task *tasks;
    int ntasks;
    struct plan_line *lines;
    int nlines;
    struct plan_indicator *indicators;
    int nindicators;
    struct plan_total *declared;
    int ndeclared;
    struct plan_note *notes;
    int nnotes;
    struct plan_footnote *footnotes;
    int nfootnotes;
    struct plan_text *texts;
    int ntexts;
    struct plan_finding *findings;
    int nfindings;
};

/* Computed totals of a plan. */
struct plan_totals {
    int64_t total;                       /* grosze */
    int64_t by_source[PLAN_SOURCES_MAX]; /* grosze, indexed like sources */
};

/* ---- plan_read.c (one file per format: plan_read_*.c) ---- */

/*
** Read a plan from data[0..len) (any bytes; need not be NUL-terminated).
** name is the file name, kept for messages. max_bytes limits len (0 means
** PLAN_MAX_BYTES_DEFAULT) and is checked before anything is parsed; an
** XLSX file may inflate to PLAN_XLSX_INFLATE_FACTOR times max_bytes in
** all. Memory stays linear in len; the PLAN_MAX_* limits above refuse a
** larger table with a finding.
** Detects the format (seed-style tab-separated table, CSV with ';' or ',',
** a project card, a programme's goals) and the encoding (UTF-8, or
** Windows-1250 converted to UTF-8), builds the plan and runs plan_check().
** *out is always set, all of it in arena a. Returns 0 when the file was
** read as a plan (its findings may still hold errors: see
** plan_has_errors()), ERR_INPUT when it cannot be read as a plan at all
** (empty, binary, too large, unknown layout); the reason is then a finding.
*/
int plan_read(struct arena *a, const char *name, const char *data, size_t len,
              size_t max_bytes, struct plan **out);

/*
** Read the file at path with plan_read(). The size is checked against
** max_bytes before reading. ERR_IO when the file cannot be opened or read
** (*out then holds a finding saying so), otherwise as plan_read().
*/
int plan_read_file(struct arena *a, const char *path, size_t max_bytes,
                   struct plan **out);

/*
** How the reader takes a label in the first cell under the table, for the
** export to write what reads back the same. plan_is_total_label(): the
** label of the total row ("Łączna wartość", "Razem", "Suma" ...).
** plan_summary_source(): the funding source (PLAN_SRC_*) whose total a
** line under the total row declares, -1 for the overall total, -2 when
** it declares none.
*/
bool plan_is_total_label(struct arena *a, const char *label);
int plan_summary_source(struct arena *a, const char *label);

/* ---- plan_model.c ---- */

/*
** "<FNV-1a 64 in hex>-<length>" of data[0..len), in the arena: what tells
** that a document was imported before (not a defence against forgery: a
** match only asks the coordinator to confirm).
*/
const char *plan_content_hash(struct arena *a, const char *data, size_t len);

/* A new, empty plan with the default funding sources. */
struct plan *plan_new(struct arena *a, enum plan_kind kind);

/*
** Append a finding; the message is formatted into the arena. Used by the
** reader, the checker and forms that edit a plan.
*/
void plan_finding_add(struct arena *a, struct plan *p, enum plan_severity sev,
                      int row, const char *column, const char *code,
                      const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Index of the funding source with this code, or -1. */
int plan_source_find(const struct plan *p, const char *code);
/* The source row after every row the plan's items came from: the row of
 * an item added in a form, so that it sorts after the document's. */
int plan_next_row(const struct plan *p);

/*
** Grow an arena array of n elements of size bytes so that element n can
** be written: arena_grow(). Every array of struct plan grows only through
** this.
*/
void *plan_grow(struct arena *a, void *arr, int n, size_t size);

/* ---- plan_num.c ---- */

/*
** Read an amount of money in a Polish form: "112.000" (dot for thousands),
** "2.500", "10 000,00", "5 295 000,00 zł", "1.234,56", "-" (none), "x"
** (not planned), "" (empty). At most two decimals; grosze in out->v.
** Returns 0, or ERR_INPUT with out->kind PLAN_NUM_BAD. out->text is not
** set (the caller keeps the cell).
*/
int plan_num_money(const char *s, struct plan_num *out);

/*
** Read a count or target: "170", "1.200", "12 000", "50 %", "50%", "-",
** "x", "na bieżąco" (PLAN_NUM_ONGOING). Fractions are rejected. When unit
** is not NULL it receives a pointer into s to a trailing "%" or NULL.
** Returns 0, or ERR_INPUT with out->kind PLAN_NUM_BAD.
*/
int plan_num_count(const char *s, struct plan_num *out, const char **unit);

/*
** Read a term: Roman months "II-XI", "I-XII", "IX"; Polish month names
** "styczeń – grudzień 2024 r.", "października 2024"; dates
** "01.11.2023 r. – 31.12.2028 r."; a year alone; "na bieżąco"; "x"; "-".
** The text is copied into the arena. Returns 0, or ERR_INPUT with
** out->kind PLAN_TERM_BAD and out->bad_word naming what was not understood.
*/
int plan_term_parse(struct arena *a, const char *s, struct plan_term *out);

/*
** The month (1..12) named by a folded Polish month name ("styczen",
** "stycznia") or a Roman numeral ("ii", "XI"), n bytes long; 0 if none.
*/
int plan_month_from_word(const char *s, size_t n);

/*
** Copy s[0..n) into the arena without leading and trailing white space,
** no-break spaces included.
*/
char *plan_trim(struct arena *a, const char *s, size_t n);

/* Polish name of a month 1..12 in the nominative ("styczeń"). */
const char *plan_month_name(int month);

/* ---- plan_check.c ---- */

/*
** Validate a plan: line totals against own + other, computed totals
** against declared totals and funding notes, breakdown rows against their
** parent, terms against the plan's year, yearly targets against
** multi-year ones, duplicate or skipped numbers. Earlier check findings
** are replaced, the reader's stay, so forms may call it after each edit.
*/
void plan_check(struct arena *a, struct plan *p);

/* Totals computed from the budget lines, in grosze. */
void plan_totals_compute(const struct plan *p, struct plan_totals *t);

/*
** The plan's value as lists show it, in grosze: the sum of its budget
** lines, or, for a document without budget lines (a project card), the
** overall total it declares ("Całkowita wartość projektu").
*/
int64_t plan_value(const struct plan *p);

/* The value of a budget line: its declared total, else its amounts. */
int64_t plan_line_value(const struct plan_line *l);

/* Sum of a task's lines (plan_line_value) in grosze. */
int64_t plan_task_total(const struct plan *p, int task);

/*
** Index the tasks by plain number (Lp. "1", "2." ... up to max): (*first)[k]
** is the first task numbered k or -1, (*next)[t] the next task with the
** same number or -1. Both arrays live in the arena.
*/
void plan_task_index(struct arena *a, const struct plan *p, int max,
                     int **first, int **next);

/* Number of findings of a severity. */
int plan_count_findings(const struct plan *p, enum plan_severity sev);

/* True when an import must refuse the plan (an error finding). */
bool plan_has_errors(const struct plan *p);

/* "error", "warning", "info". */
const char *plan_severity_name(enum plan_severity sev);

/* ---- plan_json.c ---- */

/*
** Write the plan as one JSON object: metadata, goals, actions, tasks (with
** their lines), indicators, totals (integer grosze by source and
** total_grosze), declared_totals, funding_notes, footnotes, texts and
** findings. The shape is shared by `rodzina check --json` and the API.
*/
void plan_json_write(struct json *j, const struct plan *p);

#endif
