/*
** Who a request runs for and what it may do, as infrastructure asks it: the
** router loads the session, checks the route's capability and audits a
** refusal; the layout names the account's role and shows its menu. The
** interface is defined here so that http/ and html/ name no module; the
** module that owns accounts and rights defines the one table, access_hooks,
** and the linker joins the two. Roles and capabilities are that module's
** numbers: role 0 is the public, capability 0 a route nobody gave a rule.
*/
#ifndef HTTP_ACCESS_H
#define HTTP_ACCESS_H

#include <stdbool.h>
#include <stdint.h>

struct arena;
struct db;
struct req;
struct req_user;

/* A link of the main menu: shown when the viewer's role has cap and lacks
 * unless (0: none), a right that makes the link pointless. */
struct menu_item {
    const char *href;
    const char *label; /* Polish */
    int cap, unless;
};

struct access_hooks {
    /*
    ** The account of session token at time now: 0 with *u filled (strings
    ** in a), ERR_DB when the store failed (the request gets 503), or
    ** another nonzero when no live session has that token.
    */
    int (*session_load)(struct db *db, struct arena *a, const char *token,
                        int64_t now, struct req_user *u);
    bool (*role_has)(int role, int cap);
    const char *(*role_label)(int role); /* Polish */
    /* Whether a refusal of a route needing cap goes into the audit log. */
    bool (*cap_audited)(int cap);
    /* Audit the refusal of r: action "access.denied" or "csrf.rejected". */
    void (*audit_refusal)(struct req *r, const char *action);
    const struct menu_item *menu; /* in the order shown */
    int menu_count;
};

extern const struct access_hooks access_hooks;

#endif
