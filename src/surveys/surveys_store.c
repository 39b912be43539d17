/*
** The surveys' store: questionnaires, recipients with their links,
** responses and the counts of the results. Links are kept as they are
** (unlike the trainings' personal links): the office sends them again
** when asked, and a link lets one only answer, once, with no personal
** data behind it.
*/
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/random.h"
#include "core/str.h"
#include "core/warsaw.h"
#include "db/db.h"
#include "monitoring/monitoring.h"
#include "directory/directory.h"
#include "surveys/strings_pl.h"
#include "surveys/surveys.h"
#include "training/training.h"

#define TITLE_MAX 300
#define QUESTION_MAX 500
#define OPTION_MAX 200
#define NUMBER_MAX 1000000000LL

const char *const survey_kinds[] = {"single", "multiple", "scale",
                                    "number", "text",     NULL};
const char *const survey_kind_labels[] = {T_SV_KIND_SINGLE, T_SV_KIND_MULTIPLE,
                                          T_SV_KIND_SCALE,  T_SV_KIND_NUMBER,
                                          T_SV_KIND_TEXT,   NULL};
const char *const survey_purposes[] = {"training_needs", "other", NULL};
const char *const survey_purpose_labels[] = {T_SV_PURPOSE_TRAINING,
                                             T_SV_PURPOSE_OTHER, NULL};

static bool
is_choice(const char *kind)
{
    return strcmp(kind, "single") == 0 || strcmp(kind, "multiple") == 0;
}

const char *
survey_options_join(struct arena *a, const struct survey_question *q)
{
    const char *s = "";
    int i;

    for (i = 0; i < q->noptions; i++) {
        s = arena_printf(a, "%s%s%s", s, i ? "\n" : "", q->options[i]);
    }
    return s;
}

void
survey_question_check(struct arena *a, const struct survey_question *q, int k,
                      const char ***errs, int *nerrs)
{
    int i;

    if (!training_one_of(survey_kinds, q->kind)) {
        mon_add_err(a, errs, nerrs, arena_printf(a, T_SV_ERR_KIND, k));
    }
    if (q->text == NULL || q->text[0] == '\0' ||
        strlen(q->text) > QUESTION_MAX) {
        mon_add_err(a, errs, nerrs, arena_printf(a, T_SV_ERR_TEXT, k));
    }
    if (q->kind != NULL && is_choice(q->kind) && q->noptions < 2) {
        mon_add_err(a, errs, nerrs, arena_printf(a, T_SV_ERR_OPTIONS, k));
    }
    for (i = 0; i < q->noptions; i++) {
        if (strlen(q->options[i]) > OPTION_MAX ||
            strchr(q->options[i], '\n') != NULL) {
            mon_add_err(a, errs, nerrs, arena_printf(a, T_SV_ERR_OPTION, k));
            break;
        }
    }
}

int
survey_create(struct db *db, struct arena *a, const struct audit_entry *who,
              const char *region, const struct survey_in *in, int64_t *id,
              const char ***errs, int *nerrs)
{
    struct audit_entry e = *who;
    char now[UTC_STAMP_SIZE];
    const char *title = str_trim(a, in->title ? in->title : "");
    db_stmt *st;
    int rc, k;

    *nerrs = 0;
    if (title[0] == '\0' || strlen(title) > TITLE_MAX) {
        mon_add_err(a, errs, nerrs, T_SV_ERR_TITLE);
    }
    if (!training_one_of(survey_purposes, in->purpose)) {
        mon_add_err(a, errs, nerrs, T_SV_ERR_PURPOSE);
    }
    if (in->nq == 0) {
        mon_add_err(a, errs, nerrs, T_SV_ERR_NO_QUESTIONS);
    }
    for (k = 0; k < in->nq; k++) {
        survey_question_check(a, &in->q[k], k + 1, errs, nerrs);
    }
    if (*nerrs > 0) {
        return ERR_INPUT;
    }
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    st = db_query(db, Q_SV_INSERT);
    db_bind_text(st, 1, region);
    db_bind_text(st, 2, title);
    db_bind_text(st, 3, in->purpose);
    db_bind_text(st, 4, in->open_link ? random_token(a) : NULL);
    db_bind_text(st, 5, utc_stamp_now(now, false));
    rc = db_one_int(st, id);
    for (k = 0; rc == 0 && k < in->nq; k++) {
        const struct survey_question *q = &in->q[k];

        st = db_query(db, Q_SV_QUESTION_INSERT);
        db_bind_int(st, 1, *id);
        db_bind_int(st, 2, k + 1);
        db_bind_text(st, 3, q->kind);
        db_bind_text(st, 4, str_trim(a, q->text));
        db_bind_text(st, 5,
                     is_choice(q->kind) ? survey_options_join(a, q) : "");
        rc = db_exec(st);
    }
    if (rc == 0) {
        e.action = "survey.create";
        e.entity = "survey";
        e.entity_id = arena_printf(a, "%lld", (long long)*id);
        e.after = arena_printf(a, "{\"questions\":%d,\"open_link\":%s}", in->nq,
                               in->open_link ? "true" : "false");
        rc = audit_add(db, &e);
    }
    return db_end(db, rc);
}

static void
survey_row(struct arena *a, db_stmt *st, void *elem)
{
    struct survey *s = elem;

    s->id = db_col_int(st, 0);
    s->region = db_col_text_dup(a, st, 1);
    s->title = db_col_text_dup(a, st, 2);
    s->purpose = db_col_text_dup(a, st, 3);
    s->open_token = db_col_text_dup(a, st, 4);
    s->created_at = db_col_text_dup(a, st, 5);
    s->recipients = db_col_int(st, 6);
    s->answered = db_col_int(st, 7);
    s->responses = db_col_int(st, 8);
}

int
survey_list(struct db *db, struct arena *a, const char *region,
            const char *purpose, struct survey **out)
{
    db_stmt *st = db_query(db, Q_SV_LIST);

    db_bind_text(st, 1, region);
    db_bind_text(st, 2, purpose);
    return db_list(st, a, sizeof(**out), survey_row, out);
}

void
survey_options_split(char *opts, struct survey_question *q)
{
    char *save = NULL, *o;

    q->noptions = 0;
    for (o = strtok_r(opts, "\n", &save);
         o != NULL && q->noptions < SURVEY_OPTIONS_MAX;
         o = strtok_r(NULL, "\n", &save)) {
        q->options[q->noptions++] = o;
    }
}

static void
question_row(struct arena *a, db_stmt *st, void *elem)
{
    struct survey_question *q = elem;

    q->id = db_col_int(st, 0);
    q->pos = (int)db_col_int(st, 1);
    q->kind = db_col_text_dup(a, st, 2);
    q->text = db_col_text_dup(a, st, 3);
    if (strcmp(q->kind, "scale") == 0) {
        q->noptions = SURVEY_SCALE_MAX;
        return;
    }
    survey_options_split(db_col_text_dup(a, st, 4), q);
}

int
survey_get(struct db *db, struct arena *a, int64_t id, struct survey *out,
           struct survey_question **q, int *nq)
{
    int rc;

    memset(out, 0, sizeof(*out));
    if ((rc = db_get(db_query_id(db, Q_SV_GET, id), a, survey_row, out)) != 0) {
        return rc;
    }
    *nq = db_list(db_query_id(db, Q_SV_QUESTIONS, id), a, sizeof(**q),
                  question_row, q);
    return *nq < 0 ? *nq : 0;
}

static void
recipient_row(struct arena *a, db_stmt *st, void *elem)
{
    struct survey_recipient *x = elem;

    x->id = db_col_int(st, 0);
    x->dir_org = db_col_int(st, 1);
    x->name = db_col_text_dup(a, st, 2);
    x->token = db_col_text_dup(a, st, 3);
    x->answered_at = db_col_text_dup(a, st, 4);
}

int
survey_recipients(struct db *db, struct arena *a, int64_t id,
                  struct survey_recipient **out)
{
    return db_list(db_query_id(db, Q_SV_RECIPIENTS, id), a, sizeof(**out),
                   recipient_row, out);
}

int
survey_send(struct db *db, struct arena *a, const struct audit_entry *who,
            int64_t id, const int64_t *orgs, int n, int *added)
{
    struct audit_entry e = *who;
    struct survey s;
    struct survey_question *q;
    struct survey_recipient *before;
    struct dir_org o;
    int rc, i, nq, nb;
    db_stmt *st;

    *added = 0;
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    if ((rc = survey_get(db, a, id, &s, &q, &nq)) != 0) {
        goto done;
    }
    if ((nb = survey_recipients(db, a, id, &before)) < 0) {
        rc = nb;
        goto done;
    }
    for (i = 0; rc == 0 && i < n; i++) {
        if (dir_org_load(db, a, orgs[i], &o) != 0 ||
            strcmp(o.region, s.region) != 0) {
            rc = ERR_INPUT;
            break;
        }
        st = db_query(db, Q_SV_RECIPIENT_INSERT);
        db_bind_int(st, 1, id);
        db_bind_int(st, 2, orgs[i]);
        db_bind_text(st, 3, o.name);
        db_bind_text(st, 4, random_token(a));
        rc = db_exec(st);
    }
    if (rc == 0 && (nb = survey_recipients(db, a, id, &before) - nb) >= 0) {
        *added = nb;
        e.action = "survey.send";
        e.entity = "survey";
        e.entity_id = arena_printf(a, "%lld", (long long)id);
        e.after = arena_printf(a, "{\"recipients_added\":%d}", nb);
        rc = audit_add(db, &e);
    }
done:
    return db_end(db, rc);
}

int
survey_by_token(struct db *db, struct arena *a, const char *token,
                int64_t *survey_id, int64_t *recipient, bool *answered)
{
    db_stmt *st;
    int rc;

    (void)a;
    *recipient = 0;
    *answered = false;
    if (token == NULL || strlen(token) != RANDOM_TOKEN_HEX) {
        return ERR_NOTFOUND;
    }
    st = db_query(db, Q_SV_BY_RECIPIENT_TOKEN);
    db_bind_text(st, 1, token);
    if ((rc = db_one_row(st)) == 0) {
        *survey_id = db_col_int(st, 0);
        *recipient = db_col_int(st, 1);
        *answered = db_col_text(st, 2)[0] != '\0';
        db_done(st);
        return 0;
    }
    if (rc != ERR_NOTFOUND) {
        return rc;
    }
    st = db_query(db, Q_SV_BY_OPEN_TOKEN);
    db_bind_text(st, 1, token);
    return db_one_int(st, survey_id);
}

const char *
survey_answer_check(struct arena *a, const struct survey_question *q,
                    const struct survey_answer_in *in, int k, int64_t *v)
{
    const char *s = in->value ? in->value : "";
    char *end;
    int i, chosen = 0;

    if (strcmp(q->kind, "multiple") == 0) {
        for (i = 0; i < q->noptions; i++) {
            chosen += in->chosen[i];
        }
        return chosen > 0 ? NULL : arena_printf(a, T_SV_ERR_CHOOSE_SOME, k);
    }
    if (strcmp(q->kind, "text") == 0) {
        return s[0] == '\0' || strlen(s) > SURVEY_TEXT_MAX
                   ? arena_printf(a, T_SV_ERR_ANSWER_TEXT, k)
                   : NULL;
    }
    *v = strtoll(s, &end, 10);
    if (s[0] == '\0' || *end != '\0') {
        return arena_printf(a,
                            strcmp(q->kind, "number") == 0 ? T_SV_ERR_NUMBER
                                                           : T_SV_ERR_CHOOSE,
                            k);
    }
    if (strcmp(q->kind, "number") == 0) {
        return *v < 0 || *v > NUMBER_MAX ? arena_printf(a, T_SV_ERR_NUMBER, k)
                                         : NULL;
    }
    return *v < 1 || *v > q->noptions ? arena_printf(a, T_SV_ERR_CHOOSE, k)
                                      : NULL;
}

static int
answer_insert(struct db *db, int64_t response, int64_t question, int64_t choice,
              int64_t num, const char *text)
{
    db_stmt *st = db_query(db, Q_SV_ANSWER_INSERT);

    db_bind_int(st, 1, response);
    db_bind_int(st, 2, question);
    if (choice > 0) {
        db_bind_int(st, 3, choice);
    } else {
        db_bind_null(st, 3);
    }
    if (num >= 0) {
        db_bind_int(st, 4, num);
    } else {
        db_bind_null(st, 4);
    }
    db_bind_text(st, 5, text);
    return db_exec(st);
}

static int
answers_store(struct db *db, const struct survey_question *q, int nq,
              const struct survey_answer_in *ans, const int64_t *v,
              int64_t response)
{
    int rc = 0, k, i;

    for (k = 0; rc == 0 && k < nq; k++) {
        if (strcmp(q[k].kind, "multiple") == 0) {
            for (i = 0; rc == 0 && i < q[k].noptions; i++) {
                if (ans[k].chosen[i]) {
                    rc = answer_insert(db, response, q[k].id, i + 1, -1, NULL);
                }
            }
        } else if (strcmp(q[k].kind, "text") == 0) {
            rc = answer_insert(db, response, q[k].id, 0, -1, ans[k].value);
        } else if (strcmp(q[k].kind, "number") == 0) {
            rc = answer_insert(db, response, q[k].id, 0, v[k], NULL);
        } else {
            rc = answer_insert(db, response, q[k].id, v[k], -1, NULL);
        }
    }
    return rc;
}

int
survey_answer(struct db *db, struct arena *a, const char *token,
              const struct survey_answer_in *ans, const char ***errs,
              int *nerrs)
{
    struct survey s;
    struct survey_question *q;
    int64_t sid, recipient, response, v[SURVEY_QUESTIONS_MAX] = {0};
    char now[UTC_STAMP_SIZE];
    bool answered;
    db_stmt *st;
    int rc, nq, k;

    *nerrs = 0;
    if ((rc = db_begin(db)) != 0) {
        return rc;
    }
    if ((rc = survey_by_token(db, a, token, &sid, &recipient, &answered)) !=
            0 ||
        (rc = survey_get(db, a, sid, &s, &q, &nq)) != 0) {
        goto done;
    }
    if (answered) {
        mon_add_err(a, errs, nerrs, T_SV_ERR_ANSWERED);
        rc = ERR_CONFLICT;
        goto done;
    }
    for (k = 0; k < nq && k < SURVEY_QUESTIONS_MAX; k++) {
        const char *why = survey_answer_check(a, &q[k], &ans[k], k + 1, &v[k]);

        if (why != NULL) {
            mon_add_err(a, errs, nerrs, why);
        }
    }
    if (*nerrs > 0) {
        rc = ERR_INPUT;
        goto done;
    }
    utc_stamp_now(now, false);
    st = db_query(db, Q_SV_RESPONSE_INSERT);
    db_bind_int(st, 1, sid);
    if (recipient > 0) {
        db_bind_int(st, 2, recipient);
    } else {
        db_bind_null(st, 2);
    }
    db_bind_text(st, 3, now);
    if ((rc = db_one_int(st, &response)) != 0) {
        goto done;
    }
    if (recipient > 0) {
        st = db_query(db, Q_SV_RECIPIENT_ANSWERED);
        db_bind_int(st, 1, recipient);
        db_bind_text(st, 2, now);
        if ((rc = db_exec(st)) != 0) {
            goto done;
        }
    }
    rc = answers_store(db, q, nq, ans, v, response);
done:
    return db_end(db, rc);
}

/* The index of question id in q, or -1. */
static int
question_at(const struct survey_question *q, int nq, int64_t id)
{
    int k;

    for (k = 0; k < nq; k++) {
        if (q[k].id == id) {
            return k;
        }
    }
    return -1;
}

int
survey_results(struct db *db, struct arena *a, int64_t id,
               const struct survey_question *q, int nq,
               struct survey_result **out)
{
    struct survey_result *res = arena_alloc(a, sizeof(*res) * (size_t)(nq + 1));
    struct survey_row *rows;
    db_stmt *st = db_query_id(db, Q_SV_CHOICE_COUNTS, id);
    int rc, k, n, r;

    while ((rc = db_step(st)) == DB_ROW) {
        int64_t c = db_col_int(st, 1);

        k = question_at(q, nq, db_col_int(st, 0));
        if (k >= 0 && c >= 1 && c <= q[k].noptions) {
            res[k].counts[c - 1] = db_col_int(st, 2);
        }
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    st = db_query_id(db, Q_SV_NUMBERS, id);
    while ((rc = db_step(st)) == DB_ROW) {
        if ((k = question_at(q, nq, db_col_int(st, 0))) >= 0) {
            res[k].answered = db_col_int(st, 1);
            res[k].sum = db_col_int(st, 2);
            res[k].min = db_col_int(st, 3);
            res[k].max = db_col_int(st, 4);
        }
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    /* Who answered each question, and the texts, from the rows. */
    if ((n = survey_rows(db, a, id, q, nq, &rows)) < 0) {
        return n;
    }
    for (k = 0; k < nq; k++) {
        int64_t answered = 0;

        for (r = 0; r < n; r++) {
            const char *cell = rows[r].cells[3 + k];

            if (cell[0] == '\0') {
                continue;
            }
            answered++;
            if (strcmp(q[k].kind, "text") == 0) {
                res[k].texts = arena_grow(a, (void *)res[k].texts,
                                          res[k].ntexts, sizeof(char *));
                res[k].texts[res[k].ntexts++] = cell;
            }
        }
        res[k].answered = answered;
    }
    *out = res;
    return 0;
}

/* The text of an answer row's value for question qq. */
static const char *
answer_text(struct arena *a, const struct survey_question *qq, db_stmt *st)
{
    if (!db_col_null(st, 4)) {
        int64_t c = db_col_int(st, 4);

        if (strcmp(qq->kind, "scale") == 0) {
            return arena_printf(a, "%lld", (long long)c);
        }
        return c >= 1 && c <= qq->noptions ? qq->options[c - 1] : "";
    }
    if (!db_col_null(st, 5)) {
        return arena_printf(a, "%lld", (long long)db_col_int(st, 5));
    }
    return db_col_text_dup(a, st, 6);
}

int
survey_rows(struct db *db, struct arena *a, int64_t id,
            const struct survey_question *q, int nq, struct survey_row **out)
{
    db_stmt *st = db_query_id(db, Q_SV_ANSWERS, id);
    struct survey_row *rows = NULL;
    int64_t last = -1;
    int n = 0, rc, k;

    while ((rc = db_step(st)) == DB_ROW) {
        int64_t resp = db_col_int(st, 0);
        const char **cells;

        if (resp != last) {
            rows = arena_grow(a, rows, n, sizeof(*rows));
            cells = arena_alloc(a, sizeof(*cells) * (size_t)(nq + 3));
            cells[0] = arena_printf(a, "%d", n + 1);
            cells[1] = db_col_text_dup(a, st, 1);
            cells[2] = db_col_text_dup(a, st, 2);
            for (k = 0; k < nq; k++) {
                cells[3 + k] = "";
            }
            rows[n++].cells = cells;
            last = resp;
        }
        cells = rows[n - 1].cells;
        if ((k = question_at(q, nq, db_col_int(st, 3))) >= 0) {
            const char *v = answer_text(a, &q[k], st);

            cells[3 + k] = cells[3 + k][0] == '\0'
                               ? v
                               : arena_printf(a, "%s; %s", cells[3 + k], v);
        }
    }
    db_done(st);
    *out = rows;
    return rc == DB_DONE ? n : rc;
}
