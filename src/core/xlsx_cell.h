/*
** Text cells of the XLSX writers (libxlsxwriter), under the same formula
** guard as the CSV writer (core/csv.h): a text that starts with = + - @
** TAB or CR is written with a leading '. A string cell is not evaluated,
** but a user who saves the sheet as CSV carries the text on. Numbers and
** the formulas the product writes itself go to libxlsxwriter directly.
*/
#ifndef CORE_XLSX_CELL_H
#define CORE_XLSX_CELL_H

#include <xlsxwriter.h>

/* worksheet_write_string with the guard; NULL is written as "". */
lxw_error xlsx_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                    const char *s, lxw_format *f);
/* worksheet_merge_range with the guard. */
lxw_error xlsx_merge_text(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1,
                          lxw_row_t r2, lxw_col_t c2, const char *s,
                          lxw_format *f);

/*
** Document properties every workbook the product writes carries (issue
** 20): title, subject, the issuing institution as author and company, the
** program as the creator's keywords. author may be NULL.
*/
lxw_error xlsx_properties(lxw_workbook *wb, const char *title,
                          const char *subject, const char *author);

#endif
