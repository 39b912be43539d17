/*
** Region settings and crisis lines; see region.h. The store is the region
** and region_line tables (migration 0050); the national lines are the
** embedded data file crisis_lines_national.csv. No HTML here.
*/
#include "region.h"

#include <ctype.h>
#include <string.h>

#include "core/buf.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/json.h"
#include "core/str.h"
#include "strings_pl.h"
#include "teryt/teryt.h"

#define REGION_FIELD_MAX 300

static bool
has_digit(const char *s)
{
    for (; *s != '\0'; s++) {
        if (isdigit((unsigned char)*s)) {
            return true;
        }
    }
    return false;
}

/* The next "HH:MM" or "H.MM" in s from *p on, as minutes, or -1. */
static int
next_time(const char *s, size_t *p)
{
    size_t i;

    for (i = *p; s[i] != '\0'; i++) {
        const unsigned char *c = (const unsigned char *)s + i;
        size_t len;
        int h, m;

        if (!isdigit(c[0]) || (i > 0 && isdigit(c[-1]))) {
            continue;
        }
        /* c[1] is read only when c[0] is a digit, c[2] only when c[1] is
        ** not the NUL, and so on: never past the end. */
        if (isdigit(c[1]) && (c[2] == ':' || c[2] == '.') && isdigit(c[3]) &&
            isdigit(c[4])) {
            h = (c[0] - '0') * 10 + (c[1] - '0');
            m = (c[3] - '0') * 10 + (c[4] - '0');
            len = 5;
        } else if ((c[1] == ':' || c[1] == '.') && isdigit(c[2]) &&
                   isdigit(c[3])) {
            h = c[0] - '0';
            m = (c[2] - '0') * 10 + (c[3] - '0');
            len = 4;
        } else {
            continue;
        }
        if (h > 24 || m > 59 || (h == 24 && m > 0)) {
            continue;
        }
        *p = i + len;
        return h * 60 + m;
    }
    *p = i;
    return -1;
}

void
region_hours_parse(const char *hours, int *from, int *to)
{
    size_t p = 0;

    *from = *to = -1;
    if (hours == NULL) {
        return;
    }
    if (strstr(hours, V_RGN_ROUND_THE_CLOCK) != NULL ||
        strstr(hours, "24/7") != NULL || strstr(hours, "24 h") != NULL) {
        *from = 0;
        *to = 24 * 60;
        return;
    }
    *from = next_time(hours, &p);
    *to = *from < 0 ? -1 : next_time(hours, &p);
    if (*to < 0) {
        *from = -1;
    }
}

bool
region_line_open_now(const struct region_line *l, int m)
{
    if (l->open_from < 0 || l->open_to < 0) {
        return false;
    }
    if (l->open_from <= l->open_to) {
        return m >= l->open_from && m < l->open_to;
    }
    return m >= l->open_from || m < l->open_to; /* past midnight */
}

/* Field k (0-based) of a '|'-separated text, trimmed, or NULL. */
static char *
field(struct arena *a, const char *text, char sep, int k)
{
    const char *s = text, *e;

    while (k-- > 0) {
        if ((s = strchr(s, sep)) == NULL) {
            return NULL;
        }
        s++;
    }
    e = strchr(s, sep);
    return str_trim(a, e ? arena_strndup(a, s, (size_t)(e - s))
                         : arena_strdup(a, s));
}

int
region_line_parse(struct arena *a, const char *text, struct region_line *out,
                  const char **why)
{
    memset(out, 0, sizeof(*out));
    out->name = field(a, text, '|', 0);
    out->phone = field(a, text, '|', 1);
    out->hours = field(a, text, '|', 2);
    if (out->hours == NULL) {
        out->hours = "";
    }
    if (out->name == NULL || out->phone == NULL || *out->name == '\0' ||
        !has_digit(out->phone) || field(a, text, '|', 3) != NULL) {
        *why = T_RGN_ERR_LINE;
        return ERR_INPUT;
    }
    if (strlen(out->name) > REGION_FIELD_MAX || strlen(out->phone) > 40 ||
        strlen(out->hours) > REGION_FIELD_MAX) {
        *why = T_RGN_ERR_LONG;
        return ERR_INPUT;
    }
    region_hours_parse(out->hours, &out->open_from, &out->open_to);
    return 0;
}

static int
check(const struct region_settings *s, const char **why)
{
    const char *v[] = {s->office, s->address, s->info_line, s->bip_url};
    size_t i;

    for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
        if (v[i] != NULL && strlen(v[i]) > REGION_FIELD_MAX) {
            *why = T_RGN_ERR_LONG;
            return ERR_INPUT;
        }
    }
    if (s->bip_url != NULL && *s->bip_url != '\0' &&
        strncmp(s->bip_url, "https://", 8) != 0 &&
        strncmp(s->bip_url, "http://", 7) != 0) {
        *why = T_RGN_ERR_BIP;
        return ERR_INPUT;
    }
    if (s->nlines > REGION_MAX_LINES) {
        *why = T_RGN_ERR_TOO_MANY;
        return ERR_INPUT;
    }
    return 0;
}

/* The settings as stored, for the audit row. */
static const char *
settings_json(struct arena *a, const struct region_settings *s)
{
    struct buf b;
    struct json j;
    int i;

    json_obj_open(&j, &b);
    json_kstr(&j, "office", s->office);
    json_kstr(&j, "address", s->address);
    json_kstr(&j, "info_line", s->info_line);
    json_kstr(&j, "bip_url", s->bip_url);
    json_key(&j, "lines");
    json_arr_begin(&j);
    for (i = 0; i < s->nlines; i++) {
        json_obj_begin(&j);
        json_kstr(&j, "name", s->lines[i].name);
        json_kstr(&j, "phone", s->lines[i].phone);
        json_kstr(&j, "hours", s->lines[i].hours);
        json_obj_end(&j);
    }
    json_arr_end(&j);
    return json_obj_dup(a, &j);
}

struct save {
    struct arena *a;
    const struct region_settings *s;
};

static int
save(struct db *db, void *ctx, struct audit_entry *e)
{
    struct save *x = ctx;
    const struct region_settings *s = x->s;
    struct region_settings before, after;
    db_stmt *st;
    int rc, i;

    rc = region_get(db, x->a, s->woj, &before);
    e->before = rc == 0 ? settings_json(x->a, &before) : NULL;
    st = db_query(db, Q_REGION_ADD);
    db_bind_text(st, 1, s->woj);
    db_bind_text(st, 2, s->office);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    st = db_query(db, Q_REGION_SET);
    db_bind_text(st, 1, s->woj);
    db_bind_text(st, 2, s->address);
    db_bind_text(st, 3, s->info_line);
    db_bind_text(st, 4, s->bip_url);
    if ((rc = db_exec(st)) != 0) {
        return rc;
    }
    if (s->nlines >= 0) {
        st = db_query(db, Q_REGION_LINES_CLEAR);
        db_bind_text(st, 1, s->woj);
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    for (i = 0; i < s->nlines; i++) {
        const struct region_line *l = &s->lines[i];

        st = db_query(db, Q_REGION_LINE_INSERT);
        db_bind_text(st, 1, s->woj);
        db_bind_int(st, 2, i + 1);
        db_bind_text(st, 3, l->name);
        db_bind_text(st, 4, l->phone);
        db_bind_text(st, 5, l->hours ? l->hours : "");
        if (l->open_from >= 0 && l->open_to >= 0) {
            db_bind_int(st, 6, l->open_from);
            db_bind_int(st, 7, l->open_to);
        } else {
            db_bind_null(st, 6);
            db_bind_null(st, 7);
        }
        if ((rc = db_exec(st)) != 0) {
            return rc;
        }
    }
    if ((rc = region_get(db, x->a, s->woj, &after)) != 0) {
        return rc;
    }
    e->action = e->before ? "region.update" : "region.add";
    e->entity_id = s->woj;
    e->after = settings_json(x->a, &after);
    return 0;
}

int
region_save(struct db *db, struct arena *a, const struct region_settings *s,
            const struct audit_entry *who, const char **why)
{
    struct save x = {.a = a, .s = s};
    const char *name;
    int rc;

    *why = NULL;
    if (s->woj == NULL || strlen(s->woj) != 2) {
        *why = T_RGN_ERR_CODE;
        return ERR_INPUT;
    }
    rc = teryt_woj_get(db, a, s->woj, &name);
    if (rc != 0) {
        *why = T_RGN_ERR_CODE;
        return rc == ERR_NOTFOUND ? ERR_INPUT : rc;
    }
    if ((rc = check(s, why)) != 0) {
        return rc;
    }
    /* The action is known inside the change: add or update. */
    rc = audit_change(db, who, "region.add", "region", save, &x);
    return rc > 0 ? ERR_DB : rc;
}

int
region_codes(struct db *db, struct arena *a, const char ***out)
{
    db_stmt *st = db_query(db, Q_REGION_SETTINGS_LIST);
    const char **codes = NULL;
    int rc, n = 0;

    while ((rc = db_step(st)) == DB_ROW) {
        codes = arena_grow(a, codes, n, sizeof(*codes));
        codes[n++] = db_col_text_dup(a, st, 0);
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    *out = codes;
    return n;
}

int
region_list(struct db *db, struct arena *a, struct region_served **out)
{
    db_stmt *st = db_query(db, Q_REGION_LIST);
    struct region_served *v = NULL;
    int n = 0, rc;

    while ((rc = db_step(st)) == DB_ROW) {
        v = arena_grow(a, v, n, sizeof(*v));
        v[n].woj = db_col_text_dup(a, st, 0);
        v[n].name = db_col_text_dup(a, st, 1);
        v[n].office = db_col_text_dup(a, st, 2);
        n++;
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    *out = v;
    return n;
}

int
region_lines(struct db *db, struct arena *a, const char *woj,
             struct region_line **out)
{
    db_stmt *st = db_query(db, Q_REGION_LINES);
    struct region_line *v = NULL;
    int n = 0, rc;

    db_bind_text(st, 1, woj);
    while ((rc = db_step(st)) == DB_ROW) {
        v = arena_grow(a, v, n, sizeof(*v));
        v[n].woj = db_col_text_dup(a, st, 0);
        v[n].name = db_col_text_dup(a, st, 1);
        v[n].phone = db_col_text_dup(a, st, 2);
        v[n].hours = db_col_text_dup(a, st, 3);
        v[n].open_from = db_col_null(st, 4) ? -1 : (int)db_col_int(st, 4);
        v[n].open_to = db_col_null(st, 5) ? -1 : (int)db_col_int(st, 5);
        n++;
    }
    db_done(st);
    *out = v;
    return rc == DB_DONE ? n : rc;
}

int
region_get(struct db *db, struct arena *a, const char *woj,
           struct region_settings *out)
{
    db_stmt *st = db_query(db, Q_REGION_GET);
    struct region_line *l;
    int rc, n, i;

    memset(out, 0, sizeof(*out));
    db_bind_text(st, 1, woj);
    if ((rc = db_one_row(st)) != 0) {
        db_done(st);
        return rc;
    }
    out->woj = db_col_text_dup(a, st, 0);
    out->woj_name = db_col_text_dup(a, st, 1);
    out->office = db_col_text_dup(a, st, 2);
    out->address = db_col_text_dup(a, st, 3);
    out->info_line = db_col_text_dup(a, st, 4);
    out->bip_url = db_col_text_dup(a, st, 5);
    db_done(st);
    if ((n = region_lines(db, a, woj, &l)) < 0) {
        return n;
    }
    for (i = 0; i < n && i < REGION_MAX_LINES; i++) {
        out->lines[i] = l[i];
    }
    out->nlines = i;
    return 0;
}

int
region_national_lines(struct arena *a, struct region_line **out)
{
    const struct embedded *e =
        embedded_find(data_files, "crisis_lines_national.csv");
    struct region_line *v;
    const char *s, *eol;
    int n = 0, cap = 0;

    *out = NULL;
    if (e == NULL) {
        return 0;
    }
    for (s = e->data; *s != '\0'; s = eol + (*eol != '\0')) {
        eol = strchr(s, '\n');
        if (eol == NULL) {
            eol = s + strlen(s);
        }
        cap++;
    }
    v = arena_alloc(a, sizeof(*v) * (size_t)(cap ? cap : 1));
    /* The first line is the header; "#" lines are comments. */
    s = strchr(e->data, '\n');
    for (s = s ? s + 1 : e->data + e->len; *s != '\0';
         s = eol + (*eol != '\0')) {
        char *row;

        eol = strchr(s, '\n');
        if (eol == NULL) {
            eol = s + strlen(s);
        }
        row = arena_strndup(a, s, (size_t)(eol - s));
        if (*row == '\0' || *row == '#' || field(a, row, ';', 2) == NULL) {
            continue;
        }
        v[n].woj = NULL;
        v[n].name = field(a, row, ';', 0);
        v[n].phone = field(a, row, ';', 1);
        v[n].hours = field(a, row, ';', 2);
        region_hours_parse(v[n].hours, &v[n].open_from, &v[n].open_to);
        n++;
    }
    *out = v;
    return n;
}

int
region_served(struct db *db, const char *woj, bool *served)
{
    db_stmt *st = db_query(db, Q_REGION_EXISTS);
    int64_t n = 0;
    int rc;

    db_bind_text(st, 1, woj);
    rc = db_one_int(st, &n);
    *served = rc == 0 && n > 0;
    return rc;
}
