/* Grants (issue 17): what the pages and the API share. */
#ifndef GRANTS_PAGES_H
#define GRANTS_PAGES_H

#include "grants/grants.h"
#include "http/http.h"
#include "monitoring/pages.h" /* mon_actor_of: who acts */

/*
** Call path parameter 0 as act sees it: 0 with *c, else a 404 recorded
** (no such call, or a draft of another region or for the public) and
** ERR_NOTFOUND; ERR_DB.
*/
int grant_call_or_reply(struct req *r, struct grant_call *c);

/* Answer a refusal of a store: 404 for ERR_NOTFOUND, 400 and 409 with
   why (Polish, or the default page's text when NULL) for ERR_INPUT and
   ERR_CONFLICT; any other rc is returned for the router. */
int grant_reply(struct req *r, int rc, const char *why);
/*
** The end of a write: a page goes on to location (303); the JSON twin of
** the form (a path under /api/) answers 200 with {"location": ...}.
*/
int grant_done(struct req *r, const char *location);
/*
** A form's problems for the JSON twin: 400 with {"error": lead, "errors":
** [{"message"}]} from errs, or [{"field", "message"}] from fs when not
** NULL; n of them. 0.
*/
int grant_api_errors(struct req *r, const char *lead, const char *const *errs,
                     const struct grant_finding *fs, int n);

/* The offer form of the request's fields. */
void grant_offer_form_of_request(struct req *r, struct grant_offer_form *f);
/* The form of a stored offer (f's strings in a). */
void grant_offer_form_of(struct arena *a, const struct grant_offer *o,
                         struct grant_offer_form *f);
/* A text input of the offer form, marked invalid when a finding among
   fs[0..n) names its field. */
void grant_offer_input(struct req *r, const char *name, const char *label,
                       const char *type, const char *value,
                       const struct grant_finding *fs, int n);
/*
** The inputs of the cost lines of form f (the offer template's section V,
** and an agreement's updated estimate), those with a finding among fs[0..n)
** marked invalid.
*/
void grant_cost_inputs(struct req *r, const struct grant_offer_form *f,
                       const struct grant_finding *fs, int n);
/* The agreement and reports of funded offer o of call c on its page, with
   the forms own (its organisation) or office may use. */
void grant_settle_section(struct req *r, const struct grant_call *c,
                          const struct grant_offer *o, bool own, bool office);

#endif
