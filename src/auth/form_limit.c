/*
** The throttle of public forms (issues 17, 18, 19): a sign-up to a
** training, an organisation's or a professional's registration and an
** answer to an open survey create rows and queue e-mail without a login,
** so each client address gets a number of them an hour, over all forms
** and to one target (the limits are the server's configuration). The count
** lives beside the login throttle's (session_store.c); this file turns a
** refusal into the 429 answer.
*/
#include <stdint.h>
#include <time.h>

#include "auth.h"
#include "auth/strings_pl.h"
#include "core/arena.h"
#include "core/err.h"
#include "http/http.h"
#include "http/server.h"

int
auth_form_limit_or_reply(struct req *r, const char *target)
{
    const struct server_config *cfg = server_current();
    int64_t wait = 0;
    int rc;

    if (cfg == NULL) {
        return 0; /* not serving: no client to limit */
    }
    rc = auth_form_submit(r->db, target, r->addr, (int64_t)time(NULL),
                          cfg->form_limit_per_address,
                          cfg->form_limit_per_target, &wait);
    if (rc != ERR_CONFLICT) {
        return rc;
    }
    req_add_header(r, "Retry-After",
                   arena_printf(&r->arena, "%lld", (long long)wait));
    return req_error(
        r, 429,
        arena_printf(&r->arena, T_FORM_THROTTLED, (long long)(wait + 59) / 60));
}
