/*
** The access log off the request path: a worker copies its line into a
** shared buffer (no system call) and one writer thread writes what has
** gathered to standard error in one write(2), about ACCESS_LOG_BATCH_MS
** after the first line of a batch; so lines reach the log within a few
** milliseconds (never later than a second) and a busy server makes about a
** hundred writes a second instead of one per request. When the buffer is
** full (the log cannot keep up) a worker writes its own line: no line is
** ever dropped. access_log_stop() writes the rest on a clean stop.
*/
#ifndef HTTP_ACCESS_LOG_H
#define HTTP_ACCESS_LOG_H

#include <stddef.h>

#define ACCESS_LOG_BATCH_MS 10
#define ACCESS_LOG_BUFFER (256 * 1024) /* bytes gathered at most */

/* Start the writer thread: 0, or -1 (then lines are written directly). */
int access_log_start(void);
/* Queue one whole line (its '\n' included) of len bytes. Thread-safe. */
void access_log_line(const char *line, size_t len);
/* Write what is gathered now, before the log file is reopened (SIGHUP). */
void access_log_flush(void);
/* Write the rest and end the writer thread; after it lines go directly. */
void access_log_stop(void);

#endif
