/*
** The process-wide stop request (issue 11): the server sets it when
** SIGTERM or SIGINT arrives, before it drains the requests in flight; long
** work (imports of many rows) polls it every STOP_CHECK_ROWS rows, rolls
** back and returns ERR_STOPPED, so a shutdown never waits on an import.
** One atomic flag; nothing here knows the web or the database.
*/
#ifndef CORE_STOP_H
#define CORE_STOP_H

#include <stdbool.h>

#define STOP_CHECK_ROWS 1000 /* rows between two looks at the flag */

/* Ask long work to stop; safe from any thread, never cleared. */
void stop_request(void);

/* True once stop_request() was called. */
bool stop_requested(void);

/* For tests only: clear the request. */
void stop_reset(void);

#endif
