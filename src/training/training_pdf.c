/*
** The trainings' printable PDFs, drawn with cairo and laid out with pango
** as the annual report is: the attendance list of each day with a
** signature line per participant, and the certificates, one per page, each
** with its number and the public address that verifies it. Text stays
** text (pdftotext reads it back).
*/
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "training/strings_pl.h"
#include "training/training.h"

#define PAGE_W 595.28 /* A4 in points */
#define PAGE_H 841.89
#define MARGIN 56.0
#define ROW_H 34.0

struct doc {
    cairo_surface_t *surface;
    cairo_t *cr;
    PangoLayout *layout;
    double y;
};

static cairo_status_t
write_out(void *closure, const unsigned char *data, unsigned int len)
{
    buf_append(closure, (const char *)data, len);
    return CAIRO_STATUS_SUCCESS;
}

static void
doc_open(struct doc *d, struct buf *out)
{
    d->surface =
        cairo_pdf_surface_create_for_stream(write_out, out, PAGE_W, PAGE_H);
    d->cr = cairo_create(d->surface);
    d->layout = pango_cairo_create_layout(d->cr);
    d->y = MARGIN;
}

static int
doc_close(struct doc *d)
{
    cairo_status_t st;

    g_object_unref(d->layout);
    cairo_destroy(d->cr);
    cairo_surface_finish(d->surface);
    st = cairo_surface_status(d->surface);
    cairo_surface_destroy(d->surface);
    return st == CAIRO_STATUS_SUCCESS ? 0 : ERR_IO;
}

/* Text at x, y in a box width wide; font as pango describes it ("Sans 11").
 * Returns its height. */
static double
text(struct doc *d, double x, double y, double width, const char *font,
     const char *s, PangoAlignment align)
{
    PangoFontDescription *f = pango_font_description_from_string(font);
    int w, h;

    pango_layout_set_font_description(d->layout, f);
    pango_layout_set_width(d->layout, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(d->layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(d->layout, align);
    pango_layout_set_text(d->layout, s, -1);
    cairo_move_to(d->cr, x, y);
    pango_cairo_show_layout(d->cr, d->layout);
    pango_layout_get_size(d->layout, &w, &h);
    pango_font_description_free(f);
    return (double)h / PANGO_SCALE;
}

static void
line(struct doc *d, double x1, double y1, double x2, double y2)
{
    cairo_set_line_width(d->cr, 0.6);
    cairo_move_to(d->cr, x1, y1);
    cairo_line_to(d->cr, x2, y2);
    cairo_stroke(d->cr);
}

static void
attendance_head(struct doc *d, struct arena *a, const struct training *t,
                const char *day)
{
    double w = PAGE_W - 2 * MARGIN;

    d->y = MARGIN;
    d->y += text(d, MARGIN, d->y, w, "Sans Bold 14",
                 arena_printf(a, "%s: %s", T_TR_ATTENDANCE, t->title),
                 PANGO_ALIGN_LEFT) +
            4;
    d->y += text(d, MARGIN, d->y, w, "Sans 11",
                 arena_printf(a, "%s, %s%s%s", day, t->gmina_name,
                              t->place[0] ? ", " : "", t->place),
                 PANGO_ALIGN_LEFT) +
            12;
    text(d, MARGIN, d->y, 30, "Sans Bold 10", T_TR_P_NO, PANGO_ALIGN_LEFT);
    text(d, MARGIN + 30, d->y, 180, "Sans Bold 10", T_TR_F_NAME,
         PANGO_ALIGN_LEFT);
    text(d, MARGIN + 215, d->y, 150, "Sans Bold 10", T_TR_P_INST,
         PANGO_ALIGN_LEFT);
    text(d, MARGIN + 370, d->y, w - 370, "Sans Bold 10", T_TR_ATT_SIGN,
         PANGO_ALIGN_LEFT);
    d->y += 18;
    line(d, MARGIN, d->y, PAGE_W - MARGIN, d->y);
}

int
training_attendance_pdf(struct arena *a, const struct training *t,
                        const struct training_signup *s, int n, struct buf *out)
{
    struct doc d;
    const char *day = t->date_from;
    char next[16];
    int guard = 0;

    doc_open(&d, out);
    /* One list per day of the event, each starting a page. */
    for (;;) {
        int i, k = 0;

        attendance_head(&d, a, t, day);
        for (i = 0; i < n; i++) {
            if (strcmp(s[i].status, "confirmed") != 0) {
                continue;
            }
            if (d.y + ROW_H > PAGE_H - MARGIN) {
                cairo_show_page(d.cr);
                attendance_head(&d, a, t, day);
            }
            text(&d, MARGIN, d.y + 8, 30, "Sans 10",
                 arena_printf(a, "%d.", ++k), PANGO_ALIGN_LEFT);
            text(&d, MARGIN + 30, d.y + 8, 180, "Sans 10", s[i].name,
                 PANGO_ALIGN_LEFT);
            text(&d, MARGIN + 215, d.y + 8, 150, "Sans 8", s[i].institution,
                 PANGO_ALIGN_LEFT);
            d.y += ROW_H;
            line(&d, MARGIN + 370, d.y - 6, PAGE_W - MARGIN, d.y - 6);
        }
        cairo_show_page(d.cr);
        if (strcmp(day, t->date_to) >= 0 || ++guard > 31) {
            break;
        }
        {
            struct tm tm = {0};
            time_t at;

            tm.tm_year = atoi(day) - 1900;
            tm.tm_mon = atoi(day + 5) - 1;
            tm.tm_mday = atoi(day + 8) + 1;
            tm.tm_hour = 12;
            at = timegm(&tm);
            gmtime_r(&at, &tm);
            strftime(next, sizeof(next), "%Y-%m-%d", &tm);
            day = arena_strdup(a, next);
        }
    }
    return doc_close(&d);
}

int
training_certificates_pdf(struct arena *a, const struct training *t,
                          const struct training_signup *s, int n,
                          const char *issuer, const char *verify_base,
                          struct buf *out)
{
    struct doc d;
    double w = PAGE_W - 2 * MARGIN;
    int i, pages = 0;

    doc_open(&d, out);
    for (i = 0; i < n; i++) {
        const char *kind;

        if (s[i].certificate == NULL) {
            continue;
        }
        kind = training_label(training_kinds, training_kind_labels, t->kind);
        d.y = 160;
        d.y += text(&d, MARGIN, d.y, w, "Serif Bold 28", T_TR_CERT_TITLE,
                    PANGO_ALIGN_CENTER) +
               40;
        d.y += text(&d, MARGIN, d.y, w, "Serif Bold 20", s[i].name,
                    PANGO_ALIGN_CENTER) +
               8;
        d.y += text(&d, MARGIN, d.y, w, "Serif 12", s[i].institution,
                    PANGO_ALIGN_CENTER) +
               24;
        d.y += text(&d, MARGIN, d.y, w, "Serif 14",
                    arena_printf(a, T_TR_CERT_BODY, kind, t->title,
                                 training_dates_text(a, t), t->gmina_name),
                    PANGO_ALIGN_CENTER) +
               60;
        text(&d, MARGIN, d.y, w, "Sans 11",
             arena_printf(a, T_TR_CERT_ISSUER, issuer), PANGO_ALIGN_LEFT);
        text(&d, MARGIN, PAGE_H - MARGIN - 56, w, "Sans 10",
             arena_printf(a, T_TR_CERT_NUMBER, s[i].certificate),
             PANGO_ALIGN_LEFT);
        text(&d, MARGIN, PAGE_H - MARGIN - 40, w, "Sans 9", T_TR_CERT_CHECK,
             PANGO_ALIGN_LEFT);
        text(&d, MARGIN, PAGE_H - MARGIN - 26, w, "Sans 9",
             arena_printf(a, "%s%s", verify_base, s[i].certificate),
             PANGO_ALIGN_LEFT);
        cairo_show_page(d.cr);
        pages++;
    }
    if (pages == 0) {
        text(&d, MARGIN, MARGIN, w, "Sans 11", T_TR_P_NONE, PANGO_ALIGN_LEFT);
        cairo_show_page(d.cr);
    }
    return doc_close(&d);
}
