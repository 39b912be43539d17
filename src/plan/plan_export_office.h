/*
** Exporting a plan as ODS and DOCX (plan_export_office.c), in the same
** layout as the CSV and XLSX of plan_export.h, read back by plan_read()
** into the same plan.
*/
#ifndef PLAN_PLAN_EXPORT_OFFICE_H
#define PLAN_PLAN_EXPORT_OFFICE_H

#include "plan.h"

struct arena;
struct buf;

/* Append the plan as an ODS workbook to out. Returns 0 or ERR_IO. */
int plan_export_ods_buf(struct arena *a, const struct plan *p, struct buf *out);

/*
** Append the plan as a DOCX document to out: title and resolution as
** paragraphs, the table below them. Returns 0 or ERR_IO.
*/
int plan_export_docx_buf(struct arena *a, const struct plan *p,
                         struct buf *out);

#endif
