/*
** The plan reader: turns a file as officials write it into a struct plan.
** It owns format and encoding detection (tab-separated document tables,
** CSV with ';' or ',', a project card, a programme's goals; UTF-8 or
** Windows-1250), the table layout (header over one or two rows, goal rows,
** continuation rows, breakdown rows, "j.w.", total rows, funding notes,
** footnotes) and the findings about what it could not read. Consistency
** between the figures is plan_check.c's job; storing is the store's.
** An XLSX file's first worksheet comes as rows from plan_xlsx.c and then
** takes the same path as CSV. Every path keeps memory and time linear in
** the file: a cell is copied once, and the PLAN_MAX_* limits of plan.h
** refuse a larger table with a finding naming where it went over.
*/
#include "plan.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/str.h"
#include "plan_xlsx.h"
#include "strings_pl.h"

#define DETECT_BYTES 65536
#define HEADER_SCAN_ROWS 60

/* The funding sources every plan starts with; plans may add others. */
static const struct plan_source default_sources[] = {
    {"own", "środki własne samorządu województwa"},
    {"subsidy", "dotacja celowa z budżetu państwa"},
    {"eu", "środki Unii Europejskiej"},
    {"other", "inne"},
};

enum src_index {
    SRC_OWN,
    SRC_SUBSIDY,
    SRC_EU,
    SRC_OTHER,
};

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
    R_UNIT, /* the indicator's unit, as our export writes it */
    R_COUNT
};

struct row {
    int line;
    int n;
    char **cell; /* trimmed, never NULL */
};

struct reader {
    struct arena *a;
    struct plan *p;
    struct row *rows;
    int nrows;
    int col[R_COUNT];              /* first column of each role, -1 */
    int src_col[PLAN_SOURCES_MAX]; /* column of each source, -1 */
    int ncols;                     /* columns the header names */
    int goal, action, task, top_ind;
    const char *last_impl;
    long ncells;          /* cells of all rows, against PLAN_MAX_CELLS */
    int note_rows;        /* row numbers listed by notes so far */
    bool indicators_over; /* PLAN_MAX_INDICATORS said */
    int *note_claim;      /* row number -> 1 + the note that gave its source */
};

/* Blank cells share this string, so a run of ';' costs a pointer a cell. */
static char blank_cell[1];

/* ---------------------------------------------------------------- */
/* Shared helpers                                                    */

int
plan_next_row(const struct plan *p)
{
    int row = 0, i;

    for (i = 0; i < p->ntasks; i++) {
        row = p->tasks[i].row > row ? p->tasks[i].row : row;
    }
    for (i = 0; i < p->nlines; i++) {
        row = p->lines[i].row > row ? p->lines[i].row : row;
    }
    for (i = 0; i < p->nindicators; i++) {
        row = p->indicators[i].row > row ? p->indicators[i].row : row;
    }
    for (i = 0; i < p->ngoals; i++) {
        row = p->goals[i].row > row ? p->goals[i].row : row;
    }
    for (i = 0; i < p->nactions; i++) {
        row = p->actions[i].row > row ? p->actions[i].row : row;
    }
    return row + 1;
}

void *
plan_grow(struct arena *a, void *arr, int n, size_t size)
{
    if (arr == NULL || n == 0) {
        return arr != NULL ? arr : arena_alloc(a, 4 * size);
    }
    if (n >= 4 && (n & (n - 1)) == 0) {
        return arena_realloc(a, arr, (size_t)n * size, (size_t)n * 2 * size);
    }
    return arr;
}

void
plan_finding_add(struct arena *a, struct plan *p, enum plan_severity sev,
                 int row, const char *column, const char *code, const char *fmt,
                 ...)
{
    struct plan_finding *f;
    va_list ap;

    p->findings = plan_grow(a, p->findings, p->nfindings, sizeof(*f));
    f = &p->findings[p->nfindings++];
    f->severity = sev;
    f->row = row;
    f->column = column;
    f->code = code;
    f->from_check = false;
    va_start(ap, fmt);
    f->message = arena_vprintf(a, fmt, ap);
    va_end(ap);
}

int
plan_source_find(const struct plan *p, const char *code)
{
    for (int i = 0; i < p->nsources; i++) {
        if (strcmp(p->sources[i].code, code) == 0) {
            return i;
        }
    }
    return -1;
}

struct plan *
plan_new(struct arena *a, enum plan_kind kind)
{
    struct plan *p = arena_alloc(a, sizeof(*p));
    int n = (int)(sizeof(default_sources) / sizeof(default_sources[0]));

    p->kind = kind;
    p->encoding = "utf-8";
    p->sources = arena_alloc(a, PLAN_SOURCES_MAX * sizeof(*p->sources));
    memcpy(p->sources, default_sources, (size_t)n * sizeof(*p->sources));
    p->nsources = n;
    p->col.number = "Lp.";
    p->col.title = "Działanie";
    p->col.action = "Działanie w Programie";
    p->col.description = "Działanie";
    p->col.term = "Termin realizacji";
    p->col.implementers = "Realizatorzy";
    p->col.total = "ogólna";
    p->col.source[SRC_OWN] = "środki własne";
    p->col.source[SRC_SUBSIDY] = "dotacja";
    p->col.source[SRC_EU] = "środki UE";
    p->col.source[SRC_OTHER] = "inne";
    p->col.indicator = "wskaźnik";
    p->col.target_year = "Plan na rok";
    p->col.target_multi = "Plan wieloletni";
    p->col.results = "Zamierzone rezultaty";
    return p;
}

static bool
has(const char *folded, const char *word)
{
    return strstr(folded, word) != NULL;
}

static char *
fold(struct reader *r, const char *s)
{
    return str_fold(r->a, s);
}

/* Cell i of a row, "" when the row is shorter. */
static const char *
cell(const struct row *w, int i)
{
    return (i >= 0 && i < w->n) ? w->cell[i] : "";
}

static int
row_nonempty(const struct row *w, int *first, int *last)
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

/* Length of a footnote mark (superscript digit, '*') at s, or 0. */
static size_t
footnote_mark_len(const char *s)
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

/* Strip a trailing footnote mark from s (in place); returns the mark. */
static const char *
take_footnote_mark(struct arena *a, char *s)
{
    size_t n = strlen(s);

    for (size_t k = 3; k >= 2; k--) { /* "¹", "⁴"; a trailing '*' is text */
        if (n > k && footnote_mark_len(s + n - k) == k) {
            char *mark = arena_strndup(a, s + n - k, k);

            s[n - k] = '\0';
            while (n - k > 0 && s[n - k - 1] == ' ') {
                s[--n - k] = '\0';
            }
            return mark;
        }
    }
    return NULL;
}

/* Length of a list marker ("·", "•", "-", "–", "❖") at s, or 0. */
static size_t
bullet_len(const char *s)
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

/* Skip list markers and spaces, not beyond end (NULL: the string's end). */
static const char *
skip_bullets_to(const char *s, const char *end)
{
    while (end == NULL || s < end) {
        size_t k = bullet_len(s);

        if (k == 0 && *s != ' ') {
            return s;
        }
        s += k ? k : 1;
    }
    return end;
}

static const char *
skip_bullets(const char *s)
{
    return skip_bullets_to(s, NULL);
}

/* Parse a leading code "1.", "1.1", "1.1." into digits and dots. Returns
** its length (0 if none), levels in *levels, the code without a trailing
** dot in *code. */
static size_t
lead_code(struct arena *a, const char *s, int *levels, char **code)
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

/* ---------------------------------------------------------------- */
/* Decoding and splitting                                            */

static int
refuse(struct reader *r, const char *code, const char *msg)
{
    plan_finding_add(r->a, r->p, PLAN_ERROR, 0, NULL, code, "%s", msg);
    return ERR_INPUT;
}

/*
** Room for one more row at line with n cells so far (the whole row when
** known)? Else an error finding naming the limit and where it was passed.
*/
static bool
row_fits(struct reader *r, int line, long n)
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

/* A trimmed copy of s[0..n) in the arena, or NULL (and a finding) when it
** is longer than PLAN_MAX_CELL_BYTES; col is 1-based, for the message. */
static char *
keep_cell(struct reader *r, int line, int col, const char *s, size_t n)
{
    if (n > PLAN_MAX_CELL_BYTES) {
        plan_finding_add(r->a, r->p, PLAN_ERROR, line, NULL, "cell_too_long",
                         T_PLAN_READ_CELL_TOO_LONG, line, col,
                         PLAN_MAX_CELL_BYTES);
        return NULL;
    }
    return n == 0 ? blank_cell : plan_trim(r->a, s, n);
}

/*
** Mostly UTF-8 with a few broken bytes (a cut file, a bad paste): keep
** the text, put U+FFFD for each broken byte. Returns NULL when the bytes
** look like a single-byte encoding instead (more broken than good
** multi-byte sequences).
*/
static char *
utf8_repair(struct arena *a, const char *data, size_t len, size_t *tlen,
            size_t *nbad)
{
    size_t good = 0, bad = 0;

    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = str_utf8_decode(data + i, len - i, &cp);

        good += k > 1;
        bad += k == 0;
        i += k ? k : 1;
    }
    return good > bad ? str_utf8_repair_n(a, data, len, tlen, nbad) : NULL;
}

/*
** Check the bytes and make them UTF-8 text in the arena. Refuses empty,
** binary, UTF-16 and undecodable input with a finding.
*/
static int
decode(struct reader *r, const char *data, size_t len, char **text,
       size_t *tlen)
{
    const unsigned char *u = (const unsigned char *)data;
    size_t ctrl = 0, probe = len < 4096 ? len : 4096, i;
    bool blank = true;

    for (i = 0; i < len && blank; i++) {
        if (u[i] != ' ' && u[i] != '\t' && u[i] != '\r' && u[i] != '\n') {
            blank = false;
        }
    }
    if (blank) {
        return refuse(r, "file_empty", "Plik jest pusty.");
    }
    if (len >= 2 &&
        ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        return refuse(r, "file_utf16",
                      "Plik zapisano w kodowaniu UTF-16; zapisz go jako "
                      "UTF-8 lub Windows-1250.");
    }
    if (len >= 4 && (memcmp(data, "%PDF", 4) == 0 ||
                     memcmp(data, "\xD0\xCF\x11\xE0", 4) == 0)) {
        return refuse(r, "file_binary",
                      "To nie jest plik tekstowy (PDF lub stary format "
                      "Office); zapisz tabelę jako CSV.");
    }
    for (i = 0; i < probe; i++) {
        if (u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\r' &&
            u[i] != '\f') {
            ctrl++;
        }
    }
    if (memchr(data, '\0', len) != NULL || ctrl * 20 > probe) {
        return refuse(r, "file_binary",
                      "Plik zawiera dane binarne, a nie tekst planu.");
    }
    if (csv_bom_len(data, len) > 0) {
        data += 3;
        len -= 3;
    }
    if (str_utf8_valid(data, len)) {
        *text = arena_strndup(r->a, data, len);
        *tlen = len;
        return 0;
    }
    {
        size_t nbad = 0;

        *text = utf8_repair(r->a, data, len, tlen, &nbad);
        if (*text != NULL) {
            plan_finding_add(r->a, r->p, PLAN_WARNING, 0, NULL, "utf8_damaged",
                             "Plik w UTF-8 zawiera %zu błędnych bajtów; "
                             "zastąpiono je znakiem „\xEF\xBF\xBD”.",
                             nbad);
            return 0;
        }
    }
    *text = str_cp1250_to_utf8(r->a, data, len, tlen);
    if (*text == NULL) {
        return refuse(r, "file_encoding",
                      "Nie rozpoznano kodowania pliku: to ani UTF-8, ani "
                      "Windows-1250.");
    }
    r->p->encoding = "windows-1250";
    plan_finding_add(r->a, r->p, PLAN_INFO, 0, NULL, "encoding_cp1250",
                     "Plik zapisano w kodowaniu Windows-1250; przekształcono "
                     "go do UTF-8.");
    return 0;
}

/* Callers have checked row_fits() for the row. */
static void
add_row(struct reader *r, int line, char **cells, int n)
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
}

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
        if (!row_fits(r, line, n)) {
            return ERR_INPUT;
        }
        cells = arena_alloc(r->a, (size_t)n * sizeof(*cells));
        for (const char *q = s;; q++) {
            if (q == stop || *q == '\t') {
                cells[k] = keep_cell(r, line, k + 1, s, (size_t)(q - s));
                if (cells[k++] == NULL) {
                    return ERR_INPUT;
                }
                s = q + 1;
                if (q == stop) {
                    break;
                }
            }
        }
        add_row(r, line, cells, (int)n);
        s = stop + 1;
    }
    return 0;
}

/* Pick ';' or ',' from the header line (the one starting with "Lp"). */
static char
csv_delimiter(struct reader *r, const char *text, size_t len)
{
    const char *s = text,
               *end = text + (len < DETECT_BYTES ? len : DETECT_BYTES);
    int semi_lines = 0;

    while (s < end) {
        const char *e = memchr(s, '\n', (size_t)(end - s));
        const char *stop = e != NULL ? e : end;
        int semis = 0, commas = 0;
        bool quoted = false;

        for (const char *q = s; q < stop; q++) {
            if (*q == '"') {
                quoted = !quoted;
            } else if (!quoted && *q == ';') {
                semis++;
            } else if (!quoted && *q == ',') {
                commas++;
            }
        }
        if (str_starts(fold(r, arena_strndup(r->a, s, (size_t)(stop - s))),
                       "lp")) {
            return semis >= 2 || semis >= commas ? ';' : ',';
        }
        semi_lines += semis > 0;
        s = stop + 1;
    }
    return semi_lines > 0 ? ';' : ',';
}

/*
** Split CSV (core/csv.c's reader) into rows. A quoted cell is gathered in
** the reader's scratch buffer and copied once, so memory is linear in the
** file; ERR_INPUT past a limit.
*/
static int
split_csv(struct reader *r, const char *text, size_t len, char delim)
{
    struct csv_in in;
    const char *s;
    size_t k;
    int line = 0, n = 0, cap = 0, rc = 0, step;
    char **cells = NULL;

    csv_read_begin(&in, text, len, delim);
    while (rc == 0 && (step = csv_read_cell(&in, &s, &k)) != CSV_END) {
        if (n == 0) {
            line = in.cell_line;
            if (!row_fits(r, line, 0)) {
                rc = ERR_INPUT;
                break;
            }
            cap = 16;
            cells = arena_alloc(r->a, (size_t)cap * sizeof(*cells));
        }
        if (in.unclosed) {
            plan_finding_add(r->a, r->p, PLAN_WARNING, line, NULL,
                             "csv_unclosed_quote",
                             "Cudzysłów otwarty w wierszu %d nie został "
                             "zamknięty; plik może być ucięty.",
                             line);
        }
        if (n == cap) {
            if (!row_fits(r, line, (long)cap + 1)) {
                rc = ERR_INPUT;
                break;
            }
            cells = arena_realloc(r->a, cells, (size_t)cap * sizeof(*cells),
                                  (size_t)cap * 2 * sizeof(*cells));
            cap *= 2;
        }
        cells[n] = keep_cell(r, line, n + 1, s, k);
        if (cells[n++] == NULL) {
            rc = ERR_INPUT;
        } else if (step == CSV_LAST) {
            if (!row_fits(r, line, n)) {
                rc = ERR_INPUT;
            } else {
                add_row(r, line, cells, n);
            }
            n = 0;
        }
    }
    csv_read_end(&in);
    return rc;
}

/* ---------------------------------------------------------------- */
/* Title, years, region                                              */

/* Read "2021", "2021 2026", "2004 – 2007" at s: the years, else 0. */
static int
two_years(const char *s, int *second)
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

/* The year(s) written after "word " in folded text, else 0. */
static int
year_after(const char *folded, const char *word, int *second)
{
    const char *s = strstr(folded, word);
    int y2, y;

    if (second != NULL) {
        *second = 0;
    }
    if (s == NULL) {
        return 0;
    }
    y = two_years(s + strlen(word), &y2);
    if (second != NULL) {
        *second = y2;
    }
    return y;
}

static void
find_region(struct reader *r, const char *folded)
{
    static const char *const stems[][2] = {
        {"kujawsko pomorsk", "kujawsko-pomorskie"},
        {"warminsko mazursk", "warmińsko-mazurskie"},
        {"zachodniopomorsk", "zachodniopomorskie"},
        {"dolnoslask", "dolnośląskie"},
        {"malopolsk", "małopolskie"},
        {"wielkopolsk", "wielkopolskie"},
        {"swietokrzysk", "świętokrzyskie"},
        {"podkarpack", "podkarpackie"},
        {"mazowieck", "mazowieckie"},
        {"lubelsk", "lubelskie"},
        {"lubusk", "lubuskie"},
        {"lodzk", "łódzkie"},
        {"opolsk", "opolskie"},
        {"podlask", "podlaskie"},
        {"pomorsk", "pomorskie"},
        {"slask", "śląskie"},
    };
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

/* Title, programme title, plan and programme years from the title. */
static void
read_title(struct reader *r, const char *title)
{
    struct plan *p = r->p;
    char *f = fold(r, title);
    const char *q1 = strstr(title, "\xE2\x80\x9E");                  /* „ */
    const char *q2 = q1 != NULL ? strstr(q1, "\xE2\x80\x9D") : NULL; /* ” */
    int y2;

    p->title = title;
    if (p->year == 0) {
        p->year = year_after(f, "na rok ", NULL);
    }
    if (p->programme_from == 0) {
        p->programme_from = year_after(f, "na lata ", &y2);
        p->programme_to = y2;
    }
    if (q1 != NULL && q2 != NULL && q2 > q1 + 3) {
        p->programme_title = arena_strndup(r->a, q1 + 3, (size_t)(q2 - q1 - 3));
    } else {
        const char *s = strstr(title, "realizacji ");
        const char *e = strstr(title, " na rok");

        if (s != NULL && e != NULL && e > s + 11) {
            p->programme_title =
                arena_strndup(r->a, s + 11, (size_t)(e - s - 11));
        }
    }
}

/* ---------------------------------------------------------------- */
/* Adding model objects                                              */

static int
goal_add(struct reader *r, const char *code, const char *title, int line)
{
    struct plan *p = r->p;
    struct plan_goal *g;

    p->goals = plan_grow(r->a, p->goals, p->ngoals, sizeof(*g));
    g = &p->goals[p->ngoals];
    g->code = code;
    g->title = title;
    g->row = line;
    r->goal = p->ngoals++;
    r->action = -1;
    r->task = -1;
    return r->goal;
}

static int
action_add(struct reader *r, const char *code, const char *title, int line)
{
    struct plan *p = r->p;
    struct plan_action *ac;

    p->actions = plan_grow(r->a, p->actions, p->nactions, sizeof(*ac));
    ac = &p->actions[p->nactions];
    ac->code = code;
    ac->title = title;
    ac->goal = r->goal;
    ac->row = line;
    if (r->goal >= 0) {
        const char *gc = p->goals[r->goal].code;
        size_t n = strlen(gc);

        if (strncmp(code, gc, n) != 0 || code[n] != '.') {
            plan_finding_add(r->a, p, PLAN_WARNING, line, p->col.number,
                             "action_goal_mismatch",
                             "Działanie %s stoi pod celem %s.", code, gc);
        }
    }
    r->action = p->nactions++;
    return r->action;
}

static int
task_add(struct reader *r, const char *number, const char *desc, int line)
{
    struct plan *p = r->p;
    struct plan_task *t;

    p->tasks = plan_grow(r->a, p->tasks, p->ntasks, sizeof(*t));
    t = &p->tasks[p->ntasks];
    t->number = number;
    t->action = r->action;
    t->goal = r->action >= 0 ? p->actions[r->action].goal : r->goal;
    t->description = desc;
    t->row = line;
    t->first_line = p->nlines;
    t->nlines = 0;
    r->task = p->ntasks++;
    r->top_ind = -1;
    return r->task;
}

static void
bad_number(struct reader *r, int line, const char *column, const char *text)
{
    plan_finding_add(r->a, r->p, PLAN_ERROR, line, column, "number_unreadable",
                     "Nie można odczytać liczby „%s”.", text);
}

static struct plan_num
money_cell(struct reader *r, const struct row *w, int col, const char *column)
{
    struct plan_num v;
    const char *s = cell(w, col);

    if (plan_num_money(s, &v) != 0) {
        bad_number(r, w->line, column, s);
    }
    v.text = s;
    return v;
}

static struct plan_num
count_cell(struct reader *r, const struct row *w, int col, const char *column,
           const char **unit)
{
    struct plan_num v;
    const char *s = cell(w, col);

    if (plan_num_count(s, &v, unit) != 0) {
        bad_number(r, w->line, column, s);
    }
    v.text = s;
    return v;
}

static void
term_cell(struct reader *r, int line, const char *s, struct plan_term *t)
{
    if (plan_term_parse(r->a, s, t) == 0) {
        return;
    }
    if (t->bad_word != NULL) {
        plan_finding_add(r->a, r->p, PLAN_WARNING, line, r->p->col.term,
                         "term_unreadable",
                         "Nie rozpoznano terminu „%s”: nieznane słowo „%s” "
                         "(oczekiwano miesięcy, np. „styczeń – grudzień "
                         "2024 r.” lub „II-XI”).",
                         s, t->bad_word);
    } else {
        plan_finding_add(r->a, r->p, PLAN_WARNING, line, r->p->col.term,
                         "term_unreadable",
                         "Nie rozpoznano terminu „%s” (zły zakres lub "
                         "data).",
                         s);
    }
}

static bool
is_as_above(struct reader *r, const char *s)
{
    const char *f = fold(r, s);

    return strcmp(f, "j w") == 0 || strcmp(f, "jw") == 0 ||
           strcmp(f, "jak wyzej") == 0;
}

/* A budget line from the row's term, implementers and money cells. */
static void
line_add(struct reader *r, const struct row *w, bool inherit_impl)
{
    struct plan *p = r->p;
    struct plan_line *l;
    const char *impl = cell(w, r->col[R_IMPL]);

    p->lines = plan_grow(r->a, p->lines, p->nlines, sizeof(*l));
    l = &p->lines[p->nlines];
    memset(l, 0, sizeof(*l));
    l->task = r->task;
    l->row = w->line;
    term_cell(r, w->line, cell(w, r->col[R_TERM]), &l->term);
    if (is_as_above(r, impl)) {
        l->implementers_as_above = true;
        if (r->last_impl == NULL) {
            plan_finding_add(r->a, p, PLAN_WARNING, w->line,
                             p->col.implementers, "as_above_first",
                             "„%s” (jak wyżej), ale powyżej nie ma "
                             "realizatora.",
                             impl);
        }
        impl = r->last_impl;
    } else if (impl[0] == '\0' && inherit_impl) {
        impl = r->last_impl; /* a merged cell in the document */
    }
    if (impl != NULL && (strcmp(impl, "-") == 0 || impl[0] == '\0')) {
        impl = NULL;
    }
    l->implementers = impl;
    if (l->implementers != NULL) {
        r->last_impl = l->implementers;
    }
    l->total = money_cell(r, w, r->col[R_TOTAL], p->col.total);
    for (int s = 0; s < p->nsources; s++) {
        struct plan_num v;

        if (r->src_col[s] < 0) {
            continue;
        }
        v = money_cell(r, w, r->src_col[s], p->col.source[s]);
        if (v.kind == PLAN_NUM_EMPTY) {
            continue;
        }
        if (l->amounts == NULL) {
            l->amounts =
                arena_alloc(r->a, PLAN_SOURCES_MAX * sizeof(*l->amounts));
        }
        l->amounts[l->namounts].source = s;
        l->amounts[l->namounts].amount = v;
        l->namounts++;
    }
    p->nlines++;
    if (r->task >= 0) {
        struct plan_task *t = &p->tasks[r->task];

        if (t->nlines++ == 0) {
            t->term = l->term;
            t->implementers = l->implementers;
        }
    }
}

/*
** Room for one more indicator? A results cell of "- 1 a - 1 a ..." makes
** one per four bytes, so they have a limit of their own (said once).
*/
static bool
indicator_room(struct reader *r, int line)
{
    if (r->p->nindicators < PLAN_MAX_INDICATORS) {
        return true;
    }
    if (r->p->nindicators == PLAN_MAX_INDICATORS && !r->indicators_over) {
        r->indicators_over = true;
        plan_finding_add(
            r->a, r->p, PLAN_ERROR, line, NULL, "table_too_many_indicators",
            T_PLAN_READ_TOO_MANY_INDICATORS, PLAN_MAX_INDICATORS, line);
    }
    return false;
}

static int
indicator_add(struct reader *r, int line, const char *name, int parent)
{
    struct plan *p = r->p;
    struct plan_indicator *in;

    p->indicators = plan_grow(r->a, p->indicators, p->nindicators, sizeof(*in));
    in = &p->indicators[p->nindicators];
    memset(in, 0, sizeof(*in));
    in->task = r->task;
    in->parent = parent;
    in->row = line;
    in->name = name;
    return p->nindicators++;
}

/* The named indicator of a row, or a breakdown row ("· ...") of the last. */
static void
indicator_from_row(struct reader *r, const struct row *w)
{
    struct plan *p = r->p;
    char *name = arena_strdup(r->a, cell(w, r->col[R_INDICATOR]));
    const char *mark = take_footnote_mark(r->a, name);
    const char *body = skip_bullets(name);
    bool child = body != name && r->top_ind >= 0;
    const char *unit = NULL;
    int i;

    if (!indicator_room(r, w->line)) {
        return;
    }
    i = indicator_add(r, w->line, body, child ? r->top_ind : -1);
    p->indicators[i].footnote = mark;
    p->indicators[i].target_year =
        count_cell(r, w, r->col[R_TARGET_YEAR], p->col.target_year, &unit);
    p->indicators[i].target_multi =
        count_cell(r, w, r->col[R_TARGET_MULTI], p->col.target_multi,
                   unit == NULL ? &unit : NULL);
    if (unit != NULL) {
        p->indicators[i].unit = "%";
    }
    if (cell(w, r->col[R_UNIT])[0] != '\0') {
        p->indicators[i].unit = plan_trim(r->a, cell(w, r->col[R_UNIT]),
                                          strlen(cell(w, r->col[R_UNIT])));
    }
    if (!child) {
        r->top_ind = i;
    }
}

/* Length of a number such as "6000", "6 000", "1.200" at s, or 0. */
static size_t
number_span(const char *s)
{
    size_t i = 0;

    while (s[i] >= '0' && s[i] <= '9') {
        i++;
        if ((s[i] == ' ' || s[i] == '.') && s[i + 1] >= '0' &&
            s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 2] <= '9' &&
            s[i + 3] >= '0' && s[i + 3] <= '9' &&
            !(s[i + 4] >= '0' && s[i + 4] <= '9')) {
            i++;
        }
    }
    return i;
}

/*
** One target of a free-text result: "90 inicjatyw", "przeszkolenie 30
** kandydatów ...", "50% jednostek ...". The first number is the value,
** the word after it the unit.
*/
static void
result_item(struct reader *r, int line, const char *item, const char *whole,
            bool multi)
{
    struct plan *p = r->p;
    const char *d = item;
    struct plan_num v = {PLAN_NUM_EMPTY, 0, NULL};
    int i;

    while (*d != '\0' && !(*d >= '0' && *d <= '9')) {
        d++;
    }
    if (!indicator_room(r, line)) {
        return;
    }
    i = indicator_add(r, line, item, -1);
    p->indicators[i].results_text = whole;
    if (*d != '\0') {
        size_t n = number_span(d);
        char *num = arena_strndup(r->a, d, n);
        const char *u = d + n, *ue;

        if (plan_num_count(num, &v, NULL) != 0) {
            bad_number(r, line, multi ? p->col.target_multi : p->col.results,
                       num);
        }
        v.text = num;
        while (*u == ' ') {
            u++;
        }
        if (*u == '%') {
            p->indicators[i].unit = "%";
        } else {
            ue = u;
            while (*ue != '\0' && *ue != ' ' && *ue != ',' && *ue != ';' &&
                   *ue != '.') {
                ue++;
            }
            if (ue > u) {
                p->indicators[i].unit =
                    arena_strndup(r->a, u, (size_t)(ue - u));
            }
        }
    }
    if (multi) {
        p->indicators[i].target_multi = v;
    } else {
        p->indicators[i].target_year = v;
    }
}

/* True when a list marker at s[i] starts an item of a result list. */
static bool
item_starts(const char *s, size_t i)
{
    size_t k = bullet_len(s + i);

    if (k == 0 || (s[i + k] != ' ' && s[i + k] != '\0')) {
        return false;
    }
    return i == 0 || s[i - 1] == ' ' || s[i - 1] == ';' || s[i - 1] == '\n';
}

/*
** Free-text intended results: "- 90 inicjatyw - 6000 beneficjentów
** ostatecznych" gives two targets; "4 akcje społeczne" one; "x" none.
*/
static void
results_from_text(struct reader *r, int line, const char *text, bool multi)
{
    const char *s = text;
    bool list = item_starts(s, 0);
    size_t i = 0, start = 0;

    if (s[0] == '\0' || strcmp(s, "x") == 0 || strcmp(s, "X") == 0 ||
        strcmp(s, "-") == 0 || r->indicators_over) {
        return;
    }
    for (;; i++) {
        bool cut =
            s[i] == '\0' || s[i] == ';' || (list && i > 0 && item_starts(s, i));

        if (!cut) {
            continue;
        }
        /* bounded by the item: "- - - - ..." stays linear */
        if (i > start && skip_bullets_to(s + start, s + i) < s + i) {
            const char *b = skip_bullets_to(s + start, s + i);
            char *item = plan_trim(r->a, b, (size_t)(s + i - b));
            size_t n = strlen(item);

            while (n > 0 && (item[n - 1] == ';' || item[n - 1] == ',' ||
                             item[n - 1] == '.')) {
                item[--n] = '\0';
            }
            if (n > 0) {
                result_item(r, line, item, text, multi);
            }
            if (r->indicators_over) {
                return;
            }
        }
        if (s[i] == '\0') {
            break;
        }
        start = s[i] == ';' ? i + 1 : i;
    }
}

/* ---------------------------------------------------------------- */
/* Table layout                                                      */

/* The role of a header cell; *src receives a source index. */
static enum role
role_of(struct reader *r, const char *text, int *src, int *y1, int *y2)
{
    const char *f = fold(r, text);
    int a = 0, b = 0;

    *src = -1;
    *y1 = *y2 = 0;
    if (f[0] == '\0') {
        return R_NONE;
    }
    if (strcmp(f, "lp") == 0 || str_starts(f, "lp ") || strcmp(f, "l p") == 0 ||
        strcmp(f, "nr") == 0) {
        return R_NUMBER;
    }
    if (has(f, "termin")) {
        return R_TERM;
    }
    if (str_starts(f, "realizator")) {
        return R_IMPL;
    }
    if (has(f, "kierunek interwencji") || str_starts(f, "kierunki")) {
        return R_TITLE;
    }
    if (has(f, "dzialanie w programie") ||
        strcmp(f, "dzialanie programu") == 0) {
        return R_ACTION;
    }
    if (has(f, "srodki wlasne") || strcmp(f, "wlasne") == 0 ||
        has(f, "srodki samorzadu")) {
        *src = SRC_OWN;
        return R_SOURCE;
    }
    if (has(f, "dotacj")) {
        *src = SRC_SUBSIDY;
        return R_SOURCE;
    }
    if (strcmp(f, "ue") == 0 || has(f, "srodki ue") || has(f, "unijne") ||
        strcmp(f, "efs") == 0) {
        *src = SRC_EU;
        return R_SOURCE;
    }
    if (strcmp(f, "inne") == 0 || str_starts(f, "inne zrodla") ||
        str_starts(f, "inne srodki")) {
        *src = SRC_OTHER;
        return R_SOURCE;
    }
    if (strcmp(f, "ogolna") == 0 || str_starts(f, "ogolem") ||
        has(f, "planowane srodki") || str_starts(f, "wartosc") ||
        str_starts(f, "kwota") || strcmp(f, "razem") == 0 ||
        str_starts(f, "budzet")) {
        return R_TOTAL;
    }
    if (str_starts(f, "wskaznik") || has(f, "nazwa wskaznika")) {
        return R_INDICATOR;
    }
    if (strcmp(f, "jednostka") == 0 || strcmp(f, "jednostka miary") == 0) {
        return R_UNIT;
    }
    if (str_starts(f, "plan ") || str_starts(f, "wartosc docelowa")) {
        a = two_years(f + strcspn(f, "0123456789"), &b);
        *y1 = a;
        if (b != 0) {
            *y2 = b;
            return R_TARGET_MULTI;
        }
        return R_TARGET_YEAR;
    }
    if (has(f, "rezultat")) {
        *y1 = two_years(f + strcspn(f, "0123456789"), &b);
        return R_RESULTS;
    }
    if (str_starts(f, "dzialani") || str_starts(f, "zadani") ||
        str_starts(f, "opis")) {
        return R_DESC;
    }
    return R_NONE;
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
            if (cell(w, 0)[0] != '\0' || row_has_number(w)) {
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

/*
** 'Program „X” na lata 2026–2028' under the title, as our export writes
** the programme of a plan whose title does not name it: true when read.
*/
static bool
read_programme_line(struct reader *r, const char *text)
{
    struct plan *p = r->p;
    const char *f = fold(r, text);
    const char *q1 = strstr(text, "\xE2\x80\x9E");                   /* „ */
    const char *q2 = q1 != NULL ? strstr(q1, "\xE2\x80\x9D") : NULL; /* ” */
    int y2 = 0, y;

    if (!str_starts(f, "program ") || q2 == NULL || q2 <= q1 + 3) {
        return false;
    }
    p->programme_title = arena_strndup(r->a, q1 + 3, (size_t)(q2 - q1 - 3));
    y = year_after(f, "na lata ", &y2);
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

        if (row_nonempty(w, &first, &last) == 0) {
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
        f = fold(r, w->cell[first]);
        if (has(f, "uchwal") || str_starts(f, "zalacznik") ||
            str_starts(f, "zarzadu") || str_starts(f, "sejmiku") ||
            str_starts(f, "z dnia")) {
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
    const char *f = fold(r, s);
    const char *q = s + 3;
    int lv;
    size_t n;

    if (!str_starts(f, "cel ")) {
        return false;
    }
    while (*q == ' ') {
        q++;
    }
    n = lead_code(r->a, q, &lv, code);
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

/* The label of a total row, or NULL. */
static bool
is_total_label(struct reader *r, const char *s)
{
    const char *f = fold(r, s);

    return str_starts(f, "laczna wartosc") || strcmp(f, "suma") == 0 ||
           strcmp(f, "razem") == 0 || strcmp(f, "ogolem") == 0 ||
           str_starts(f, "suma ogolem") || str_starts(f, "wartosc ogolem") ||
           str_starts(f, "razem plan");
}

static void
declared_add(struct reader *r, const char *label, int source, struct plan_num v,
             int line, const char *column)
{
    struct plan *p = r->p;
    struct plan_total *t;

    if (v.kind != PLAN_NUM_VALUE) {
        if (v.kind == PLAN_NUM_BAD) {
            bad_number(r, line, column, v.text);
        }
        return;
    }
    p->declared = plan_grow(r->a, p->declared, p->ndeclared, sizeof(*t));
    t = &p->declared[p->ndeclared++];
    if (label != NULL && label[0] != '\0' && label[strlen(label) - 1] == ':') {
        label = plan_trim(r->a, label, strlen(label) - 1);
    }
    t->label = label;
    t->source = source;
    t->grosze = v.v;
    t->row = line;
}

/* Figures of a total row in the money columns (or cols given). */
static bool
total_figures(struct reader *r, const struct row *w, const char *label,
              const int *src_col, int total_col)
{
    struct plan_num v;
    bool any = false;

    if (total_col >= 0 && cell(w, total_col)[0] != '\0') {
        plan_num_money(cell(w, total_col), &v);
        v.text = cell(w, total_col);
        declared_add(r, label, -1, v, w->line, r->p->col.total);
        any = true;
    }
    for (int s = 0; s < r->p->nsources; s++) {
        if (src_col[s] >= 0 && cell(w, src_col[s])[0] != '\0') {
            plan_num_money(cell(w, src_col[s]), &v);
            v.text = cell(w, src_col[s]);
            declared_add(r, label, s, v, w->line, r->p->col.source[s]);
            any = true;
        }
    }
    return any;
}

/* Row numbers listed after "wierszu"/"wierszach": "2-5 oraz 8, 11,10 i 18". */
static void
note_rows(struct reader *r, struct plan_note *n, const char *text)
{
    const char *s = strstr(text, "wiersz");
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
        if (str_starts(s, "i ")) {
            s += 2;
            continue;
        }
        if (str_starts(s, "oraz ")) {
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
    const char *f = fold(r, text);

    if (has(f, "dotacj") || has(f, "budzetu panstwa")) {
        return SRC_SUBSIDY;
    }
    if (has(f, "unii europejskiej") || has(f, " ue ") || has(f, "efs")) {
        return SRC_EU;
    }
    return SRC_OWN;
}

static void
text_add(struct reader *r, const char *heading, const char *text, int line)
{
    struct plan *p = r->p;
    struct plan_text *t;

    p->texts = plan_grow(r->a, p->texts, p->ntexts, sizeof(*t));
    t = &p->texts[p->ntexts++];
    t->heading = heading;
    t->text = text;
    t->row = line;
}

/* A row below the total: a funding note, an item of one, or a summary. */
static void
note_row(struct reader *r, const struct row *w, int *last_note)
{
    struct plan *p = r->p;
    int first, last, lv;
    const char *text, *f;
    struct plan_note *n;
    struct plan_num v = {PLAN_NUM_EMPTY, 0, NULL};
    char *code;

    row_nonempty(w, &first, &last);
    text = w->cell[first];
    if (last > first) {
        if (plan_num_money(w->cell[last], &v) != 0) {
            bad_number(r, w->line, NULL, w->cell[last]);
        }
        v.text = w->cell[last];
    } else if (plan_num_money(text, &v) == 0 && v.kind == PLAN_NUM_VALUE) {
        v.text = text;
        declared_add(r, "Suma kwot w uwagach", -1, v, w->line, NULL);
        return;
    }
    f = fold(r, text);
    if (lead_code(r->a, text, &lv, &code) > 0 &&
        (has(f, "wiersz") || has(f, "pozycj"))) {
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
    if (bullet_len(text) > 0 && *last_note >= 0) {
        p->notes = plan_grow(r->a, p->notes, p->nnotes, sizeof(*n));
        n = &p->notes[p->nnotes];
        memset(n, 0, sizeof(*n));
        n->label = arena_strndup(r->a, text, bullet_len(text));
        n->text = skip_bullets(text);
        n->amount = v;
        n->parent = *last_note;
        n->source = p->notes[*last_note].source;
        n->row = w->line;
        p->nnotes++;
        return;
    }
    if (v.kind == PLAN_NUM_VALUE) {
        if (str_starts(f, "srodki samorzadu") ||
            str_starts(f, "srodki wlasne")) {
            declared_add(r, text, SRC_OWN, v, w->line, NULL);
            return;
        }
        if (str_starts(f, "dotacja")) {
            declared_add(r, text, SRC_SUBSIDY, v, w->line, NULL);
            return;
        }
        if (str_starts(f, "srodki ue") || has(f, "unii europejskiej") ||
            str_starts(f, "dofinansowanie")) {
            declared_add(r, text, SRC_EU, v, w->line, NULL);
            return;
        }
        if (str_starts(f, "inne")) {
            declared_add(r, text, SRC_OTHER, v, w->line, NULL);
            return;
        }
        if (str_starts(f, "razem") || str_starts(f, "suma") ||
            str_starts(f, "ogolem")) {
            declared_add(r, text, -1, v, w->line, NULL);
            return;
        }
    }
    text_add(r, "Uwagi", text, w->line);
}

/* Give the lines listed by funding notes their source. */
static void
apply_notes(struct reader *r)
{
    struct plan *p = r->p;
    int *first = NULL, *next = NULL;

    if (p->nnotes > 0) {
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

                    if (ln->namounts > 0) {
                        plan_finding_add(
                            r->a, p, PLAN_WARNING, n->row, NULL,
                            "note_row_twice",
                            "Wiersz %d ma już źródło finansowania, a uwaga "
                            "%s przypisuje mu kolejne.",
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
                plan_finding_add(r->a, p, PLAN_WARNING, n->row, NULL,
                                 "note_row_unknown",
                                 "Uwaga %s wskazuje wiersz %d, którego nie "
                                 "ma w planie.",
                                 n->label, n->rows[k]);
            }
        }
    }
}

static void
cut_row_check(struct reader *r, const struct row *w)
{
    if (w->n < r->ncols) {
        plan_finding_add(r->a, r->p, PLAN_WARNING, w->line, NULL, "row_cut",
                         "Wiersz ma %d kolumn, a nagłówek %d; wiersz mógł "
                         "zostać ucięty.",
                         w->n, r->ncols);
    }
}

/* Does the row carry budget, term or implementers? */
static bool
row_has_line(struct reader *r, const struct row *w)
{
    if (cell(w, r->col[R_TERM])[0] != '\0' ||
        cell(w, r->col[R_IMPL])[0] != '\0' ||
        cell(w, r->col[R_TOTAL])[0] != '\0') {
        return true;
    }
    for (int s = 0; s < r->p->nsources; s++) {
        if (cell(w, r->src_col[s])[0] != '\0') {
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
        line_add(r, w, inherit_impl);
    }
    if (cell(w, r->col[R_INDICATOR])[0] != '\0') {
        indicator_from_row(r, w);
    } else if (cell(w, r->col[R_TARGET_YEAR])[0] != '\0' ||
               cell(w, r->col[R_TARGET_MULTI])[0] != '\0') {
        /* figures without a name: a target of the previous indicator */
        indicator_from_row(r, w);
    }
    if (cell(w, r->col[R_RESULTS])[0] != '\0') {
        results_from_text(r, w->line, cell(w, r->col[R_RESULTS]), false);
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
        const char *c0 = cell(w, ncol), *title;
        int first, last, nonempty = row_nonempty(w, &first, &last), lv;
        char *code;

        if (nonempty == 0) {
            continue;
        }
        if (nonempty == 1 && footnote_mark_len(w->cell[first]) > 0) {
            struct plan_footnote *fn;
            size_t k = footnote_mark_len(w->cell[first]);

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
            total_figures(r, w, total_label, tot_src, tot_total);
            total_label = NULL;
            after_total = true;
            continue;
        }
        if (after_total) {
            note_row(r, w, &last_note);
            continue;
        }
        if (is_total_label(r, w->cell[first])) {
            total_label = w->cell[first];
            if (row_has_number(w) &&
                total_figures(r, w, total_label, r->src_col, r->col[R_TOTAL])) {
                total_label = NULL;
                after_total = true;
            }
            continue;
        }
        if (goal_code(r, w->cell[first], &code, &title)) {
            if (title[0] == '\0') {
                title = cell(w, r->col[R_TITLE]);
            }
            goal_add(r, code, title, w->line);
            continue;
        }
        if (c0[0] != '\0' && lead_code(r->a, c0, &lv, &code) > 0 &&
            strlen(c0) == lead_code(r->a, c0, &lv, &code)) {
            if (!has_action && lv == 1) {
                goal_add(r, code, cell(w, r->col[R_TITLE]), w->line);
                continue;
            }
            if (!has_action) {
                const char *t = cell(w, r->col[R_TITLE]);

                cut_row_check(r, w);
                action_add(r, code, t, w->line);
                r->task = -1;
                if (row_has_line(r, w) ||
                    cell(w, r->col[R_INDICATOR])[0] != '\0') {
                    task_add(r, code, t, w->line);
                    task_content(r, w, false);
                }
                continue;
            }
            /* a numbered task under an action named in its own column */
            {
                const char *ac = cell(w, r->col[R_ACTION]);
                bool inherit = ac[0] == '\0';

                cut_row_check(r, w);
                if (!inherit) {
                    char *acode;
                    int alv;
                    size_t n = lead_code(r->a, ac, &alv, &acode);

                    if (n > 0) {
                        action_add(r, acode,
                                   plan_trim(r->a, ac + n, strlen(ac + n)),
                                   w->line);
                    } else {
                        action_add(r, arena_printf(r->a, "%d", p->nactions + 1),
                                   ac, w->line);
                    }
                }
                task_add(r, code, cell(w, r->col[R_DESC]), w->line);
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
                             "Wiersz nie należy do żadnego zadania: „%s”.",
                             w->cell[first]);
            continue;
        }
        plan_finding_add(
            r->a, p, PLAN_WARNING, w->line, p->col.number, "row_unrecognized",
            "Nie rozpoznano wiersza zaczynającego się od „%s”.", c0);
    }
    apply_notes(r);
}

/* ---------------------------------------------------------------- */
/* Line-oriented documents: a project card, a programme's goals      */

struct lines {
    char **text; /* trimmed */
    int *line;
    int n;
};

/* Non-blank lines, trimmed; ERR_INPUT past the row or cell limit. */
static int
split_lines(struct reader *r, const char *text, size_t len, struct lines *ls)
{
    const char *s = text, *end = text + len;
    int line = 0;

    memset(ls, 0, sizeof(*ls));
    while (s < end) {
        const char *e = memchr(s, '\n', (size_t)(end - s));
        const char *stop = e != NULL ? e : end;
        char *t;

        line++;
        if (!row_fits(r, line, 1)) {
            return ERR_INPUT;
        }
        t = keep_cell(r, line, 1, s, (size_t)(stop - s));
        if (t == NULL) {
            return ERR_INPUT;
        }
        s = stop + 1;
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

/* Text after "label:" in s, trimmed; NULL if s has no colon. */
static const char *
after_colon(struct reader *r, const char *s)
{
    const char *c = strchr(s, ':');

    return c == NULL ? NULL : plan_trim(r->a, c + 1, strlen(c + 1));
}

static void
project_money(struct reader *r, const char *s, int line, const char *label,
              int source)
{
    struct plan_num v;
    const char *val = after_colon(r, s);

    if (val == NULL) {
        return;
    }
    if (plan_num_money(val, &v) != 0 || v.kind != PLAN_NUM_VALUE) {
        bad_number(r, line, label, val);
        return;
    }
    v.text = val;
    declared_add(r, label, source, v, line, label);
}

static int
read_project(struct reader *r, const char *text, size_t len)
{
    struct plan *p = r->p;
    struct lines ls;
    enum { S_NONE, S_TASKS, S_GROUPS, S_GOAL, S_RESULTS } sec = S_NONE;
    int ordinal = 0;
    bool renumbered = false;

    p->kind = PLAN_PROJECT;
    p->format = "project";
    if (split_lines(r, text, len, &ls) != 0) {
        return ERR_INPUT;
    }
    for (int i = 0; i < ls.n; i++) {
        const char *t = ls.text[i], *f = fold(r, t);
        int line = ls.line[i], lv;
        char *code;
        size_t n;

        if (strcmp(f, "tytul projektu") == 0 && i + 1 < ls.n) {
            p->title = ls.text[++i];
            continue;
        }
        if (str_starts(f, "zadania i dzialania")) {
            sec = S_TASKS;
            continue;
        }
        if (str_starts(f, "grupa docelowa")) {
            sec = S_GROUPS;
            continue;
        }
        if (strcmp(f, "cel projektu") == 0) {
            sec = S_GOAL;
            continue;
        }
        if (str_starts(f, "glowne rezultaty") ||
            str_starts(f, "glownie rezultaty") || strcmp(f, "rezultaty") == 0) {
            sec = S_RESULTS;
            continue;
        }
        if (str_starts(f, "okres realizacji")) {
            struct plan_term term;
            const char *val = after_colon(r, t);

            sec = S_NONE;
            if (val != NULL && plan_term_parse(r->a, val, &term) == 0 &&
                term.kind == PLAN_TERM_RANGE) {
                p->programme_from = term.from_year;
                p->programme_to = term.to_year;
                p->period_from = arena_printf(
                    r->a, "%04d-%02d-%02d", term.from_year, term.from_month,
                    term.from_day ? term.from_day : 1);
                p->period_to =
                    arena_printf(r->a, "%04d-%02d-%02d", term.to_year,
                                 term.to_month, term.to_day ? term.to_day : 28);
            } else {
                plan_finding_add(r->a, p, PLAN_WARNING, line, NULL,
                                 "term_unreadable",
                                 "Nie rozpoznano okresu realizacji „%s”.",
                                 val != NULL ? val : t);
            }
            continue;
        }
        if (str_starts(f, "calkowita wartosc")) {
            sec = S_NONE;
            project_money(r, t, line, "Całkowita wartość projektu", -1);
            continue;
        }
        if (str_starts(f, "kwota dofinansowania") ||
            str_starts(f, "dofinansowanie")) {
            sec = S_NONE;
            project_money(r, t, line, "Kwota dofinansowania z UE", SRC_EU);
            continue;
        }
        if (t[0] == '#') {
            continue;
        }
        if (str_starts(f, "projekt wspolfinansowany")) {
            text_add(r, "Finansowanie", t, line);
            continue;
        }
        switch (sec) {
        case S_TASKS:
            n = lead_code(r->a, t, &lv, &code);
            if (n > 0 && lv == 1) {
                ordinal++;
                if (atoi(code) != ordinal) {
                    renumbered = true;
                }
                task_add(r, arena_printf(r->a, "%d", ordinal),
                         plan_trim(r->a, t + n, strlen(t + n)), line);
            } else {
                text_add(r,
                         r->task >= 0 ? p->tasks[r->task].description
                                      : "Zadania i działania",
                         skip_bullets(t), line);
            }
            break;
        case S_GROUPS:
            text_add(r, "Grupa docelowa", skip_bullets(t), line);
            break;
        case S_GOAL:
            if (p->ngoals == 0) {
                goal_add(r, "1", t, line);
            } else {
                text_add(r, "Cel projektu", t, line);
            }
            break;
        case S_RESULTS:
            r->task = -1;
            results_from_text(r, line, t, true);
            break;
        default:
            text_add(r, "", t, line);
        }
    }
    if (renumbered) {
        plan_finding_add(r->a, p, PLAN_INFO, 0, NULL, "tasks_renumbered",
                         "Numeracja zadań w dokumencie powtarza się; "
                         "zadaniom nadano kolejne numery 1–%d.",
                         ordinal);
    }
    if (p->title == NULL) {
        plan_finding_add(r->a, p, PLAN_WARNING, 0, NULL, "title_missing",
                         "Nie znaleziono tytułu projektu.");
    }
    return 0;
}

static int
read_programme(struct reader *r, const char *text, size_t len)
{
    struct plan *p = r->p;
    struct lines ls;
    const char *heading = "";

    p->kind = PLAN_PROGRAMME;
    p->format = "programme";
    if (split_lines(r, text, len, &ls) != 0) {
        return ERR_INPUT;
    }
    for (int i = 0; i < ls.n; i++) {
        const char *t = ls.text[i], *f = fold(r, t);
        const char *body = skip_bullets(t);
        bool bullet = body != t;
        int y2;

        if (strcmp(f, "wojewodztwo") == 0 || str_starts(f, "www ") ||
            strchr(t, '@') != NULL) {
            continue;
        }
        if (p->region != NULL && strcmp(f, fold(r, p->region)) == 0) {
            continue;
        }
        if (p->title == NULL && f[0] != '\0' && t[1] != '\0' && !bullet) {
            bool upper = true;

            for (const char *q = t; *q != '\0'; q++) {
                if (*q >= 'a' && *q <= 'z') {
                    upper = false;
                }
            }
            if (upper) {
                p->title = t;
                continue;
            }
        }
        if (has(f, "program") && has(f, "na lata")) {
            /* the heading beats the same title in a list of contents */
            if (!bullet || p->programme_title == NULL) {
                p->programme_title = body;
                p->programme_from = year_after(f, "na lata ", &y2);
                p->programme_to = y2;
            }
            if (!bullet) {
                heading = body;
            }
            continue;
        }
        if (has(f, "cel nadrzedny") || str_starts(fold(r, body), "cel ")) {
            const char *c = strchr(body, ':');
            char *g = arena_strdup(r->a, c != NULL ? c + 1 : body + 4);
            char *w = g, *o = g;
            char *code = NULL;

            for (; *w != '\0'; w++) { /* drop Markdown emphasis */
                if (*w != '*') {
                    *o++ = *w;
                }
            }
            *o = '\0';
            g = plan_trim(r->a, g, strlen(g));
            if (((g[0] >= 'A' && g[0] <= 'Z') ||
                 (g[0] >= '0' && g[0] <= '9')) &&
                (g[1] == '.' || g[1] == ')')) {
                code = arena_strndup(r->a, g, 1);
                g = plan_trim(r->a, g + 2, strlen(g + 2));
            } else {
                code = arena_printf(r->a, "%d", p->ngoals + 1);
            }
            goal_add(r, code, g, ls.line[i]);
            continue;
        }
        if (!bullet && t[strlen(t) - 1] == ':') {
            heading = arena_strndup(r->a, t, strlen(t) - 1);
            continue;
        }
        if (bullet) {
            text_add(r, heading, body, ls.line[i]);
        } else {
            heading = t;
        }
    }
    if (p->ngoals == 0) {
        plan_finding_add(r->a, p, PLAN_WARNING, 0, NULL, "goals_missing",
                         "Nie znaleziono celów programu.");
    }
    return 0;
}

/* ---------------------------------------------------------------- */

/* The table in r->rows: header, title above it, goals, tasks, totals. */
static int
read_sheet(struct reader *r)
{
    int start = read_header(r);

    if (start < 0) {
        return refuse(r, "table_not_found",
                      "Nie znaleziono nagłówka tabeli planu (wiersza z "
                      "kolumną „Lp.” i nazwami kolumn).");
    }
    read_preamble(r, start);
    read_table(r, start);
    if (r->p->ntasks == 0 && r->p->nactions == 0) {
        return refuse(r, "plan_empty",
                      "Tabela nie zawiera żadnego działania ani "
                      "zadania.");
    }
    return 0;
}

/* An XLSX workbook: its first worksheet's rows, then as CSV. */
static int
read_xlsx(struct reader *r, const char *data, size_t len, size_t budget)
{
    struct plan_xlsx_sheet sh;
    const char *why = NULL;
    struct buf head;
    int rc;

    if (plan_xlsx_read(r->a, data, len, budget, &sh, &why) != 0) {
        return refuse(r, "file_xlsx", why);
    }
    r->p->format = "xlsx";
    buf_init(&head);
    for (int i = 0; i < sh.nrows; i++) {
        char **cells;

        if (!row_fits(r, sh.rows[i].line, sh.ncols)) {
            buf_free(&head);
            return ERR_INPUT;
        }
        cells = arena_alloc(r->a, (size_t)(sh.ncols + 1) * sizeof(*cells));
        for (int c = 0; c < sh.ncols; c++) {
            const char *s = sh.rows[i].cell[c];

            /* plan_xlsx_read bounds the text of all cells together */
            cells[c] = keep_cell(r, sh.rows[i].line, c + 1, s, strlen(s));
            if (cells[c] == NULL) {
                buf_free(&head);
                return ERR_INPUT;
            }
            if (head.len < DETECT_BYTES && cells[c][0] != '\0') {
                buf_puts(&head, cells[c]);
                buf_putc(&head, ' ');
            }
        }
        add_row(r, sh.rows[i].line, cells, sh.ncols);
    }
    find_region(r, fold(r, head.data != NULL ? head.data : ""));
    buf_free(&head);
    if (sh.formulas_without_value > 0) {
        plan_finding_add(r->a, r->p, PLAN_WARNING, sh.first_formula_row, NULL,
                         "xlsx_formula_no_value",
                         "Formuły bez zapisanej wartości w arkuszu: %d "
                         "(pierwsza w wierszu %d); otwórz plik w Excelu lub "
                         "LibreOffice i zapisz go ponownie, aby je "
                         "przeliczyć.",
                         sh.formulas_without_value, sh.first_formula_row);
    }
    rc = read_sheet(r);
    if (rc != 0) {
        return rc;
    }
    plan_check(r->a, r->p);
    return 0;
}

const char *
plan_content_hash(struct arena *a, const char *data, size_t len)
{
    uint64_t h = 14695981039346656037ULL;
    size_t i;

    for (i = 0; i < len; i++) {
        h ^= (unsigned char)data[i];
        h *= 1099511628211ULL;
    }
    return arena_printf(a, "%016llx-%zu", (unsigned long long)h, len);
}

int
plan_read(struct arena *a, const char *name, const char *data, size_t len,
          size_t max_bytes, struct plan **out)
{
    struct reader rd;
    struct reader *r = &rd;
    char *text, *head;
    size_t tlen;
    int rc;

    memset(r, 0, sizeof(*r));
    r->a = a;
    r->p = plan_new(a, PLAN_YEARLY);
    r->p->name = name != NULL ? arena_strdup(a, name) : NULL;
    r->goal = r->action = r->task = r->top_ind = -1;
    r->p->content_hash = plan_content_hash(a, data, len);
    *out = r->p;
    if (max_bytes == 0) {
        max_bytes = PLAN_MAX_BYTES_DEFAULT;
    }
    if (len > max_bytes) {
        plan_finding_add(a, r->p, PLAN_ERROR, 0, NULL, "file_too_large",
                         "Plik ma %zu bajtów, a limit to %zu bajtów.", len,
                         max_bytes);
        return ERR_INPUT;
    }
    if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) {
        return read_xlsx(r, data, len, max_bytes * PLAN_XLSX_INFLATE_FACTOR);
    }
    rc = decode(r, data, len, &text, &tlen);
    if (rc != 0) {
        return rc;
    }
    head = fold(
        r, arena_strndup(a, text, tlen < DETECT_BYTES ? tlen : DETECT_BYTES));
    find_region(r, head);
    if (has(head, "tytul projektu") || has(head, "okres realizacji projektu") ||
        has(head, "calkowita wartosc projektu")) {
        rc = read_project(r, text, tlen);
    } else if (has(head, "cel nadrzedny") && memchr(text, '\t', tlen) == NULL) {
        rc = read_programme(r, text, tlen);
    } else {
        if (memchr(text, '\t', tlen) != NULL) {
            r->p->format = "tsv";
            rc = split_tsv(r, text, tlen);
        } else {
            r->p->format = "csv";
            rc = split_csv(r, text, tlen, csv_delimiter(r, text, tlen));
        }
        if (rc == 0) {
            rc = read_sheet(r);
        }
    }
    if (rc != 0) {
        return rc;
    }
    plan_check(a, r->p);
    return 0;
}

int
plan_read_file(struct arena *a, const char *path, size_t max_bytes,
               struct plan **out)
{
    const char *base = strrchr(path, '/');
    struct stat st;
    char *data;
    size_t got = 0;
    int fd;

    base = base != NULL ? base + 1 : path;
    if (max_bytes == 0) {
        max_bytes = PLAN_MAX_BYTES_DEFAULT;
    }
    *out = plan_new(a, PLAN_YEARLY);
    (*out)->name = arena_strdup(a, base);
    fd = open(path, O_RDONLY);
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        plan_finding_add(a, *out, PLAN_ERROR, 0, NULL, "file_unreadable",
                         "Nie można otworzyć pliku: %s.", strerror(errno));
        if (fd >= 0) {
            close(fd);
        }
        return ERR_IO;
    }
    if ((size_t)st.st_size > max_bytes) {
        plan_finding_add(a, *out, PLAN_ERROR, 0, NULL, "file_too_large",
                         "Plik ma %lld bajtów, a limit to %zu bajtów.",
                         (long long)st.st_size, max_bytes);
        close(fd);
        return ERR_INPUT;
    }
    data = arena_alloc(a, (size_t)st.st_size + 1);
    while (got < (size_t)st.st_size) {
        ssize_t k = read(fd, data + got, (size_t)st.st_size - got);

        if (k < 0 && errno == EINTR) {
            continue;
        }
        if (k <= 0) {
            break;
        }
        got += (size_t)k;
    }
    close(fd);
    if (got != (size_t)st.st_size) {
        plan_finding_add(a, *out, PLAN_ERROR, 0, NULL, "file_unreadable",
                         "Nie udało się odczytać całego pliku.");
        return ERR_IO;
    }
    return plan_read(a, base, data, got, max_bytes, out);
}
