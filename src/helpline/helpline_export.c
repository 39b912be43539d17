/*
** Niebieska Linia exports: contacts and statistics as CSV and XLSX. One
** small sheet writer serves both formats, so the columns are written once.
** Contacts stream from the statement into the writer. The sensitive note is
** exported only with notatki=1 by an account holding CAP_HELPLINE_NOTES,
** and each such export writes one audit row; any other account asking for
** it is refused (403), and an export without that flag has no note column.
*/
#include "modules_handlers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "core/csv.h"
#include "core/err.h"
#include "core/tmpfile.h"
#include "core/log.h"
#include "core/xlsx_cell.h"
#include "db/db.h"
#include "helpline_web.h"
#include "helpline/strings_pl.h"

#define EXPORT_MAX 1000000

struct sheet {
    bool xlsx;
    struct csv csv;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_row_t row;
    lxw_col_t col;
};

static void
cell_str(struct sheet *s, const char *v)
{
    if (s->xlsx) {
        xlsx_text(s->ws, s->row, s->col++, v, NULL);
        return;
    }
    csv_text(&s->csv, v);
}

static void
cell_int(struct sheet *s, int64_t v)
{
    if (s->xlsx) {
        worksheet_write_number(s->ws, s->row, s->col++, (double)v, NULL);
        return;
    }
    csv_int(&s->csv, v);
}

static void
row_end(struct sheet *s)
{
    if (!s->xlsx) {
        csv_row_end(&s->csv);
    }
    s->row++;
    s->col = 0;
}

/* Start a sheet: CSV into r->out, or XLSX into a temporary file. */
static int
sheet_begin(struct req *r, struct sheet *s, bool xlsx, const char *name,
            char **path)
{
    memset(s, 0, sizeof(*s));
    s->xlsx = xlsx;
    if (!xlsx) {
        csv_begin(&s->csv, &r->out, ';', CSV_QUOTE_ALL | CSV_BOM);
        r->content_type = "text/csv; charset=utf-8";
        req_add_header(
            r, "Content-Disposition",
            arena_printf(&r->arena, "attachment; filename=\"%s.csv\"", name));
        return 0;
    }
    if (tmpfile_create(&r->arena, "helpline-export", path) != 0) {
        return ERR_IO;
    }
    s->wb = workbook_new(*path);
    if (s->wb == NULL) {
        unlink(*path);
        return ERR_IO;
    }
    xlsx_properties(s->wb, name, T_HL_TITLE, NULL);
    s->ws = workbook_add_worksheet(s->wb, name);
    /* Every sheet is a table with its header on the first row. */
    worksheet_freeze_panes(s->ws, 1, 0);
    r->content_type = "application/vnd.openxmlformats-officedocument."
                      "spreadsheetml.sheet";
    req_add_header(
        r, "Content-Disposition",
        arena_printf(&r->arena, "attachment; filename=\"%s.xlsx\"", name));
    return 0;
}

/* Finish: for XLSX close the workbook and read the file into r->out. */
static int
sheet_end(struct req *r, struct sheet *s, const char *path)
{
    if (!s->xlsx) {
        return 0;
    }
    if (workbook_close(s->wb) != LXW_NO_ERROR) {
        unlink(path);
        return ERR_IO;
    }
    return tmpfile_take("helpline export", path, &r->out);
}

static void
cell_bits(struct req *r, struct sheet *s, unsigned v, const char *const *labels,
          int n)
{
    struct buf b;
    int i;

    buf_init(&b);
    for (i = 1; i <= n; i++) {
        if (v & (1u << (i - 1))) {
            if (b.len) {
                buf_puts(&b, "; ");
            }
            buf_puts(&b, labels[i]);
        }
    }
    cell_str(s, b.len ? b.data : "");
    buf_free(&b);
    (void)r;
}

static int
contacts_export(struct req *r, bool xlsx)
{
    const char *region, *from, *to, *notes = req_arg(r, "notatki");
    bool with_notes = notes != NULL && strcmp(notes, "1") == 0;
    struct sheet s;
    char before[16], *path = NULL;
    db_stmt *st;
    int rc, i;

    if ((rc = helpline_region_or_reply(r, false, &region)) != 0 ||
        (rc = helpline_range_or_reply(r, "1900-01-01", &from, &to)) != 0) {
        return rc;
    }
    if (with_notes && !helpline_can(r, CAP_HELPLINE_NOTES)) {
        return req_error(r, 403, T_HL_ERR_NOTES_DENIED);
    }
    snprintf(before, sizeof(before), "%s~", to);
    if (with_notes) {
        struct audit_entry who = helpline_actor(r);

        who.action = "helpline.export_notes";
        who.entity = "helpline_contact";
        who.after = arena_printf(&r->arena,
                                 "{\"region\":\"%s\",\"from\":\"%s\","
                                 "\"to\":\"%s\",\"format\":\"%s\"}",
                                 region, from, to, xlsx ? "xlsx" : "csv");
        if ((rc = audit_add(r->db, &who)) != 0) {
            return rc;
        }
    }
    if ((rc = sheet_begin(r, &s, xlsx, "kontakty", &path)) != 0) {
        return rc;
    }
    /* The columns the import reads back (the note last, when asked). */
    for (i = 0; i < HELPLINE_CSV_COLUMNS - 1; i++) {
        cell_str(&s, helpline_csv_columns[i]);
    }
    if (with_notes) {
        cell_str(&s, helpline_csv_columns[HELPLINE_CSV_COLUMNS - 1]);
    }
    row_end(&s);
    st = helpline_store_contacts(r->db, with_notes, region, from, before,
                                 EXPORT_MAX, 0);
    while ((rc = db_step(st)) == DB_ROW) {
        int ch = (int)db_col_int(st, 3), cr = (int)db_col_int(st, 4);

        cell_int(&s, db_col_int(st, 0));
        cell_str(&s, db_col_text(st, 1));
        cell_str(&s, db_col_text(st, 2));
        cell_str(&s, ch >= 1 && ch <= HELPLINE_CHANNELS
                         ? helpline_channel_label[ch]
                         : "");
        cell_str(&s, cr >= 1 && cr <= HELPLINE_CALLERS
                         ? helpline_caller_label[cr]
                         : "");
        cell_str(&s, db_col_text(st, 5));
        cell_str(&s, db_col_text(st, 6));
        cell_str(&s, db_col_text(st, 14));
        cell_bits(r, &s, (unsigned)db_col_int(st, 7), helpline_form_label,
                  HELPLINE_FORMS);
        cell_bits(r, &s, (unsigned)db_col_int(st, 8), helpline_harmed_label,
                  HELPLINE_HARMED);
        cell_bits(r, &s, (unsigned)db_col_int(st, 9), helpline_help_label,
                  HELPLINE_HELP);
        cell_bits(r, &s, (unsigned)db_col_int(st, 10), helpline_referral_label,
                  HELPLINE_REFERRALS);
        /* Institutions of the directory: "name (id); ..." by name. */
        cell_str(&s, db_col_text(st, 15));
        cell_int(&s, db_col_int(st, 11));
        cell_str(&s, db_col_text(st, 13));
        if (with_notes) {
            cell_str(&s, db_col_text(st, 16));
        }
        row_end(&s);
    }
    db_done(st);
    if (rc != DB_DONE) {
        if (s.xlsx) {
            workbook_close(s.wb);
            unlink(path);
        }
        return rc;
    }
    return sheet_end(r, &s, path);
}

/*
** ROUTE: GET /niebieska-linia/kontakty.csv
** CAP: CAP_HELPLINE_READ
** PARAMS: od, do (YYYY-MM-DD), woj, notatki=1 (CAP_HELPLINE_NOTES, audited)
*/
int
page_helpline_contacts_csv(struct req *r)
{
    return contacts_export(r, false);
}

/*
** ROUTE: GET /niebieska-linia/kontakty.xlsx
** CAP: CAP_HELPLINE_READ
** PARAMS: od, do (YYYY-MM-DD), woj, notatki=1 (CAP_HELPLINE_NOTES, audited)
*/
int
page_helpline_contacts_xlsx(struct req *r)
{
    return contacts_export(r, true);
}

/* One row of the statistics sheet: dimension, code, name, count. */
static void
stat_row(struct sheet *s, const char *dim, const char *code, const char *name,
         int64_t n)
{
    cell_str(s, dim);
    cell_str(s, code);
    cell_str(s, name);
    cell_int(s, n);
    row_end(s);
}

static void
stat_rows(struct sheet *s, const struct helpline_breakdown *b, const int64_t *v)
{
    int i;

    for (i = 1; i <= b->n; i++) {
        stat_row(s, b->dim, b->sheet_codes ? b->codes[i] : "", b->labels[i],
                 v[i]);
    }
}

static int
stats_export(struct req *r, bool xlsx)
{
    const char *region, *from, *to;
    struct helpline_stats st;
    struct sheet s;
    char *path = NULL;
    int i, rc;

    if ((rc = helpline_stats_or_reply(r, &region, &from, &to, &st)) != 0) {
        return rc;
    }
    if ((rc = sheet_begin(r, &s, xlsx, "statystyka", &path)) != 0) {
        return rc;
    }
    cell_str(&s, "wymiar");
    cell_str(&s, "kod");
    cell_str(&s, "nazwa");
    cell_str(&s, "liczba");
    row_end(&s);
    stat_row(&s, "razem", region ? region : "",
             arena_printf(&r->arena, "%s – %s", from, to), st.total);
    for (i = 0; i < st.nmonths; i++) {
        stat_row(&s, "miesiac", st.months[i], st.months[i], st.by_month[i]);
    }
    for (i = 0; i < HELPLINE_BREAKDOWNS; i++) {
        stat_rows(&s, &helpline_breakdowns[i],
                  helpline_breakdown_counts(&st, &helpline_breakdowns[i]));
    }
    for (i = 0; i < st.ninst_kinds; i++) {
        stat_row(&s, "skierowanie_katalog_rodzaj", st.inst_kinds[i].code,
                 st.inst_kinds[i].name, st.inst_kinds[i].n);
    }
    for (i = 0; i < st.ninsts; i++) {
        stat_row(&s, "skierowanie_instytucja",
                 arena_printf(&r->arena, "%lld", (long long)st.insts[i].id),
                 st.insts[i].name, st.insts[i].n);
    }
    for (i = 0; i < st.npowiats; i++) {
        stat_row(&s, "powiat", st.powiats[i].code, st.powiats[i].name,
                 st.powiats[i].n);
    }
    for (i = 0; i < st.ngminas; i++) {
        stat_row(&s, "gmina", st.gminas[i].code,
                 st.gminas[i].code[0] ? st.gminas[i].name : T_HL_UNKNOWN_GMINA,
                 st.gminas[i].n);
    }
    return sheet_end(r, &s, path);
}

/*
** ROUTE: GET /niebieska-linia/statystyki.csv
** CAP: CAP_HELPLINE_READ
** PARAMS: od, do (YYYY-MM-DD), woj (empty: the country)
*/
int
page_helpline_stats_csv(struct req *r)
{
    return stats_export(r, false);
}

/*
** ROUTE: GET /niebieska-linia/statystyki.xlsx
** CAP: CAP_HELPLINE_READ
** PARAMS: od, do (YYYY-MM-DD), woj (empty: the country)
*/
int
page_helpline_stats_xlsx(struct req *r)
{
    return stats_export(r, true);
}
