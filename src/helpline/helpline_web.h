/*
** Niebieska Linia: helpers shared by this module's pages, API and exports
** (not for other modules). The region a request may read, the audit actor
** of a request, date-range arguments and the SVG map of gminas.
*/
#ifndef HELPLINE_WEB_H
#define HELPLINE_WEB_H

#include <stdbool.h>
#include <stdint.h>

#include "auth/auth.h"
#include "helpline.h"
#include "http/http.h"

/*
** The region a request reads. An account bound to a region reads only it
** (woj= naming another answers 403); an account of every region or the
** public picks with woj=; without it, NULL when allow_all (the country),
** otherwise the first region this instance serves. 0 or an error recorded.
*/
int helpline_region_or_reply(struct req *r, bool allow_all, const char **out);
/* The region for public data: woj=, else the account's, else the first. */
const char *helpline_region_public(struct req *r);
/* The name of voivodeship code (or T_HL_COUNTRY for NULL), in the arena. */
const char *helpline_region_name(struct req *r, const char *code);
/* The audit actor of the request: login, "web" or "api", address. */
struct audit_entry helpline_actor(struct req *r);
/* Whether the request's account holds cap. */
bool helpline_can(struct req *r, enum cap cap);
/*
** od= and do= (YYYY-MM-DD); missing ones default to def_from and today.
** On a bad value records a 400 and returns ERR_INPUT.
*/
int helpline_range_or_reply(struct req *r, const char *def_from,
                            const char **from, const char **to);
/*
** The statistics a request asks for: the region (the country allowed),
** od= and do= (default: this year) and the counts of that range into *s.
** 0 or an error recorded.
*/
int helpline_stats_or_reply(struct req *r, const char **region,
                            const char **from, const char **to,
                            struct helpline_stats *s);
/* The form picking od=, do= and (accounts of every region) woj=, to GET
   action. */
void helpline_range_form(struct req *r, const char *action, const char *from,
                         const char *to, const char *region);
/*
** The breakdowns of the statistics by a coded list, in the order the page,
** the API and the exports show them: JSON key, sheet dimension (with codes
** or not), page caption, column head and section number, the codes and
** labels (from 1), and where the counts are in struct helpline_stats.
*/
struct helpline_breakdown {
    const char *key, *dim, *caption, *head;
    bool sheet_codes;
    int section;
    const char *const *codes, *const *labels;
    int n;
    size_t counts; /* offsetof(struct helpline_stats, by_...) */
};
enum { HELPLINE_BREAKDOWNS = 5 };
extern const struct helpline_breakdown helpline_breakdowns[HELPLINE_BREAKDOWNS];
/* The counts of breakdown b in s, indexed by code. */
const int64_t *helpline_breakdown_counts(const struct helpline_stats *s,
                                         const struct helpline_breakdown *b);
/* Today in Warsaw as YYYY-MM-DD, and now as YYYY-MM-DDTHH:MM (arena). */
const char *helpline_today(struct req *r);
const char *helpline_now(struct req *r);

/* One gmina's fill on a map, its title text and its value for the table. */
struct helpline_map_area {
    const char *teryt;
    const char *fill;  /* colour, "#rrggbb" */
    bool hatched;      /* drawn with the hatch pattern as well */
    const char *title; /* plain text, escaped by the writer */
};

/*
** Write the region's gminas as an inline SVG (title and desc for its
** accessible name); areas[] gives each gmina's fill and title by TERYT.
** Returns ERR_NOTFOUND (nothing written) when no boundaries are at hand.
*/
int helpline_map_svg(struct req *r, const char *region, const char *title,
                     const char *desc, const struct helpline_map_area *areas,
                     int nareas);

#endif
