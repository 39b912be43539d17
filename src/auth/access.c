/*
** This module's side of http/access.h: the router and the layout ask the
** permission table (caps.c), the sessions (session.c) and the audit log
** (audit.c) through access_hooks, so that infrastructure names no module.
*/
#include "http/access.h"

#include "auth.h"
#include "core/arena.h"
#include "html/strings_pl.h"
#include "http/http.h"

_Static_assert(ROLE_PUBLIC == 0 && CAP_NONE == 0,
               "http/access.h: role 0 is the public, capability 0 no rule");

/*
** The menu is derived from the permission table (issue 15): an item shows
** when the viewer's role has its capability, so no role is offered a page
** that answers 403 and none misses a page of its own. unless: a capability
** that makes the item pointless (a coordinator enters realisation on the
** plans' pages, not on the implementer's own list); CAP_NONE for none.
*/
static const struct menu_item menu[] = {
    {"/", T_NAV_HOME, CAP_PUBLIC, CAP_NONE},
    {"/moje-zadania", T_NAV_MY_TASKS, CAP_REALISATION_ENTER,
     CAP_REALISATION_APPROVE},
    {"/moje-dotacje", T_NAV_MY_GRANTS, CAP_GRANT_REPORT, CAP_NONE},
    {"/plany", T_NAV_PLANS, CAP_PUBLIC, CAP_NONE},
    {"/monitoring", T_NAV_MONITORING, CAP_PUBLIC, CAP_NONE},
    {"/niebieska-linia", T_NAV_HELPLINE, CAP_PUBLIC, CAP_NONE},
    {"/uslugi", T_NAV_SERVICES, CAP_PUBLIC, CAP_NONE},
    {"/rejestry", T_NAV_REGISTERS, CAP_PUBLIC, CAP_NONE},
    {"/teryt", T_NAV_REGIONS, CAP_PUBLIC, CAP_NONE},
    {"/uzytkownicy", T_NAV_USERS, CAP_USERS_ADMIN, CAP_NONE},
    {"/regiony", T_NAV_REGION_SETTINGS, CAP_REGIONS_ADMIN, CAP_NONE},
    {"/audyt", T_NAV_AUDIT, CAP_AUDIT_READ, CAP_NONE},
    {"/system", T_NAV_SYSTEM, CAP_OPS, CAP_NONE},
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
