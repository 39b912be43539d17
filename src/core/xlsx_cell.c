/* Guarded XLSX text cells; see xlsx_cell.h. */
#include "xlsx_cell.h"

#include <stdint.h>

#include "buf.h"
#include "csv.h"

lxw_error
xlsx_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
          lxw_format *f)
{
    struct buf b;
    lxw_error e;

    /* libxlsxwriter copies the string, so the buffer can go at once */
    buf_init(&b);
    csv_guard_to(&b, s);
    e = worksheet_write_string(ws, row, col, b.data ? b.data : "", f);
    buf_free(&b);
    return e;
}

lxw_error
xlsx_merge_text(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
                lxw_col_t c2, const char *s, lxw_format *f)
{
    struct buf b;
    lxw_error e;

    buf_init(&b);
    csv_guard_to(&b, s);
    e = worksheet_merge_range(ws, r1, c1, r2, c2, b.data ? b.data : "", f);
    buf_free(&b);
    return e;
}

lxw_error
xlsx_properties(lxw_workbook *wb, const char *title, const char *subject,
                const char *author)
{
    /* libxlsxwriter 1.1 declares these char * but copies them. */
    lxw_doc_properties props = {
        .title = (char *)(uintptr_t)title,
        .subject = (char *)(uintptr_t)subject,
        .author = (char *)(uintptr_t)author,
        .company = (char *)(uintptr_t)author,
        .keywords = (char *)(uintptr_t) "Rodzina",
        .comments =
            (char
                 *)(uintptr_t) "Rodzina: system regionalnej polityki rodzinnej",
    };

    return workbook_set_properties(wb, &props);
}
