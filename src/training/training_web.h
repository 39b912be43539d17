/*
** Trainings: helpers the module's pages share (who acts, the region shown,
** the site's address for links, dates as people read them).
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
** The site's address for links shown on pages and in PDFs (certificates'
** check address, survey links): req_site_url. Links written into e-mail
** take req_mail_url_or_reply instead.
*/
const char *training_base(struct req *r);
/* Today's Warsaw date, ISO. */
const char *training_today(struct req *r);
/* "2024-03-05" or "2024-03-05 – 2024-03-06". */
const char *training_dates(struct req *r, const struct training *t);
/* The event of path parameter 0 in the account's region: 0, or a 404
 * (recorded on r). */
int training_event_or_reply(struct req *r, struct training *t);

struct training_quiz_state;
/* The person's own page's part on the online knowledge test: their scores
 * and the link to the test open now, or when it opens (training_quiz.c). */
void training_quiz_own_section(struct req *r, const char *token,
                               const struct training_quiz_state *qs,
                               const struct training *t);

#endif
