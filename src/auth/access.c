/*
** This module's side of http/access.h: the router and the layout ask the
** permission table (caps.c), the sessions (session.c) and the audit log
** (audit.c) through access_hooks, so that infrastructure names no module.
*/
#include "http/access.h"

#include "auth.h"
#include "core/arena.h"
#include "html/strings_pl.h"
#include "modules_strings.h"
#include "http/http.h"

_Static_assert(ROLE_PUBLIC == 0 && CAP_NONE == 0,
               "http/access.h: role 0 is the public, capability 0 no rule");

/*
** The menu is derived from the permission table (issue 15): an item shows
** when the viewer's role has its capability, so no role is offered a page
** that answers 403 and none misses a page of its own. unless: a capability
** that makes the item pointless (a coordinator enters realisation on the
** plans' pages, not on the implementer's own list); CAP_NONE for none.
** Each module lists its entries in its module.inc, MENU(order, ...): the
** order is the entry's index here, so the menu comes out in that order
** and two entries with one order fail the build (-Woverride-init); an
** order no module uses stays empty (href NULL) and the layout skips it.
*/
static const struct menu_item menu[] = {
#define MENU(order, href, label, cap, unless)                                  \
    [order] = {href, label, cap, unless},
#include "modules.inc"
};

/* The hooks take plain numbers; the table's functions take the enums. */
static bool
role_has(int role, int cap)
{
    return auth_role_has((enum role)role, (enum cap)cap);
}

static const char *
role_label(int role)
{
    return auth_role_label((enum role)role);
}

static bool
cap_audited(int cap)
{
    return auth_cap_sensitive((enum cap)cap);
}

static void
audit_refusal(struct req *r, const char *action)
{
    struct audit_entry e = {
        .account = r->user ? r->user->login : NULL,
        .via = r->is_api ? "api" : "web",
        .addr = r->addr,
        .action = action,
        .entity = "route",
        .entity_id = arena_printf(&r->arena, "%s %s", r->method, r->path),
    };

    audit_add(r->db, &e);
}

const struct access_hooks access_hooks = {
    .session_load = auth_session_load,
    .role_has = role_has,
    .role_label = role_label,
    .cap_audited = cap_audited,
    .audit_refusal = audit_refusal,
    .menu = menu,
    .menu_count = sizeof(menu) / sizeof(menu[0]),
};

struct audit_entry
auth_request_who(struct req *r)
{
    struct audit_entry e = {0};

    e.account = r->user ? r->user->login : NULL;
    e.via = r->is_api ? "api" : "web";
    e.addr = r->addr;
    return e;
}

bool
auth_request_can(struct req *r, enum cap cap)
{
    return auth_role_has(r->user ? (enum role)r->user->role : ROLE_PUBLIC, cap);
}
