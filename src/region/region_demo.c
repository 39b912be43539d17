/*
** The region module's demo data (rodzina init --demo): the regions of the
** seed documents with their settings.
*/
#include <stdio.h>
#include <string.h>

#include "auth/auth.h"
#include "core/arena.h"
#include "core/embedded.h"
#include "core/err.h"
#include "db/db.h"
#include "region/region.h"

/* Field k of a ';'-separated row, as written (the file has no quoting). */
static const char *
csv_field(struct arena *a, const char *row, int k)
{
    const char *s = row, *e;

    while (k-- > 0) {
        if ((s = strchr(s, ';')) == NULL) {
            return "";
        }
        s++;
    }
    e = strchr(s, ';');
    return e ? arena_strndup(a, s, (size_t)(e - s)) : arena_strdup(a, s);
}

/*
** The regions of the seed documents with their settings, from
** data/regions_demo.csv: one row per helpline (see data/README.md).
*/
int
region_demo_load(struct db *db, struct arena *a)
{
    const struct embedded *e = embedded_find(data_files, "regions_demo.csv");
    const struct audit_entry who = {.via = "cli", .action = "demo"};
    struct region_settings s;
    const char *p, *eol, *why = NULL;
    int n = 0, rc;

    if (e == NULL) {
        fprintf(stderr, "demo: regions_demo.csv missing from the build\n");
        return ERR_IO;
    }
    memset(&s, 0, sizeof(s));
    p = strchr(e->data, '\n'); /* past the header */
    for (p = p ? p + 1 : e->data + e->len; *p != '\0';
         p = eol + (*eol != '\0')) {
        const char *row, *woj;

        if ((eol = strchr(p, '\n')) == NULL) {
            eol = p + strlen(p);
        }
        row = arena_strndup(a, p, (size_t)(eol - p));
        woj = csv_field(a, row, 0);
        if (strlen(woj) != 2) {
            continue;
        }
        if (s.woj == NULL || strcmp(s.woj, woj) != 0) {
            memset(&s, 0, sizeof(s));
            s.woj = woj;
            s.office = csv_field(a, row, 1);
            s.address = csv_field(a, row, 2);
            s.info_line = csv_field(a, row, 3);
            s.bip_url = csv_field(a, row, 4);
            n++;
        }
        if (*csv_field(a, row, 6) != '\0' && s.nlines < REGION_MAX_LINES) {
            struct region_line *l = &s.lines[s.nlines++];

            l->name = csv_field(a, row, 5);
            l->phone = csv_field(a, row, 6);
            l->hours = csv_field(a, row, 7);
            region_hours_parse(l->hours, &l->open_from, &l->open_to);
        }
        /* Each row saves its region so far: the last row of it wins. */
        if ((rc = region_save(db, a, &s, &who, &why)) != 0) {
            fprintf(stderr, "demo: region %s: %s\n", woj,
                    why ? why : "store error");
            return rc;
        }
    }
    printf("demo: %d regions\n", n);
    return 0;
}
