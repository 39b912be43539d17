/* Guarded XLSX text cells; see xlsx_cell.h. */
#include "xlsx_cell.h"

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
