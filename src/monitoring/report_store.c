/*
** Adopting the annual report: the coordinator's decision freezes what the
** report says. Every format is rendered once, at adoption, and stored as
** bytes (report_adoption refuses UPDATE and DELETE), so the adopted files
** are served byte for byte whatever changes later: entries, approvals,
** plan edits, or this program's own renderers.
*/
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "db/db.h"
#include "html/strings_pl.h"
#include "monitoring.h"
#include "report_html.h"
#include "monitoring/strings_pl.h"

/* The four files of report m, each into its buffer. 0 or ERR_IO. */
static int
render_all(struct arena *a, const struct mon_report *m, struct buf *json,
           struct buf *html, struct buf *pdf, struct buf *xlsx)
{
    struct json j;
    int rc;

    json_init(&j, json);
    mon_report_json(&j, m);
    buf_putc(json, '\n');
    mon_report_html(html, a, m, true);
    if ((rc = mon_report_pdf(a, m, pdf)) != 0) {
        return rc;
    }
    return mon_report_xlsx(a, m, xlsx);
}

int
mon_report_adopt(struct db *db, struct arena *a, const struct mon_actor *act,
                 int64_t plan_id, int *version, const char **why)
{
    struct audit_entry e = act->who;
    struct mon_report m;
    struct buf json, html, pdf, xlsx;
    int64_t next = 0, now = (int64_t)time(NULL);
    db_stmt *st;
    int rc;

    *why = NULL;
    if ((rc = mon_report_build(db, a, plan_id, &m)) != 0) {
        return rc;
    }
    if (act->region != NULL && strcmp(act->region, m.meta.region) != 0) {
        return ERR_NOTFOUND;
    }
    /* A final report has no pending values: each is decided first. */
    if (m.entries_pending > 0) {
        *why =
            arena_printf(a, T_MON_ERR_ADOPT_PENDING, (long)m.entries_pending);
        return ERR_INPUT;
    }
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    st = db_query(db, Q_MON_ADOPTION_NEXT);
    db_bind_int(st, 1, plan_id);
    if ((rc = db_one_int(st, &next)) != 0) {
        db_rollback(db);
        return rc;
    }
    m.version = (int)next;
    m.issued_at = now;
    buf_init(&json);
    buf_init(&html);
    buf_init(&pdf);
    buf_init(&xlsx);
    rc = render_all(a, &m, &json, &html, &pdf, &xlsx);
    if (rc == 0) {
        st = db_query(db, Q_MON_ADOPTION_INSERT);
        db_bind_int(st, 1, plan_id);
        db_bind_int(st, 2, next);
        db_bind_int(st, 3, now);
        db_bind_text(st, 4, act->who.account);
        db_bind_blob(st, 5, json.data, json.len);
        db_bind_blob(st, 6, html.data, html.len);
        db_bind_blob(st, 7, pdf.data, pdf.len);
        db_bind_blob(st, 8, xlsx.data, xlsx.len);
        rc = db_exec(st);
    }
    buf_free(&json);
    buf_free(&html);
    buf_free(&pdf);
    buf_free(&xlsx);
    if (rc == 0) {
        e.action = "report.adopt";
        e.entity = "plan";
        e.entity_id = arena_printf(a, "%ld", (long)plan_id);
        e.after = arena_printf(a, "{\"version\":%ld,\"entries\":%ld}",
                               (long)next, (long)m.entries);
        rc = audit_add(db, &e);
    }
    if (rc != 0) {
        db_rollback(db);
        return rc;
    }
    *version = (int)next;
    return db_commit(db);
}

int
mon_report_adopted(struct db *db, struct arena *a, int64_t plan_id, int version,
                   const char *format, int *found, const void **data,
                   size_t *len)
{
    db_stmt *st = db_query(db, Q_MON_ADOPTION_FILE);
    const void *p;
    int rc;

    db_bind_int(st, 1, plan_id);
    db_bind_int(st, 2, version);
    db_bind_text(st, 3, format);
    rc = db_step(st);
    if (rc != DB_ROW) {
        db_done(st);
        return rc == DB_DONE ? ERR_NOTFOUND : rc;
    }
    *found = (int)db_col_int(st, 0);
    p = db_col_blob(st, 1, len);
    *data = arena_alloc(a, *len + 1);
    if (*len > 0) {
        memcpy((void *)*data, p, *len);
    }
    db_done(st);
    return 0;
}

static void
adoption_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct mon_adoption *d = elem;

    d->version = (int)db_col_int(st, 0);
    d->at = db_col_int(st, 1);
    d->by = db_col_text_dup_or_null(a, st, 2);
}

int
mon_report_adoptions(struct db *db, struct arena *a, int64_t plan_id,
                     struct mon_adoption **out)
{
    return mon_rows_of_plan(db, a, Q_MON_ADOPTIONS, plan_id, sizeof(**out),
                            adoption_cols, out);
}

int
mon_yearly_plans(struct db *db, struct arena *a, bool unpublished,
                 const char *region, struct mon_yearly_plan **out)
{
    struct plan_yearly *plans;
    struct mon_yearly_plan *list;
    int n = plan_store_yearly_list(db, a, unpublished, region, &plans), i, rc;

    *out = list = n > 0 ? arena_alloc(a, sizeof(*list) * (size_t)n) : NULL;
    for (i = 0; i < n; i++) {
        db_stmt *st = db_query(db, Q_MON_PLAN_COUNTS);

        list[i].id = plans[i].id;
        list[i].region_name = plans[i].region_name;
        list[i].programme_title = plans[i].programme_title;
        list[i].year = plans[i].year;
        db_bind_int(st, 1, plans[i].id);
        if ((rc = db_step(st)) != DB_ROW) {
            db_done(st);
            return rc < 0 ? rc : ERR_DB;
        }
        list[i].entries = db_col_int(st, 0);
        list[i].pending = db_col_int(st, 1);
        list[i].adopted = (int)db_col_int(st, 2);
        db_done(st);
    }
    return n;
}
