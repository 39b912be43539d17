/* What the zone's page files share: who acts, where they may look. */
#ifndef ZONE_ZONE_PAGES_H
#define ZONE_ZONE_PAGES_H

#include "auth/auth.h"
#include "http/http.h"

/* The audit entry of the request's account. */
static inline struct audit_entry
zone_who(struct req *r)
{
    struct audit_entry e = {
        .account = r->user != NULL ? r->user->login : NULL,
        .via = r->is_api ? "api" : "web",
        .addr = r->addr,
    };
    return e;
}

/* The region the account sees (NULL: every region). */
static inline const char *
zone_scope(struct req *r)
{
    return r->user != NULL ? r->user->region : NULL;
}

static inline bool
zone_is_moderator(struct req *r)
{
    return r->user != NULL && auth_role_has(r->user->role, CAP_ZONE_MODERATE);
}

static inline int64_t
zone_account(struct req *r)
{
    return r->user != NULL ? r->user->id : 0;
}

#endif
