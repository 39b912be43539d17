/* Trainings: the helpers of training_web.h. */
#include "training/training_web.h"

#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "region/region.h"
#include "training/strings_pl.h"

const char *
training_region(struct req *r)
{
    return r->user != NULL ? r->user->region : NULL;
}

const char *
training_base(struct req *r)
{
    return req_site_url(r);
}

const char *
training_today(struct req *r)
{
    return training_today_iso(&r->arena);
}

const char *
training_dates(struct req *r, const struct training *t)
{
    return training_dates_text(&r->arena, t);
}

const char *
training_home_region(struct req *r)
{
    struct region_served *reg;

    if (r->user != NULL && r->user->region != NULL) {
        return r->user->region;
    }
    return region_list(r->db, &r->arena, &reg) > 0 ? reg[0].woj : "04";
}

int
training_event_or_reply(struct req *r, struct training *t)
{
    int64_t id;
    int rc;

    if ((rc = req_param_num(r, 0, 1, &id)) != 0) {
        return rc;
    }
    rc = training_get(r->db, &r->arena, id, t);
    if (rc == ERR_NOTFOUND ||
        (rc == 0 && r->user != NULL && r->user->region != NULL &&
         strcmp(r->user->region, t->region) != 0)) {
        return req_error(r, 404, T_TR_NOT_FOUND);
    }
    return rc;
}
