/*
** Office files for the plan reader: unzip with libzip (from memory, each
** part size-checked before and while it is inflated), parse the XML with
** expat (no external entities; expat's own guard stops entity expansion
** bombs), tell XLSX, ODS and DOCX apart and turn the table into rows of
** text cells through one grid that also copies merged cells to the rows
** they cover. The XLSX workbook is read here (package layout: _rels,
** workbook, shared strings, styles for percent formats, merged ranges);
** ODS is plan_ods.c's, DOCX plan_docx.c's. What the rows mean is the plan
** reader's job (plan_read_xlsx.c), so an XLSX and a CSV of the same table
** read the same.
*/
#include "plan_xlsx.h"
#include "plan_office.h"

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

/* ---------------------------------------------------------------- */
/* XML                                                               */

static int
xml_parse(const char *data, size_t len, void *ud, XML_StartElementHandler s,
          XML_EndElementHandler e, XML_CharacterDataHandler c)
{
    return office_xml(data, len, ud, s, e, c, NULL);
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
    if (strcmp(office_local(name), "Relationship") != 0 ||
        rs->n >= XLSX_MAX_RELS) {
        return;
    }
    rs->r = arena_grow(rs->a, rs->r, rs->n, sizeof(*rs->r));
    r = &rs->r[rs->n++];
    r->id = arena_strdup(
        rs->a, office_attr(atts, "Id") ? office_attr(atts, "Id") : "");
    r->type = arena_strdup(
        rs->a, office_attr(atts, "Type") ? office_attr(atts, "Type") : "");
    r->target = arena_strdup(
        rs->a, office_attr(atts, "Target") ? office_attr(atts, "Target") : "");
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

    if (w->first_rid == NULL && strcmp(office_local(name), "sheet") == 0 &&
        (id = office_attr(atts, "id")) != NULL) {
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
    const char *l = office_local(name);

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
    const char *l = office_local(name);

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
    const char *l = office_local(name), *v;

    if (strcmp(l, "cellXfs") == 0) {
        st->in_xfs = 1;
    } else if (strcmp(l, "xf") == 0 && st->in_xfs) {
        v = office_attr(atts, "numFmtId");
        st->xf_fmt = arena_grow(st->a, st->xf_fmt, st->nxf, sizeof(int));
        st->xf_fmt[st->nxf++] = v != NULL ? atoi(v) : 0;
    } else if (strcmp(l, "numFmt") == 0) {
        const char *code = office_attr(atts, "formatCode");

        v = office_attr(atts, "numFmtId");
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

    if (strcmp(office_local(name), "cellXfs") == 0) {
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

struct sheet {
    struct arena *a;
    const struct sst *sst;
    const struct styles *styles;
    struct office_grid g;
    bool failed; /* a limit was hit: the parse stops */
    XML_Parser x;
    int in_data, in_row, in_cell;
    int row_line, col;
    /* the current cell */
    char type[16];
    bool percent, has_v, has_f, has_is, is_formula;
    int in_v, in_f, in_is, in_t, in_rph;
    struct buf v, f, is;
    int formulas, first_formula_row;
};

/* Column index of a reference such as "B3", -1 if none; *end after it. */
static int
ref_col_end(const char *r, const char **end)
{
    int c = 0, k = 0;

    while (r[k] >= 'A' && r[k] <= 'Z' && k < 4) {
        c = c * 26 + (r[k] - 'A' + 1);
        k++;
    }
    *end = r + k;
    if (k == 0 || k == 4) {
        return -1;
    }
    return c - 1;
}

static int
ref_col(const char *r)
{
    const char *end;

    return ref_col_end(r, &end);
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
    if (*end != '\0' || v < 1 || v > OFFICE_MAX_LINE) {
        return -1;
    }
    return (int)v;
}

/* "C4:C7" into a merged range of the grid; other text is ignored. */
static bool
merge_ref(struct office_grid *g, const char *ref)
{
    const char *colon = ref != NULL ? strchr(ref, ':') : NULL, *e1, *e2;
    char first[16];
    int c1, c2, r1, r2;

    if (colon == NULL || colon - ref >= (long)sizeof(first)) {
        return true;
    }
    memcpy(first, ref, (size_t)(colon - ref));
    first[colon - ref] = '\0';
    c1 = ref_col_end(first, &e1);
    c2 = ref_col_end(colon + 1, &e2);
    r1 = ref_row(e1);
    r2 = ref_row(e2);
    if (c1 < 0 || c2 < 0 || r1 < 0 || r2 < 0) {
        return true;
    }
    return office_grid_merge(g, r1, c1, r2, c2);
}

static void
sheet_fail(struct sheet *sh)
{
    office_stop(&sh->failed, sh->x);
}

static void
sheet_start(void *ud, const char *name, const char **atts)
{
    struct sheet *sh = ud;
    const char *l = office_local(name), *v;

    if (sh->failed) {
        return;
    }
    if (strcmp(l, "sheetData") == 0) {
        sh->in_data = 1;
        return;
    }
    if (strcmp(l, "mergeCell") == 0) {
        if (!merge_ref(&sh->g, office_attr(atts, "ref"))) {
            sheet_fail(sh);
        }
        return;
    }
    if (!sh->in_data) {
        return;
    }
    if (strcmp(l, "row") == 0) {
        int r = ref_row(office_attr(atts, "r"));

        sh->row_line = r > 0 ? r : sh->row_line + 1;
        sh->in_row = 1;
        sh->col = -1;
    } else if (strcmp(l, "c") == 0 && sh->in_row) {
        int c;

        v = office_attr(atts, "r");
        c = v != NULL ? ref_col(v) : -1;
        sh->col = c >= 0 ? c : sh->col + 1;
        v = office_attr(atts, "t");
        snprintf(sh->type, sizeof(sh->type), "%s", v != NULL ? v : "n");
        sh->percent = style_is_percent(sh->styles, office_attr(atts, "s"));
        sh->has_v = sh->has_f = sh->has_is = sh->is_formula = false;
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
            return office_num_text(sh->a, v, sh->percent);
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
        sh->is_formula = true;
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
    const char *l = office_local(name);

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
        if (t[0] != '\0' &&
            !office_grid_cell(&sh->g, sh->col, t, tn,
                              sh->is_formula ? PLAN_CELL_FORMULA : 0)) {
            sheet_fail(sh);
        }
    } else if (strcmp(l, "row") == 0 && sh->in_row) {
        sh->in_row = 0;
        if (!office_grid_row(&sh->g, sh->row_line)) {
            sheet_fail(sh);
        }
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

/* ---------------------------------------------------------------- */
/* The grid every office reader fills                                */

/* ---------------------------------------------------------------- */

static int
fail(const char **why, const char *msg)
{
    *why = msg;
    return ERR_INPUT;
}

/* Find the first worksheet, the shared strings and the styles parts. */
static void
find_parts(struct arena *a, zip_t *z, struct office_budget *b,
           const char **sheet, const char **sst, const char **styles)
{
    struct rels pr = {a, NULL, 0}, wr = {a, NULL, 0};
    struct wb w = {a, NULL};
    const char *book = "xl/workbook.xml", *dir = "xl/", *slash, *wrels;
    char *data;
    size_t len;

    *sheet = "xl/worksheets/sheet1.xml";
    *sst = "xl/sharedStrings.xml";
    *styles = "xl/styles.xml";
    if (office_part(a, z, b, "_rels/.rels", &data, &len) == 0 &&
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
    if (office_part(a, z, b, book, &data, &len) == 0) {
        xml_parse(data, len, &w, wb_start, no_end, NULL);
    }
    if (office_part(a, z, b, wrels, &data, &len) != 0 ||
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

/* The first worksheet of an XLSX workbook. */
static int
xlsx_read(struct arena *a, zip_t *z, struct office_budget *b,
          struct plan_xlsx_sheet *out, const char **why)
{
    size_t budget = b->left;
    const char *sheet_name, *sst_name, *styles_name;
    struct sst sst;
    struct styles styles;
    struct sheet sh;
    char *part;
    size_t plen;
    int rc;

    memset(&sst, 0, sizeof(sst));
    memset(&styles, 0, sizeof(styles));
    memset(&sh, 0, sizeof(sh));
    find_parts(a, z, b, &sheet_name, &sst_name, &styles_name);
    if (b->spent) {
        return office_part_why(a, why, "XLSX", "xl/workbook.xml", -2, budget);
    }
    sst.a = a;
    buf_init(&sst.cur);
    rc = office_part(a, z, b, sst_name, &part, &plen);
    if (rc < 0 || (rc == 0 && xml_parse(part, plen, &sst, sst_start, sst_end,
                                        sst_text) != 0)) {
        buf_free(&sst.cur);
        if (rc == -2) {
            return office_part_why(a, why, "XLSX", sst_name, rc, budget);
        }
        return fail(why, T_PLAN_XLSX_NO_STRINGS);
    }
    buf_free(&sst.cur);
    if (sst.over) {
        return fail(why, arena_printf(a, T_PLAN_OFFICE_TOO_LARGE, "XLSX",
                                      PLAN_XLSX_MAX_CELLS, OFFICE_MAX_MERGES));
    }
    styles.a = a;
    rc = office_part(a, z, b, styles_name, &part, &plen);
    if (rc == 0) {
        xml_parse(part, plen, &styles, styles_start, styles_end, NULL);
    } else if (rc == -2) {
        return office_part_why(a, why, "XLSX", styles_name, rc, budget);
    }
    rc = office_part(a, z, b, sheet_name, &part, &plen);
    if (rc > 0 && zip_name_locate(z, "xl/workbook.xml", ZIP_FL_NOCASE) < 0) {
        return fail(why, T_PLAN_ZIP_UNKNOWN);
    }
    if (rc != 0) {
        return office_part_why(a, why, "XLSX", sheet_name, rc, budget);
    }
    sh.a = a;
    office_grid_init(&sh.g, a, budget);
    sh.sst = &sst;
    sh.styles = &styles;
    buf_init(&sh.v);
    buf_init(&sh.f);
    buf_init(&sh.is);
    rc = office_xml(part, plen, &sh, sheet_start, sheet_end, sheet_text, &sh.x);
    buf_free(&sh.v);
    buf_free(&sh.f);
    buf_free(&sh.is);
    if (rc != 0 || sh.failed || !office_grid_finish(&sh.g, out)) {
        return office_grid_why(a, why, "XLSX", sheet_name, &sh.g, budget);
    }
    out->formulas_without_value = sh.formulas;
    out->first_formula_row = sh.first_formula_row;
    return 0;
}

/* Is the ZIP's "mimetype" (an OpenDocument package) this type? */
static bool
odf_type(struct arena *a, zip_t *z, struct office_budget *b, const char *type)
{
    char *data;
    size_t len;

    return office_part(a, z, b, "mimetype", &data, &len) == 0 &&
           strstr(data, type) != NULL;
}

int
plan_xlsx_read(struct arena *a, const char *data, size_t len, size_t budget,
               struct plan_xlsx_sheet *out, const char **why)
{
    struct office_budget b = {budget, false};
    zip_error_t ze;
    zip_source_t *src;
    zip_t *z;
    int rc;

    memset(out, 0, sizeof(*out));
    out->format = "xlsx";
    zip_error_init(&ze);
    src = zip_source_buffer_create(data, len, 0, &ze);
    if (src == NULL) {
        zip_error_fini(&ze);
        return fail(why, T_PLAN_ZIP_CANNOT_OPEN);
    }
    z = zip_open_from_source(src, ZIP_RDONLY, &ze);
    zip_error_fini(&ze);
    if (z == NULL) {
        zip_source_free(src);
        return fail(why, T_PLAN_ZIP_NOT_ZIP);
    }
    if (zip_name_locate(z, "word/document.xml", ZIP_FL_NOCASE) >= 0) {
        out->format = "docx";
        rc = plan_docx_read(a, z, &b, out, why);
    } else if (zip_name_locate(z, "content.xml", 0) >= 0 &&
               odf_type(a, z, &b, "spreadsheet")) {
        out->format = "ods";
        rc = plan_ods_read(a, z, &b, out, why);
    } else if (zip_name_locate(z, "content.xml", 0) >= 0) {
        rc = fail(why, T_PLAN_ZIP_UNKNOWN);
    } else {
        rc = xlsx_read(a, z, &b, out, why);
    }
    zip_discard(z);
    return rc;
}
