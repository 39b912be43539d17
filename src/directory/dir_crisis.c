/*
** The crisis lines shown before any other result: the region's helplines
** and the national lines, each with its hours and whether it is open now.
** Both lists are data compiled into the binary (data/crisis/, each row with
** its source). The region's lines are read in one place, region_lines(),
** so that the region settings can replace the file later without touching
** the pages or the API.
*/
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/embedded.h"
#include "directory.h"

#define CRISIS_MAX 16 /* lines of one answer at most */

/* Split a ';' line in place; returns the number of fields. */
static int
split(char *line, char **f, int max)
{
    int n = 0;

    while (n < max) {
        f[n++] = line;
        line = strchr(line, ';');
        if (line == NULL) {
            break;
        }
        *line++ = '\0';
    }
    return n;
}

/*
** Rows of an embedded ';' file whose first field is key (or every row when
** key is NULL), after the header: fields [from, from + 4) become a line.
*/
static void
read_lines(struct arena *a, const char *file, const char *key, int from,
           int64_t now, struct dir_crisis_line *out, int *n)
{
    const struct embedded *e = embedded_find(data_files, file);
    char *text, *line, *save = NULL;
    bool header = true;

    if (e == NULL) {
        return;
    }
    text = arena_strndup(a, e->data, e->len);
    for (line = strtok_r(text, "\n", &save); line != NULL && *n < CRISIS_MAX;
         line = strtok_r(NULL, "\n", &save)) {
        char *f[8];
        int nf = split(line, f, 8);
        struct dir_crisis_line *l;

        if (header) {
            header = false;
            continue;
        }
        if (nf < from + 3 || (key != NULL && strcmp(f[0], key) != 0)) {
            continue;
        }
        l = &out[(*n)++];
        l->name = f[from];
        l->phone = f[from + 1];
        l->hours = f[from + 2];
        l->info_line = nf > from + 3 && key != NULL ? f[from + 3] : "";
        l->open_now = dir_open_now(a, l->hours, now);
    }
}

/* The region's own lines: the one place to swap for region settings. */
static void
region_lines(struct arena *a, const char *woj, int64_t now,
             struct dir_crisis_line *out, int *n)
{
    read_lines(a, "linie_regionalne.csv", woj, 1, now, out, n);
}

int
dir_crisis_lines(struct arena *a, const char *woj, int64_t now,
                 struct dir_crisis_line **out)
{
    struct dir_crisis_line *l = arena_alloc(a, sizeof(*l) * CRISIS_MAX);
    int n = 0;

    memset(l, 0, sizeof(*l) * CRISIS_MAX);
    if (woj != NULL && strlen(woj) >= 2) {
        region_lines(a, arena_strndup(a, woj, 2), now, l, &n);
    }
    read_lines(a, "linie_krajowe.csv", NULL, 0, now, l, &n);
    *out = l;
    return n;
}

const char *
dir_region_info_line(struct arena *a, const char *woj)
{
    struct dir_crisis_line l[CRISIS_MAX];
    int n = 0, i;

    if (woj == NULL || strlen(woj) < 2) {
        return "";
    }
    region_lines(a, arena_strndup(a, woj, 2), 0, l, &n);
    for (i = 0; i < n; i++) {
        if (*l[i].info_line != '\0') {
            return l[i].info_line;
        }
    }
    return "";
}

bool
dir_about_violence(const char *category, const char *target)
{
    return (category != NULL && strcmp(category, "przemoc") == 0) ||
           (target != NULL && strcmp(target, "przemoc") == 0);
}

bool
dir_violence_category(const char *category)
{
    static const char *const kept[] = {"przemoc", "kryzys", "prawna",
                                       "telefon"};
    size_t i;

    for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++) {
        if (category != NULL && strcmp(category, kept[i]) == 0) {
            return true;
        }
    }
    return false;
}
