/*
** rodzina purge [--before DATE]: delete the helpline contacts dated before
** DATE (past the retention period) in one transaction, with one audit row;
** the monthly summary follows through the table's triggers. Then the
** trainings' participants whose own retention date has passed (issue 18),
** with their attendance, tests and certificates, also with one audit row;
** the grant organisations' representatives past their retention (issue
** 17), with one audit row. Last the e-mail queued more than the
** configuration's mail_keep_days ago (issues 17-19: its text holds names,
** addresses and links), sent or not.
*/
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/config.h"
#include "core/err.h"
#include "core/str.h"
#include "db/db.h"
#include "auth/auth.h"
#include "core/arena.h"
#include "grants/grants.h"
#include "helpline/helpline.h"
#include "training/training.h"

const char cmd_purge_help[] =
    "usage: rodzina purge [--before YYYY-MM-DD] [--config FILE] [--db PATH]\n"
    "                     [--mail-keep-days N]\n"
    "\n"
    "Delete every Niebieska Linia contact dated before the given day (that\n"
    "day itself is kept), in one transaction, and record the purge in the\n"
    "audit log. Prints the number of contacts deleted. Without --before no\n"
    "contact is deleted.\n"
    "\n"
    "Then delete the trainings' participants (sign-ups with their\n"
    "attendance, tests and certificates) whose retention date, stated on\n"
    "the sign-up form, is before today, and record that in the audit log\n"
    "too. Prints the number of participants deleted.\n"
    "\n"
    "Then delete the names and functions of the grant organisations'\n"
    "representatives kept past their retention: five full years after the\n"
    "organisation's last offer, agreement or report, every grant settled.\n"
    "Prints the number of representatives deleted.\n"
    "\n"
    "Last delete the e-mail queued more than mail_keep_days days ago (30\n"
    "unless configured), sent or not (its text holds personal data), also\n"
    "audited. Prints how many.\n"
    "\n"
    "  --config FILE       configuration file, for its db and mail_keep_days\n"
    "  --db PATH           database (default: the configuration's db)\n"
    "  --mail-keep-days N  days e-mail is kept, 1..3650 (default: the\n"
    "                      configuration's mail_keep_days, 30)\n";

int
cmd_purge(int argc, char **argv)
{
    const char *file = NULL, *before = NULL, *flags[CONFIG_KEY_COUNT] = {0};
    const struct cli_opt opts[] = {
        {"config", &file, NULL, 0},
        {"db", &flags[CONFIG_DB], NULL, 0},
        {"before", &before, NULL, 0},
        {"mail-keep-days", &flags[CONFIG_MAIL_KEEP_DAYS], NULL, 0},
        {NULL, NULL, NULL, 0},
    };
    const struct audit_entry who = {.via = "cli"};
    const char *pos[1];
    char err[600];
    struct config c;
    struct arena a;
    struct db *db;
    const char *today;
    int64_t n = 0;
    unsigned keep_days;
    int npos, rc;

    if ((rc = cli_parse("purge", argc, argv, opts, 0, 0, pos, &npos)) != 0) {
        return rc;
    }
    if (before != NULL && !str_date_valid(before)) {
        fprintf(stderr, "rodzina purge: --before takes a date YYYY-MM-DD\n");
        return CLI_USAGE;
    }
    if (config_load(&c, file, flags, err, sizeof(err)) != 0) {
        fprintf(stderr, "rodzina purge: %s\n", err);
        config_free(&c);
        return strncmp(err, "--", 2) == 0 ? CLI_USAGE : 1;
    }
    keep_days = c.mail_keep_days;
    rc = db_open(c.value[CONFIG_DB], 0, &db, err, sizeof(err));
    config_free(&c);
    if (rc != 0) {
        fprintf(stderr, "rodzina purge: %s\n", err);
        return 1;
    }
    arena_init(&a);
    rc = before != NULL ? helpline_purge(db, &a, before, &who, &n) : 0;
    if (rc != 0) {
        fprintf(stderr, "rodzina purge: failed, nothing deleted (%d)\n", rc);
        goto done;
    }
    if (before != NULL) {
        printf("purge: %lld contacts before %s deleted\n", (long long)n,
               before);
    }
    today = training_today_iso(&a);
    if ((rc = training_purge(db, today, &n)) != 0) {
        fprintf(stderr,
                "rodzina purge: trainings' participants: failed, none "
                "deleted (%d)\n",
                rc);
        goto done;
    }
    printf("purge: %lld training participants kept until before %s deleted\n",
           (long long)n, today);
    if ((rc = grant_persons_purge(db, today, &n)) != 0) {
        fprintf(stderr,
                "rodzina purge: grant representatives: failed, none deleted "
                "(%d)\n",
                rc);
        goto done;
    }
    printf("purge: %lld grant organisations' representatives past their "
           "retention deleted\n",
           (long long)n);
    if ((rc = auth_mail_purge(
             db, (int64_t)time(NULL) - (int64_t)keep_days * 24 * 3600, &n)) !=
        0) {
        fprintf(stderr, "rodzina purge: e-mail: failed, none deleted (%d)\n",
                rc);
        goto done;
    }
    printf("purge: %lld e-mail messages queued more than %u days ago "
           "deleted\n",
           (long long)n, keep_days);
done:
    arena_free(&a);
    db_close(db);
    return rc != 0 ? 1 : 0;
}
