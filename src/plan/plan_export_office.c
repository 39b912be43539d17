/*
** Exporting a plan as ODS (LibreOffice Calc) and DOCX (Word) in the
** document's layout, from the same cells as the CSV and XLSX
** (plan_grid.h), so that an official can edit the file in the program
** they use and import it back: plan_read() reads either into the same
** plan. ODS: one sheet, money as numbers with their Polish text, the
** total row's sums as formulas with their values, the header's merged
** cells. DOCX: the lines above the header as paragraphs (title,
** resolution), the rest as one table with the header's merged cells
** (gridSpan, vMerge). Text cells are strings in both (no formula can be
** made of them). The ZIP is written by libzip to a private temporary
** file (core/tmpfile.h) and read back.
*/
#include "plan_export_office.h"

#include <stdbool.h>
#include <string.h>

#include <zip.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/log.h"
#include "core/str.h"
#include "core/tmpfile.h"
#include "plan_grid.h"

/* XML text: escaped, and the control characters XML 1.0 forbids left out. */
static void
xml_text(struct buf *b, const char *s)
{
    for (; s != NULL && *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;

        switch (c) {
        case '&':
            buf_puts(b, "&amp;");
            break;
        case '<':
            buf_puts(b, "&lt;");
            break;
        case '>':
            buf_puts(b, "&gt;");
            break;
        case '"':
            buf_puts(b, "&quot;");
            break;
        default:
            if (c >= 0x20 || c == '\t' || c == '\n') {
                buf_putc(b, (char)c);
            }
        }
    }
}

/* The text a cell shows ("112 000,00", "1 200", a text), or "". */
static const char *
shown(struct arena *a, const struct gcell *x)
{
    switch (x->kind) {
    case G_TEXT:
        return x->text != NULL ? x->text : "";
    case G_MONEY:
    case G_FORMULA:
        return str_money(a, x->v);
    case G_COUNT:
        return str_thousands(a, x->v);
    case G_EMPTY:
        break;
    }
    return "";
}

/* The merge whose top left cell is (r, c), or -1. */
static int
merge_at(const struct grid *g, int r, int c)
{
    for (int k = 0; k < g->nmerges; k++) {
        if (g->merge[k][0] == r && g->merge[k][1] == c) {
            return k;
        }
    }
    return -1;
}

/* The merge covering (r, c) other than at its top left cell, or -1. */
static int
merge_covering(const struct grid *g, int r, int c)
{
    for (int k = 0; k < g->nmerges; k++) {
        const int *m = g->merge[k];

        if (r >= m[0] && r <= m[2] && c >= m[1] && c <= m[3] &&
            (r != m[0] || c != m[1])) {
            return k;
        }
    }
    return -1;
}

/* ---------------------------------------------------------------- */
/* ODS                                                               */

#define ODS_NS                                                                 \
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "       \
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "         \
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "           \
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "         \
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1."    \
    "0\" "                                                                     \
    "xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\" "    \
    "xmlns:of=\"urn:oasis:names:tc:opendocument:xmlns:of:1.2\" "               \
    "office:version=\"1.2\""

/* "=SUM(D8:D40)" as OpenFormula: "of:=SUM([.D8:.D40])". */
static void
ods_formula(struct buf *b, const char *f)
{
    buf_puts(b, "of:=");
    f += *f == '=';
    while (*f != '\0') {
        size_t n = strspn(f, "ABCDEFGHIJKLMNOPQRSTUVWXYZ$");

        if (n > 0 && f[n] >= '0' && f[n] <= '9') {
            size_t d = strspn(f + n, "0123456789");

            buf_puts(b, "[.");
            buf_append(b, f, n + d);
            f += n + d;
            if (*f == ':') {
                size_t n2 = strspn(f + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ$");
                size_t d2 = strspn(f + 1 + n2, "0123456789");

                buf_puts(b, ":.");
                buf_append(b, f + 1, n2 + d2);
                f += 1 + n2 + d2;
            }
            buf_putc(b, ']');
            continue;
        }
        if (n == 0) {
            n = 1;
        }
        for (size_t i = 0; i < n; i++) {
            char c = f[i];

            if (c == '&' || c == '<' || c == '>' || c == '"') {
                buf_puts(b, c == '&'   ? "&amp;"
                            : c == '<' ? "&lt;"
                            : c == '>' ? "&gt;"
                                       : "&quot;");
            } else {
                buf_putc(b, c);
            }
        }
        f += n;
    }
}

static void
ods_cell(struct buf *b, struct arena *a, const struct grid *g, int r, int c)
{
    const struct gcell *x = &g->row[r][c];
    const char *text = shown(a, x);
    int k = merge_at(g, r, c);

    if (merge_covering(g, r, c) >= 0) {
        buf_puts(b, "<table:covered-table-cell/>");
        return;
    }
    buf_puts(b, "<table:table-cell");
    if (k >= 0) {
        buf_printf(b,
                   " table:number-columns-spanned=\"%d\""
                   " table:number-rows-spanned=\"%d\"",
                   g->merge[k][3] - g->merge[k][1] + 1,
                   g->merge[k][2] - g->merge[k][0] + 1);
    }
    if (x->kind == G_FORMULA) {
        buf_puts(b, " table:formula=\"");
        ods_formula(b, x->text != NULL ? x->text : "");
        buf_putc(b, '"');
    }
    if (x->kind == G_MONEY || x->kind == G_FORMULA) {
        buf_printf(b,
                   " office:value-type=\"float\" office:value=\"%s%lld.%02lld\""
                   " table:style-name=\"money\"",
                   x->v < 0 ? "-" : "",
                   (long long)(x->v < 0 ? -x->v : x->v) / 100,
                   (long long)(x->v < 0 ? -x->v : x->v) % 100);
    } else if (x->kind == G_COUNT) {
        buf_printf(b,
                   " office:value-type=\"float\" office:value=\"%lld\""
                   " table:style-name=\"count\"",
                   (long long)x->v);
    } else if (text[0] != '\0') {
        buf_puts(b, " office:value-type=\"string\"");
    }
    if (text[0] == '\0') {
        buf_puts(b, "/>");
        return;
    }
    buf_putc(b, '>');
    /* one paragraph per line of the text */
    for (const char *s = text;;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl != NULL ? (size_t)(nl - s) : strlen(s);

        buf_puts(b, "<text:p>");
        xml_text(b, arena_strndup(a, s, n));
        buf_puts(b, "</text:p>");
        if (nl == NULL) {
            break;
        }
        s = nl + 1;
    }
    buf_puts(b, "</table:table-cell>");
}

static void
ods_content(struct buf *b, struct arena *a, const struct grid *g)
{
    buf_puts(b,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<office:document-content " ODS_NS ">"
             "<office:automatic-styles>"
             "<number:number-style style:name=\"N2\">"
             "<number:number number:decimal-places=\"2\" "
             "number:min-decimal-places=\"2\" number:min-integer-digits=\"1\""
             " number:grouping=\"true\"/></number:number-style>"
             "<number:number-style style:name=\"N0\">"
             "<number:number number:decimal-places=\"0\" "
             "number:min-integer-digits=\"1\" number:grouping=\"true\"/>"
             "</number:number-style>"
             "<style:style style:name=\"money\" style:family=\"table-cell\""
             " style:data-style-name=\"N2\"/>"
             "<style:style style:name=\"count\" style:family=\"table-cell\""
             " style:data-style-name=\"N0\"/>");
    for (int c = 0; c < g->ncols && c < 32; c++) {
        buf_printf(b,
                   "<style:style style:name=\"co%d\" "
                   "style:family=\"table-column\"><style:table-column-"
                   "properties style:column-width=\"%.2fcm\"/></style:style>",
                   c, g->width[c] > 0 ? g->width[c] * 0.2 : 2.5);
    }
    buf_puts(b, "</office:automatic-styles><office:body><office:spreadsheet>"
                "<table:table table:name=\"Plan\">");
    for (int c = 0; c < g->ncols; c++) {
        buf_printf(b, "<table:table-column table:style-name=\"co%d\"/>",
                   c < 32 ? c : 31);
    }
    for (int r = 0; r < g->nrows; r++) {
        buf_puts(b, "<table:table-row>");
        for (int c = 0; c < g->ncols; c++) {
            ods_cell(b, a, g, r, c);
        }
        buf_puts(b, "</table:table-row>");
    }
    buf_puts(b, "</table:table></office:spreadsheet></office:body>"
                "</office:document-content>\n");
}

/* ---------------------------------------------------------------- */
/* DOCX                                                              */

#define W_NS                                                                   \
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

/* Paragraphs of text, one per line, in the runs Word writes. */
static void
docx_paragraphs(struct buf *b, struct arena *a, const char *text, bool bold)
{
    for (const char *s = text;;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl != NULL ? (size_t)(nl - s) : strlen(s);

        buf_puts(b, "<w:p>");
        if (n > 0) {
            buf_puts(b, bold ? "<w:r><w:rPr><w:b/></w:rPr>" : "<w:r>");
            buf_puts(b, "<w:t xml:space=\"preserve\">");
            xml_text(b, arena_strndup(a, s, n));
            buf_puts(b, "</w:t></w:r>");
        }
        buf_puts(b, "</w:p>");
        if (nl == NULL) {
            break;
        }
        s = nl + 1;
    }
}

/* The row where the table starts: the first header row; g->nrows for a
** document of lines (a project card, a programme's goals). */
static int
table_start(const struct grid *g)
{
    for (int r = 0; r < g->nrows; r++) {
        for (int c = 0; c < g->ncols; c++) {
            if (g->row[r][c].style == S_HEAD) {
                return r;
            }
        }
    }
    return g->nrows;
}

static void
docx_cell(struct buf *b, struct arena *a, const struct grid *g, int r, int c)
{
    const struct gcell *x = &g->row[r][c];
    int k = merge_at(g, r, c), cover = merge_covering(g, r, c);
    int span = 1;

    buf_puts(b, "<w:tc><w:tcPr>");
    if (k >= 0) {
        span = g->merge[k][3] - g->merge[k][1] + 1;
        if (g->merge[k][2] > g->merge[k][0]) {
            buf_puts(b, "<w:vMerge w:val=\"restart\"/>");
        }
    } else if (cover >= 0) {
        /* the first column of a merge in a row below its top: continued */
        span = g->merge[cover][3] - g->merge[cover][1] + 1;
        buf_puts(b, "<w:vMerge/>");
    }
    if (span > 1) {
        buf_printf(b, "<w:gridSpan w:val=\"%d\"/>", span);
    }
    buf_puts(b, "</w:tcPr>");
    docx_paragraphs(b, a, cover >= 0 ? "" : shown(a, x),
                    x->style == S_HEAD || x->style == S_GOAL ||
                        x->style == S_TOTAL_LABEL);
    buf_puts(b, "</w:tc>");
}

static void
docx_document(struct buf *b, struct arena *a, const struct grid *g)
{
    int start = table_start(g);
    double sum = 0;

    buf_puts(b,
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
             "<w:document " W_NS "><w:body>");
    for (int r = 0; r < start; r++) {
        docx_paragraphs(b, a, shown(a, &g->row[r][0]),
                        g->row[r][0].style == S_TITLE);
    }
    if (start == g->nrows) {
        buf_puts(b, "<w:sectPr/></w:body></w:document>\n");
        return;
    }
    buf_puts(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
                "<w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>"
                "<w:top w:val=\"single\" w:sz=\"4\"/>"
                "<w:left w:val=\"single\" w:sz=\"4\"/>"
                "<w:bottom w:val=\"single\" w:sz=\"4\"/>"
                "<w:right w:val=\"single\" w:sz=\"4\"/>"
                "<w:insideH w:val=\"single\" w:sz=\"4\"/>"
                "<w:insideV w:val=\"single\" w:sz=\"4\"/>"
                "</w:tblBorders></w:tblPr><w:tblGrid>");
    for (int c = 0; c < g->ncols; c++) {
        sum += c < 32 && g->width[c] > 0 ? g->width[c] : 12;
    }
    for (int c = 0; c < g->ncols; c++) {
        double w = c < 32 && g->width[c] > 0 ? g->width[c] : 12;

        /* the page's width between the margins, shared as in the sheet */
        buf_printf(b, "<w:gridCol w:w=\"%d\"/>", (int)(w / sum * 15398));
    }
    buf_puts(b, "</w:tblGrid>");
    for (int r = start; r < g->nrows; r++) {
        buf_puts(b, "<w:tr>");
        for (int c = 0; c < g->ncols; c++) {
            int k = merge_covering(g, r, c);

            /* cells a merge covers to the right of its first column are
            ** in its gridSpan */
            if (k >= 0 && c > g->merge[k][1]) {
                continue;
            }
            docx_cell(b, a, g, r, c);
        }
        buf_puts(b, "</w:tr>");
    }
    /* landscape A4: a plan's table is wide */
    buf_puts(b, "</w:tbl><w:p/><w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\""
                " w:orient=\"landscape\"/><w:pgMar w:top=\"720\" "
                "w:right=\"720\" w:bottom=\"720\" w:left=\"720\"/>"
                "</w:sectPr></w:body></w:document>\n");
}

/* ---------------------------------------------------------------- */
/* The package                                                       */

struct part {
    const char *name;
    struct buf data;
    bool stored; /* not compressed (an ODS's mimetype) */
};

struct office_job {
    struct part *parts;
    int nparts;
};

static int
zip_writer(void *ctx, const char *path)
{
    const struct office_job *job = ctx;
    int err = 0;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);

    if (z == NULL) {
        log_error("plan export: cannot create %s (libzip error %d)", path, err);
        return ERR_IO;
    }
    for (int i = 0; i < job->nparts; i++) {
        const struct part *p = &job->parts[i];
        zip_source_t *src = zip_source_buffer(z, p->data.data, p->data.len, 0);
        zip_int64_t idx;

        if (src == NULL) {
            zip_discard(z);
            return ERR_IO;
        }
        idx = zip_file_add(z, p->name, src, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(src);
            zip_discard(z);
            return ERR_IO;
        }
        if (p->stored) {
            zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
        }
    }
    if (zip_close(z) != 0) {
        log_error("plan export: cannot write %s: %s", path, zip_strerror(z));
        zip_discard(z);
        return ERR_IO;
    }
    return 0;
}

static int
write_package(struct arena *a, struct part *parts, int n, struct buf *out)
{
    struct office_job job = {parts, n};
    int rc = tmpfile_bytes(a, "export", zip_writer, &job, out);

    for (int i = 0; i < n; i++) {
        buf_free(&parts[i].data);
    }
    return rc;
}

int
plan_export_ods_buf(struct arena *a, const struct plan *p, struct buf *out)
{
    struct part parts[3] = {
        {"mimetype", {0}, true},
        {"META-INF/manifest.xml", {0}, false},
        {"content.xml", {0}, false},
    };
    struct grid g;

    plan_export_grid(a, p, &g);
    for (int i = 0; i < 3; i++) {
        buf_init(&parts[i].data);
    }
    buf_puts(&parts[0].data, "application/vnd.oasis.opendocument.spreadsheet");
    buf_puts(&parts[1].data,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
             "opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
             "<manifest:file-entry manifest:full-path=\"/\" "
             "manifest:version=\"1.2\" manifest:media-type=\"application/"
             "vnd.oasis.opendocument.spreadsheet\"/>"
             "<manifest:file-entry manifest:full-path=\"content.xml\" "
             "manifest:media-type=\"text/xml\"/></manifest:manifest>\n");
    ods_content(&parts[2].data, a, &g);
    return write_package(a, parts, 3, out);
}

int
plan_export_docx_buf(struct arena *a, const struct plan *p, struct buf *out)
{
    struct part parts[3] = {
        {"[Content_Types].xml", {0}, false},
        {"_rels/.rels", {0}, false},
        {"word/document.xml", {0}, false},
    };
    struct grid g;

    plan_export_grid(a, p, &g);
    for (int i = 0; i < 3; i++) {
        buf_init(&parts[i].data);
    }
    buf_puts(&parts[0].data,
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
             "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
             "content-types\"><Default Extension=\"rels\" ContentType=\""
             "application/vnd.openxmlformats-package.relationships+xml\"/>"
             "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
             "<Override PartName=\"/word/document.xml\" ContentType=\""
             "application/vnd.openxmlformats-officedocument."
             "wordprocessingml.document.main+xml\"/></Types>\n");
    buf_puts(&parts[1].data,
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
             "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
             "2006/relationships\"><Relationship Id=\"rId1\" Type=\""
             "http://schemas.openxmlformats.org/officeDocument/2006/"
             "relationships/officeDocument\" Target=\"word/document.xml\"/>"
             "</Relationships>\n");
    docx_document(&parts[2].data, a, &g);
    return write_package(a, parts, 3, out);
}
