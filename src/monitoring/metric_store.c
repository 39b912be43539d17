/*
** Computed indicators. The metrics are data: a fixed list of what the
** registers and the helpline can count, each with the filter values it
** accepts; an indicator is bound to one metric, a filter and optionally a
** plan task number (computed_indicator). Each metric is one catalogue
** query (or one helpline function), so no SQL is built from the binding.
*/
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "db/db.h"
#include "helpline/helpline.h"
#include "monitoring.h"
#include "monitoring/strings_pl.h"
#include "zone/strings_pl.h"
#include "zone/zone.h"

static const char *const event_kinds[] = {
    "training", "conference", "workshop",  "seminar",  "supervision",
    "meeting",  "campaign",   "broadcast", "festival", NULL};
static const char *const event_kind_labels[] = {T_MON_EVENT_KIND_LABELS, NULL};
static const char *const groups[] = {"team",      "gkrpa",  "teachers",
                                     "probation", "police", "social",
                                     "other",     NULL};
static const char *const group_labels[] = {
    T_MON_GROUP_TEAM,     T_MON_GROUP_GKRPA,
    T_MON_GROUP_TEACHERS, T_MON_GROUP_PROBATION,
    T_MON_GROUP_POLICE,   T_MON_GROUP_SOCIAL,
    T_MON_GROUP_OTHER,    NULL};
static const char *const grant_measures[] = {
    "calls", "offers", "awards", "initiatives", "beneficiaries", NULL};
static const char *const grant_labels[] = {T_MON_GRANT_LABELS, NULL};
static const char *const adoption_measures[] = {
    "trained_adoptive", "trained_foster", "families", "children", NULL};
static const char *const adoption_labels[] = {T_MON_ADOPTION_LABELS, NULL};
static const char *const publication_measures[] = {
    "items", "editions", "copies", "broadcasts", NULL};
static const char *const publication_labels[] = {T_MON_PUBLICATION_LABELS,
                                                 NULL};
/* Helpline contacts: all, or the consultations for professionals only. */
static const char *const helpline_filters[] = {"professionals", NULL};
static const char *const helpline_filter_labels[] = {
    T_MON_HELPLINE_PROFESSIONALS, NULL};
/* The library of materials (zone/zone.h, issue 19). */
static const char *const material_measures[] = {"items", "downloads", NULL};
static const char *const material_labels[] = {T_ZONE_METRIC_MATERIAL_LABELS,
                                              NULL};

const struct mon_metric mon_metrics[] = {
    {"events", T_MON_METRIC_EVENTS, false, event_kinds, event_kind_labels,
     false},
    {"participants", T_MON_METRIC_PARTICIPANTS, false, groups, group_labels,
     false},
    {"grants", T_MON_METRIC_GRANTS, false, grant_measures, grant_labels, true},
    {"adoption", T_MON_METRIC_ADOPTION, false, adoption_measures,
     adoption_labels, true},
    {"publications", T_MON_METRIC_PUBLICATIONS, false, publication_measures,
     publication_labels, true},
    {"helpline_contacts", T_MON_METRIC_HELPLINE_CONTACTS, false,
     helpline_filters, helpline_filter_labels, false},
    {"helpline_agreements", T_MON_METRIC_HELPLINE_AGREEMENTS, true, NULL, NULL,
     false},
    {"materials", T_ZONE_METRIC_MATERIALS, false, material_measures,
     material_labels, true},
};
const int mon_metrics_count =
    (int)(sizeof(mon_metrics) / sizeof(mon_metrics[0]));

const struct mon_metric *
mon_metric_find(const char *code)
{
    int i;

    for (i = 0; code != NULL && i < mon_metrics_count; i++) {
        if (strcmp(mon_metrics[i].code, code) == 0) {
            return &mon_metrics[i];
        }
    }
    return NULL;
}

const char *
mon_metric_filter_label(const struct mon_metric *m, const char *filter)
{
    int i;

    for (i = 0; m->filters != NULL && m->filters[i] != NULL; i++) {
        if (strcmp(m->filters[i], filter) == 0) {
            return m->filter_labels[i];
        }
    }
    return "";
}

static bool
filter_ok(const struct mon_metric *m, const char *filter)
{
    int i;

    if (*filter == '\0') {
        return !m->filter_required;
    }
    for (i = 0; m->filters != NULL && m->filters[i] != NULL; i++) {
        if (strcmp(m->filters[i], filter) == 0) {
            return true;
        }
    }
    return false;
}

int
mon_metric_eval(struct db *db, const char *region, const char *metric,
                const char *filter, const char *task, int from, int to,
                int64_t *n)
{
    const struct mon_metric *m = mon_metric_find(metric);
    enum query_id q;
    db_stmt *st;

    filter = filter ? filter : "";
    task = task ? task : "";
    if (m == NULL || !filter_ok(m, filter) || from > to) {
        return ERR_INPUT;
    }
    if (strcmp(metric, "helpline_contacts") == 0) {
        int64_t sum = 0, k;
        int y, rc;

        for (y = from; y <= to; y++) {
            rc = *filter != '\0' ? helpline_count_professional_consultations(
                                       db, region, y, &k)
                                 : helpline_count_contacts(db, region, y, &k);
            if (rc != 0) {
                return rc;
            }
            sum += k;
        }
        *n = sum;
        return 0;
    }
    if (strcmp(metric, "helpline_agreements") == 0) {
        char date[16];

        snprintf(date, sizeof(date), "%04d-12-31", to);
        return helpline_count_agreements(db, region, date, n);
    }
    if (strcmp(metric, "materials") == 0) {
        return zone_count_materials(db, region, filter, task, from, to, n);
    }
    q = strcmp(metric, "events") == 0         ? Q_MON_METRIC_EVENTS
        : strcmp(metric, "participants") == 0 ? Q_MON_METRIC_PARTICIPANTS
        : strcmp(metric, "grants") == 0       ? Q_MON_METRIC_GRANTS
        : strcmp(metric, "adoption") == 0     ? Q_MON_METRIC_ADOPTION
                                              : Q_MON_METRIC_PUBLICATIONS;
    st = db_query(db, q);
    db_bind_text(st, 1, region);
    db_bind_int(st, 2, from);
    db_bind_int(st, 3, to);
    db_bind_text(st, 4, filter);
    db_bind_text(st, 5, task);
    return db_one_int(st, n);
}

static void
binding_cols(struct arena *a, db_stmt *st, void *elem)
{
    struct mon_binding *b = elem;

    b->pos = (int)db_col_int(st, 0);
    b->metric = db_col_text_dup(a, st, 1);
    b->filter = db_col_text_dup(a, st, 2);
    b->task = db_col_text_dup(a, st, 3);
}

int
mon_bindings_of_plan(struct db *db, struct arena *a, int64_t plan_id,
                     struct mon_binding **out)
{
    return mon_rows_of_plan(db, a, Q_MON_BINDINGS, plan_id, sizeof(**out),
                            binding_cols, out);
}

int
mon_binding_set(struct db *db, struct arena *a, const struct mon_actor *act,
                int64_t plan_id, int pos, const char *metric,
                const char *filter, const char *task, const char **why)
{
    const struct mon_metric *m = NULL;
    struct audit_entry e = act->who;
    bool exists;
    db_stmt *st;
    int rc;

    *why = NULL;
    filter = filter ? str_trim(a, filter) : "";
    task = task ? str_trim(a, task) : "";
    if ((rc = plan_store_has_indicator(db, plan_id, pos, &exists)) != 0) {
        return rc;
    }
    if (!exists) {
        *why = T_MON_ERR_ITEM;
        return ERR_INPUT;
    }
    if (metric != NULL && *metric != '\0') {
        m = mon_metric_find(metric);
        if (m == NULL) {
            *why = T_MON_ERR_METRIC;
            return ERR_INPUT;
        }
        if (!filter_ok(m, filter)) {
            *why = T_MON_ERR_FILTER;
            return ERR_INPUT;
        }
    }
    if (m != NULL) {
        st = db_query(db, Q_MON_BINDING_UPSERT);
        db_bind_int(st, 1, plan_id);
        db_bind_int(st, 2, pos);
        db_bind_text(st, 3, m->code);
        db_bind_text(st, 4, filter);
        db_bind_text(st, 5, task);
    } else {
        st = db_query(db, Q_MON_BINDING_DELETE);
        db_bind_int(st, 1, plan_id);
        db_bind_int(st, 2, pos);
    }
    e.action = m != NULL ? "indicator.bind" : "indicator.unbind";
    e.entity = "plan_indicator";
    e.entity_id = arena_printf(a, "%ld/%d", (long)plan_id, pos);
    if (m != NULL) {
        struct buf b;
        struct json j;

        json_obj_open(&j, &b);
        json_kstr(&j, "metric", m->code);
        json_kstr(&j, "filter", filter);
        json_kstr(&j, "task", task);
        e.after = json_obj_dup(a, &j);
    }
    return audit_exec(db, &e, st);
}
