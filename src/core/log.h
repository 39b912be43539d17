/*
** Logging to stderr, one line per event, with an ISO time stamp and level.
** Never pass helpline notes or query strings here: logs are not protected.
*/
#ifndef CORE_LOG_H
#define CORE_LOG_H

#include <stddef.h>

void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
** Lowest level written from now on: 0 info, 1 warn, 2 error (fatal lines
** are always written). Set once at start, before threads exist.
*/
void log_set_level(int level);
/*
** The time every log line starts with, "2026-12-03T13:05:09Z " (UTC, ISO
** 8601, a space after), into out: its length, 0 when n is too small.
*/
size_t log_stamp(char *out, size_t n);
/* Startup failure: log and exit(1). Never called while serving. */
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
