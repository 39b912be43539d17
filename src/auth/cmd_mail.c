/*
** rodzina mail send: deliver the outbox (issues 17, 18, 19; the store is
** mail_store.c) through the local sendmail, one message at a time, each
** marked sent when sendmail took it (exit status 0) and otherwise tried
** again on a later run after a growing pause, up to AUTH_MAIL_ATTEMPTS
** tries. Nothing is sent unless the operator names the program with
** --sendmail: without it the command only says how many messages wait.
** One log line per message names the message, its kind and the id of its
** record, never the address or the text. Run it from cron or a systemd
** timer.
*/
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "cli/cli.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/log.h"
#include "db/db.h"

const char cmd_mail_help[] =
    "usage: rodzina mail send [--db PATH] [--sendmail PROGRAM] [--limit N]\n"
    "\n"
    "send: deliver the queued e-mail (confirmation links of trainings'\n"
    "sign-ups and organisations' registrations, seats from waiting lists,\n"
    "decisions, forum replies) through PROGRAM (e.g. /usr/sbin/sendmail,\n"
    "run as PROGRAM -t -i with the message on its input). A message is\n"
    "marked sent when PROGRAM exits with status 0; otherwise it is tried\n"
    "again by a later run, 5 minutes after the first failure, then after\n"
    "twice as long each time, and given up after 8 tries. Without\n"
    "--sendmail nothing is sent: the command prints how many messages\n"
    "wait. One log line per message, with ids only. Messages are deleted\n"
    "30 days after they were queued by rodzina purge.\n"
    "\n"
    "  --db PATH           database file (default rodzina.db)\n"
    "  --sendmail PROGRAM  the local sendmail (absolute path)\n"
    "  --limit N           at most N messages this run (default 500)\n";

/* An RFC 2047 encoded word of s (UTF-8, "Q" encoding); line breaks, which
** would start a header of their own, become spaces. */
static void
encoded_word(struct buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";

    buf_puts(b, "=?UTF-8?Q?");
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (c == '\r' || c == '\n' || c == ' ') {
            buf_putc(b, '_');
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                   (c >= '0' && c <= '9') || strchr(".,-:", c) != NULL) {
            buf_putc(b, (char)c);
        } else {
            buf_putc(b, '=');
            buf_putc(b, hex[c >> 4]);
            buf_putc(b, hex[c & 15]);
        }
    }
    buf_puts(b, "?=");
}

/* An address usable in a To: header: no line break, no second header. */
static bool
address_ok(const char *s)
{
    return *s != '\0' && strpbrk(s, "\r\n,;<>\"") == NULL;
}

/* Run program -t -i with text on its input: 0 when it exited with 0. */
static int
pipe_to(const char *program, const char *text, size_t len)
{
    int fd[2], status;
    pid_t pid;
    size_t off = 0;

    if (pipe(fd) != 0) {
        return ERR_IO;
    }
    pid = fork();
    if (pid < 0) {
        close(fd[0]);
        close(fd[1]);
        return ERR_IO;
    }
    if (pid == 0) {
        char *const argv[] = {(char *)program, "-t", "-i", NULL};

        dup2(fd[0], 0);
        close(fd[0]);
        close(fd[1]);
        execv(program, argv);
        _exit(127);
    }
    close(fd[0]);
    while (off < len) {
        ssize_t w = write(fd[1], text + off, len - off);

        if (w <= 0) {
            break;
        }
        off += (size_t)w;
    }
    close(fd[1]);
    if (waitpid(pid, &status, 0) != pid) {
        return ERR_IO;
    }
    return off == len && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0
                                                                       : ERR_IO;
}

/* The message as sendmail -t reads it: headers, a blank line, the body. */
static void
message(struct buf *b, const struct auth_mail *m)
{
    buf_printf(b, "To: %s\nSubject: ", m->to);
    encoded_word(b, m->subject);
    buf_puts(b, "\nMIME-Version: 1.0\nContent-Type: text/plain; "
                "charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n");
    buf_puts(b, m->body);
    if (b->len > 0 && b->data[b->len - 1] != '\n') {
        buf_putc(b, '\n');
    }
}

/* Try message m: 1 when delivered, 0 when kept or given up, < 0 when the
 * store failed. */
static int
deliver(struct db *db, const char *sendmail, const struct auth_mail *m)
{
    int64_t now = (int64_t)time(NULL);
    const char *why = NULL;
    bool given_up;
    struct buf b;
    int rc;

    if (!address_ok(m->to)) {
        why = "unusable address";
    } else {
        buf_init(&b);
        message(&b, m);
        if (pipe_to(sendmail, b.data, b.len) != 0) {
            why = "sendmail did not take it";
        }
        buf_free(&b);
    }
    if (why == NULL) {
        if ((rc = auth_mail_delivered(db, m->id, now)) != 0) {
            return rc;
        }
        log_info("mail %lld (%s %lld): sent", (long long)m->id, m->kind,
                 (long long)m->ref);
        return 1;
    }
    if ((rc = auth_mail_failed(db, m, now, why, &given_up)) != 0) {
        return rc;
    }
    if (given_up) {
        log_warn("mail %lld (%s %lld): %s, try %d of %d: given up",
                 (long long)m->id, m->kind, (long long)m->ref, why,
                 m->attempts + 1, AUTH_MAIL_ATTEMPTS);
    } else {
        log_warn("mail %lld (%s %lld): %s, try %d of %d: kept for a later "
                 "run",
                 (long long)m->id, m->kind, (long long)m->ref, why,
                 m->attempts + 1, AUTH_MAIL_ATTEMPTS);
    }
    return 0;
}

int
cmd_mail(int argc, char **argv)
{
    const char *path = "rodzina.db", *sendmail = NULL, *limit_s = "500";
    const struct cli_opt opts[] = {
        {"db", &path, NULL, 0},
        {"sendmail", &sendmail, NULL, 0},
        {"limit", &limit_s, NULL, 0},
        {NULL, NULL, NULL, 0},
    };
    const char *pos[1];
    struct auth_mail *m;
    struct arena a;
    struct db *db;
    char err[512], *end;
    long limit;
    int64_t waiting = 0;
    int npos, rc, n, i, sent = 0, kept = 0;

    if ((rc = cli_parse("mail", argc, argv, opts, 1, 1, pos, &npos)) != 0) {
        return rc;
    }
    if (strcmp(pos[0], "send") != 0) {
        fprintf(stderr, "rodzina mail: unknown action '%s'\n", pos[0]);
        return CLI_USAGE;
    }
    limit = strtol(limit_s, &end, 10);
    if (*end != '\0' || limit < 1 || limit > 100000) {
        fprintf(stderr, "rodzina mail send: --limit takes 1..100000\n");
        return CLI_USAGE;
    }
    if (sendmail != NULL && sendmail[0] != '/') {
        fprintf(stderr, "rodzina mail send: --sendmail needs an absolute "
                        "path\n");
        return CLI_USAGE;
    }
    if (db_open(path, 0, &db, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina mail send: %s\n", err);
        return 1;
    }
    /* A sendmail that exits before reading the message must not end us. */
    signal(SIGPIPE, SIG_IGN);
    arena_init(&a);
    if (sendmail == NULL) {
        rc = auth_mail_waiting(db, &waiting);
        if (rc == 0) {
            printf("%lld message(s) waiting; nothing sent (no --sendmail)\n",
                   (long long)waiting);
        }
        goto done;
    }
    n = auth_mail_take(db, &a, (int64_t)time(NULL), (int)limit, &m);
    rc = n < 0 ? n : 0;
    for (i = 0; rc == 0 && i < n; i++) {
        int got = deliver(db, sendmail, &m[i]);

        if (got < 0) {
            rc = got;
        } else if (got == 1) {
            sent++;
        } else {
            kept++;
        }
    }
    if (n > 0) {
        const struct audit_entry e = {
            .via = "cli",
            .action = "mail.send",
            .after =
                arena_printf(&a, "{\"sent\":%d,\"failed\":%d}", sent, kept),
        };

        if (rc == 0) {
            rc = audit_add(db, &e);
        }
    }
    printf("%d message(s) sent, %d failed\n", sent, kept);
done:
    if (rc != 0) {
        fprintf(stderr, "rodzina mail send: store error (%d)\n", rc);
    }
    db_close(db);
    arena_free(&a);
    return rc != 0 || kept > 0 ? 1 : 0;
}
