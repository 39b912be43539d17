/*
** Libraries that only write files (libxlsxwriter) produce bytes for a
** response through a private temporary file: made, written by the
** caller's writer, read back and removed, whatever happens.
*/
#ifndef CORE_TMPFILE_H
#define CORE_TMPFILE_H

#include "buf.h"

struct arena;

/* Writes the file at path; 0 or an ERR_* code (logged by the writer). */
typedef int (*tmpfile_writer)(void *ctx, const char *path);

/*
** Create a file under $TMPDIR (or /tmp) named after tag, let write fill
** it, and append its bytes to out. The file is removed before returning.
** 0, the writer's error, or ERR_IO (logged).
*/
int tmpfile_bytes(struct arena *a, const char *tag, tmpfile_writer write,
                  void *ctx, struct buf *out);
/*
** The two halves of tmpfile_bytes for writers that stay open across calls:
** tmpfile_create makes an empty private file (*path in the arena);
** tmpfile_take appends its bytes to out and removes it, in every case.
*/
int tmpfile_create(struct arena *a, const char *tag, char **path);
int tmpfile_take(const char *tag, const char *path, struct buf *out);

#endif
