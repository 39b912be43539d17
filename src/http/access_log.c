/*
** The buffered access log; see access_log.h. Two buffers: workers fill
** one under the lock while the writer thread writes the other without it.
** A write to the log is serialised by a second lock, so a flush asked for
** by SIGHUP and the writer thread never interleave parts of lines.
*/
#include "access_log.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static struct {
    pthread_mutex_t lock;       /* fill, len, running, stopping */
    pthread_mutex_t write_lock; /* one writer of standard error at a time */
    pthread_cond_t wake;
    pthread_t thread;
    char a[ACCESS_LOG_BUFFER], b[ACCESS_LOG_BUFFER];
    char *fill;
    size_t len;
    bool running, stopping;
} al = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .write_lock = PTHREAD_MUTEX_INITIALIZER,
    .wake = PTHREAD_COND_INITIALIZER,
};

/* Write all of p to standard error; a failing log has nowhere to report. */
static void
write_all(const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(STDERR_FILENO, p, n);

        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

/* Swap the buffers (under al.lock) and write the full one, in order with
** any other writer. Called with al.write_lock held and al.lock held; it
** returns with al.lock held. */
static void
swap_and_write(void)
{
    char *full = al.fill;
    size_t n = al.len;

    al.fill = full == al.a ? al.b : al.a;
    al.len = 0;
    pthread_mutex_unlock(&al.lock);
    write_all(full, n);
    pthread_mutex_lock(&al.lock);
}

static void *
writer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&al.lock);
    for (;;) {
        while (al.len == 0 && !al.stopping) {
            pthread_cond_wait(&al.wake, &al.lock);
        }
        if (al.len == 0) {
            break; /* stopping, and all written */
        }
        if (!al.stopping) {
            /* Let a batch gather: at most this late, never a second. */
            struct timespec nap = {0, ACCESS_LOG_BATCH_MS * 1000000L};

            pthread_mutex_unlock(&al.lock);
            nanosleep(&nap, NULL);
            pthread_mutex_lock(&al.lock);
        }
        pthread_mutex_unlock(&al.lock);
        pthread_mutex_lock(&al.write_lock);
        pthread_mutex_lock(&al.lock);
        swap_and_write();
        pthread_mutex_unlock(&al.write_lock);
    }
    pthread_mutex_unlock(&al.lock);
    return NULL;
}

int
access_log_start(void)
{
    int rc;

    pthread_mutex_lock(&al.lock);
    al.fill = al.a;
    al.len = 0;
    al.stopping = false;
    rc = pthread_create(&al.thread, NULL, writer, NULL);
    al.running = rc == 0;
    pthread_mutex_unlock(&al.lock);
    return rc == 0 ? 0 : -1;
}

void
access_log_line(const char *line, size_t len)
{
    bool first;

    pthread_mutex_lock(&al.lock);
    if (!al.running || len > ACCESS_LOG_BUFFER - al.len) {
        pthread_mutex_unlock(&al.lock);
        /* No writer, or it cannot keep up: this line goes now, whole. */
        pthread_mutex_lock(&al.write_lock);
        write_all(line, len);
        pthread_mutex_unlock(&al.write_lock);
        return;
    }
    first = al.len == 0;
    memcpy(al.fill + al.len, line, len);
    al.len += len;
    pthread_mutex_unlock(&al.lock);
    if (first) {
        pthread_cond_signal(&al.wake); /* the writer waits only when empty */
    }
}

void
access_log_flush(void)
{
    pthread_mutex_lock(&al.write_lock);
    pthread_mutex_lock(&al.lock);
    if (al.len > 0) {
        swap_and_write();
    }
    pthread_mutex_unlock(&al.lock);
    pthread_mutex_unlock(&al.write_lock);
}

void
access_log_stop(void)
{
    bool running;

    pthread_mutex_lock(&al.lock);
    running = al.running;
    al.stopping = true;
    pthread_mutex_unlock(&al.lock);
    if (!running) {
        return;
    }
    pthread_cond_signal(&al.wake);
    pthread_join(al.thread, NULL);
    pthread_mutex_lock(&al.lock);
    al.running = false;
    pthread_mutex_unlock(&al.lock);
    access_log_flush(); /* lines queued while the thread ended */
}
