/*
** A small A4 document for the grants' PDFs (the offer as submitted, the
** results): headings, paragraphs and rows of columns that break across
** pages, drawn with cairo and laid out by pango as the annual report is
** (DejaVu Sans through fontconfig: Polish letters are real glyphs, the
** text can be searched and read back by pdftotext).
*/
#ifndef GRANTS_GRANT_PDF_H
#define GRANTS_GRANT_PDF_H

#include <stdbool.h>

struct buf;
struct gpdf;

/* A document writing into out, titled title (the PDF's metadata). */
struct gpdf *gpdf_begin(struct buf *out, const char *title);
/* A heading (level 1 or 2). */
void gpdf_heading(struct gpdf *d, int level, const char *text);
/* A paragraph of plain text (wrapped). */
void gpdf_para(struct gpdf *d, const char *text);
/* A row of n cells with widths in points (the sum at most 523); bold for
 * a header row. Cells wrap; the row moves to a new page whole. */
void gpdf_row(struct gpdf *d, int n, const double *widths,
              const char *const *cells, bool bold);
/* Finish and free the document: 0, or ERR_IO when cairo failed. */
int gpdf_end(struct gpdf *d);

#endif
