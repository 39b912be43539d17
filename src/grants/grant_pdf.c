/*
** The grants' A4 documents (see grant_pdf.h): one cairo PDF surface
** streaming into a buffer, one pango layout re-used for every text; a
** page ends when the next block would cross the bottom margin.
*/
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "grant_pdf.h"

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 36.0
#define TEXT_W (PAGE_W - 2 * MARGIN)
#define PAD 2.0

struct gpdf {
    cairo_surface_t *surface;
    cairo_t *cr;
    PangoLayout *layout;
    PangoFontDescription *font, *bold, *h1, *h2;
    double y;
};

static cairo_status_t
write_out(void *closure, const unsigned char *data, unsigned int len)
{
    buf_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

struct gpdf *
gpdf_begin(struct buf *out, const char *title)
{
    struct gpdf *d = xcalloc(1, sizeof(*d));

    d->surface =
        cairo_pdf_surface_create_for_stream(write_out, out, PAGE_W, PAGE_H);
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, title);
    d->cr = cairo_create(d->surface);
    d->layout = pango_cairo_create_layout(d->cr);
    d->font = pango_font_description_from_string("DejaVu Sans 9");
    d->bold = pango_font_description_from_string("DejaVu Sans Bold 9");
    d->h1 = pango_font_description_from_string("DejaVu Sans Bold 14");
    d->h2 = pango_font_description_from_string("DejaVu Sans Bold 11");
    d->y = MARGIN;
    return d;
}

/* Lay text out in width with font: its height. */
static double
lay(struct gpdf *d, const char *text, double width,
    const PangoFontDescription *font)
{
    int w, h;

    pango_layout_set_font_description(d->layout, font);
    pango_layout_set_width(d->layout, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(d->layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(d->layout, text, -1);
    pango_layout_get_size(d->layout, &w, &h);
    return (double)h / PANGO_SCALE;
}

/* A new page when height does not fit below y. */
static void
room(struct gpdf *d, double height)
{
    if (d->y + height > PAGE_H - MARGIN && d->y > MARGIN) {
        cairo_show_page(d->cr);
        d->y = MARGIN;
    }
}

static void
block(struct gpdf *d, const char *text, const PangoFontDescription *font,
      double before, double after)
{
    double h;

    d->y += before;
    h = lay(d, text, TEXT_W, font);
    room(d, h);
    h = lay(d, text, TEXT_W, font); /* the layout again after a new page */
    cairo_move_to(d->cr, MARGIN, d->y);
    pango_cairo_show_layout(d->cr, d->layout);
    d->y += h + after;
}

void
gpdf_heading(struct gpdf *d, int level, const char *text)
{
    block(d, text, level == 1 ? d->h1 : d->h2, level == 1 ? 0 : 8, 4);
}

void
gpdf_para(struct gpdf *d, const char *text)
{
    block(d, text, d->font, 0, 4);
}

void
gpdf_row(struct gpdf *d, int n, const double *widths, const char *const *cells,
         bool bold)
{
    const PangoFontDescription *f = bold ? d->bold : d->font;
    double h = 0, x = MARGIN;
    int i;

    for (i = 0; i < n; i++) {
        double ch = lay(d, cells[i] ? cells[i] : "", widths[i] - 2 * PAD, f);

        h = ch > h ? ch : h;
    }
    h += 2 * PAD;
    room(d, h);
    cairo_set_line_width(d->cr, 0.5);
    for (i = 0; i < n; i++) {
        lay(d, cells[i] ? cells[i] : "", widths[i] - 2 * PAD, f);
        cairo_move_to(d->cr, x + PAD, d->y + PAD);
        pango_cairo_show_layout(d->cr, d->layout);
        cairo_rectangle(d->cr, x, d->y, widths[i], h);
        cairo_stroke(d->cr);
        x += widths[i];
    }
    d->y += h;
}

int
gpdf_end(struct gpdf *d)
{
    cairo_status_t st;

    cairo_show_page(d->cr);
    g_object_unref(d->layout);
    pango_font_description_free(d->font);
    pango_font_description_free(d->bold);
    pango_font_description_free(d->h1);
    pango_font_description_free(d->h2);
    cairo_destroy(d->cr);
    cairo_surface_finish(d->surface);
    st = cairo_surface_status(d->surface);
    cairo_surface_destroy(d->surface);
    free(d);
    return st == CAIRO_STATUS_SUCCESS ? 0 : ERR_IO;
}
