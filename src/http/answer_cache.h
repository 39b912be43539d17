/*
** A short-lived cache of public answers (issue 21), inside http/. A
** handler whose answer to the public depends only on its URL, on data it
** names by a version number, and on the minute (opening hours "open now")
** calls req_cache_reuse() (http.h); the server keeps what it then renders.
** An entry serves while the URL, the version, the minute and the process's
** write generation are what they were when it was rendered: any POST this
** process ends outdates every entry, and a change made by another process
** (the CLI, a second server) shows within the minute.
*/
#ifndef RODZINA_HTTP_ANSWER_CACHE_H
#define RODZINA_HTTP_ANSWER_CACHE_H

#include <stddef.h>

#include "http.h"

/* After the handler: keep r's answer (body of len bytes) if it asked
 * for it and nothing made it personal (a session, an extra header). */
void answer_cache_keep(struct req *r, const char *body, size_t len);
/* A request that may have changed data has ended. */
void answer_cache_bump(void);
/* Free every entry (the server stops). */
void answer_cache_clear(void);

#endif
