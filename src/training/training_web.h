/*
** Trainings: helpers the module's pages share (who acts, the region shown,
** the links written into e-mails, dates as people read them).
*/
#ifndef TRAINING_TRAINING_WEB_H
#define TRAINING_TRAINING_WEB_H

#include <stdbool.h>

#include "auth/auth.h"
#include "http/http.h"
#include "training/training.h"

/* The region of the account, or NULL (every region) for the public. */
const char *training_region(struct req *r);
/* The account's region, or the first region served (the public). */
const char *training_home_region(struct req *r);
/*
** "http://host[:port]" of this request, for links in e-mails: the Host
** header when it is a plain host name or address with a port, else
** "http://localhost".
*/
const char *training_base(struct req *r);
/* Today's Warsaw date, ISO. */
const char *training_today(struct req *r);
/* "2024-03-05" or "2024-03-05 – 2024-03-06". */
const char *training_dates(struct req *r, const struct training *t);

#endif
