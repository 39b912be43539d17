/*
** Exporting a plan: CSV and XLSX (ODS and DOCX: plan_export_office.h) in
** the layout of the document tables
** (title, a header over two rows, goal rows, task rows with their
** continuation rows, "·" breakdown rows, a total row), and JSON through
** plan_json_write(). The CSV and the first worksheet of the XLSX are laid
** out so that plan_read() reads them back into the same plan; the XLSX adds
** formulas for line and plan totals and a second worksheet with the
** funding notes and the kept free text, for people.
**
** What a round trip keeps: goals, actions, tasks, budget lines (term,
** implementers, "j.w.", totals, amounts by source), indicators with their
** breakdown rows, targets, units and free-text results, footnotes, every
** declared total (source and amount), and the funding notes with their
** items, written under the total row where the document has them (a note
** that says again the source a line's column gives is no conflict). A
*programme's goals and a project card are
** documents of lines, not tables: they are written as their lines, one a
** row, in the order of the document (goals, tasks, kept texts under their
** headings, results, period, total and EU co-financing), and read back as
** such. What it does not keep: source row numbers,
** actions that have no task in a plan whose tasks are not the
** actions themselves (the seed 002 layout), multi-year targets of a plan
** whose programme years are unknown. Nothing here touches the database.
*/
#ifndef PLAN_PLAN_EXPORT_H
#define PLAN_PLAN_EXPORT_H

#include "plan.h"

struct arena;
struct buf;

/*
** Append the plan as CSV to out: UTF-8 with a byte-order mark (so Excel
** opens it as UTF-8), ';' between cells, CRLF line ends, RFC 4180 quoting,
** money in the Polish form "112 000,00". a holds scratch strings. Returns 0.
*/
int plan_export_csv(struct arena *a, const struct plan *p, struct buf *out);

/*
** Write the plan as an XLSX workbook to the file at path (created or
** replaced). Money cells are numbers with the format "#,##0.00" (Excel and
** LibreOffice show it the Polish way, "112 000,00", on a Polish system);
** line totals equal to their parts and the plan's total row are formulas
** with their values cached. Returns 0, or ERR_IO when the file cannot be
** written (logged with the reason).
*/
int plan_export_xlsx(struct arena *a, const struct plan *p, const char *path);

/*
** The same workbook as bytes appended to out, for a download: written to
** a temporary file under $TMPDIR (else /tmp), read back and removed.
** Returns 0 or ERR_IO.
*/
int plan_export_xlsx_buf(struct arena *a, const struct plan *p,
                         struct buf *out);

/* Append the plan as one JSON object (plan_json_write) and a newline. */
int plan_export_json(const struct plan *p, struct buf *out);

#endif
