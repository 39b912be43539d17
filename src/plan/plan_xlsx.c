/*
** XLSX for the plan reader: unzip with libzip (from memory, each part
** size-checked before and while it is inflated), parse the XML with expat
** (no external entities; expat's own guard stops entity expansion bombs)
** and turn the workbook's first worksheet into rows of text cells. It
** knows the package layout (_rels, workbook, shared strings, styles for
** percent formats) and the cell types; what the rows mean is the plan
** reader's job (plan_read_xlsx.c), so an XLSX and a CSV of the same table
** read the same.
*/
#include "plan_xlsx.h"

#include <limits.h>
#include <math.h> /* isfinite, a macro: no libm */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <zip.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "strings_pl.h"

/* ---------------------------------------------------------------- */
/* ZIP                                                               */

/* The bytes all parts of one workbook may still inflate to. */
struct budget {
    size_t left;
    bool spent; /* a part was refused for it */
};

/*
** Inflate the part named name (case-insensitive) into the arena, NUL
** added, and take its size from the budget. Returns 0, 1 when the part is
** absent, -1 when it is damaged, above PLAN_XLSX_MAX_PART or above what is
** left of the budget (then b->spent is set).
*/
static int
part_read(struct arena *a, zip_t *z, struct budget *b, const char *name,
          char **out, size_t *len)
{
    zip_int64_t idx = zip_name_locate(z, name, ZIP_FL_NOCASE);
    zip_stat_t st;
    zip_file_t *f;
    size_t cap, got = 0;
    char *data;

    if (idx < 0) {
        return 1;
    }
    zip_stat_init(&st);
    if (zip_stat_index(z, (zip_uint64_t)idx, 0, &st) != 0 ||
        !(st.valid & ZIP_STAT_SIZE)) {
        return -1;
    }
    /* the announced size is checked first; the read below holds it to it */
    if (st.size > b->left) {
        b->spent = true;
        return -1;
    }
    if (st.size > PLAN_XLSX_MAX_PART) {
        return -1;
    }
    f = zip_fopen_index(z, (zip_uint64_t)idx, 0);
    if (f == NULL) {
        return -1;
    }
    cap = (size_t)st.size;
    data = arena_alloc(a, cap + 1);
    for (;;) {
        /* one byte more than announced shows a lying header */
        zip_int64_t k = zip_fread(f, data + got, cap + 1 - got);

        if (k < 0) {
            zip_fclose(f);
            return -1;
        }
        if (k == 0) {
            break;
        }
        got += (size_t)k;
        if (got > cap) {
            zip_fclose(f);
            return -1;
        }
    }
    zip_fclose(f);
    data[got] = '\0';
    b->left -= got;
    *out = data;
    *len = got;
    return 0;
}

/* ---------------------------------------------------------------- */
/* XML                                                               */

static const char *
local(const char *name)
{
    const char *c = strrchr(name, ':');

    return c != NULL ? c + 1 : name;
}

/* The attribute whose local name is name, or NULL. */
static const char *
attr(const char **atts, const char *name)
{
    for (int i = 0; atts[i] != NULL; i += 2) {
        if (strcmp(local(atts[i]), name) == 0) {
            return atts[i + 1];
        }
    }
    return NULL;
}

/* Parse data with the handlers; 0, or -1 on broken XML or a stop. */
static int
xml_parse(const char *data, size_t len, void *ud, XML_StartElementHandler s,
          XML_EndElementHandler e, XML_CharacterDataHandler c)
{
    XML_Parser x;
    int rc = 0;

    if (len > INT_MAX) {
        return -1;
    }
    x = XML_ParserCreate(NULL);
    if (x == NULL) {
        return -1;
    }
    XML_SetUserData(x, ud);
    XML_SetElementHandler(x, s, e);
    if (c != NULL) {
        XML_SetCharacterDataHandler(x, c);
    }
    if (XML_Parse(x, data, (int)len, 1) != XML_STATUS_OK) {
        rc = -1;
    }
    XML_ParserFree(x);
    return rc;
}

/* ---- relationships ---- */

#define XLSX_MAX_RELS 10000

struct rel {
    const char *id, *type, *target;
};

struct rels {
    struct arena *a;
    struct rel *r;
    int n;
};

static void
rels_start(void *ud, const char *name, const char **atts)
{
    struct rels *rs = ud;
    struct rel *r;

    /* a package has a handful; more is only a way to spend memory */
    if (strcmp(local(name), "Relationship") != 0 || rs->n >= XLSX_MAX_RELS) {
        return;
    }
    rs->r = arena_grow(rs->a, rs->r, rs->n, sizeof(*rs->r));
    r = &rs->r[rs->n++];
    r->id = arena_strdup(rs->a, attr(atts, "Id") ? attr(atts, "Id") : "");
    r->type = arena_strdup(rs->a, attr(atts, "Type") ? attr(atts, "Type") : "");
    r->target =
        arena_strdup(rs->a, attr(atts, "Target") ? attr(atts, "Target") : "");
}

static void
no_end(void *ud, const char *name)
{
    (void)ud;
    (void)name;
}

static bool
ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);

    return n >= k && strcmp(s + n - k, tail) == 0;
}

/* Target of a relationship, as a path in the package (dir is "xl/"). */
static const char *
rel_path(struct arena *a, const char *dir, const char *target)
{
    if (target[0] == '/') {
        return target + 1;
    }
    return arena_printf(a, "%s%s", dir, target);
}

/* ---- workbook: the first sheet's relationship id ---- */

struct wb {
    struct arena *a;
    const char *first_rid;
};

static void
wb_start(void *ud, const char *name, const char **atts)
{
    struct wb *w = ud;
    const char *id;

    if (w->first_rid == NULL && strcmp(local(name), "sheet") == 0 &&
        (id = attr(atts, "id")) != NULL) {
        w->first_rid = arena_strdup(w->a, id);
    }
}

/* ---- shared strings ---- */

struct sst {
    struct arena *a;
    char **s;
    size_t *len; /* strlen of each, so a cell's cost is known at once */
    int n;
    bool over; /* beyond PLAN_XLSX_MAX_CELLS: refused */
    struct buf cur;
    int in_t, in_rph;
};

static void
sst_start(void *ud, const char *name, const char **atts)
{
    struct sst *x = ud;
    const char *l = local(name);

    (void)atts;
    if (strcmp(l, "si") == 0) {
        buf_reset(&x->cur);
    } else if (strcmp(l, "t") == 0) {
        x->in_t++;
    } else if (strcmp(l, "rPh") == 0) {
        x->in_rph++;
    }
}

static void
sst_end(void *ud, const char *name)
{
    struct sst *x = ud;
    const char *l = local(name);

    if (strcmp(l, "si") == 0) {
        if (x->n >= PLAN_XLSX_MAX_CELLS) {
            x->over = true; /* more texts than a sheet may have cells */
            return;
        }
        x->s = arena_grow(x->a, x->s, x->n, sizeof(*x->s));
        x->len = arena_grow(x->a, x->len, x->n, sizeof(*x->len));
        x->len[x->n] = x->cur.len;
        x->s[x->n++] =
            x->cur.len == 0 ? "" : arena_strndup(x->a, x->cur.data, x->cur.len);
    } else if (strcmp(l, "t") == 0 && x->in_t > 0) {
        x->in_t--;
    } else if (strcmp(l, "rPh") == 0 && x->in_rph > 0) {
        x->in_rph--;
    }
}

static void
sst_text(void *ud, const char *s, int len)
{
    struct sst *x = ud;

    if (x->in_t > 0 && x->in_rph == 0) {
        buf_append(&x->cur, s, (size_t)len);
    }
}

/* ---- styles: which cell formats show a percent ---- */

struct styles {
    struct arena *a;
    int in_xfs;
    int *xf_fmt; /* numFmtId of each cellXfs entry */
    int nxf;
    int *pct_ids; /* custom numFmtIds whose code has '%' */
    int npct;
};

static void
styles_start(void *ud, const char *name, const char **atts)
{
    struct styles *st = ud;
    const char *l = local(name), *v;

    if (strcmp(l, "cellXfs") == 0) {
        st->in_xfs = 1;
    } else if (strcmp(l, "xf") == 0 && st->in_xfs) {
        v = attr(atts, "numFmtId");
        st->xf_fmt = arena_grow(st->a, st->xf_fmt, st->nxf, sizeof(int));
        st->xf_fmt[st->nxf++] = v != NULL ? atoi(v) : 0;
    } else if (strcmp(l, "numFmt") == 0) {
        const char *code = attr(atts, "formatCode");

        v = attr(atts, "numFmtId");
        if (v != NULL && code != NULL && strchr(code, '%') != NULL) {
            st->pct_ids = arena_grow(st->a, st->pct_ids, st->npct, sizeof(int));
            st->pct_ids[st->npct++] = atoi(v);
        }
    }
}

static void
styles_end(void *ud, const char *name)
{
    struct styles *st = ud;

    if (strcmp(local(name), "cellXfs") == 0) {
        st->in_xfs = 0;
    }
}

static bool
style_is_percent(const struct styles *st, const char *s)
{
    long i;
    int id;

    if (s == NULL) {
        return false;
    }
    i = strtol(s, NULL, 10);
    if (i < 0 || i >= st->nxf) {
        return false;
    }
    id = st->xf_fmt[i];
    if (id == 9 || id == 10) {
        return true;
    }
    for (int k = 0; k < st->npct; k++) {
        if (st->pct_ids[k] == id) {
            return true;
        }
    }
    return false;
}

/* ---- the worksheet ---- */

struct xcell {
    int col;
    const char *text;
};

struct srow {
    int line;
    struct xcell *c;
    int n;
};

struct sheet {
    struct arena *a;
    const struct sst *sst;
    const struct styles *styles;
    bool failed;      /* a limit was hit: the parse stops */
    bool text_spent;  /* ... and it was text_left */
    size_t text_left; /* bytes the cells' text may still take */
    XML_Parser x;
    int in_data, in_row, in_cell;
    int row_line, col;
    /* the current cell */
    char type[16];
    bool percent, has_v, has_f, has_is;
    int in_v, in_f, in_is, in_t, in_rph;
    struct buf v, f, is;
    /* the current row's cells, sparse */
    struct xcell *cells;
    int ncells, capcells;
    /* finished rows */
    struct srow *rows;
    int nrows, width, formulas, first_formula_row;
};

/* Column index of a reference such as "B3", -1 if none. */
static int
ref_col(const char *r)
{
    int c = 0, k = 0;

    while (r[k] >= 'A' && r[k] <= 'Z' && k < 4) {
        c = c * 26 + (r[k] - 'A' + 1);
        k++;
    }
    if (k == 0 || k == 4) {
        return -1;
    }
    return c - 1;
}

static int
ref_row(const char *r)
{
    long v;
    char *end;

    if (r == NULL) {
        return -1;
    }
    v = strtol(r, &end, 10);
    if (*end != '\0' || v < 1 || v > 1048576) {
        return -1;
    }
    return (int)v;
}

/*
** A number as the reader wants it: "2500", "1234,5", "-3". Excel keeps
** binary doubles, and their shortest text may carry noise
** (0.30000000000000004); that is rounded to two decimals. A value with a
** real third decimal is left alone and the plan reader refuses it as money.
*/
static double
absd(double d)
{
    return d < 0 ? -d : d;
}

static const char *
num_text(struct arena *a, const char *v, bool percent)
{
    char *end, *s;
    double d;
    double cents;
    long long c;

    while (*v == ' ') {
        v++;
    }
    d = strtod(v, &end);
    if (end == v || *end != '\0' || !isfinite(d)) {
        return arena_strdup(a, v);
    }
    if (percent) {
        d *= 100.0;
    }
    if (absd(d) >= 1e13) {
        return arena_strdup(a, v);
    }
    cents = d * 100.0;
    c = (long long)(cents < 0 ? cents - 0.5 : cents + 0.5);
    if (absd(cents - (double)c) > 1e-6 * (absd(cents) > 1 ? absd(cents) : 1)) {
        s = arena_printf(a, "%.10g%s", d, percent ? " %" : "");
    } else if (c % 100 == 0) {
        s = arena_printf(a, "%lld%s", c / 100, percent ? " %" : "");
    } else {
        long long whole = llabs(c) / 100, frac = llabs(c) % 100;

        s = arena_printf(a, "%s%lld,%02lld%s", c < 0 ? "-" : "", whole, frac,
                         percent ? " %" : "");
        if (frac % 10 == 0) { /* "1234,50" -> "1234,5" as Excel shows it */
            char *p = strchr(s, ',');

            memmove(p + 2, p + 3, strlen(p + 3) + 1);
        }
    }
    for (char *p = s; *p != '\0'; p++) {
        if (*p == '.') {
            *p = ',';
        }
    }
    return s;
}

static void
sheet_fail(struct sheet *sh)
{
    if (!sh->failed) {
        sh->failed = true;
        XML_StopParser(sh->x, XML_FALSE);
    }
}

static void
sheet_start(void *ud, const char *name, const char **atts)
{
    struct sheet *sh = ud;
    const char *l = local(name), *v;

    if (sh->failed) {
        return;
    }
    if (strcmp(l, "sheetData") == 0) {
        sh->in_data = 1;
        return;
    }
    if (!sh->in_data) {
        return;
    }
    if (strcmp(l, "row") == 0) {
        int r = ref_row(attr(atts, "r"));

        sh->row_line = r > 0 ? r : sh->row_line + 1;
        sh->in_row = 1;
        sh->ncells = 0;
        sh->col = -1;
    } else if (strcmp(l, "c") == 0 && sh->in_row) {
        int c;

        v = attr(atts, "r");
        c = v != NULL ? ref_col(v) : -1;
        sh->col = c >= 0 ? c : sh->col + 1;
        v = attr(atts, "t");
        snprintf(sh->type, sizeof(sh->type), "%s", v != NULL ? v : "n");
        sh->percent = style_is_percent(sh->styles, attr(atts, "s"));
        sh->has_v = sh->has_f = sh->has_is = false;
        buf_reset(&sh->v);
        buf_reset(&sh->f);
        buf_reset(&sh->is);
        sh->in_cell = 1;
    } else if (sh->in_cell && strcmp(l, "v") == 0) {
        sh->in_v = 1;
        sh->has_v = true;
    } else if (sh->in_cell && strcmp(l, "f") == 0) {
        sh->in_f = 1;
        sh->has_f = true;
    } else if (sh->in_cell && strcmp(l, "is") == 0) {
        sh->in_is = 1;
        sh->has_is = true;
    } else if (sh->in_is && strcmp(l, "t") == 0) {
        sh->in_t++;
    } else if (sh->in_is && strcmp(l, "rPh") == 0) {
        sh->in_rph++;
    }
}

/* The cell's text; *n its length when known without strlen (else -1). */
static const char *
cell_text(struct sheet *sh, long *n)
{
    const char *v = sh->v.data != NULL ? sh->v.data : "";

    *n = -1;
    if (sh->has_v) {
        if (strcmp(sh->type, "s") == 0) {
            char *end;
            long i = strtol(v, &end, 10);

            if (end == v || *end != '\0' || i < 0 || i >= sh->sst->n) {
                return "";
            }
            *n = (long)sh->sst->len[i];
            return sh->sst->s[i];
        }
        if (strcmp(sh->type, "inlineStr") == 0 && sh->has_is) {
            return arena_strdup(sh->a, sh->is.data ? sh->is.data : "");
        }
        if (strcmp(sh->type, "n") == 0) {
            return num_text(sh->a, v, sh->percent);
        }
        return arena_strdup(sh->a, v); /* str, e (#REF!), b, d */
    }
    if (sh->has_is) {
        return arena_strdup(sh->a, sh->is.data ? sh->is.data : "");
    }
    if (sh->has_f) {
        /* no cached value: nothing is computed here; the reader sees
        ** the formula as text and reports it */
        sh->formulas++;
        if (sh->first_formula_row == 0) {
            sh->first_formula_row = sh->row_line;
        }
        return arena_printf(sh->a, "=%s", sh->f.data ? sh->f.data : "");
    }
    return "";
}

static void
sheet_end(void *ud, const char *name)
{
    struct sheet *sh = ud;
    const char *l = local(name);

    if (sh->failed) {
        return;
    }
    if (strcmp(l, "sheetData") == 0) {
        sh->in_data = 0;
    } else if (strcmp(l, "v") == 0) {
        sh->in_v = 0;
    } else if (strcmp(l, "f") == 0) {
        sh->in_f = 0;
    } else if (strcmp(l, "is") == 0) {
        sh->in_is = 0;
    } else if (strcmp(l, "t") == 0 && sh->in_t > 0) {
        sh->in_t--;
    } else if (strcmp(l, "rPh") == 0 && sh->in_rph > 0) {
        sh->in_rph--;
    } else if (strcmp(l, "c") == 0 && sh->in_cell) {
        long tn;
        const char *t = cell_text(sh, &tn);

        sh->in_cell = 0;
        if (t[0] == '\0' || sh->col >= PLAN_XLSX_MAX_COLS) {
            return;
        }
        /* a shared string is one copy here, but the reader copies it
        ** per cell: its length counts every time */
        if (tn < 0) {
            tn = (long)strlen(t);
        }
        if ((size_t)tn > sh->text_left) {
            sh->text_spent = true;
            sheet_fail(sh);
            return;
        }
        sh->text_left -= (size_t)tn;
        if (sh->ncells == sh->capcells) {
            int cap = sh->capcells ? sh->capcells * 2 : 16;

            sh->cells = arena_realloc(sh->a, sh->cells,
                                      (size_t)sh->capcells * sizeof(*sh->cells),
                                      (size_t)cap * sizeof(*sh->cells));
            sh->capcells = cap;
        }
        sh->cells[sh->ncells].col = sh->col;
        sh->cells[sh->ncells].text = t;
        sh->ncells++;
    } else if (strcmp(l, "row") == 0 && sh->in_row) {
        struct srow *r;

        sh->in_row = 0;
        if (sh->ncells == 0) {
            return;
        }
        for (int i = 0; i < sh->ncells; i++) {
            if (sh->cells[i].col + 1 > sh->width) {
                sh->width = sh->cells[i].col + 1;
            }
        }
        if ((int64_t)(sh->nrows + 1) * sh->width > PLAN_XLSX_MAX_CELLS) {
            sheet_fail(sh);
            return;
        }
        sh->rows = arena_grow(sh->a, sh->rows, sh->nrows, sizeof(*sh->rows));
        r = &sh->rows[sh->nrows++];
        r->line = sh->row_line;
        r->n = sh->ncells;
        r->c = arena_alloc(sh->a, (size_t)sh->ncells * sizeof(*r->c));
        memcpy(r->c, sh->cells, (size_t)sh->ncells * sizeof(*r->c));
    }
}

static void
sheet_text(void *ud, const char *s, int len)
{
    struct sheet *sh = ud;

    if (sh->failed || !sh->in_cell) {
        return;
    }
    if (sh->in_v) {
        buf_append(&sh->v, s, (size_t)len);
    } else if (sh->in_f) {
        buf_append(&sh->f, s, (size_t)len);
    } else if (sh->in_is && sh->in_t > 0 && sh->in_rph == 0) {
        buf_append(&sh->is, s, (size_t)len);
    }
}

static int
sheet_parse(struct sheet *sh, const char *data, size_t len)
{
    int rc;

    if (len > INT_MAX) {
        return -1;
    }
    sh->x = XML_ParserCreate(NULL);
    if (sh->x == NULL) {
        return -1;
    }
    XML_SetUserData(sh->x, sh);
    XML_SetElementHandler(sh->x, sheet_start, sheet_end);
    XML_SetCharacterDataHandler(sh->x, sheet_text);
    rc = XML_Parse(sh->x, data, (int)len, 1) == XML_STATUS_OK ? 0 : -1;
    XML_ParserFree(sh->x);
    sh->x = NULL;
    return sh->failed ? -2 : rc;
}

/* ---------------------------------------------------------------- */

static int
fail(const char **why, const char *msg)
{
    *why = msg;
    return ERR_INPUT;
}

/* Find the first worksheet, the shared strings and the styles parts. */
static void
find_parts(struct arena *a, zip_t *z, struct budget *b, const char **sheet,
           const char **sst, const char **styles)
{
    struct rels pr = {a, NULL, 0}, wr = {a, NULL, 0};
    struct wb w = {a, NULL};
    const char *book = "xl/workbook.xml", *dir = "xl/", *slash, *wrels;
    char *data;
    size_t len;

    *sheet = "xl/worksheets/sheet1.xml";
    *sst = "xl/sharedStrings.xml";
    *styles = "xl/styles.xml";
    if (part_read(a, z, b, "_rels/.rels", &data, &len) == 0 &&
        xml_parse(data, len, &pr, rels_start, no_end, NULL) == 0) {
        for (int i = 0; i < pr.n; i++) {
            if (ends_with(pr.r[i].type, "/officeDocument")) {
                book = rel_path(a, "", pr.r[i].target);
                break;
            }
        }
    }
    slash = strrchr(book, '/');
    dir =
        slash != NULL ? arena_strndup(a, book, (size_t)(slash - book + 1)) : "";
    wrels = arena_printf(a, "%s_rels/%s.rels", dir,
                         slash != NULL ? slash + 1 : book);
    if (part_read(a, z, b, book, &data, &len) == 0) {
        xml_parse(data, len, &w, wb_start, no_end, NULL);
    }
    if (part_read(a, z, b, wrels, &data, &len) != 0 ||
        xml_parse(data, len, &wr, rels_start, no_end, NULL) != 0) {
        return;
    }
    for (int i = 0; i < wr.n; i++) {
        const struct rel *r = &wr.r[i];

        if (w.first_rid != NULL && strcmp(r->id, w.first_rid) == 0) {
            *sheet = rel_path(a, dir, r->target);
        } else if (ends_with(r->type, "/sharedStrings")) {
            *sst = rel_path(a, dir, r->target);
        } else if (ends_with(r->type, "/styles")) {
            *styles = rel_path(a, dir, r->target);
        }
    }
}

int
plan_xlsx_read(struct arena *a, const char *data, size_t len, size_t budget,
               struct plan_xlsx_sheet *out, const char **why)
{
    struct budget b = {budget, false};
    zip_error_t ze;
    zip_source_t *src;
    zip_t *z;
    const char *sheet_name, *sst_name, *styles_name;
    struct sst sst;
    struct styles styles;
    struct sheet sh;
    char *part;
    size_t plen;
    int rc;

    memset(out, 0, sizeof(*out));
    memset(&sst, 0, sizeof(sst));
    memset(&styles, 0, sizeof(styles));
    memset(&sh, 0, sizeof(sh));
    zip_error_init(&ze);
    src = zip_source_buffer_create(data, len, 0, &ze);
    if (src == NULL) {
        zip_error_fini(&ze);
        return fail(why, T_PLAN_XLSX_CANNOT_OPEN);
    }
    z = zip_open_from_source(src, ZIP_RDONLY, &ze);
    zip_error_fini(&ze);
    if (z == NULL) {
        zip_source_free(src);
        return fail(why, T_PLAN_XLSX_NOT_ZIP);
    }
    find_parts(a, z, &b, &sheet_name, &sst_name, &styles_name);
    sst.a = a;
    buf_init(&sst.cur);
    rc = b.spent ? -1 : part_read(a, z, &b, sst_name, &part, &plen);
    if (rc < 0 || (rc == 0 && xml_parse(part, plen, &sst, sst_start, sst_end,
                                        sst_text) != 0)) {
        buf_free(&sst.cur);
        zip_discard(z);
        if (b.spent) {
            return fail(why, T_PLAN_XLSX_TOO_BIG);
        }
        return fail(why, T_PLAN_XLSX_NO_STRINGS);
    }
    buf_free(&sst.cur);
    if (sst.over) {
        zip_discard(z);
        return fail(why, T_PLAN_XLSX_TOO_LARGE);
    }
    styles.a = a;
    if (part_read(a, z, &b, styles_name, &part, &plen) == 0) {
        xml_parse(part, plen, &styles, styles_start, styles_end, NULL);
    }
    rc = b.spent ? -1 : part_read(a, z, &b, sheet_name, &part, &plen);
    zip_discard(z);
    if (b.spent) {
        return fail(why, T_PLAN_XLSX_TOO_BIG);
    }
    if (rc != 0) {
        return fail(why,
                    rc > 0 ? T_PLAN_XLSX_NO_SHEET : T_PLAN_XLSX_SHEET_BROKEN);
    }
    sh.a = a;
    sh.text_left = budget;
    sh.sst = &sst;
    sh.styles = &styles;
    buf_init(&sh.v);
    buf_init(&sh.f);
    buf_init(&sh.is);
    rc = sheet_parse(&sh, part, plen);
    buf_free(&sh.v);
    buf_free(&sh.f);
    buf_free(&sh.is);
    if (rc == -2 && sh.text_spent) {
        return fail(why, T_PLAN_XLSX_TEXT_TOO_BIG);
    }
    if (rc == -2) {
        return fail(why, T_PLAN_XLSX_TOO_LARGE);
    }
    if (rc != 0) {
        return fail(why, T_PLAN_XLSX_BAD_XML);
    }
    out->nrows = sh.nrows;
    out->ncols = sh.width;
    out->formulas_without_value = sh.formulas;
    out->first_formula_row = sh.first_formula_row;
    out->rows = arena_alloc(a, (size_t)(sh.nrows + 1) * sizeof(*out->rows));
    for (int i = 0; i < sh.nrows; i++) {
        struct plan_xlsx_row *r = &out->rows[i];

        r->line = sh.rows[i].line;
        r->cell = arena_alloc(a, (size_t)(sh.width + 1) * sizeof(char *));
        for (int c = 0; c < sh.width; c++) {
            r->cell[c] = "";
        }
        for (int k = 0; k < sh.rows[i].n; k++) {
            r->cell[sh.rows[i].c[k].col] = (char *)sh.rows[i].c[k].text;
        }
    }
    return 0;
}
