/*
** Persisting plans: one transaction writes a whole plan read by
** plan_read(); loading rebuilds the same struct plan (terms re-read,
** plan_check() run again), so pages, the API and exports share one model.
*/
#ifndef PLAN_STORE_H
#define PLAN_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"
#include "plan.h"

struct db;

struct plan_summary {
    int64_t id;
    const char *region, *region_name;
    const char *kind; /* "yearly", "programme", "project" */
    const char *title;
    int year; /* 0 when none */
    const char *programme_title;
    int programme_from, programme_to;
    const char *imported_at;
    int64_t ntasks;
    int64_t total_grosze;
    bool published;
    bool archived;
};

/* Extra facts of a stored plan that struct plan does not hold. */
struct plan_meta {
    int64_t id;
    const char *region, *region_name, *imported_at;
    bool published;
};

/*
** Store p for region (a voivodeship code this instance serves) in one
** transaction with its audit row (who: account, via, addr, and the action
** if not "plan.import"; the record is filled in here); *id receives the new
*plan's id. ERR_INPUT
** when the plan has error findings or the region is unknown (message on
** *why, Polish), ERR_DB on a store failure; nothing is written on error.
*/
int plan_store_save(struct db *db, struct arena *a, const char *region,
                    const struct plan *p, const struct audit_entry *who,
                    int64_t *id, const char **why);
/* Load plan id into the arena: 0 or ERR_NOTFOUND / ERR_DB. */
int plan_store_load(struct db *db, struct arena *a, int64_t id,
                    struct plan **out, struct plan_meta *meta);
/*
** The plans a reader may see, by region and programme: published ones,
** and when all_unpublished is set the unpublished ones of region too
** (region NULL: of every region). Returns the count or <0.
*/
int plan_store_list(struct db *db, struct arena *a, bool all_unpublished,
                    const char *region, struct plan_summary **out);
/*
** Whether plan id is published, its region and its version (bumped by
** every change): 0, or ERR_NOTFOUND.
*/
int plan_store_visibility(struct db *db, struct arena *a, int64_t id,
                          bool *published, const char **region,
                          int64_t *version);
/* Publish or withdraw a plan, with its audit row, in one transaction. */
int plan_store_set_published(struct db *db, int64_t id, bool published,
                             const struct audit_entry *who);
/*
** Write back task t of p (loaded by plan_store_load and edited in memory):
** its number and description, its lines (term, implementers, totals and
** amounts by source) and its indicators, and the plan's total, in one
** transaction with one audit row (who; before and after are JSON of the
** task). ERR_INPUT with *why when p has error findings; ERR_DB.
*/
int plan_store_update_task(struct db *db, struct arena *a, int64_t id,
                           const struct plan *p, int t,
                           const struct audit_entry *who, const char *before,
                           const char **why);
/*
** Store task t of p, appended in memory as the plan's last task with its
** lines and indicators last too (positions as in p), with the plan's new
** total and one audit row, in one transaction. ERR_INPUT with *why when p
** has error findings or another change came first; ERR_DB.
*/
int plan_store_add_task(struct db *db, struct arena *a, int64_t id,
                        const struct plan *p, int t,
                        const struct audit_entry *who, const char **why);
/*
** Write back what the plan form edits: title, year, programme (title and
** years, shared by the region's plans of that programme) and the goals
** (the first ngoals_before rewritten, the rest added), in one transaction
** with one audit row (before: JSON given by the caller). ERR_DB.
*/
int plan_store_update_meta(struct db *db, struct arena *a, int64_t id,
                           const char *region, const struct plan *p,
                           int ngoals_before, const struct audit_entry *who,
                           const char *before);
/*
** Where each task, budget line and indicator of a stored plan went when its
** structure was edited in memory: old position -> new position, -1 when
** removed. Indexed by the positions as loaded (ntasks ... of the stored
** plan).
*/
struct plan_remap {
    const int *task, *line, *indicator;
    int ntasks, nlines, nindicators;
    int64_t version; /* of the stored plan p was loaded from */
};

/*
** Write back the whole structure of p (goals, actions, tasks, budget lines
** with amounts, indicators), edited in memory from the stored plan id, in
** one transaction with one audit row (who, with its action; entity
** "plan"; before and after JSON given by the caller), the plan's total
** and version bumped, the implementer units linked again.
** The rule that keeps realisation: rows of realisation, computed
** indicators and narratives follow their item to its new position (m);
** an item that has any realisation entry (approved, pending or returned)
** or a narrative cannot be removed: ERR_CONFLICT with *why (Polish),
** nothing written; so is a plan whose version is no longer m->version.
*ERR_INPUT with *why when p has error findings; ERR_DB.
*/
int plan_store_rewrite(struct db *db, struct arena *a, int64_t id,
                       const struct plan *p, const struct plan_remap *m,
                       const struct audit_entry *who, const char *before,
                       const char *after, const char **why);

/* What decides whether a plan may be deleted or only archived. */
struct plan_facts {
    bool published, archived;
    int64_t realisation; /* realisation rows, narratives, adopted reports */
};
int plan_store_facts(struct db *db, int64_t id, struct plan_facts *out);
/*
** Delete plan id with one audit row (before: JSON given by the caller):
** only a draft (unpublished) plan without any realisation, narrative or
** adopted report; otherwise ERR_CONFLICT with *why (Polish). ERR_DB.
*/
int plan_store_delete(struct db *db, struct arena *a, int64_t id,
                      const struct audit_entry *who, const char *before,
                      const char **why);
/* Archive or bring back plan id, with its audit row; version bumped. */
int plan_store_set_archived(struct db *db, int64_t id, bool archived,
                            const struct audit_entry *who);
/*
** The plans a reader may see as plan_store_list, with the archived ones
** too when archived is set.
*/
int plan_store_list_archived(struct db *db, struct arena *a,
                             bool all_unpublished, const char *region,
                             bool archived, struct plan_summary **out);
/*
** The first plan of region and kind imported from a document with this
** content hash (plan_content_hash), into *id; 0 when there is none.
*/
int plan_store_same_content(struct db *db, const char *region,
                            enum plan_kind kind, const char *hash, int64_t *id);
const char *plan_whole_json(struct arena *a, const struct plan *p);
/*
** Uploads held until their preview is confirmed (plan_upload). Hold drops
** every held file older than 24 h (now in Unix seconds) and, when keep is
** set, holds data for account; *id receives its id (0 when not kept).
*/
int plan_store_upload_hold(struct db *db, int64_t account, const char *region,
                           const char *name, const void *data, size_t len,
                           int64_t now, bool keep, int64_t *id);
/* The file account holds as upload id, in a: 0, ERR_NOTFOUND or ERR_DB. */
int plan_store_upload_get(struct db *db, struct arena *a, int64_t id,
                          int64_t account, const char **region,
                          const char **name, const void **data, size_t *len);
/* Drop the file account holds as upload id (cancelled): 0 or ERR_DB. */
int plan_store_upload_drop(struct db *db, int64_t id, int64_t account);
/*
** Confirm upload id of account: in one transaction drop the held file and
** store p, read from it, as plan_store_save does (*id, *why). When region
** has a plan of the same content and duplicate is false, ERR_CONFLICT and
** the file stays held, to be confirmed again.
*/
int plan_store_upload_confirm(struct db *db, struct arena *a, int64_t upload,
                              int64_t account, const char *region,
                              const struct plan *p, bool duplicate,
                              const struct audit_entry *who, int64_t *id,
                              const char **why);
/* Whether plan id is a yearly plan: 0, ERR_NOTFOUND or ERR_DB. */
int plan_store_is_yearly(struct db *db, int64_t id, bool *yearly);
/*
** The tasks of yearly plans that account's implementer units implement,
** newest plan first: (*plans)[i] and task position (*tasks)[i], in a.
** Returns how many, or < 0.
*/
int plan_store_tasks_of_account(struct db *db, struct arena *a, int64_t account,
                                int64_t **plans, int **tasks);
/*
** The programme plan id belongs to (0: none) and the programme's years
** (0 when it does not say, or no such plan): 0 or ERR_DB.
*/
int plan_store_programme_of(struct db *db, int64_t id, int64_t *programme,
                            int *from, int *to);
/* The first yearly plan of region for year: 0, ERR_NOTFOUND or ERR_DB. */
int plan_store_yearly_first(struct db *db, const char *region, int year,
                            int64_t *id);
/* Whether one of account's implementer units implements task pos of plan
 * id (*mine): 0 or ERR_DB. */
int plan_store_task_of_account(struct db *db, int64_t id, int pos,
                               int64_t account, bool *mine);
/* The same for every task of plan id at once: mine[pos] set for each of
 * account's tasks (mine holds ntasks, cleared by the caller). 0 or ERR_DB. */
int plan_store_tasks_of_account_in(struct db *db, int64_t id, int64_t account,
                                   int ntasks, bool *mine);
/* Whether plan id has an indicator at pos (*exists): 0 or ERR_DB. */
int plan_store_has_indicator(struct db *db, int64_t id, int pos, bool *exists);
/* A yearly plan as the monitoring lists it. */
struct plan_yearly {
    int64_t id;
    const char *region_name, *programme_title; /* title "" for none */
    int year;
};
/*
** The yearly plans: published ones, and the unpublished too when
** unpublished is set, of region (NULL: every region), by region name,
** programme and year (newest first): count or < 0.
*/
int plan_store_yearly_list(struct db *db, struct arena *a, bool unpublished,
                           const char *region, struct plan_yearly **out);
/* An implementer unit of a task of a plan. */
struct plan_task_unit {
    int64_t unit;
    const char *name;
    int task; /* position in the plan */
};
/* The implementer units of plan id's tasks, by unit name: count or < 0. */
int plan_store_task_units(struct db *db, struct arena *a, int64_t id,
                          struct plan_task_unit **out);
/* What the plan form edits, as JSON (for audit rows), in the arena. */
const char *plan_meta_json(struct arena *a, const struct plan *p);
/* The task's fields as JSON (for audit rows), in the arena. */
const char *plan_task_json(struct arena *a, const struct plan *p, int t);
/*
** A budget line's or an indicator's fields into the open object of j;
** a number that is no value goes as written (as_written) or as its
** kind's mark ("-", "x", ongoing).
*/
void plan_line_json(struct json *j, const struct plan *p,
                    const struct plan_line *ln, bool as_written);
void plan_indicator_json(struct json *j, const struct plan_indicator *in,
                         bool as_written);
/* "yearly", "programme", "project". */
const char *plan_kind_name(enum plan_kind kind);
/* The kind stored as s; PLAN_YEARLY for any other name. */
enum plan_kind plan_kind_from_name(const char *s);

#endif
