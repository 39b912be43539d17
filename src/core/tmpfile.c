/* Temporary files for writers that cannot write to memory; see tmpfile.h. */
#include "tmpfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "err.h"
#include "log.h"

int
tmpfile_create(struct arena *a, const char *tag, char **path)
{
    const char *dir = getenv("TMPDIR");
    int fd;

    if (dir == NULL || dir[0] == '\0') {
        dir = "/tmp";
    }
    *path = arena_printf(a, "%s/rodzina-%s-XXXXXX", dir, tag);
    fd = mkstemp(*path);
    if (fd < 0) {
        log_error("%s: mkstemp in %s: %s", tag, dir, strerror(errno));
        return ERR_IO;
    }
    close(fd);
    return 0;
}

int
tmpfile_take(const char *tag, const char *path, struct buf *out)
{
    char chunk[65536];
    ssize_t k;
    int fd = open(path, O_RDONLY), rc = 0;

    if (fd < 0) {
        log_error("%s: reading %s back: %s", tag, path, strerror(errno));
        rc = ERR_IO;
    }
    while (fd >= 0) {
        k = read(fd, chunk, sizeof(chunk));
        if (k < 0 && errno == EINTR) {
            continue;
        }
        if (k < 0) {
            log_error("%s: reading %s back: %s", tag, path, strerror(errno));
            rc = ERR_IO;
        }
        if (k <= 0) {
            break;
        }
        buf_append(out, chunk, (size_t)k);
    }
    if (fd >= 0) {
        close(fd);
    }
    unlink(path);
    return rc;
}

int
tmpfile_bytes(struct arena *a, const char *tag, tmpfile_writer write, void *ctx,
              struct buf *out)
{
    char *path;
    int rc;

    if ((rc = tmpfile_create(a, tag, &path)) != 0) {
        return rc;
    }
    rc = write(ctx, path);
    if (rc != 0) {
        unlink(path);
        return rc;
    }
    return tmpfile_take(tag, path, out);
}
