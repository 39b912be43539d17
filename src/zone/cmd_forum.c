/*
** rodzina forum mail: send the queued e-mail about forum replies (issue
** 19) through the local sendmail, one message per queued row, each marked
** sent when sendmail took it (exit status 0). Nothing is sent unless the
** operator names the program with --sendmail: without it the command only
** says how many messages wait. Run it from cron or a systemd timer.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "auth/auth.h"
#include "cli/cli.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "db/db.h"
#include "zone.h"
#include "zone/strings_pl.h"

const char cmd_forum_help[] =
    "usage: rodzina forum mail [--db PATH] [--sendmail PROGRAM]\n"
    "                          [--base-url URL]\n"
    "\n"
    "mail: send the e-mail about replies that professionals asked for on\n"
    "their account page, through PROGRAM (e.g. /usr/sbin/sendmail, run as\n"
    "PROGRAM -t -i with the message on its input); each message is marked\n"
    "sent when PROGRAM exits with status 0. Without --sendmail only prints\n"
    "how many messages wait.\n"
    "\n"
    "  --db PATH           database file (default rodzina.db)\n"
    "  --sendmail PROGRAM  the local sendmail (absolute path)\n"
    "  --base-url URL      the site's address for the links in the message,\n"
    "                      e.g. https://rodzina.example.pl (default: none,\n"
    "                      the links are paths)\n";

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

static void
message(struct buf *b, struct arena *a, const struct zone_mail *m,
        const char *base)
{
    buf_printf(b, "To: %s\nSubject: ", m->email);
    encoded_word(b, arena_printf(a, T_ZONE_MAIL_SUBJECT, m->title));
    buf_puts(b, "\nMIME-Version: 1.0\nContent-Type: text/plain; "
                "charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n");
    buf_printf(b, T_ZONE_MAIL_BODY, m->author, m->title, m->excerpt, base,
               (long long)m->thread, (long long)m->post, base);
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

int
cmd_forum(int argc, char **argv)
{
    const char *path = "rodzina.db", *sendmail = NULL, *base = "";
    const struct cli_opt opts[] = {
        {"db", &path, NULL, 0},
        {"sendmail", &sendmail, NULL, 0},
        {"base-url", &base, NULL, 0},
        {NULL, NULL, NULL, 0},
    };
    const char *pos[1];
    struct zone_mail *m;
    struct arena a;
    struct db *db;
    char err[512];
    int npos, rc, n, i, sent = 0, failed = 0;

    if ((rc = cli_parse("forum", argc, argv, opts, 1, 1, pos, &npos)) != 0) {
        return rc;
    }
    if (strcmp(pos[0], "mail") != 0) {
        fprintf(stderr, "rodzina forum: unknown action '%s'\n", pos[0]);
        return CLI_USAGE;
    }
    if (sendmail != NULL && sendmail[0] != '/') {
        fprintf(stderr, "rodzina forum mail: --sendmail needs an absolute "
                        "path\n");
        return CLI_USAGE;
    }
    if (db_open(path, 0, &db, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina forum mail: %s\n", err);
        return 1;
    }
    arena_init(&a);
    n = zone_mail_pending(db, &a, &m);
    if (n < 0) {
        fprintf(stderr, "rodzina forum mail: store error\n");
    }
    for (i = 0; sendmail != NULL && i < n; i++) {
        struct buf b;

        if (!address_ok(m[i].email)) {
            fprintf(stderr,
                    "rodzina forum mail: message %lld: unusable "
                    "address, skipped\n",
                    (long long)m[i].id);
            failed++;
            continue;
        }
        buf_init(&b);
        message(&b, &a, &m[i], base);
        if (pipe_to(sendmail, b.data, b.len) == 0 &&
            zone_mail_sent(db, m[i].id) == 0) {
            sent++;
        } else {
            fprintf(stderr,
                    "rodzina forum mail: message %lld: %s failed, "
                    "kept for the next run\n",
                    (long long)m[i].id, sendmail);
            failed++;
        }
        buf_free(&b);
    }
    if (sendmail == NULL) {
        printf("%d message(s) waiting; nothing sent (no --sendmail)\n",
               n < 0 ? 0 : n);
    } else {
        const struct audit_entry e = {
            .via = "cli",
            .action = "forum.mail",
            .after =
                arena_printf(&a, "{\"sent\":%d,\"failed\":%d}", sent, failed),
        };

        audit_add(db, &e);
        printf("%d message(s) sent, %d failed\n", sent, failed);
    }
    db_close(db);
    arena_free(&a);
    return n < 0 || failed > 0 ? 1 : 0;
}
