/*
** The annual report as an A4 PDF: cairo draws, pango lays the text out
** (DejaVu Sans through fontconfig, so Polish letters are real glyphs and
** the text can be searched and copied). Tables break across pages and
** repeat their header row on each page; every page has its number.
*/
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/log.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "monitoring.h"
#include "report_html.h"
#include "monitoring/strings_pl.h"

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 36.0
#define BOTTOM (PAGE_H - MARGIN - 18.0)
#define PAD 2.5
#define MAXCOLS 10

struct pdf {
    cairo_surface_t *surface;
    cairo_t *cr;
    PangoContext *ctx; /* one for every layout: unhinted, unrounded */
    PangoLayout *layout;
    PangoLayout *cell[MAXCOLS]; /* one per column: laid out once per row */
    double line_h;              /* height of one line of d->font */
    PangoFontDescription *font, *bold, *title;
    double y;
    double rowwidth, ascent; /* of the current table; of the digits' font */
    int page;
    struct arena *a;
    /* the current table, for its header on a new page */
    int ncols;
    const double *widths;
    const char *const *head;
    /* The rows drawn since run_top share their columns: their vertical
     * borders are drawn once, as one line per column, when the run ends. */
    double run_top; /* < 0: no run */
    int run_ncols;
    double run_widths[MAXCOLS];
    struct lcache *cache; /* laid-out text cells, see cell_layout() */
    /* glyph and advance of each printable ASCII character in the toy
     * font, so that numbers need neither cairo_text_extents() nor
     * cairo's conversion of text to glyphs */
    unsigned long glyph[128];
    double advance[128];
    int pages;          /* in the whole document; 0 while counting */
    int top_outline;    /* the bookmark of the title, parent of the rest */
    const char *issuer; /* footer, left */
};

/*
** Laid-out text cells by (font, width, text). A report repeats the same
** wrapped names many times ("w tym" rows, the same indicator in every
** task), and shaping them again is most of pango's time; a cached layout
** is drawn as it is. Open addressing; when full, cells are laid out in
** the column's own layout as before.
*/
#define LCACHE_SIZE 4096 /* power of two */
#define LCACHE_MAX (LCACHE_SIZE / 2)

struct lslot {
    uint64_t hash;
    const char *text; /* NULL: empty slot */
    const PangoFontDescription *font;
    int width;
    PangoLayout *layout;
    double height;
};

struct lcache {
    struct lslot slot[LCACHE_SIZE];
    int used;
};

/* Structure tags, drawn only in the pass that writes the file. */
static void
tag_begin(struct pdf *d, const char *tag, const char *attrs)
{
    if (d->pages > 0) {
        cairo_tag_begin(d->cr, tag, attrs);
    }
}

static void
tag_end(struct pdf *d, const char *tag)
{
    if (d->pages > 0) {
        cairo_tag_end(d->cr, tag);
    }
}

/* Appends to the buffer; a NULL buffer (the counting pass) drops it. */
static cairo_status_t
write_out(void *closure, const unsigned char *data, unsigned int len)
{
    if (closure != NULL) {
        buf_append(closure, data, len);
    }
    return CAIRO_STATUS_SUCCESS;
}

static uint64_t
text_hash(const char *s, const void *font, int width)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)(uintptr_t)font ^
                 ((uint64_t)(unsigned)width << 32);

    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    }
    return h;
}

/*
** The layout of text in a cell of width with font, and its height: from
** the cache, or laid out in fallback (the column's layout) when the cache
** is full. The layout stays valid until the next call with fallback.
*/
static PangoLayout *
cell_layout(struct pdf *d, PangoLayout *fallback, const char *text,
            double width, PangoFontDescription *font, double *height)
{
    int pw = (int)((width - 2 * PAD) * PANGO_SCALE), w, h;
    uint64_t hash = text_hash(text, font, pw);
    struct lcache *c = d->cache;
    unsigned i = (unsigned)hash & (LCACHE_SIZE - 1);
    PangoLayout *l;

    for (; c->slot[i].text != NULL; i = (i + 1) & (LCACHE_SIZE - 1)) {
        struct lslot *sl = &c->slot[i];

        if (sl->hash == hash && sl->font == font && sl->width == pw &&
            strcmp(sl->text, text) == 0) {
            *height = sl->height;
            return sl->layout;
        }
    }
    l = c->used < LCACHE_MAX ? pango_layout_new(d->ctx) : fallback;
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_font_description(l, font);
    pango_layout_set_width(l, pw);
    pango_layout_set_text(l, text, -1);
    pango_layout_get_size(l, &w, &h);
    *height = (double)h / PANGO_SCALE;
    if (l != fallback) {
        struct lslot *sl = &c->slot[i];

        sl->hash = hash;
        sl->text = arena_strdup(d->a, text);
        sl->font = font;
        sl->width = pw;
        sl->layout = l;
        sl->height = *height;
        c->used++;
    }
    return l;
}

/* Width of printable ASCII text s in the toy font; false for others. */
static bool
ascii_width(const struct pdf *d, const char *s, double *width)
{
    double w = 0;

    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (c < 32 || c > 126) {
            return false;
        }
        w += d->advance[c];
    }
    *width = w;
    return true;
}

/* Draw printable ASCII text s (under 40 bytes) at x, baseline y. */
static void
ascii_show(struct pdf *d, const char *s, double x, double y)
{
    cairo_glyph_t g[40];
    int n = 0;

    for (; *s && n < 40; s++, n++) {
        g[n].index = d->glyph[(unsigned char)*s];
        g[n].x = x;
        g[n].y = y;
        x += d->advance[(unsigned char)*s];
    }
    cairo_show_glyphs(d->cr, g, n);
}

/* Draw the vertical borders of the current run of rows and end it. */
static void
run_end(struct pdf *d)
{
    double x = MARGIN;
    int i;

    if (d->run_top < 0) {
        return;
    }
    if (d->y > d->run_top && d->pages > 0) {
        for (i = 0; i <= d->run_ncols; i++) {
            cairo_move_to(d->cr, x, d->run_top);
            cairo_line_to(d->cr, x, d->y);
            if (i < d->run_ncols) {
                x += d->run_widths[i];
            }
        }
        cairo_stroke(d->cr);
    }
    d->run_top = -1;
}

/* Height of text laid out in width with font (no drawing). */
static double
measure(struct pdf *d, const char *text, double width,
        PangoFontDescription *font)
{
    int w, h;

    pango_layout_set_font_description(d->layout, font);
    pango_layout_set_width(d->layout, (int)((width - 2 * PAD) * PANGO_SCALE));
    pango_layout_set_text(d->layout, text, -1);
    pango_layout_get_size(d->layout, &w, &h);
    return (double)h / PANGO_SCALE;
}

static void
draw_text(struct pdf *d, double x, double y, double width, const char *text,
          PangoFontDescription *font, bool right)
{
    if (d->pages == 0) { /* counting pages: nothing is drawn */
        return;
    }
    pango_layout_set_font_description(d->layout, font);
    pango_layout_set_width(d->layout, (int)((width - 2 * PAD) * PANGO_SCALE));
    pango_layout_set_alignment(d->layout,
                               right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    pango_layout_set_text(d->layout, text, -1);
    cairo_move_to(d->cr, x + PAD, y + PAD);
    pango_cairo_show_layout(d->cr, d->layout);
    pango_layout_set_alignment(d->layout, PANGO_ALIGN_LEFT);
}

static void
footer(struct pdf *d)
{
    char text[64];

    snprintf(text, sizeof(text), T_MON_PAGE_OF, d->page, d->pages);
    cairo_set_source_rgb(d->cr, 0.2, 0.2, 0.2);
    draw_text(d, MARGIN, PAGE_H - MARGIN - 10, PAGE_W - 2 * MARGIN, text,
              d->font, true);
    if (d->issuer != NULL) {
        draw_text(d, MARGIN, PAGE_H - MARGIN - 10, (PAGE_W - 2 * MARGIN) / 2,
                  d->issuer, d->font, false);
    }
    cairo_set_source_rgb(d->cr, 0, 0, 0);
}

static void table_head(struct pdf *d);

static void
new_page(struct pdf *d)
{
    run_end(d);
    footer(d);
    cairo_show_page(d->cr);
    d->page++;
    d->y = MARGIN;
    if (d->ncols > 0) {
        table_head(d);
    }
}

/*
** One table row. Text cells come laid out from the cache (or are laid
** out once in the column's layout); short cells of the regular font that
** fit on one line (numbers, task numbers, statuses) are drawn with
** cairo's own text, which needs no shaping. Borders: one horizontal line
** per row; the vertical ones once per run of rows (run_end). That keeps a
** report of a thousand pages within a few seconds, most of it now in
** cairo's PDF writer.
*/
static void
row(struct pdf *d, const char *const *cells, const bool *right,
    PangoFontDescription *font, double shade)
{
    double h = d->line_h, x = MARGIN, lh;
    PangoLayout *lay[MAXCOLS];
    bool toy[MAXCOLS];
    int i;

    double tw[MAXCOLS];
    bool ascii[MAXCOLS];

    for (i = 0; i < d->ncols; i++) {
        cairo_text_extents_t ext;

        lay[i] = NULL;
        ascii[i] = false;
        toy[i] = right != NULL && font == d->font && cells[i] != NULL &&
                 strlen(cells[i]) < 40;
        if (toy[i]) {
            ascii[i] = ascii_width(d, cells[i], &tw[i]);
            if (!ascii[i]) {
                cairo_text_extents(d->cr, cells[i], &ext);
                tw[i] = ext.x_advance;
            }
            toy[i] = tw[i] <= d->widths[i] - 2 * PAD;
        }
        if (toy[i] || (right != NULL && right[i])) {
            continue;
        }
        lay[i] = cell_layout(d, d->cell[i], cells[i] ? cells[i] : "",
                             d->widths[i], font, &lh);
        if (lh > h) {
            h = lh;
        }
    }
    h += 2 * PAD;
    if (d->y + h > BOTTOM) {
        new_page(d);
    }
    if (d->pages == 0) { /* counting pages: the height is all it takes */
        d->y += h;
        return;
    }
    if (d->run_top >= 0 && (d->run_ncols != d->ncols ||
                            memcmp(d->run_widths, d->widths,
                                   sizeof(double) * (size_t)d->ncols) != 0)) {
        run_end(d);
    }
    if (shade > 0) {
        cairo_set_source_rgb(d->cr, shade, shade, shade + 0.04);
        /* below the line above, which is drawn already */
        cairo_rectangle(d->cr, MARGIN, d->y + 0.2, d->rowwidth, h - 0.2);
        cairo_fill(d->cr);
        cairo_set_source_rgb(d->cr, 0, 0, 0);
    }
    if (d->run_top < 0) {
        d->run_top = d->y;
        d->run_ncols = d->ncols;
        memcpy(d->run_widths, d->widths, sizeof(double) * (size_t)d->ncols);
        for (i = 0; i < d->ncols; i++) {
            x += d->widths[i];
        }
        cairo_move_to(d->cr, MARGIN, d->y);
        cairo_line_to(d->cr, x, d->y);
    } else {
        for (i = 0; i < d->ncols; i++) {
            x += d->widths[i];
        }
    }
    cairo_move_to(d->cr, MARGIN, d->y + h);
    cairo_line_to(d->cr, x, d->y + h);
    cairo_stroke(d->cr);
    /* Table structure: a row, its cells (header cells in the head). */
    tag_begin(d, "TR", NULL);
    for (i = 0, x = MARGIN; i < d->ncols; x += d->widths[i], i++) {
        const char *cell_tag = cells == d->head ? "TH" : "TD";

        tag_begin(d, cell_tag, NULL);
        if (cells[i] == NULL || *cells[i] == '\0') {
            tag_end(d, cell_tag);
            continue;
        }
        if (lay[i] == NULL) {
            cairo_text_extents_t ext;
            double tx = x + PAD;

            if (right != NULL && right[i]) {
                if (!toy[i]) { /* too wide: tw is unset */
                    ascii[i] = strlen(cells[i]) < 40 &&
                               ascii_width(d, cells[i], &tw[i]);
                    if (!ascii[i]) {
                        cairo_text_extents(d->cr, cells[i], &ext);
                        tw[i] = ext.x_advance;
                    }
                }
                tx = x + d->widths[i] - PAD - tw[i];
            }
            if (ascii[i]) {
                ascii_show(d, cells[i], tx, d->y + PAD + d->ascent);
            } else {
                cairo_move_to(d->cr, tx, d->y + PAD + d->ascent);
                cairo_show_text(d->cr, cells[i]);
            }
            tag_end(d, cell_tag);
            continue;
        }
        cairo_move_to(d->cr, x + PAD, d->y + PAD);
        pango_cairo_show_layout(d->cr, lay[i]);
        tag_end(d, cell_tag);
    }
    tag_end(d, "TR");
    d->y += h;
}

static void
table_head(struct pdf *d)
{
    row(d, d->head, NULL, d->bold, 0.87);
}

static void
table_begin(struct pdf *d, int ncols, const double *widths,
            const char *const *head)
{
    int i;

    tag_begin(d, "Table", NULL);
    d->ncols = ncols;
    d->widths = widths;
    d->head = head;
    d->rowwidth = 0;
    for (i = 0; i < ncols; i++) {
        d->rowwidth += widths[i];
    }
    if (d->y + 60 > BOTTOM) {
        new_page(d);
    } else {
        table_head(d);
    }
}

static void
table_end(struct pdf *d)
{
    tag_end(d, "Table");
    run_end(d);
    d->ncols = 0;
    d->y += 8;
}

/* An entry of the document outline (bookmarks) at the current place. */
static void
outline(struct pdf *d, int parent, const char *name, int *id)
{
    int got;

    if (d->pages == 0) {
        return;
    }
    got = cairo_pdf_surface_add_outline(
        d->surface, parent, name,
        arena_printf(d->a, "page=%d pos=[%g %g]", d->page, MARGIN, d->y), 0);

    if (id != NULL) {
        *id = got;
    }
}

/*
** A full-width line of text (headings, notes), tagged for the structure
** of the PDF: the title font is H1, the bold one H2 (with a bookmark),
** the rest P. A heading is not left alone at the foot of a page: it moves
** on when the three lines after it would not fit.
*/
static void
para(struct pdf *d, const char *text, PangoFontDescription *font)
{
    double w = PAGE_W - 2 * MARGIN, h = measure(d, text, w, font) + 2 * PAD;
    const char *tag = font == d->title ? "H1" : font == d->bold ? "H2" : "P";

    if (d->y + h + (tag[0] == 'H' ? 3 * d->line_h : 0) > BOTTOM) {
        new_page(d);
    }
    if (tag[0] == 'H') {
        outline(d, tag[1] == '1' ? CAIRO_PDF_OUTLINE_ROOT : d->top_outline,
                text, tag[1] == '1' ? &d->top_outline : NULL);
    }
    tag_begin(d, tag, NULL);
    draw_text(d, MARGIN, d->y, w, text, font, false);
    tag_end(d, tag);
    d->y += h + 2;
}

static void
goal_bars(struct pdf *d, const struct mon_report *m)
{
    const struct plan *p = m->p;
    int g;

    for (g = 0; g < p->ngoals; g++) {
        int pct = m->goal_pct10[g];
        double w = 300.0 * (pct < 0 ? 0 : pct > 1000 ? 1000 : pct) / 1000.0;

        if (d->y + 18 > BOTTOM) {
            new_page(d);
        }
        draw_text(d, MARGIN, d->y, 90,
                  arena_printf(d->a, "%s %s", T_MON_GOAL, p->goals[g].code),
                  d->font, false);
        cairo_set_source_rgb(d->cr, 0.9, 0.9, 0.9);
        cairo_rectangle(d->cr, MARGIN + 90, d->y + 3, 300, 11);
        cairo_fill(d->cr);
        cairo_set_source_rgb(d->cr, 0.04, 0.31, 0.61);
        cairo_rectangle(d->cr, MARGIN + 90, d->y + 3, w, 11);
        cairo_fill(d->cr);
        cairo_set_source_rgb(d->cr, 0, 0, 0);
        draw_text(d, MARGIN + 400, d->y, 100,
                  arena_printf(d->a, "%s %%", mon_pct_text(d->a, pct)), d->font,
                  false);
        d->y += 18;
    }
    d->y += 6;
}

static const char *
cnt(struct arena *a, bool has, int64_t v)
{
    return has ? str_thousands(a, v) : "–";
}

static void
indicators(struct pdf *d, const struct mon_report *m)
{
    static const double w[] = {40, 159, 42, 48, 36, 48, 50, 40, 60};
    static const char *const head[] = {T_MON_PDF_TASK,
                                       T_MON_COL_INDICATOR,
                                       T_MON_PDF_TARGET,
                                       T_MON_PDF_REAL,
                                       "%",
                                       T_MON_PDF_MULTI_TARGET,
                                       T_MON_PDF_MULTI_REAL,
                                       T_MON_PDF_MULTI_PCT,
                                       T_MON_COL_STATUS};
    static const bool right[] = {false, false, true, true, true,
                                 true,  true,  true, false};
    const struct plan *p = m->p;
    struct arena *a = d->a;
    int g, t, i, k, *first, *next;

    /* The indicators of each task in plan order, without a scan of all
     * indicators per task (10 000 tasks x 17 500 indicators). */
    first = arena_alloc(a, sizeof(*first) * (size_t)(p->ntasks + 1));
    next = arena_alloc(a, sizeof(*next) * (size_t)(p->nindicators + 1));
    for (t = 0; t < p->ntasks; t++) {
        first[t] = -1;
    }
    for (i = p->nindicators - 1; i >= 0; i--) {
        t = p->indicators[i].task;
        next[i] = -1;
        if (t >= 0 && t < p->ntasks) {
            next[i] = first[t];
            first[t] = i;
        }
    }
    table_begin(d, 9, w, head);
    for (g = -1; g < p->ngoals; g++) {
        if (g >= 0) {
            const char *cells[MAXCOLS] = {NULL};
            int save = d->ncols;
            double full = PAGE_W - 2 * MARGIN;

            cells[0] =
                arena_printf(a, "%s %s %s — %s: %s %%", T_MON_GOAL,
                             p->goals[g].code, p->goals[g].title,
                             T_MON_PROGRESS, mon_pct_text(a, m->goal_pct10[g]));
            d->widths = &full;
            d->ncols = 1;
            if (d->y + measure(d, cells[0], full, d->bold) + 2 * PAD > BOTTOM) {
                d->widths = w;
                d->ncols = save;
                new_page(d);
                d->widths = &full;
                d->ncols = 1;
            }
            outline(d, d->top_outline, cells[0], NULL);
            row(d, cells, NULL, d->bold, 0.93);
            d->widths = w;
            d->ncols = save;
        }
        for (t = 0; t < p->ntasks; t++) {
            if (p->tasks[t].goal != g) {
                continue;
            }
            for (k = first[t]; k >= 0; k = next[k]) {
                const struct plan_indicator *in = &p->indicators[k];
                const struct mon_rind *ri = &m->ind[k];
                const char *cells[MAXCOLS];

                cells[0] = p->tasks[t].number;
                cells[1] = arena_printf(
                    a, "%s%s%s", in->parent >= 0 ? "w tym: " : "", in->name,
                    ri->computed ? arena_printf(a, " (%s: %s)", T_MON_COMPUTED,
                                                ri->metric)
                                 : "");
                cells[2] = cnt(a, ri->has_target, ri->target);
                cells[3] = cnt(a, ri->has_data, ri->real);
                cells[4] = mon_pct_text(a, ri->pct10);
                cells[5] = cnt(a, ri->has_multi, ri->multi_target);
                cells[6] = str_thousands(a, ri->multi_real);
                cells[7] = mon_pct_text(a, ri->multi_pct10);
                cells[8] = mon_status_label(ri);
                row(d, cells, right, d->font, ri->at_risk ? 0.96 : 0);
            }
        }
    }
    table_end(d);
}

static const char *
pct_of(struct arena *a, int64_t x, int64_t of)
{
    return mon_pct_text(a, of > 0 ? (int)((x * 1000 + of / 2) / of) : -1);
}

static void
budget(struct pdf *d, const struct mon_report *m)
{
    static const double w[] = {215, 110, 110, 88};
    static const char *const head[] = {T_MON_COL_SOURCE, T_MON_PLANNED,
                                       T_MON_SPENT, T_MON_COL_PCT};
    static const char *const head2[] = {T_MON_PDF_TASK, T_MON_PLANNED,
                                        T_MON_SPENT, T_MON_COL_PCT};
    static const bool right[] = {false, true, true, true};
    const struct plan *p = m->p;
    struct arena *a = d->a;
    const char *cells[MAXCOLS];
    int s, t;

    para(d, T_MON_TABLE_BUDGET, d->bold);
    table_begin(d, 4, w, head);
    for (s = 0; s < p->nsources; s++) {
        if (m->planned_by[s] == 0 && m->spent_by[s] == 0) {
            continue;
        }
        cells[0] = p->sources[s].name;
        cells[1] = str_money(a, m->planned_by[s]);
        cells[2] = str_money(a, m->spent_by[s]);
        cells[3] = pct_of(a, m->spent_by[s], m->planned_by[s]);
        row(d, cells, right, d->font, 0);
    }
    cells[0] = T_MON_TOTAL;
    cells[1] = str_money(a, m->planned_total);
    cells[2] = str_money(a, m->spent_total);
    cells[3] = pct_of(a, m->spent_total, m->planned_total);
    row(d, cells, right, d->bold, 0.93);
    table_end(d);
    para(d, T_MON_TABLE_BUDGET_TASKS, d->bold);
    table_begin(d, 4, w, head2);
    for (t = 0; t < p->ntasks; t++) {
        if (m->task[t].planned == 0 && m->task[t].spent == 0) {
            continue;
        }
        cells[0] = p->tasks[t].number;
        cells[1] = str_money(a, m->task[t].planned);
        cells[2] = str_money(a, m->task[t].spent);
        cells[3] = pct_of(a, m->task[t].spent, m->task[t].planned);
        row(d, cells, right, d->font, 0);
    }
    table_end(d);
}

/*
** One rendering of the report: into out with "page n of pages" footers,
** or, with out NULL, only to count the pages (*npages).
*/
static int
render(struct arena *a, const struct mon_report *m, struct buf *out, int pages,
       int *npages)
{
    const struct plan *p = m->p;
    struct pdf d;
    cairo_status_t st;
    int i;

    memset(&d, 0, sizeof(d));
    d.a = a;
    d.run_top = -1;
    d.cache = xcalloc(1, sizeof(*d.cache));
    d.page = 1;
    d.pages = pages;
    d.issuer = m->issuer;
    d.y = MARGIN;
    d.surface =
        cairo_pdf_surface_create_for_stream(write_out, out, PAGE_W, PAGE_H);
    d.cr = cairo_create(d.surface);
    cairo_pdf_surface_set_metadata(
        d.surface, CAIRO_PDF_METADATA_TITLE,
        arena_printf(a, "%s %d", T_MON_REPORT_TITLE, m->year));
    if (m->issuer != NULL) {
        cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_AUTHOR,
                                       m->issuer);
    }
    if (p->title != NULL) {
        cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_SUBJECT,
                                       p->title);
    }
    cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_CREATOR,
                                   "Rodzina");
    cairo_set_line_width(d.cr, 0.4);
    {
        /*
        ** Glyph positions as the font has them: with hinted metrics or
        ** positions rounded to whole pixels (pango's default) cairo has to
        ** write an adjustment number after almost every glyph, which made
        ** most of the PDF's text and of the time spent formatting it.
        */
        cairo_font_options_t *fo = cairo_font_options_create();

        cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
        cairo_set_font_options(d.cr, fo);
        d.ctx = pango_cairo_create_context(d.cr);
        pango_cairo_context_set_font_options(d.ctx, fo);
        pango_context_set_round_glyph_positions(d.ctx, FALSE);
        cairo_font_options_destroy(fo);
    }
    d.layout = pango_layout_new(d.ctx);
    pango_layout_set_wrap(d.layout, PANGO_WRAP_WORD_CHAR);
    d.font = pango_font_description_from_string("DejaVu Sans 7");
    d.bold = pango_font_description_from_string("DejaVu Sans Bold 7");
    d.title = pango_font_description_from_string("DejaVu Sans Bold 12");
    for (i = 0; i < MAXCOLS; i++) {
        d.cell[i] = pango_layout_new(d.ctx);
        pango_layout_set_wrap(d.cell[i], PANGO_WRAP_WORD_CHAR);
    }
    d.line_h = measure(&d, "0", 100, d.font);
    {
        /* Digits in the same face and size as pango's 7 pt text. */
        cairo_font_extents_t fe;

        cairo_select_font_face(d.cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                               CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(d.cr, 7.0 * 96.0 / 72.0);
        cairo_font_extents(d.cr, &fe);
        d.ascent = fe.ascent;
        for (i = 32; i < 127; i++) {
            cairo_scaled_font_t *sf = cairo_get_scaled_font(d.cr);
            cairo_glyph_t *g = NULL;
            cairo_text_extents_t te;
            char c[2] = {(char)i, '\0'};
            int ng = 0;

            if (cairo_scaled_font_text_to_glyphs(sf, 0, 0, c, 1, &g, &ng, NULL,
                                                 NULL, NULL) ==
                    CAIRO_STATUS_SUCCESS &&
                ng == 1) {
                d.glyph[i] = g[0].index;
                cairo_scaled_font_glyph_extents(sf, g, 1, &te);
                d.advance[i] = te.x_advance;
            }
            cairo_glyph_free(g);
        }
    }

    /* One Document element holds the structure, as readers expect. */
    tag_begin(&d, "Document", NULL);
    para(&d, arena_printf(a, "%s %d", T_MON_REPORT_TITLE, m->year), d.title);
    para(&d, p->title ? p->title : "", d.bold);
    para(&d,
         arena_printf(a, "%s: %s. %s: %s. %s: %d / %d.", T_MON_REGION,
                      m->meta.region_name, T_MON_PROGRAMME,
                      p->programme_title ? p->programme_title : "–",
                      T_MON_PROGRAMME_YEAR, m->elapsed, m->span),
         d.font);
    para(&d, mon_report_issued(a, m), d.font);
    para(&d,
         arena_printf(a, "%s: %ld (%s: %ld). %s: %d. %s: %d.", T_MON_ENTRIES,
                      (long)m->entries, T_MON_PENDING_COUNT,
                      (long)m->entries_pending, T_MON_AT_RISK_COUNT,
                      m->nat_risk, T_MON_NO_DATA_COUNT, m->nno_data),
         d.font);
    if (m->demo_entries > 0) {
        para(&d,
             arena_printf(a, "%s %ld %s", T_MON_DEMO_WARN,
                          (long)m->demo_entries, T_MON_DEMO_WARN2),
             d.bold);
    }
    para(&d, T_MON_RISK_RULE, d.font);
    para(&d, T_MON_GOALS_PROGRESS, d.bold);
    goal_bars(&d, m);
    para(&d, arena_printf(a, "%s %d", T_MON_TABLE_INDICATORS, m->year), d.bold);
    indicators(&d, m);
    para(&d, T_MON_BUDGET, d.bold);
    budget(&d, m);
    if (m->nnarratives > 0) {
        para(&d, T_MON_NARRATIVES, d.bold);
    }
    for (i = 0; i < m->nnarratives; i++) {
        const struct mon_narrative *n = &m->narratives[i];

        if (n->task >= 0 && n->task < p->ntasks) {
            para(&d,
                 arena_printf(a, "%s %s (%s): %s", T_MON_TASK,
                              p->tasks[n->task].number, n->period, n->text),
                 d.font);
        }
    }
    tag_end(&d, "Document");
    footer(&d);
    cairo_show_page(d.cr);

    g_object_unref(d.layout);
    for (i = 0; i < MAXCOLS; i++) {
        g_object_unref(d.cell[i]);
    }
    for (i = 0; i < LCACHE_SIZE; i++) {
        if (d.cache->slot[i].layout != NULL) {
            g_object_unref(d.cache->slot[i].layout);
        }
    }
    free(d.cache);
    g_object_unref(d.ctx);
    pango_font_description_free(d.font);
    pango_font_description_free(d.bold);
    pango_font_description_free(d.title);
    cairo_destroy(d.cr);
    cairo_surface_finish(d.surface);
    st = cairo_surface_status(d.surface);
    cairo_surface_destroy(d.surface);
    if (st != CAIRO_STATUS_SUCCESS) {
        log_error("report pdf: cairo: %s", cairo_status_to_string(st));
        return ERR_IO;
    }
    *npages = d.page;
    return 0;
}

/* The last occurrence of the string s in data[0..len), or NULL. */
static const char *
last_of(const char *data, size_t len, const char *s)
{
    size_t n = strlen(s);
    const char *p = NULL, *q = data;

    while ((q = memmem(q, len - (size_t)(q - data), s, n)) != NULL) {
        p = q++;
    }
    return p;
}

/*
** cairo 1.16 writes the structure tree (and /MarkInfo once it has one
** root) but has no way to state the document's language. One incremental
** update (the catalog again, a one-entry xref and a trailer with /Prev)
** adds /Lang without touching what cairo wrote. A file of another shape
** is left as it is.
*/
static void
add_language(struct arena *a, struct buf *out)
{
    const char *d = out->data, *startxref, *trailer, *root, *open, *close;
    long prev, size, root_id, info_id;
    size_t at, xref;

    startxref = last_of(d, out->len, "startxref");
    trailer = last_of(d, out->len, "trailer");
    if (startxref == NULL || trailer == NULL ||
        sscanf(startxref, "startxref %ld", &prev) != 1 ||
        sscanf(trailer, "trailer << /Size %ld /Root %ld 0 R /Info %ld 0 R",
               &size, &root_id, &info_id) != 3) {
        log_warn("report pdf: unexpected trailer, language not added");
        return;
    }
    root = memmem(d, out->len, arena_printf(a, "\n%ld 0 obj", root_id),
                  strlen(arena_printf(a, "\n%ld 0 obj", root_id)));
    open = root ? strstr(root, "<<") : NULL;
    close = open ? strstr(open, ">>\nendobj") : NULL;
    if (close == NULL ||
        memmem(open, (size_t)(close - open), "/Lang", 5) != NULL) {
        log_warn("report pdf: unexpected catalog, language not added");
        return;
    }
    at = out->len;
    buf_printf(out, "%ld 0 obj\n<< %.*s /Lang (pl-PL) >>\nendobj\n", root_id,
               (int)(close - open - 2), open + 2);
    xref = out->len;
    buf_printf(out,
               "xref\n0 1\n0000000000 65535 f \n%ld 1\n%010zu 00000 n \n"
               "trailer\n<< /Size %ld /Root %ld 0 R /Info %ld 0 R /Prev %ld "
               ">>\nstartxref\n%zu\n%%%%EOF\n",
               root_id, at, size, root_id, info_id, prev, xref);
}

/* Two passes: the footers say "page n of m", and m is known only after
 * the text has been laid out once. */
int
mon_report_pdf(struct arena *a, const struct mon_report *m, struct buf *out)
{
    int pages = 0, rc = render(a, m, NULL, 0, &pages);

    if (rc == 0 && (rc = render(a, m, out, pages, &pages)) == 0) {
        buf_putc(out, '\0'); /* for strstr; not part of the file */
        out->len--;
        add_language(a, out);
    }
    return rc;
}
