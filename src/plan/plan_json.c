/*
** A plan as one JSON object, through the streaming writer of core/json.h.
** The shape is what `rodzina check --json` prints and /api/plans/ID
** serves; money is always integer grosze, indexes between arrays are
** written as the codes or numbers the document uses.
*/
#include "plan.h"

#include "core/json.h"

static const char *
kind_name(enum plan_kind k)
{
    switch (k) {
    case PLAN_PROGRAMME:
        return "programme";
    case PLAN_PROJECT:
        return "project";
    default:
        return "yearly_plan";
    }
}

static const char *
num_kind_name(enum plan_num_kind k)
{
    switch (k) {
    case PLAN_NUM_EMPTY:
        return "empty";
    case PLAN_NUM_NONE:
        return "none";
    case PLAN_NUM_NOT_PLANNED:
        return "not_planned";
    case PLAN_NUM_ONGOING:
        return "ongoing";
    case PLAN_NUM_BAD:
        return "unreadable";
    default:
        return "value";
    }
}

static const char *
term_kind_name(enum plan_term_kind k)
{
    switch (k) {
    case PLAN_TERM_EMPTY:
        return "empty";
    case PLAN_TERM_NONE:
        return "none";
    case PLAN_TERM_ONGOING:
        return "ongoing";
    case PLAN_TERM_NOT_PLANNED:
        return "not_planned";
    case PLAN_TERM_BAD:
        return "unreadable";
    default:
        return "range";
    }
}

/* {k1: v1, k2: v2, "row": row}: a goal, a footnote, a text. */
static void
texts_row(struct json *j, const char *k1, const char *v1, const char *k2,
          const char *v2, int row)
{
    json_obj_begin(j);
    json_kstr(j, k1, v1);
    json_kstr(j, k2, v2);
    json_kint(j, "row", row);
    json_obj_end(j);
}

static void
kint_or_null(struct json *j, const char *key, int64_t v)
{
    json_kint_if(j, key, v != 0, v);
}

/* "key": value or null, plus "key_kind" unless it is a plain value. */
static void
knum(struct json *j, const char *key, const char *kind_key,
     const struct plan_num *v)
{
    json_key(j, key);
    if (v->kind == PLAN_NUM_VALUE) {
        json_int(j, v->v);
    } else if (v->kind == PLAN_NUM_NONE || v->kind == PLAN_NUM_NOT_PLANNED) {
        json_int(j, 0);
    } else {
        json_null(j);
    }
    json_kstr(j, kind_key, num_kind_name(v->kind));
}

static void
term(struct json *j, const char *key, const struct plan_term *t)
{
    json_key(j, key);
    json_obj_begin(j);
    json_kstr(j, "text", t->text);
    json_kstr(j, "kind", term_kind_name(t->kind));
    if (t->kind == PLAN_TERM_RANGE) {
        json_kint(j, "from_month", t->from_month);
        json_kint(j, "to_month", t->to_month);
        kint_or_null(j, "from_year", t->from_year);
        kint_or_null(j, "to_year", t->to_year);
        if (t->from_day != 0) {
            json_kint(j, "from_day", t->from_day);
            json_kint(j, "to_day", t->to_day);
        }
    }
    json_obj_end(j);
}

static const char *
goal_code(const struct plan *p, int g)
{
    return g >= 0 && g < p->ngoals ? p->goals[g].code : NULL;
}

static const char *
action_code(const struct plan *p, int a)
{
    return a >= 0 && a < p->nactions ? p->actions[a].code : NULL;
}

static const char *
source_code(const struct plan *p, int s)
{
    return s >= 0 && s < p->nsources ? p->sources[s].code : NULL;
}

static void
write_line(struct json *j, const struct plan *p, const struct plan_line *l)
{
    json_obj_begin(j);
    json_kint(j, "row", l->row);
    term(j, "term", &l->term);
    json_kstr(j, "implementers", l->implementers);
    json_kbool(j, "implementers_as_above", l->implementers_as_above);
    knum(j, "declared_total_grosze", "declared_total_kind", &l->total);
    json_kint(j, "total_grosze", plan_line_value(l));
    json_key(j, "amounts");
    json_arr_begin(j);
    for (int k = 0; k < l->namounts; k++) {
        json_obj_begin(j);
        json_kstr(j, "source", source_code(p, l->amounts[k].source));
        knum(j, "grosze", "kind", &l->amounts[k].amount);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_obj_end(j);
}

static void
write_tasks(struct json *j, const struct plan *p)
{
    json_key(j, "tasks");
    json_arr_begin(j);
    for (int i = 0; i < p->ntasks; i++) {
        const struct plan_task *t = &p->tasks[i];

        json_obj_begin(j);
        json_kstr(j, "number", t->number);
        json_kint(j, "row", t->row);
        json_kstr(j, "goal", goal_code(p, t->goal));
        json_kstr(j, "action", action_code(p, t->action));
        json_kstr(j, "description", t->description);
        term(j, "term", &t->term);
        json_kstr(j, "implementers", t->implementers);
        json_kint(j, "total_grosze", plan_task_total(p, i));
        json_key(j, "lines");
        json_arr_begin(j);
        for (int l = t->first_line; l < t->first_line + t->nlines; l++) {
            write_line(j, p, &p->lines[l]);
        }
        json_arr_end(j);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void
write_indicators(struct json *j, const struct plan *p)
{
    json_key(j, "indicators");
    json_arr_begin(j);
    for (int i = 0; i < p->nindicators; i++) {
        const struct plan_indicator *in = &p->indicators[i];

        json_obj_begin(j);
        json_kint(j, "index", i);
        json_kstr(j, "task", in->task >= 0 ? p->tasks[in->task].number : NULL);
        json_kint(j, "row", in->row);
        json_kint_if(j, "parent", in->parent >= 0, in->parent);
        json_kstr(j, "name", in->name);
        json_kstr(j, "unit", in->unit);
        knum(j, "target_year", "target_year_kind", &in->target_year);
        knum(j, "target_multi", "target_multi_kind", &in->target_multi);
        json_kstr(j, "results_text", in->results_text);
        json_kstr(j, "footnote", in->footnote);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void
write_totals(struct json *j, const struct plan *p)
{
    struct plan_totals t;

    plan_totals_compute(p, &t);
    json_key(j, "totals");
    json_obj_begin(j);
    json_kint(j, "total_grosze", t.total);
    json_key(j, "by_source");
    json_obj_begin(j);
    for (int s = 0; s < p->nsources; s++) {
        json_kint(j, p->sources[s].code, t.by_source[s]);
    }
    json_obj_end(j);
    json_obj_end(j);

    json_key(j, "declared_totals");
    json_arr_begin(j);
    for (int i = 0; i < p->ndeclared; i++) {
        const struct plan_total *d = &p->declared[i];

        json_obj_begin(j);
        json_kstr(j, "label", d->label);
        json_kstr(j, "source", source_code(p, d->source));
        json_kint(j, "grosze", d->grosze);
        json_kint(j, "row", d->row);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void
write_notes(struct json *j, const struct plan *p)
{
    json_key(j, "funding_notes");
    json_arr_begin(j);
    for (int i = 0; i < p->nnotes; i++) {
        const struct plan_note *n = &p->notes[i];

        json_obj_begin(j);
        json_kint(j, "index", i);
        json_kstr(j, "label", n->label);
        json_kstr(j, "text", n->text);
        json_kstr(j, "source", source_code(p, n->source));
        json_key(j, "rows");
        json_arr_begin(j);
        for (int k = 0; k < n->nrows; k++) {
            json_int(j, n->rows[k]);
        }
        json_arr_end(j);
        knum(j, "grosze", "kind", &n->amount);
        json_kint_if(j, "parent", n->parent >= 0, n->parent);
        json_kint(j, "row", n->row);
        json_obj_end(j);
    }
    json_arr_end(j);
}

static void
write_findings(struct json *j, const struct plan *p)
{
    json_key(j, "findings");
    json_arr_begin(j);
    for (int i = 0; i < p->nfindings; i++) {
        const struct plan_finding *f = &p->findings[i];

        json_obj_begin(j);
        json_kstr(j, "severity", plan_severity_name(f->severity));
        json_kint_if(j, "row", f->row > 0, f->row);
        json_kstr(j, "column", f->column);
        json_kstr(j, "code", f->code);
        json_kstr(j, "message", f->message);
        json_obj_end(j);
    }
    json_arr_end(j);
    json_key(j, "finding_counts");
    json_obj_begin(j);
    json_kint(j, "error", plan_count_findings(p, PLAN_ERROR));
    json_kint(j, "warning", plan_count_findings(p, PLAN_WARNING));
    json_kint(j, "info", plan_count_findings(p, PLAN_INFO));
    json_obj_end(j);
}

void
plan_json_write(struct json *j, const struct plan *p)
{
    json_obj_begin(j);
    json_kstr(j, "kind", kind_name(p->kind));
    json_kstr(j, "name", p->name);
    json_kstr(j, "format", p->format);
    json_kstr(j, "encoding", p->encoding);
    json_kstr(j, "title", p->title);
    json_kstr(j, "programme_title", p->programme_title);
    json_kstr(j, "resolution", p->resolution);
    json_kstr(j, "region", p->region);
    kint_or_null(j, "year", p->year);
    kint_or_null(j, "programme_from", p->programme_from);
    kint_or_null(j, "programme_to", p->programme_to);
    json_kstr(j, "period_from", p->period_from);
    json_kstr(j, "period_to", p->period_to);

    json_key(j, "sources");
    json_arr_begin(j);
    for (int s = 0; s < p->nsources; s++) {
        json_obj_begin(j);
        json_kstr(j, "code", p->sources[s].code);
        json_kstr(j, "name", p->sources[s].name);
        json_obj_end(j);
    }
    json_arr_end(j);

    json_key(j, "goals");
    json_arr_begin(j);
    for (int i = 0; i < p->ngoals; i++) {
        texts_row(j, "code", p->goals[i].code, "title", p->goals[i].title,
                  p->goals[i].row);
    }
    json_arr_end(j);

    json_key(j, "actions");
    json_arr_begin(j);
    for (int i = 0; i < p->nactions; i++) {
        json_obj_begin(j);
        json_kstr(j, "code", p->actions[i].code);
        json_kstr(j, "title", p->actions[i].title);
        json_kstr(j, "goal", goal_code(p, p->actions[i].goal));
        json_kint(j, "row", p->actions[i].row);
        json_obj_end(j);
    }
    json_arr_end(j);

    write_tasks(j, p);
    write_indicators(j, p);
    write_totals(j, p);
    write_notes(j, p);

    json_key(j, "footnotes");
    json_arr_begin(j);
    for (int i = 0; i < p->nfootnotes; i++) {
        texts_row(j, "mark", p->footnotes[i].mark, "text", p->footnotes[i].text,
                  p->footnotes[i].row);
    }
    json_arr_end(j);

    json_key(j, "texts");
    json_arr_begin(j);
    for (int i = 0; i < p->ntexts; i++) {
        texts_row(j, "heading", p->texts[i].heading, "text", p->texts[i].text,
                  p->texts[i].row);
    }
    json_arr_end(j);

    write_findings(j, p);
    json_obj_end(j);
}
