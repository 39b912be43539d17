/*
** Niebieska Linia pages: the public page (is the line open now, upcoming
** duty hours), the contact register (a form built for the keyboard, the
** list, one contact), duty schedules and agreements with gminas with the
** region's map. Statistics are in helpline_stats_pages.c, exports in
** helpline_export.c, JSON in helpline_api.c. The note of a contact is
** never shown on a page: only exports with notes carry it.
*/
#include "modules_handlers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "db/db.h"
#include "directory/directory.h"
#include "helpline_web.h"
#include "html/form.h"
#include "html/html.h"
#include "html/layout.h"
#include "region/region.h"
#include "region/pages.h"
#include "helpline/strings_pl.h"
#include "teryt/strings_pl.h"
#include "teryt/teryt.h"

#define LIST_LIMIT 500
#define UPCOMING_DAYS 30

static const char *
plus_days(struct req *r, int days)
{
    struct tm tm;

    helpline_warsaw_time(time(NULL) + (time_t)days * 86400, &tm);
    return arena_printf(&r->arena, "%04d-%02d-%02d", tm.tm_year + 1900,
                        tm.tm_mon + 1, tm.tm_mday);
}

/* Labels of the set bits of v, joined by ", " (arena). */
static const char *
bits_text(struct req *r, unsigned v, const char *const *labels, int n)
{
    struct buf b;
    const char *s;
    int i;

    buf_init(&b);
    for (i = 1; i <= n; i++) {
        if (v & (1u << (i - 1))) {
            if (b.len > 0) {
                buf_puts(&b, ", ");
            }
            buf_puts(&b, labels[i]);
        }
    }
    s = arena_strdup(&r->arena, b.len ? b.data : T_HL_NONE);
    buf_free(&b);
    return s;
}

static void
duty_table(struct req *r, const char *region, const char *from, const char *to,
           bool manage)
{
    db_stmt *st = helpline_store_duties(r->db, region, from, to, LIST_LIMIT);
    int rows = 0;

    while (db_step(st) == DB_ROW) {
        int kind = (int)db_col_int(st, 2), sp = (int)db_col_int(st, 3);

        if (rows++ == 0) {
            html_printf(&r->out, WIDE_OPEN,
                        manage ? T_HL_DUTIES : T_HL_UPCOMING);
            html_printf(&r->out,
                        "<table class=\"hl-duties\">\n<caption>%s</caption>"
                        "\n<thead><tr><th scope=\"col\">%s</th>"
                        "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                        "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                        "<th scope=\"col\">%s</th>",
                        manage ? T_HL_DUTIES : T_HL_UPCOMING, T_HL_WHEN,
                        T_HL_HOURS, T_HL_KIND, T_HL_SPECIALIST, T_HL_CITY,
                        T_HL_PLACE);
            if (manage) {
                html_printf(&r->out, "<th scope=\"col\">%s</th>", T_HL_ACTIONS);
            }
            html_lit(&r->out, "</tr></thead>\n<tbody>\n");
        }
        html_printf(&r->out,
                    "<tr><td>%s</td><td>%s–%s</td><td>%s</td><td>%s</td>"
                    "<td>%s</td><td>%s</td>",
                    db_col_text(st, 6), db_col_text(st, 7), db_col_text(st, 8),
                    kind >= 1 && kind <= HELPLINE_DUTY_KINDS
                        ? helpline_duty_kind_label[kind]
                        : "",
                    sp >= 1 && sp <= HELPLINE_SPECIALISTS
                        ? helpline_specialist_label[sp]
                        : "",
                    db_col_text(st, 4), db_col_text(st, 5));
        if (manage) {
            html_lit(&r->out, "<td>");
            form_begin(r, "/niebieska-linia/dyzury/usun", NULL);
            html_printf(&r->out,
                        "<input type=\"hidden\" name=\"id\" value=\"%ld\">"
                        "<input type=\"hidden\" name=\"woj\" value=\"%s\">"
                        "<button type=\"submit\" aria-label=\"%s %s %s\">"
                        "%s</button>",
                        (long)db_col_int(st, 0), db_col_text(st, 1),
                        T_HL_DUTY_DELETE, db_col_text(st, 6),
                        db_col_text(st, 4), T_HL_DUTY_DELETE);
            form_end(r);
            html_lit(&r->out, "</td>");
        }
        html_lit(&r->out, "</tr>\n");
    }
    db_done(st);
    if (rows == 0) {
        html_printf(&r->out, "<p>%s</p>\n", T_HL_NO_DUTIES);
    } else {
        html_lit(&r->out, "</tbody>\n</table></div>\n");
    }
}

/*
** ROUTE: GET /niebieska-linia
** CAP: CAP_PUBLIC
** PARAMS: woj=2 digits (optional)
*/
int
page_helpline_home(struct req *r)
{
    /* The links an account sees by what it may do. */
    static const struct {
        enum cap cap;
        const char *href, *text;
    } links[] = {
        {CAP_HELPLINE_LOG, "/niebieska-linia/kontakty/nowy", T_HL_NEW_CONTACT},
        {CAP_HELPLINE_READ, "/niebieska-linia/kontakty", T_HL_CONTACTS},
        {CAP_HELPLINE_READ, "/niebieska-linia/statystyki", T_HL_STATS},
        {CAP_HELPLINE_MANAGE, "/niebieska-linia/dyzury", T_HL_DUTIES},
    };
    const char *region = helpline_region_public(r);
    struct region_line *l = NULL;
    struct tm tm;
    bool open;
    int n = region ? region_lines(r->db, &r->arena, region, &l) : 0, rc, i;

    if (n < 0) {
        return n;
    }
    /* The region's first helpline is the line this register serves. */
    helpline_warsaw_time(time(NULL), &tm);
    open = n > 0 && region_line_open_now(&l[0], tm.tm_hour * 60 + tm.tm_min);
    layout_begin(r, T_HL_TITLE);
    layout_quick_exit(r);
    html_printf(&r->out,
                "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n"
                "<p class=\"hl-status %s\" role=\"status\" "
                "id=\"linia-status\"><strong>",
                T_HL_TITLE, T_HL_LEAD, open ? "hl-open" : "hl-closed");
    if (n == 0) {
        html_printf(&r->out, "%s", T_HL_NO_LINE);
    } else if (open) {
        html_printf(&r->out, T_HL_OPEN_NOW, l[0].phone, l[0].hours);
    } else {
        html_printf(&r->out, T_HL_CLOSED_NOW, l[0].phone, l[0].hours);
    }
    html_lit(&r->out, "</strong></p>\n");
    if ((rc = region_html_lines(r, region)) != 0) {
        return rc;
    }
    html_printf(&r->out, "<h2>%s</h2>\n", T_HL_UPCOMING);
    duty_table(r, region, helpline_today(r), plus_days(r, UPCOMING_DAYS),
               false);
    html_printf(&r->out,
                "<h2>%s</h2>\n<ul class=\"hl-links\">\n"
                "<li><a href=\"/niebieska-linia/porozumienia\">%s</a>"
                "</li>\n",
                T_HL_LINKS, T_HL_AGREEMENTS);
    for (i = 0; i < (int)(sizeof(links) / sizeof(links[0])); i++) {
        if (helpline_can(r, links[i].cap)) {
            html_printf(&r->out, "<li><a href=\"%s\">%s</a></li>\n",
                        links[i].href, links[i].text);
        }
    }
    html_lit(&r->out, "</ul>\n");
    layout_end(r);
    return 0;
}

/* The values a contact form shows: defaults, or what was sent back. */
struct contact_form {
    const char *at, *gmina, *gmina_name, *minutes, *note;
    int channel, caller;
    unsigned forms, harmed, help, referrals;
    const int64_t *insts; /* institutions of the directory ticked */
    int ninsts;
    bool known; /* the gmina is known: choices below are its */
    bool step;  /* re-rendered to show the choices */
    struct dir_serving *choices;
    int nchoices;
};

/* Level of an institution's coverage as words. */
static const char *const inst_level[] = {
    T_HL_INST_LEVEL0,
    T_HL_INST_LEVEL1,
    T_HL_INST_LEVEL2,
};

/*
** The institutions of the directory serving the gmina, as checkboxes
** instytucja1..N whose values are their ids; before the gmina is known, a
** hint to the button that shows them (the page works without JavaScript).
*/
static void
institution_choices(struct req *r, const struct contact_form *f)
{
    int i, k;

    html_printf(&r->out,
                "<fieldset class=\"hl-checks hl-inst\" id=\"f-instytucje\">"
                "<legend>%s</legend>\n",
                T_HL_INSTITUTIONS);
    if (!f->known) {
        html_printf(&r->out, "<p class=\"hint\">%s</p>\n", T_HL_INST_HINT);
    } else if (f->nchoices == 0) {
        html_printf(&r->out, "<p class=\"hint\">%s</p>\n", T_HL_INST_NONE);
    }
    for (i = 0; f->known && i < f->nchoices; i++) {
        const struct dir_serving *x = &f->choices[i];
        const char *kind = dir_kind_label(x->kind);
        bool on = false;

        for (k = 0; k < f->ninsts; k++) {
            on = on || f->insts[k] == x->id;
        }
        html_printf(&r->out,
                    "<label><input type=\"checkbox\" name=\"instytucja%d\" "
                    "value=\"%lld\"%s%s> %s",
                    i + 1, (long long)x->id, on ? " checked" : "",
                    f->step && i == 0 ? " autofocus" : "", x->name);
        if (x->city[0] != '\0') {
            html_printf(&r->out, ", %s", x->city);
        }
        html_printf(&r->out, " <small>(%s, %s)</small></label>\n",
                    kind ? kind : x->kind,
                    inst_level[x->level >= 0 && x->level <= 2 ? x->level : 2]);
    }
    html_lit(&r->out, "</fieldset>\n");
}

static void
select_list(struct req *r, const char *name, const char *label,
            const char *const *labels, int n, int selected, bool focus)
{
    int i;

    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-%s\">%s</label>\n"
                "<select id=\"f-%s\" name=\"%s\" required%s>\n"
                "<option value=\"\">— wybierz —</option>\n",
                name, label, name, name, focus ? " autofocus" : "");
    for (i = 1; i <= n; i++) {
        html_printf(&r->out, "<option value=\"%d\"%s>%s</option>\n", i,
                    i == selected ? " selected" : "", labels[i]);
    }
    html_lit(&r->out, "</select></p>\n");
}

static void
checkboxes(struct req *r, const char *name, const char *legend,
           const char *const *labels, int n, unsigned set)
{
    int i;

    html_printf(&r->out,
                "<fieldset class=\"hl-checks\" id=\"f-%s\">"
                "<legend>%s</legend>\n",
                name, legend);
    for (i = 1; i <= n; i++) {
        html_printf(&r->out,
                    "<label><input type=\"checkbox\" name=\"%s%d\" "
                    "value=\"1\"%s> %s</label>\n",
                    name, i, set & (1u << (i - 1)) ? " checked" : "",
                    labels[i]);
    }
    html_lit(&r->out, "</fieldset>\n");
}

static void
contact_form(struct req *r, const struct contact_form *f, const char *error,
             int64_t saved)
{
    layout_begin(r, T_HL_NEW_CONTACT);
    html_printf(&r->out, "<h1>%s</h1>\n", T_HL_NEW_CONTACT);
    if (saved > 0) {
        html_printf(&r->out,
                    "<p role=\"status\" class=\"notice-ok\" "
                    "id=\"zapisano\">%s %ld. <a href=\"/niebieska-linia/"
                    "kontakty/%ld\">%s</a></p>\n",
                    T_HL_SAVED, (long)saved, (long)saved, T_HL_SHOW);
    }
    if (error != NULL) {
        form_errors(r, &error, 1);
    }
    form_begin(r, "/niebieska-linia/kontakty", NULL);
    html_lit(&r->out, "<div class=\"hl-form\">\n");
    select_list(r, "channel", T_HL_CHANNEL, helpline_channel_label,
                HELPLINE_CHANNELS, f->channel, !(f->step && f->nchoices > 0));
    select_list(r, "caller", T_HL_CALLER, helpline_caller_label,
                HELPLINE_CALLERS, f->caller, false);
    html_printf(&r->out,
                "<p class=\"field hl-gmina\"><label for=\"f-gmina-q\">%s"
                "</label>\n<input id=\"f-gmina-q\" name=\"gmina_nazwa\" "
                "type=\"text\" value=\"%s\" autocomplete=\"off\" "
                "data-autocomplete=\"/api/teryt/gminy\" "
                "aria-describedby=\"f-gmina-hint\">\n"
                "<input type=\"hidden\" name=\"gmina\" value=\"%s\">\n"
                "<span id=\"f-gmina-hint\" class=\"hint\">%s</span></p>\n",
                T_HL_GMINA, f->gmina_name, f->gmina, T_HL_GMINA_HINT);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-minuty\">%s</label>\n"
                "<input id=\"f-minuty\" name=\"minuty\" type=\"number\" "
                "min=\"1\" max=\"600\" inputmode=\"numeric\" "
                "value=\"%s\"></p>\n",
                T_HL_MINUTES, f->minutes);
    checkboxes(r, "forma", T_HL_FORMS, helpline_form_label, HELPLINE_FORMS,
               f->forms);
    checkboxes(r, "dotkniety", T_HL_HARMED, helpline_harmed_label,
               HELPLINE_HARMED, f->harmed);
    checkboxes(r, "pomoc", T_HL_HELP, helpline_help_label, HELPLINE_HELP,
               f->help);
    checkboxes(r, "skierowanie", T_HL_REFERRALS_TYPE, helpline_referral_label,
               HELPLINE_REFERRALS, f->referrals);
    institution_choices(r, f);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-notatka\">%s</label>\n"
                "<textarea id=\"f-notatka\" name=\"notatka\" rows=\"3\" "
                "maxlength=\"2000\" aria-describedby=\"f-notatka-hint\">"
                "%s</textarea>\n<span id=\"f-notatka-hint\" "
                "class=\"hint\">%s</span></p>\n",
                T_HL_NOTE, f->note, T_HL_NOTE_HINT);
    html_printf(&r->out,
                "<p class=\"field\"><label for=\"f-at\">%s</label>\n"
                "<input id=\"f-at\" name=\"at\" type=\"datetime-local\" "
                "value=\"%s\" required></p>\n",
                T_HL_AT, f->at);
    /* Save comes first: Enter in a field saves, as before. */
    html_printf(&r->out,
                "<p><button type=\"submit\" id=\"f-save\">%s</button>\n"
                "<button type=\"submit\" id=\"f-inst-show\" name=\"krok\" "
                "value=\"instytucje\" formnovalidate>%s</button></p>"
                "\n</div>\n",
                T_HL_SAVE, T_HL_INST_SHOW);
    form_end(r);
    html_printf(&r->out,
                "<p><a href=\"/niebieska-linia/kontakty\">%s</a></p>\n",
                T_HL_CONTACTS);
    layout_end(r);
}

/*
** ROUTE: GET /niebieska-linia/kontakty/nowy
** CAP: CAP_HELPLINE_LOG
** PARAMS: zapisano=id of the contact just saved (optional)
*/
int
page_helpline_contact_form(struct req *r)
{
    struct contact_form f = {0};
    const char *saved = req_arg(r, "zapisano");
    struct tm tm;

    f.at = helpline_now(r);
    f.gmina = f.gmina_name = f.minutes = f.note = "";
    helpline_warsaw_time(time(NULL), &tm);
    /* During the line's hours nearly every contact is a call to it. */
    f.channel = helpline_line_open(&tm) ? 1 : 0;
    contact_form(r, &f, NULL, saved ? atol(saved) : 0);
    return 0;
}

static unsigned
form_bits(struct req *r, const char *name, int n)
{
    unsigned v = 0;
    int i;

    for (i = 1; i <= n; i++) {
        const char *x = req_form(r, arena_printf(&r->arena, "%s%d", name, i));

        if (x != NULL && x[0] != '\0') {
            v |= 1u << (i - 1);
        }
    }
    return v;
}

static int
form_int(const char *s, int min, int max)
{
    char *end;
    long v;

    if (s == NULL || s[0] == '\0') {
        return 0;
    }
    v = strtol(s, &end, 10);
    return *end == '\0' && v >= min && v <= max ? (int)v : -1;
}

/*
** The gmina a form names: the autocomplete's code when its name still
** matches the text, else an exact name (in the region first). NULL when the
** text is empty; ERR_INPUT when it names no single gmina.
*/
static int
resolve_gmina(struct req *r, const char *region, const char *code,
              const char *text, const char **out)
{
    struct teryt_gmina g;
    int pass;

    *out = NULL;
    if (text == NULL || text[0] == '\0') {
        return 0;
    }
    if (code != NULL && strlen(code) == 7 &&
        teryt_gmina_get(r->db, &r->arena, code, &g) == 0 &&
        strcmp(g.name, text) == 0) {
        *out = code;
        return 0;
    }
    if (strlen(text) == 7 && strspn(text, "0123456789") == 7) {
        bool known = teryt_gmina_get(r->db, &r->arena, text, &g) == 0;

        *out = known ? text : NULL;
        return known ? 0 : ERR_INPUT;
    }
    for (pass = 0; pass < 2; pass++) {
        const char *found[2];
        int n = teryt_gmina_find(r->db, &r->arena, text,
                                 pass == 0 ? region : NULL, found);

        if (n < 0) {
            return n;
        }
        if (n == 1) {
            *out = found[0];
            return 0;
        }
        if (n > 1) {
            return ERR_INPUT; /* two gminas of that name: pick from list */
        }
    }
    return ERR_INPUT;
}

/*
** The ids of instytucjaN (N = 1..2 * HELPLINE_INSTITUTIONS_MAX) into the
** arena; ERR_INPUT for a value that is not a positive number.
*/
static int
form_institutions(struct req *r, const int64_t **out, int *n)
{
    int max = 2 * HELPLINE_INSTITUTIONS_MAX, i;
    int64_t *v = arena_alloc(&r->arena, (size_t)max * sizeof(*v));

    *out = v;
    *n = 0;
    for (i = 1; i <= max; i++) {
        const char *x = req_form(r, arena_printf(&r->arena, "instytucja%d", i));
        char *end;
        long long id;

        if (x == NULL || x[0] == '\0') {
            continue;
        }
        id = strtoll(x, &end, 10);
        if (*end != '\0' || id <= 0 || strlen(x) > 18) {
            return ERR_INPUT;
        }
        v[(*n)++] = id;
    }
    return 0;
}

/*
** ROUTE: POST /niebieska-linia/kontakty
** CAP: CAP_HELPLINE_LOG
** PARAMS: at, channel, caller, gmina, gmina_nazwa, formaN, dotknietyN,
**         pomocN, skierowanieN, instytucjaN (ids of the directory), minuty,
**         notatka, krok=instytucje (show the gmina's institutions, do not
**         save), csrf (form)
*/
int
page_helpline_contact_add(struct req *r)
{
    struct contact_form f = {0};
    struct helpline_contact c = {0};
    struct audit_entry who = helpline_actor(r);
    const char *why = NULL, *gmina = NULL, *step = req_form(r, "krok");
    char at[17];
    int64_t id = 0;
    int rc, bad_inst;

    f.at = req_form(r, "at");
    f.gmina = req_form(r, "gmina");
    f.gmina_name = req_form(r, "gmina_nazwa");
    f.minutes = req_form(r, "minuty");
    f.note = req_form(r, "notatka");
    f.at = f.at ? f.at : "";
    f.gmina = f.gmina ? f.gmina : "";
    f.gmina_name = f.gmina_name ? f.gmina_name : "";
    f.minutes = f.minutes ? f.minutes : "";
    f.note = f.note ? f.note : "";
    f.channel = form_int(req_form(r, "channel"), 1, HELPLINE_CHANNELS);
    f.caller = form_int(req_form(r, "caller"), 1, HELPLINE_CALLERS);
    f.forms = form_bits(r, "forma", HELPLINE_FORMS);
    f.harmed = form_bits(r, "dotkniety", HELPLINE_HARMED);
    f.help = form_bits(r, "pomoc", HELPLINE_HELP);
    f.referrals = form_bits(r, "skierowanie", HELPLINE_REFERRALS);
    bad_inst = form_institutions(r, &f.insts, &f.ninsts);
    f.step = step != NULL && strcmp(step, "instytucje") == 0;

    /* datetime-local may add seconds; a space may stand for the T. */
    snprintf(at, sizeof(at), "%s", f.at);
    if (at[10] == ' ') {
        at[10] = 'T';
    }
    c.at = at;
    c.region = r->user->region;
    c.channel = f.channel;
    c.caller = f.caller;
    c.forms = f.forms;
    c.harmed = f.harmed;
    c.help = f.help;
    c.referrals = f.referrals;
    c.minutes = form_int(f.minutes, 1, 600);
    c.note = f.note;
    c.created_by = r->user->login;
    c.institutions = f.insts;
    c.ninstitutions = f.ninsts;
    if (resolve_gmina(r, c.region, f.gmina, f.gmina_name, &gmina) != 0) {
        why = T_HL_ERR_GMINA;
    } else if (c.minutes < 0 && !f.step) {
        why = T_HL_ERR_MINUTES;
    } else if (bad_inst != 0) {
        why = T_HL_ERR_INST;
    }
    c.gmina = gmina;
    if (c.region == NULL && gmina != NULL) {
        c.region = arena_strndup(&r->arena, gmina, 2);
    }
    if (why == NULL && !f.step) {
        rc = helpline_contact_add(r->db, &c, &who, &id, &why);
        if (rc == 0) {
            return req_redirect(r, arena_printf(&r->arena,
                                                "/niebieska-linia/kontakty/"
                                                "nowy?zapisano=%ld",
                                                (long)id));
        }
        if (rc != ERR_INPUT) {
            return rc;
        }
    }
    /* The institutions serving the gmina, whenever the form comes back
    ** (not for a saved contact: a directory query per save). */
    if (gmina != NULL && c.region != NULL) {
        f.nchoices = helpline_institutions(r->db, &r->arena, c.region, gmina,
                                           &f.choices);
        if (f.nchoices < 0) {
            return f.nchoices;
        }
        f.known = true;
        /* What the consultant sees is the gmina as resolved. */
        f.gmina = gmina;
    }
    if (f.step) {
        if (why == NULL && gmina == NULL) {
            why = T_HL_ERR_INST_GMINA;
        }
        r->status = why != NULL ? 400 : 200;
        f.channel = f.channel < 0 ? 0 : f.channel;
        f.caller = f.caller < 0 ? 0 : f.caller;
        contact_form(r, &f, why, 0);
        return 0;
    }
    r->status = 400;
    if (f.channel < 0) {
        f.channel = 0;
    }
    if (f.caller < 0) {
        f.caller = 0;
    }
    contact_form(r, &f, why, 0);
    return 0;
}

static void
contact_row(struct req *r, db_stmt *st)
{
    int ch = (int)db_col_int(st, 3), cr = (int)db_col_int(st, 4);
    const char *gname = db_col_text(st, 6);

    html_printf(
        &r->out,
        "<tr><td><a href=\"/niebieska-linia/kontakty/%ld\">%ld"
        "</a></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
        "<td>%s</td><td class=\"num\">%ld</td><td>%s</td></tr>\n",
        (long)db_col_int(st, 0), (long)db_col_int(st, 0), db_col_text(st, 2),
        ch >= 1 && ch <= HELPLINE_CHANNELS ? helpline_channel_label[ch] : "",
        cr >= 1 && cr <= HELPLINE_CALLERS ? helpline_caller_label[cr] : "",
        gname[0] ? gname : T_HL_UNKNOWN_GMINA,
        bits_text(r, (unsigned)db_col_int(st, 7), helpline_form_label,
                  HELPLINE_FORMS),
        (long)db_col_int(st, 11),
        db_col_int(st, 12) ? T_HL_NOTE_PRESENT : T_HL_NOTE_ABSENT);
}

/*
** ROUTE: GET /niebieska-linia/kontakty
** CAP: CAP_HELPLINE_READ
** PARAMS: od=YYYY-MM-DD, do=YYYY-MM-DD (default: the last 30 days),
**         woj=2 digits (accounts of every region)
*/
int
page_helpline_contacts(struct req *r)
{
    const char *region, *from, *to, *q;
    char before[16];
    db_stmt *st;
    int rows = 0, rc;

    if (helpline_region_or_reply(r, false, &region) ||
        helpline_range_or_reply(r, plus_days(r, -30), &from, &to)) {
        return r->status == 403 ? ERR_DENIED : ERR_INPUT;
    }
    layout_begin(r, T_HL_CONTACTS);
    html_printf(&r->out, "<h1>%s <small>(%s)</small></h1>\n", T_HL_CONTACTS,
                helpline_region_name(r, region));
    if (helpline_can(r, CAP_HELPLINE_LOG)) {
        html_printf(&r->out,
                    "<p><a href=\"/niebieska-linia/kontakty/nowy\">%s</a>"
                    "</p>\n",
                    T_HL_NEW_CONTACT);
    }
    helpline_range_form(r, "/niebieska-linia/kontakty", from, to, region);
    q = arena_printf(&r->arena, "od=%s&do=%s&woj=%s", from, to, region);
    html_printf(&r->out,
                "<ul class=\"hl-links\"><li><a href=\"/niebieska-linia/"
                "kontakty.csv?%s\">%s</a></li><li><a href=\"/niebieska-"
                "linia/kontakty.xlsx?%s\">%s</a></li>",
                q, T_HL_EXPORT_CSV, q, T_HL_EXPORT_XLSX);
    if (helpline_can(r, CAP_HELPLINE_NOTES)) {
        html_printf(&r->out,
                    "<li><a href=\"/niebieska-linia/kontakty.csv?%s&"
                    "notatki=1\">%s</a></li>",
                    q, T_HL_EXPORT_NOTES);
    }
    html_lit(&r->out, "</ul>\n");
    /* "to" is inclusive: contacts before the next day. */
    snprintf(before, sizeof(before), "%s~", to);
    st = helpline_store_contacts(r->db, false, region, from, before, LIST_LIMIT,
                                 0);
    while ((rc = db_step(st)) == DB_ROW) {
        if (rows++ == 0) {
            html_printf(&r->out, WIDE_OPEN, T_HL_RECENT);
            html_printf(&r->out,
                        "<table>\n<caption>%s %s – %s</caption>\n<thead>"
                        "<tr><th scope=\"col\">Nr</th>"
                        "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                        "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                        "<th scope=\"col\">%s</th>"
                        "<th scope=\"col\" class=\"num\">%s</th>"
                        "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
                        T_HL_RECENT, from, to, T_HL_AT, T_HL_CHANNEL,
                        T_HL_CALLER, T_HL_GMINA, T_HL_FORMS, T_HL_MINUTES,
                        "Notatka");
        }
        contact_row(r, st);
    }
    db_done(st);
    if (rows == 0) {
        html_printf(&r->out, "<p>%s</p>\n", T_HL_NO_CONTACTS);
    } else {
        html_lit(&r->out, "</tbody>\n</table></div>\n");
    }
    layout_end(r);
    return rc == DB_DONE ? 0 : rc;
}

/*
** ROUTE: GET /niebieska-linia/kontakty/:id
** CAP: CAP_HELPLINE_READ
** PARAMS: id=number (path)
*/
int
page_helpline_contact(struct req *r)
{
    db_stmt *st;
    int64_t id;
    int ch, cr, rc, n = 0;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    st = helpline_store_contact(r->db, id);
    rc = db_step(st);
    if (rc != DB_ROW) {
        db_done(st);
        return rc == DB_DONE ? req_error(r, 404, NULL) : rc;
    }
    /* A consultant or analyst reads only the contacts of its region. */
    if (r->user->region != NULL &&
        strcmp(r->user->region, db_col_text(st, 1)) != 0) {
        db_done(st);
        return req_error(r, 403, T_HL_ERR_WOJ);
    }
    ch = (int)db_col_int(st, 3);
    cr = (int)db_col_int(st, 4);
    layout_begin(r, arena_printf(&r->arena, "%s %ld", T_HL_CONTACT,
                                 (long)db_col_int(st, 0)));
    html_printf(
        &r->out,
        "<h1>%s %ld</h1>\n<dl class=\"meta\">\n"
        "<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
        "<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s %s</dd>\n",
        T_HL_CONTACT, (long)db_col_int(st, 0), T_HL_AT, db_col_text(st, 2),
        T_HL_CHANNEL,
        ch >= 1 && ch <= HELPLINE_CHANNELS ? helpline_channel_label[ch] : "",
        T_HL_CALLER,
        cr >= 1 && cr <= HELPLINE_CALLERS ? helpline_caller_label[cr] : "",
        T_HL_GMINA,
        db_col_text(st, 6)[0] ? db_col_text(st, 6) : T_HL_UNKNOWN_GMINA,
        db_col_text(st, 5));
    html_printf(&r->out,
                "<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
                "<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n"
                "<dt>%s</dt><dd>%ld</dd>\n<dt>%s</dt><dd>%s</dd>\n"
                "<dt>%s</dt><dd>%s</dd>\n</dl>\n",
                T_HL_FORMS,
                bits_text(r, (unsigned)db_col_int(st, 7), helpline_form_label,
                          HELPLINE_FORMS),
                T_HL_HARMED,
                bits_text(r, (unsigned)db_col_int(st, 8), helpline_harmed_label,
                          HELPLINE_HARMED),
                T_HL_HELP,
                bits_text(r, (unsigned)db_col_int(st, 9), helpline_help_label,
                          HELPLINE_HELP),
                T_HL_REFERRALS,
                bits_text(r, (unsigned)db_col_int(st, 10),
                          helpline_referral_label, HELPLINE_REFERRALS),
                T_HL_MINUTES, (long)db_col_int(st, 11), "Notatka",
                db_col_int(st, 12) ? T_HL_NOTE_PRESENT : T_HL_NOTE_ABSENT,
                T_HL_BY, db_col_text(st, 13));
    id = db_col_int(st, 0);
    db_done(st);
    /* Only the institutions' names and kinds: nothing of the caller. */
    html_printf(&r->out, "<h2 id=\"instytucje\">%s</h2>\n", T_HL_INSTITUTIONS);
    st = helpline_store_referrals_of(r->db, id);
    while ((rc = db_step(st)) == DB_ROW) {
        const char *kind = dir_kind_label(db_col_text(st, 2));

        if (n++ == 0) {
            html_lit(&r->out, "<ul class=\"hl-inst-list\">\n");
        }
        html_printf(&r->out, "<li>%s <small>(%s)</small></li>\n",
                    db_col_text(st, 1), kind ? kind : db_col_text(st, 2));
    }
    db_done(st);
    if (rc != DB_DONE) {
        return rc;
    }
    if (n == 0) {
        html_printf(&r->out, "<p>%s</p>\n", T_HL_NONE);
    } else {
        html_lit(&r->out, "</ul>\n");
    }
    html_printf(&r->out,
                "<p><a href=\"/niebieska-linia/kontakty\">%s</a></p>\n",
                T_HL_CONTACTS);
    layout_end(r);
    return 0;
}

/* A select of a coded list (labels indexed by code from 1 to n), the
 * code chosen (0: none) selected. */
static void
list_select(struct req *r, const char *id, const char *name, const char *label,
            const char *const *labels, int n, int chosen)
{
    int i;

    html_printf(&r->out,
                "<p class=\"field\"><label for=\"%s\">%s</label>\n"
                "<select id=\"%s\" name=\"%s\">\n",
                id, label, id, name);
    for (i = 1; i <= n; i++) {
        html_printf(&r->out, "<option value=\"%d\"%s>%s</option>\n", i,
                    i == chosen ? " selected" : "", labels[i]);
    }
    html_lit(&r->out, "</select></p>\n");
}

/* What was typed into field name, to show again beside its errors. */
static const char *
typed(struct req *r, int nerrs, const char *name)
{
    return nerrs > 0 ? req_form(r, name) : NULL;
}

/* errs: the messages of a refused form (its fields keep what was typed). */
static void
duties_page(struct req *r, const char *region, const char *const *errs,
            int nerrs, const char *notice)
{
    layout_begin(r, T_HL_DUTIES);
    html_printf(&r->out, "<h1>%s <small>(%s)</small></h1>\n", T_HL_DUTIES,
                helpline_region_name(r, region));
    if (notice != NULL) {
        html_printf(&r->out, "<p role=\"status\" class=\"notice-ok\">%s</p>\n",
                    notice);
    }
    duty_table(r, region, helpline_today(r), "9999-12-31", true);
    html_printf(&r->out, "<h2 id=\"dodaj\">%s</h2>\n", T_HL_DUTY_ADD);
    form_errors(r, errs, nerrs);
    form_begin(r, "/niebieska-linia/dyzury", NULL);
    html_printf(&r->out, "<input type=\"hidden\" name=\"woj\" value=\"%s\">\n",
                region);
    list_select(r, "f-kind", "kind", T_HL_KIND, helpline_duty_kind_label,
                HELPLINE_DUTY_KINDS,
                form_int(typed(r, nerrs, "kind"), 1, HELPLINE_DUTY_KINDS));
    list_select(
        r, "f-sp", "specialist", T_HL_SPECIALIST, helpline_specialist_label,
        HELPLINE_SPECIALISTS,
        form_int(typed(r, nerrs, "specialist"), 1, HELPLINE_SPECIALISTS));
    form_input(r, "city", T_HL_CITY, "text", typed(r, nerrs, "city"),
               "required maxlength=\"100\"");
    form_input(r, "place", T_HL_PLACE, "text", typed(r, nerrs, "place"),
               "required maxlength=\"200\"");
    form_input(r, "day", T_HL_DUTY_DAY, "date", typed(r, nerrs, "day"),
               "required");
    form_input(r, "start", T_HL_DUTY_START, "time", typed(r, nerrs, "start"),
               "required");
    form_input(r, "finish", T_HL_DUTY_FINISH, "time", typed(r, nerrs, "finish"),
               "required");
    html_printf(&r->out, "<p><button type=\"submit\">%s</button></p>\n",
                T_HL_DUTY_ADD);
    form_end(r);
    layout_end(r);
}

/*
** ROUTE: GET /niebieska-linia/dyzury
** CAP: CAP_HELPLINE_MANAGE
** PARAMS: woj=2 digits (accounts of every region), ok=1|2 (notice)
*/
int
page_helpline_duties(struct req *r)
{
    const char *region, *ok = req_arg(r, "ok");

    if (helpline_region_or_reply(r, false, &region)) {
        return ERR_DENIED;
    }
    duties_page(r, region, NULL, 0,
                ok == NULL     ? NULL
                : ok[0] == '1' ? T_HL_DUTY_ADDED
                               : T_HL_DUTY_DELETED);
    return 0;
}

/* The region a change applies to: the account's, or the form's woj. */
static const char *
change_region(struct req *r)
{
    const char *woj = req_form(r, "woj");

    if (r->user->region != NULL) {
        return r->user->region;
    }
    return woj != NULL && strlen(woj) == 2 ? woj : NULL;
}

/*
** ROUTE: POST /niebieska-linia/dyzury
** CAP: CAP_HELPLINE_MANAGE
** PARAMS: woj, kind, specialist, city, place, day, start, finish, csrf
*/
int
page_helpline_duty_add(struct req *r)
{
    struct audit_entry who = helpline_actor(r);
    struct helpline_duty d = {0};
    const char *errs[HELPLINE_ERRS_MAX];
    int64_t id;
    int rc, nerrs = 0;

    d.region = change_region(r);
    d.kind = form_int(req_form(r, "kind"), 1, HELPLINE_DUTY_KINDS);
    d.specialist = form_int(req_form(r, "specialist"), 1, HELPLINE_SPECIALISTS);
    d.city = req_form(r, "city");
    d.place = req_form(r, "place");
    d.day = req_form(r, "day");
    d.start = req_form(r, "start");
    d.finish = req_form(r, "finish");
    rc = helpline_duty_add(r->db, &d, &who, &id, errs, &nerrs);
    if (rc == ERR_INPUT) {
        r->status = 400;
        duties_page(r, d.region ? d.region : "04", errs, nerrs, NULL);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(r, arena_printf(&r->arena,
                                        "/niebieska-linia/dyzury?ok=1&woj=%s",
                                        d.region));
}

/*
** ROUTE: POST /niebieska-linia/dyzury/usun
** CAP: CAP_HELPLINE_MANAGE
** PARAMS: id, woj, csrf (form)
*/
int
page_helpline_duty_delete(struct req *r)
{
    struct audit_entry who = helpline_actor(r);
    const char *ids = req_form(r, "id"), *region = change_region(r);
    int rc;

    if (ids == NULL || ids[0] == '\0' ||
        strspn(ids, "0123456789") != strlen(ids) || region == NULL) {
        return req_error(r, 400, T_ERR_BAD_REQUEST);
    }
    rc = helpline_duty_delete(r->db, region, atoll(ids), &who);
    if (rc == ERR_NOTFOUND) {
        return req_error(r, 404, NULL);
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(
        r,
        arena_printf(&r->arena, "/niebieska-linia/dyzury?ok=2&woj=%s", region));
}

static const char *
agreement_fill(const struct helpline_agreement *g)
{
    if (g->has) {
        return g->rodz == 1 ? "#1c4a80" : "#4f8fd6";
    }
    return g->rodz == 1 ? "#f2c4c4" : "#ffffff";
}

/* errs: the messages of a refused form (its fields keep what was typed). */
static void
agreements_page(struct req *r, const char *region, const char *const *errs,
                int nerrs, const char *notice)
{
    const char *chosen = typed(r, nerrs, "gmina");
    const char *date = helpline_today(r);
    struct helpline_agreement *g = NULL;
    struct helpline_map_area *areas;
    int n, i, with[2] = {0, 0}, without[2] = {0, 0};
    const char *title;

    n = helpline_agreements(r->db, &r->arena, region, date, &g);
    if (n < 0) {
        n = 0;
    }
    areas = arena_alloc(&r->arena, (size_t)(n + 1) * sizeof(*areas));
    for (i = 0; i < n; i++) {
        int urban = g[i].rodz == 1;

        if (g[i].has) {
            with[urban]++;
        } else {
            without[urban]++;
        }
        areas[i].teryt = g[i].teryt;
        areas[i].fill = agreement_fill(&g[i]);
        areas[i].hatched = !g[i].has;
        areas[i].title =
            arena_printf(&r->arena, "%s (%s, pow. %s): %s%s%s", g[i].name,
                         g[i].rodz == 1 ? "gmina miejska" : "gmina",
                         g[i].powiat, g[i].has ? T_HL_HAS : T_HL_HAS_NOT,
                         g[i].has && g[i].since ? " od " : "",
                         g[i].has && g[i].since ? g[i].since : "");
    }
    title = arena_printf(&r->arena, "%s %s", T_HL_AGREEMENTS,
                         helpline_region_name(r, region));
    layout_begin(r, title);
    html_printf(&r->out, "<h1>%s</h1>\n", title);
    if (notice != NULL) {
        html_printf(&r->out, "<p role=\"status\" class=\"notice-ok\">%s</p>\n",
                    notice);
    }
    html_printf(&r->out, WIDE_OPEN, T_HL_SUMMARY);
    html_printf(&r->out,
                "<table class=\"hl-summary\">\n<caption>%s (%s)</caption>\n"
                "<thead><tr><td></td><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "</tr></thead>\n<tbody>\n"
                "<tr><th scope=\"row\">%s</th><td class=\"num\">%d</td>"
                "<td class=\"num\">%d</td><td class=\"num\">%d</td></tr>\n"
                "<tr><th scope=\"row\">%s</th><td class=\"num\">%d</td>"
                "<td class=\"num\">%d</td><td class=\"num\">%d</td></tr>\n"
                "<tr><th scope=\"row\">%s</th><td class=\"num\">%d</td>"
                "<td class=\"num\">%d</td><td class=\"num\">%d</td></tr>\n"
                "</tbody></table></div>\n",
                T_HL_SUMMARY, date, T_HL_HAS, T_HL_HAS_NOT, T_HL_ALL,
                T_HL_RURAL, with[0], without[0], with[0] + without[0],
                T_HL_URBAN, with[1], without[1], with[1] + without[1], T_HL_ALL,
                with[0] + with[1], without[0] + without[1], n);
    html_lit(&r->out,
             "<div class=\"hl-mapbox\">\n<figure class=\"hl-figure\">\n");
    if (helpline_map_svg(
            r, region,
            arena_printf(&r->arena, "%s %s)", T_HL_MAP_CAPTION, date),
            T_HL_PATTERN_NOTE, areas, n) != 0) {
        html_printf(&r->out, "<p>%s</p>\n", T_HL_NO_MAP);
    }
    html_printf(&r->out,
                "<figcaption><ul class=\"hl-legend\">"
                "<li><span class=\"sw sw-a\"></span>%s %s</li>"
                "<li><span class=\"sw sw-b\"></span>%s %s</li>"
                "<li><span class=\"sw sw-c\"></span>%s %s</li>"
                "<li><span class=\"sw sw-d\"></span>%s %s</li></ul>"
                "<p>%s</p></figcaption>\n</figure>\n",
                T_HL_RURAL, T_HL_HAS, T_HL_URBAN, T_HL_HAS, T_HL_RURAL,
                T_HL_HAS_NOT, T_HL_URBAN, T_HL_HAS_NOT, T_HL_PATTERN_NOTE);
    /* The table scrolls beside the map: focusable so keys can scroll it. */
    html_printf(&r->out,
                "<div class=\"hl-side\" tabindex=\"0\" role=\"region\" "
                "aria-label=\"%s\"><table id=\"porozumienia\">\n"
                "<caption>%s</caption>\n<thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "</tr></thead>\n<tbody>\n",
                title, title, "TERYT", T_TERYT_GMINA, T_HL_POWIAT,
                T_HL_AGREEMENT, T_HL_SINCE, T_HL_UNTIL);
    for (i = 0; i < n; i++) {
        html_printf(&r->out,
                    "<tr><td>%s</td><th scope=\"row\">%s%s</th><td>%s</td>"
                    "<td>%s</td><td>%s</td><td>%s</td></tr>\n",
                    g[i].teryt, g[i].name, g[i].rodz == 1 ? " (miasto)" : "",
                    g[i].powiat, g[i].has ? T_HL_YES : T_HL_NO,
                    g[i].since ? g[i].since : T_HL_NONE,
                    g[i].until ? g[i].until : T_HL_NONE);
    }
    html_lit(&r->out, "</tbody>\n</table></div>\n</div>\n");
    if (helpline_can(r, CAP_HELPLINE_MANAGE)) {
        html_printf(&r->out, "<h2 id=\"zmiana\">%s</h2>\n", T_HL_AGR_EDIT);
        form_errors(r, errs, nerrs);
        form_begin(r, "/niebieska-linia/porozumienia", NULL);
        html_printf(&r->out,
                    "<input type=\"hidden\" name=\"woj\" value=\"%s\">\n"
                    "<p class=\"field\"><label for=\"f-ag\">%s</label>\n"
                    "<select id=\"f-ag\" name=\"gmina\">\n",
                    region, T_TERYT_GMINA);
        for (i = 0; i < n; i++) {
            html_printf(
                &r->out, "<option value=\"%s\"%s>%s%s (%s)</option>\n",
                g[i].teryt,
                chosen != NULL && strcmp(chosen, g[i].teryt) == 0 ? " selected"
                                                                  : "",
                g[i].name, g[i].rodz == 1 ? " (miasto)" : "", g[i].teryt);
        }
        html_lit(&r->out, "</select></p>\n");
        form_input(r, "since", T_HL_SINCE, "date", typed(r, nerrs, "since"),
                   "aria-describedby=\"f-since-hint\"");
        html_printf(&r->out, "<p id=\"f-since-hint\" class=\"hint\">%s</p>\n",
                    T_HL_AGR_HINT);
        form_input(r, "until", T_HL_UNTIL, "date", typed(r, nerrs, "until"),
                   NULL);
        html_printf(&r->out, "<p><button type=\"submit\">%s</button></p>\n",
                    T_HL_AGR_SET);
        form_end(r);
    }
    layout_end(r);
}

/*
** ROUTE: GET /niebieska-linia/porozumienia
** CAP: CAP_PUBLIC
** PARAMS: woj=2 digits (optional), ok=1 (notice)
*/
int
page_helpline_agreements(struct req *r)
{
    agreements_page(r, helpline_region_public(r), NULL, 0,
                    req_arg(r, "ok") ? T_HL_AGR_SAVED : NULL);
    return 0;
}

/*
** ROUTE: POST /niebieska-linia/porozumienia
** CAP: CAP_HELPLINE_MANAGE
** PARAMS: woj, gmina, since, until, csrf (form)
*/
int
page_helpline_agreement_set(struct req *r)
{
    struct audit_entry who = helpline_actor(r);
    const char *region = change_region(r), *errs[HELPLINE_ERRS_MAX];
    int rc, nerrs = 0;

    rc = helpline_agreement_set(r->db, region, req_form(r, "gmina"),
                                req_form(r, "since"), req_form(r, "until"),
                                &who, errs, &nerrs);
    if (rc == ERR_INPUT) {
        r->status = 400;
        agreements_page(r, region ? region : helpline_region_public(r), errs,
                        nerrs, NULL);
        return 0;
    }
    if (rc != 0) {
        return rc;
    }
    return req_redirect(r, arena_printf(&r->arena,
                                        "/niebieska-linia/porozumienia?ok=1&"
                                        "woj=%s#zmiana",
                                        region));
}
